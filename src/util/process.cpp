#include "util/process.hpp"

#include <grp.h>
#include <signal.h>
#include <pwd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace migsafe {

Result<std::pair<unsigned, unsigned>> user_ids(const std::string& user) {
    struct passwd* pw = getpwnam(user.c_str());
    if (!pw) return Error{"", 0, "no system user '" + user + "'"};
    return std::make_pair(static_cast<unsigned>(pw->pw_uid), static_cast<unsigned>(pw->pw_gid));
}

Result<ProcessResult> run_process(const std::vector<std::string>& argv, const ProcessOptions& options) {
    if (argv.empty()) return Error{"", 0, "empty command"};
    bool switch_user = !options.run_as.empty() && geteuid() == 0;
    uid_t uid = 0;
    gid_t gid = 0;
    if (switch_user) {
        auto ids = user_ids(options.run_as);
        if (!ids) return ids.error();
        uid = ids->first;
        gid = ids->second;
    }
    std::vector<std::string> env_s;
    for (char** e = environ; *e; ++e) env_s.emplace_back(*e);
    for (const auto& e : options.env) env_s.push_back(e);
    std::vector<char*> args, envp;
    std::vector<std::string> argv_copy = argv;
    for (auto& a : argv_copy) args.push_back(a.data());
    args.push_back(nullptr);
    for (auto& e : env_s) envp.push_back(e.data());
    envp.push_back(nullptr);

    int fds[2] = {-1, -1};
    if (options.capture && pipe(fds) != 0) return Error{"", 0, std::string("pipe: ") + std::strerror(errno)};
    pid_t pid = fork();
    if (pid < 0) return Error{"", 0, std::string("fork: ") + std::strerror(errno)};
    if (pid == 0) {
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, nullptr);
        if (options.capture) {
            dup2(fds[1], 1);
            dup2(fds[1], 2);
            close(fds[0]);
            close(fds[1]);
        }
        if (switch_user) {
            if (setgroups(0, nullptr) != 0 || setgid(gid) != 0 || setuid(uid) != 0) _exit(126);
        }
        execve(args[0], args.data(), envp.data());
        _exit(127);
    }
    ProcessResult r;
    if (options.capture) {
        close(fds[1]);
        char buf[8192];
        ssize_t n;
        while ((n = read(fds[0], buf, sizeof buf)) > 0) r.output.append(buf, static_cast<size_t>(n));
        close(fds[0]);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (r.exit_code == 127) return Error{argv[0], 0, "cannot execute"};
    return r;
}

}  // namespace migsafe
