// migsafe verify through the binary: results, exit codes, and no server left behind.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "pg/connection.hpp"
#include "pg/server.hpp"
#include "support.hpp"

namespace migsafe::test {
namespace {

// A TMPDIR of its own: the private server lives below it, so we can see whether it is gone.
struct Tmp {
    std::string dir;
    Tmp() {
        dir = (std::filesystem::temp_directory_path() / ("migsafe-verify-test-" + std::to_string(::getpid()) + "-" +
                                                         std::to_string(counter()++)))
                  .string();
        std::filesystem::create_directories(dir);
        std::filesystem::permissions(dir, std::filesystem::perms::all);
    }
    ~Tmp() { std::filesystem::remove_all(dir); }
    static int& counter() {
        static int n = 0;
        return n;
    }
    // postgres processes whose command line names our folder
    int servers() const {
        int n = 0;
        for (const auto& e : std::filesystem::directory_iterator("/proc")) {
            std::string pid = e.path().filename().string();
            if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
            std::ifstream in(e.path() / "cmdline");
            std::string cmd((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            if (cmd.find(dir) != std::string::npos && cmd.find("postgres") != std::string::npos) ++n;
        }
        return n;
    }
    bool empty() const { return std::filesystem::is_empty(dir); }
};

std::string fixture(const std::string& c) { return source_dir() + "/tests/verify/" + c; }

}  // namespace

TEST(Verify, CleanProjectPassesWithItsLockTrace) {
    Tmp tmp;
    auto r = run_migsafe({"verify", fixture("clean")}, "", {"TMPDIR=" + tmp.dir});
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_tenant ON orders (tenant_id)  [SHARE UPDATE EXCLUSIVE orders"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text  [ACCESS EXCLUSIVE orders; blocks reads and writes]"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("result: clean"), std::string::npos);
    EXPECT_EQ(r.out.find("static model differs"), std::string::npos) << r.out;
    EXPECT_EQ(tmp.servers(), 0);
    EXPECT_TRUE(tmp.empty());
    auto j = run_migsafe({"verify", fixture("clean"), "--format", "json"}, "", {"TMPDIR=" + tmp.dir});
    EXPECT_EQ(j.exit_code, 0);
    EXPECT_NE(j.out.find("\"clean\": true"), std::string::npos);
    EXPECT_NE(j.out.find("\"mode\": \"SHARE UPDATE EXCLUSIVE\""), std::string::npos);
}

TEST(Verify, DownThatForgetsATableFailsNamingIt) {
    Tmp tmp;
    auto r = run_migsafe({"verify", fixture("forgets-table")}, "", {"TMPDIR=" + tmp.dir});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.out.find("down of 20250301090100_create_order_lines.sql left table order_lines"), std::string::npos) << r.out;
    EXPECT_EQ(tmp.servers(), 0);
    EXPECT_TRUE(tmp.empty());
}

TEST(Verify, DownThatForgetsAnIndexAFunctionAndAPolicyNamesEach) {
    Tmp tmp;
    auto r = run_migsafe({"verify", fixture("forgets-objects")}, "", {"TMPDIR=" + tmp.dir});
    EXPECT_EQ(r.exit_code, 1);
    for (const char* what : {"left index idx_orders_total", "left function orders_touch()", "left policy orders.orders_tenant"})
        EXPECT_NE(r.out.find(std::string("down of 20250301090100_add_orders_guards.sql ") + what), std::string::npos)
            << what << "\n" << r.out;
    EXPECT_EQ(tmp.servers(), 0);
}

TEST(Verify, TicketServiceVerifiesCleanOnPlatformCore) {
    Tmp tmp;
    auto r = run_migsafe({"verify", source_dir() + "/examples/ticket-service", "--base", source_dir() + "/examples/platform-core"}, "",
                         {"TMPDIR=" + tmp.dir});
    EXPECT_EQ(r.exit_code, 0) << r.out.substr(r.out.size() > 2000 ? r.out.size() - 2000 : 0) << r.err;
    EXPECT_NE(r.out.find("verify ticket-service (base: platform-core)"), std::string::npos);
    EXPECT_EQ(tmp.servers(), 0);
}

TEST(Verify, InterruptStopsAndRemovesTheServer) {
    Tmp tmp;
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        setenv("TMPDIR", tmp.dir.c_str(), 1);
        std::string bin = MIGSAFE_BINARY, path = source_dir() + "/examples/ticket-service", base = source_dir() + "/examples/platform-core";
        freopen("/dev/null", "w", stdout);
        freopen("/dev/null", "w", stderr);
        execl(bin.c_str(), bin.c_str(), "verify", path.c_str(), "--base", base.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    for (int i = 0; i < 200 && tmp.servers() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ASSERT_GT(tmp.servers(), 0) << "the private server never started";
    kill(pid, SIGINT);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 130);
    for (int i = 0; i < 100 && tmp.servers() > 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_EQ(tmp.servers(), 0);
    EXPECT_TRUE(tmp.empty());
}

TEST(Verify, UrlUsesAScratchDatabaseAndDropsIt) {
    auto server = pg::TempServer::start();
    ASSERT_TRUE(server) << server.error().message;
    auto r = run_migsafe({"verify", fixture("clean"), "--url", (*server)->conninfo(), "--format", "json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("\"private_server\": false"), std::string::npos);
    auto c = pg::Connection::open((*server)->conninfo());
    ASSERT_TRUE(c);
    auto dbs = (*c)->exec("SELECT count(*) FROM pg_database WHERE datname LIKE 'migsafe_verify_%'");
    ASSERT_TRUE(dbs);
    EXPECT_EQ(dbs->values[0][0], "0");
}

TEST(Verify, UsageErrorsExitTwo) {
    EXPECT_EQ(run_migsafe({"verify", fixture("clean"), "--format", "xml"}).exit_code, 2);
    EXPECT_EQ(run_migsafe({"verify", "/nonexistent"}).exit_code, 2);
}

}  // namespace migsafe::test
