// migsafe migrate / status on a real PostgreSQL 15 started by the test; every test asserts on
// the database afterwards.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "parse/loader.hpp"
#include "pg/connection.hpp"
#include "pg/server.hpp"
#include "runner/runner.hpp"
#include "support.hpp"

namespace migsafe::test {
namespace {

class RunnerTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto s = pg::TempServer::start();
        ASSERT_TRUE(s) << s.error().message;
        server_ = std::move(*s);
    }
    static void TearDownTestSuite() { server_.reset(); }

    void SetUp() override {
        static int n = 0;
        db_ = "runner_" + std::to_string(++n);
        auto admin = pg::Connection::open(server_->conninfo());
        ASSERT_TRUE(admin);
        ASSERT_TRUE((*admin)->exec("CREATE DATABASE " + db_));
        dir_ = (std::filesystem::temp_directory_path() / ("migsafe-runner-" + std::to_string(::getpid()) + "-" + db_)).string();
        std::filesystem::remove_all(dir_);
        write_file(dir_ + "/migsafe.toml", "service = \"orders\"\ntable = \"migsafe_migrations_orders\"\n[test]\nurl = \"" +
                                               url() + "\"\nretries = \"2\"\nbackoff = \"100ms\"\nlock_timeout = \"300ms\"\n");
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    std::string url() const { return "postgresql:///" + db_ + "?host=" + server_->dir() + "&port=" + std::to_string(server_->port()) + "&user=postgres"; }
    std::string conninfo() const { return server_->conninfo(db_); }

    void migration(const std::string& name, const std::string& text) { write_file(dir_ + "/db/migrations/" + name, text); }

    Result<int> run(const std::string& action, bool all = false, bool allow_edited = false, std::vector<std::string>* progress = nullptr) {
        auto project = load_project(dir_, {});
        if (!project) return project.error();
        project_ = std::make_unique<Project>(std::move(*project));
        auto s = runner::resolve_settings(project_->config, "test");
        if (!s) return s.error();
        runner::Options o;
        o.allow_edited = allow_edited;
        o.progress = [progress](const std::string& l) {
            if (progress) progress->push_back(l);
        };
        auto r = runner::Runner::open(*project_, *s, o);
        if (!r) return r.error();
        if (action == "latest") return (*r)->latest();
        if (action == "rollback") return (*r)->rollback(all);
        if (action == "repair") return (*r)->repair();
        if (action == "up") return (*r)->up();
        return Error{"", 0, "unknown"};
    }

    std::vector<std::vector<std::string>> query(const std::string& sql) {
        auto c = pg::Connection::open(conninfo());
        EXPECT_TRUE(c);
        auto r = (*c)->exec(sql);
        EXPECT_TRUE(r) << sql << ": " << (r ? "" : r.error().message);
        return r ? r->values : std::vector<std::vector<std::string>>{};
    }
    bool table_exists(const std::string& t) { return query("SELECT to_regclass('" + t + "') IS NOT NULL")[0][0] == "t"; }

    static inline std::unique_ptr<pg::TempServer> server_;
    std::string db_, dir_;
    std::unique_ptr<Project> project_;
};

const char* kOrders = "-- migrate:up\nCREATE TABLE orders (id uuid PRIMARY KEY, total_cents bigint NOT NULL);\n\n-- migrate:down\nDROP TABLE orders;\n";
const char* kItems =
    "-- migrate:up\nCREATE TABLE order_items (id uuid PRIMARY KEY, order_id uuid NOT NULL REFERENCES orders (id));\n"
    "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$; -- a ; in a body\n\n"
    "-- migrate:down\nDROP FUNCTION f();\nDROP TABLE order_items;\n";

}  // namespace

TEST_F(RunnerTest, LatestStatusNewBatchRollbackAndRollbackAll) {
    migration("20240101000000_create_orders.sql", kOrders);
    migration("20240102000000_create_order_items.sql", kItems);
    auto n = run("latest");
    ASSERT_TRUE(n) << n.error().message;
    EXPECT_EQ(*n, 2);
    EXPECT_TRUE(table_exists("orders"));
    EXPECT_TRUE(table_exists("order_items"));
    auto rows = query("SELECT name, batch, checksum IS NOT NULL, applied_by IS NOT NULL, dirty FROM migsafe_migrations_orders ORDER BY id");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0][0], "20240101000000_create_orders.sql");
    EXPECT_EQ(rows[0][1], "1");
    EXPECT_EQ(rows[1][1], "1");
    EXPECT_EQ(rows[0][2], "t");
    EXPECT_EQ(rows[0][4], "f");
    // Nothing left to do.
    EXPECT_EQ(*run("latest"), 0);
    // A new file is pending, then batch 2.
    migration("20240103000000_add_orders_note.sql",
              "-- migrate:up\nALTER TABLE orders ADD COLUMN IF NOT EXISTS note text;\n\n-- migrate:down\nALTER TABLE orders DROP COLUMN IF EXISTS note;\n");
    EXPECT_EQ(*run("latest"), 1);
    EXPECT_EQ(query("SELECT batch FROM migsafe_migrations_orders WHERE name LIKE '%note%'")[0][0], "2");
    EXPECT_EQ(query("SELECT count(*) FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'note'")[0][0], "1");
    // Rollback one batch: only the note.
    EXPECT_EQ(*run("rollback"), 1);
    EXPECT_EQ(query("SELECT count(*) FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'note'")[0][0], "0");
    EXPECT_TRUE(table_exists("order_items"));
    // Rollback everything: no table left but the bookkeeping one.
    EXPECT_EQ(*run("rollback", true), 2);
    EXPECT_FALSE(table_exists("orders"));
    EXPECT_FALSE(table_exists("order_items"));
    EXPECT_EQ(query("SELECT count(*) FROM migsafe_migrations_orders")[0][0], "0");
    EXPECT_EQ(query("SELECT count(*) FROM pg_proc WHERE proname = 'f'")[0][0], "0");
}

TEST_F(RunnerTest, StatusShowsAppliedPendingEditedAndMissing) {
    migration("20240101000000_create_orders.sql", kOrders);
    migration("20240102000000_create_order_items.sql", kItems);
    ASSERT_TRUE(run("latest"));
    migration("20240101000000_create_orders.sql", std::string(kOrders) + "-- edited after it was applied\n");
    std::filesystem::remove(dir_ + "/db/migrations/20240102000000_create_order_items.sql");
    migration("20240103000000_add_orders_note.sql", "-- migrate:up\nALTER TABLE orders ADD COLUMN note text;\n-- migrate:down\nALTER TABLE orders DROP COLUMN note;\n");
    auto cli = run_migsafe({"status", dir_, "--env", "test"});
    EXPECT_EQ(cli.exit_code, 1) << cli.err;  // edited and missing are worth a non-zero exit
    EXPECT_NE(cli.out.find("orders: 2 applied, 1 pending"), std::string::npos) << cli.out;
    EXPECT_NE(cli.out.find("applied  20240101000000_create_orders.sql  batch 1"), std::string::npos) << cli.out;
    EXPECT_NE(cli.out.find("pending  20240103000000_add_orders_note.sql"), std::string::npos) << cli.out;
    EXPECT_NE(cli.out.find("EDITED   20240101000000_create_orders.sql"), std::string::npos) << cli.out;
    EXPECT_NE(cli.out.find("MISSING  20240102000000_create_order_items.sql"), std::string::npos) << cli.out;
    // --dry-run lists statements with their lock modes and changes nothing.
    auto dry = run_migsafe({"migrate", "latest", dir_, "--env", "test", "--dry-run", "--allow-edited"});
    EXPECT_EQ(dry.exit_code, 0) << dry.err;
    EXPECT_NE(dry.out.find("ACCESS EXCLUSIVE on orders  ALTER TABLE orders ADD COLUMN note text"), std::string::npos) << dry.out;
    EXPECT_EQ(query("SELECT count(*) FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'note'")[0][0], "0");
}

TEST_F(RunnerTest, EditedMigrationIsRefusedUnlessAllowed) {
    migration("20240101000000_create_orders.sql", kOrders);
    ASSERT_TRUE(run("latest"));
    migration("20240101000000_create_orders.sql", std::string(kOrders) + "-- edited\n");
    migration("20240102000000_create_order_items.sql", kItems);
    auto r = run("latest");
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("edited since it was applied"), std::string::npos);
    EXPECT_FALSE(table_exists("order_items"));
    EXPECT_TRUE(run("latest", false, true));
    EXPECT_TRUE(table_exists("order_items"));
}

TEST_F(RunnerTest, BlockedMigrationRetriesNamesTheBlockerAndLeavesNothingHalfApplied) {
    migration("20240101000000_create_orders.sql", kOrders);
    ASSERT_TRUE(run("latest"));
    migration("20240102000000_add_orders_note.sql",
              "-- migrate:up\nCREATE TABLE audit_marker (id int);\nALTER TABLE orders ADD COLUMN note text;\n\n-- migrate:down\nALTER TABLE orders DROP COLUMN note;\nDROP TABLE audit_marker;\n");
    auto blocker = pg::Connection::open(conninfo());
    ASSERT_TRUE(blocker);
    ASSERT_TRUE((*blocker)->exec("BEGIN; SELECT count(*) FROM orders;"));  // ACCESS SHARE held, idle in transaction
    std::vector<std::string> progress;
    auto start = std::chrono::steady_clock::now();
    auto r = run("latest", false, false, &progress);
    auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_FALSE(r);
    EXPECT_LT(secs, 10.0);
    EXPECT_NE(r.error().message.find("lock_timeout (300ms) after 2 retries"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("pid " + std::to_string((*blocker)->backend_pid())), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("SELECT count(*) FROM orders"), std::string::npos) << r.error().message;
    EXPECT_EQ(progress.size(), 2u);  // two retries announced
    EXPECT_FALSE(table_exists("audit_marker"));  // rolled back whole
    EXPECT_EQ(query("SELECT count(*) FROM migsafe_migrations_orders")[0][0], "1");
    (*blocker)->exec("ROLLBACK");
    EXPECT_TRUE(run("latest"));
    EXPECT_TRUE(table_exists("audit_marker"));
}

TEST_F(RunnerTest, FailingNonTransactionalMigrationIsDirtyUntilRepaired) {
    migration("20240101000000_create_orders.sql", kOrders);
    migration("20240102000000_index_orders.sql",
              "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_total ON orders (total_cents);\n"
              "CREATE INDEX CONCURRENTLY idx_orders_missing ON orders (no_such_column);\n\n"
              "-- migrate:down transaction:false\nDROP INDEX CONCURRENTLY IF EXISTS idx_orders_total;\n");
    auto r = run("latest");
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("marked dirty"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("no_such_column"), std::string::npos);
    auto rows = query("SELECT dirty, failed_statement FROM migsafe_migrations_orders WHERE name LIKE '%index_orders%'");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0][0], "t");
    // The first statement ran, outside any transaction.
    EXPECT_EQ(query("SELECT count(*) FROM pg_indexes WHERE indexname = 'idx_orders_total'")[0][0], "1");
    // Further runs refuse.
    auto again = run("latest");
    ASSERT_FALSE(again);
    EXPECT_NE(again.error().message.find("migsafe migrate repair"), std::string::npos);
    // Fix the file, repair, run: the guarded statement is skipped, the fixed one runs.
    migration("20240102000000_index_orders.sql",
              "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_total ON orders (total_cents);\n\n"
              "-- migrate:down transaction:false\nDROP INDEX CONCURRENTLY IF EXISTS idx_orders_total;\n");
    EXPECT_EQ(*run("repair"), 1);
    ASSERT_TRUE(run("latest"));
    EXPECT_EQ(query("SELECT dirty FROM migsafe_migrations_orders WHERE name LIKE '%index_orders%'")[0][0], "f");
    EXPECT_EQ(query("SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'idx_orders_total' AND i.indisvalid")[0][0], "1");
}

TEST_F(RunnerTest, TwoRunnersAtOnceApplyEachMigrationOnce) {
    migration("20240101000000_create_orders.sql", kOrders);
    migration("20240102000000_slow_backfill.sql",
              "-- migrate:up\nSELECT pg_sleep(0.5);\nCREATE TABLE backfill_done (id int);\n\n-- migrate:down\nDROP TABLE backfill_done;\n");
    auto p1 = load_project(dir_, {});
    auto p2 = load_project(dir_, {});
    ASSERT_TRUE(p1 && p2);
    auto s = runner::resolve_settings(p1->config, "test");
    ASSERT_TRUE(s);
    Result<int> r1 = 0, r2 = 0;
    std::thread a([&] {
        auto r = runner::Runner::open(*p1, *s, {});
        r1 = r ? (*r)->latest() : Result<int>(r.error());
    });
    std::thread b([&] {
        auto r = runner::Runner::open(*p2, *s, {});
        r2 = r ? (*r)->latest() : Result<int>(r.error());
    });
    a.join();
    b.join();
    ASSERT_TRUE(r1) << r1.error().message;
    ASSERT_TRUE(r2) << r2.error().message;
    EXPECT_EQ(*r1 + *r2, 2);  // one applied both, the other found nothing left
    EXPECT_EQ(query("SELECT count(*) FROM migsafe_migrations_orders")[0][0], "2");
}

TEST_F(RunnerTest, BadPasswordErrorShowsNoPassword) {
    write_file(dir_ + "/migsafe.toml", "[test]\nurl = \"postgresql://app:S3cretPassw0rd@/nodb?host=/nonexistent-socket-dir\"\n");
    migration("20240101000000_create_orders.sql", kOrders);
    auto r = run("latest");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message.find("S3cretPassw0rd"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("***"), std::string::npos) << r.error().message;
    // ... and through the CLI.
    auto cli = run_migsafe({"migrate", "latest", dir_, "--env", "test"});
    EXPECT_EQ(cli.err.find("S3cretPassw0rd"), std::string::npos) << cli.err;
    EXPECT_NE(cli.exit_code, 0);
}

TEST_F(RunnerTest, KillNineMidMigrationLeavesNothingAndNoStuckLock) {
    migration("20240101000000_create_orders.sql", kOrders);
    migration("20240102000000_slow_change.sql",
              "-- migrate:up\nCREATE TABLE half_done (id int);\nSELECT pg_sleep(30);\n\n-- migrate:down\nDROP TABLE half_done;\n");
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        std::string bin = MIGSAFE_BINARY;
        execl(bin.c_str(), bin.c_str(), "migrate", "latest", dir_.c_str(), "--env", "test", static_cast<char*>(nullptr));
        _exit(127);
    }
    // Wait until the slow migration is running.
    for (int i = 0; i < 100; ++i) {
        auto rows = query("SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()");
        if (!rows.empty() && rows[0][0] != "0") break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    // The server notices the dead client; its transaction is rolled back and its locks go.
    for (int i = 0; i < 100; ++i) {
        auto rows = query("SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()");
        if (!rows.empty() && rows[0][0] == "0") break;
        query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()");
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_FALSE(table_exists("half_done"));
    EXPECT_EQ(query("SELECT count(*) FROM migsafe_migrations_orders WHERE name LIKE '%slow%'")[0][0], "0");
    EXPECT_EQ(query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")[0][0], "0");
    // The next run succeeds (with a quick version of the migration).
    migration("20240102000000_slow_change.sql", "-- migrate:up\nCREATE TABLE half_done (id int);\n\n-- migrate:down\nDROP TABLE half_done;\n");
    auto r = run("latest", false, true);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_TRUE(table_exists("half_done"));
}

}  // namespace migsafe::test
