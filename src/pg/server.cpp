#include "pg/server.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "util/process.hpp"

namespace fs = std::filesystem;

namespace migsafe::pg {
namespace {

// A port nobody listens on now (the server then listens only on its unix socket, named by it).
int free_port() {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0) return 55432;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    int port = 55432;
    if (bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
        socklen_t len = sizeof addr;
        if (getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len) == 0) port = ntohs(addr.sin_port);
    }
    close(s);
    return port;
}

}  // namespace

Result<std::string> find_server_bindir() {
    if (const char* d = std::getenv("PG_BINDIR"); d && *d) return std::string(d);
    for (int v = 18; v >= 12; --v) {
        std::string dir = "/usr/lib/postgresql/" + std::to_string(v) + "/bin";
        if (fs::exists(dir + "/initdb") && fs::exists(dir + "/pg_ctl")) return dir;
    }
    return Error{"", 0, "no PostgreSQL server binaries (install postgresql-15, or set PG_BINDIR)"};
}

Result<std::unique_ptr<TempServer>> TempServer::start() {
    auto bin = find_server_bindir();
    if (!bin) return bin.error();
    std::unique_ptr<TempServer> s(new TempServer());
    s->bin_ = *bin;
    std::string tmpl = (fs::temp_directory_path() / "migsafe-pg-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) return Error{"", 0, "cannot create a temporary folder"};
    s->dir_ = tmpl;
    ProcessOptions po;
    if (geteuid() == 0) {
        s->run_as_ = "postgres";
        po.run_as = "postgres";
        auto ids = user_ids("postgres");
        if (!ids) return Error{"", 0, "running as root needs the 'postgres' system user (install postgresql-15)"};
        fs::permissions(s->dir_, fs::perms::owner_all);
        if (chown(s->dir_.c_str(), ids->first, ids->second) != 0) return Error{s->dir_, 0, "cannot hand the folder to postgres"};
    }
    po.env = {"LC_ALL=C", "TZ=UTC"};
    auto init = run_process({s->bin_ + "/initdb", "-D", s->dir_ + "/data", "-A", "trust", "-U", "postgres", "-E", "UTF8",
                             "--no-sync", "--no-instructions"},
                            po);
    if (!init || init->exit_code != 0) {
        std::string out = init ? init->output : init.error().message;
        return Error{"", 0, "initdb failed: " + out.substr(0, 300)};
    }
    s->port_ = free_port();
    std::string opts = "-c listen_addresses= -c unix_socket_directories=" + s->dir_ + " -p " + std::to_string(s->port_) +
                       " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
    auto start = run_process({s->bin_ + "/pg_ctl", "-D", s->dir_ + "/data", "-o", opts, "-l", s->dir_ + "/server.log",
                              "-w", "-t", "60", "start"},
                             po);
    if (!start || start->exit_code != 0) {
        std::string out = start ? start->output : start.error().message;
        return Error{"", 0, "pg_ctl start failed: " + out.substr(0, 300)};
    }
    s->running_ = true;
    return s;
}

std::string TempServer::conninfo(const std::string& dbname) const {
    return "host=" + dir_ + " port=" + std::to_string(port_) + " user=postgres dbname=" + dbname;
}

void TempServer::stop() {
    if (running_) {
        ProcessOptions po;
        po.run_as = run_as_;
        (void)run_process({bin_ + "/pg_ctl", "-D", dir_ + "/data", "-m", "immediate", "-w", "stop"}, po);
        running_ = false;
    }
    if (!dir_.empty()) {
        std::error_code ec;
        fs::remove_all(dir_, ec);
        dir_.clear();
    }
}

TempServer::~TempServer() { stop(); }

}  // namespace migsafe::pg
