// The static model against a real PostgreSQL 15 (started by the test): for each statement,
// the strongest lock the backend holds on the target table (pg_locks) must equal the lock
// mode `audit` assigns; and the server facts the checks rely on hold.
#include <gtest/gtest.h>

#include <algorithm>

#include "parse/sql/transform.hpp"
#include "pg/connection.hpp"
#include "pg/server.hpp"

namespace migsafe {
namespace {

class PgLockModel : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto s = pg::TempServer::start();
        ASSERT_TRUE(s) << s.error().message;
        server_ = std::move(*s);
        auto c = pg::Connection::open(server_->conninfo());
        ASSERT_TRUE(c) << c.error().message;
        conn_ = std::move(*c);
        auto r = conn_->exec(
            "CREATE TABLE parent (id int PRIMARY KEY);"
            "CREATE TABLE t (id int PRIMARY KEY, parent_id int, x int, name text);"
            "CREATE INDEX t_x ON t (x);"
            "ALTER TABLE t ADD CONSTRAINT t_chk CHECK (x >= 0) NOT VALID;"
            "CREATE FUNCTION trg_fn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;"
            "CREATE TRIGGER trg_existing BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION trg_fn();"
            "CREATE POLICY p_existing ON t USING (true);"
            "INSERT INTO parent SELECT g FROM generate_series(1, 10) g;"
            "INSERT INTO t SELECT g, g, g, 'n' || g FROM generate_series(1, 100) g;");
        ASSERT_TRUE(r) << r.error().message;
    }
    static void TearDownTestSuite() {
        conn_.reset();
        server_.reset();
    }

    // Strongest granted lock mode the session holds on `table` after running `sql` (rolled back).
    static std::string observed(const std::string& sql, const std::string& table) {
        EXPECT_TRUE(conn_->exec("BEGIN"));
        auto oid = conn_->exec_params("SELECT $1::regclass::oid", {table});  // the name may change
        auto r = conn_->exec(sql);
        EXPECT_TRUE(r) << sql << ": " << (r ? "" : r.error().message);
        auto locks = conn_->exec_params(
            "SELECT l.mode FROM pg_locks l WHERE l.pid = pg_backend_pid() AND l.granted AND l.relation = $1",
            {oid ? oid->values[0][0] : "0"});
        conn_->exec("ROLLBACK");
        static const std::vector<std::string> order = {"AccessShareLock",          "RowShareLock",
                                                       "RowExclusiveLock",         "ShareUpdateExclusiveLock",
                                                       "ShareLock",                "ShareRowExclusiveLock",
                                                       "ExclusiveLock",            "AccessExclusiveLock"};
        int best = -1;
        if (locks)
            for (const auto& row : locks->values) {
                auto it = std::find(order.begin(), order.end(), row[0]);
                if (it != order.end()) best = std::max(best, static_cast<int>(it - order.begin()));
            }
        return best < 0 ? "NONE" : std::string(to_string(static_cast<LockMode>(best + 1)));
    }

    // Strongest lock the static model gives `table` for `sql`.
    static std::string modelled(const std::string& sql, const std::string& table) {
        sql::Parser parser;
        SourceText src(sql);
        sql::Chunk c;
        c.source = &src;
        c.end = sql.size();
        std::vector<Operation> ops;
        std::vector<ParseError> errors;
        sql::parse_chunk(parser, c, ops, errors);
        LockMode best = LockMode::None;
        for (const auto& op : ops) {
            bool target = op.table == table || (op.table.empty() && (op.kind == OpKind::DropIndex || op.kind == OpKind::Reindex));
            if (target) best = std::max(best, op.lock);
            for (const auto& [t, m] : op.other_locks)
                if (t == table) best = std::max(best, m);
        }
        return std::string(to_string(best));
    }

    static inline std::unique_ptr<pg::TempServer> server_;
    static inline std::unique_ptr<pg::Connection> conn_;
};

TEST_F(PgLockModel, StaticLockModesMatchPgLocks) {
    struct Case {
        std::string sql, table;
    };
    std::vector<Case> cases = {
        {"ALTER TABLE t ADD COLUMN y int", "t"},
        {"ALTER TABLE t ADD COLUMN z int NOT NULL DEFAULT 0", "t"},
        {"ALTER TABLE t ALTER COLUMN x SET NOT NULL", "t"},
        {"ALTER TABLE t ALTER COLUMN x DROP NOT NULL", "t"},
        {"ALTER TABLE t ALTER COLUMN x SET DEFAULT 5", "t"},
        {"ALTER TABLE t ALTER COLUMN x TYPE bigint", "t"},
        {"ALTER TABLE t DROP COLUMN name", "t"},
        {"ALTER TABLE t RENAME COLUMN name TO title", "t"},
        {"ALTER TABLE t RENAME TO t_renamed", "t"},
        {"ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (parent_id) REFERENCES parent (id) NOT VALID", "t"},
        {"ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (parent_id) REFERENCES parent (id) NOT VALID", "parent"},
        {"ALTER TABLE t ADD CONSTRAINT c_pos CHECK (x > 0) NOT VALID", "t"},
        {"ALTER TABLE t VALIDATE CONSTRAINT t_chk", "t"},
        {"ALTER TABLE t DROP CONSTRAINT t_chk", "t"},
        {"ALTER TABLE t ENABLE ROW LEVEL SECURITY", "t"},
        {"ALTER TABLE t FORCE ROW LEVEL SECURITY", "t"},
        {"ALTER TABLE t SET (fillfactor = 70)", "t"},
        {"ALTER TABLE t ALTER COLUMN x SET STATISTICS 200", "t"},
        {"ALTER TABLE t DISABLE TRIGGER trg_existing", "t"},
        {"CREATE INDEX t_name ON t (name)", "t"},
        {"CREATE UNIQUE INDEX t_name_u ON t (name)", "t"},
        {"DROP INDEX t_x", "t"},
        {"REINDEX TABLE t", "t"},
        {"CREATE TRIGGER trg_new AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg_fn()", "t"},
        {"DROP TRIGGER trg_existing ON t", "t"},
        {"CREATE POLICY p_new ON t USING (x > 0)", "t"},
        {"DROP POLICY p_existing ON t", "t"},
        {"CREATE TABLE child (id int PRIMARY KEY, t_id int REFERENCES t (id))", "t"},
        {"INSERT INTO t (id, x) VALUES (1000, 1)", "t"},
        {"UPDATE t SET x = x + 1 WHERE id < 10", "t"},
        {"DELETE FROM t WHERE id > 90", "t"},
        {"TRUNCATE t", "t"},
        {"LOCK TABLE t IN SHARE MODE", "t"},
        {"COMMENT ON TABLE t IS 'tickets'", "t"},
        {"DROP TABLE t", "t"},
    };
    for (const auto& c : cases) EXPECT_EQ(modelled(c.sql, c.table), observed(c.sql, c.table)) << c.sql << " on " << c.table;
}

TEST_F(PgLockModel, ConstantAndStableDefaultsDoNotRewriteVolatileOnesDo) {
    auto relfilenode = [&]() { return conn_->exec("SELECT relfilenode FROM pg_class WHERE relname = 't'")->values[0][0]; };
    conn_->exec("BEGIN");
    std::string before = relfilenode();
    ASSERT_TRUE(conn_->exec("ALTER TABLE t ADD COLUMN d1 int DEFAULT 0"));
    ASSERT_TRUE(conn_->exec("ALTER TABLE t ADD COLUMN d2 timestamptz DEFAULT now()"));
    EXPECT_EQ(before, relfilenode()) << "constant and now() defaults must not rewrite";
    ASSERT_TRUE(conn_->exec("ALTER TABLE t ADD COLUMN d3 timestamptz DEFAULT clock_timestamp()"));
    std::string after_clock = relfilenode();
    EXPECT_NE(before, after_clock) << "clock_timestamp() default rewrites";
    ASSERT_TRUE(conn_->exec("ALTER TABLE t ADD COLUMN d4 uuid DEFAULT gen_random_uuid()"));
    EXPECT_NE(after_clock, relfilenode()) << "gen_random_uuid() default rewrites";
    conn_->exec("ROLLBACK");
    // ... and the parser classifies them the same way.
    sql::Parser parser;
    SourceText src("ALTER TABLE t ADD COLUMN a timestamptz DEFAULT now(), ADD COLUMN b timestamptz DEFAULT clock_timestamp();");
    sql::Chunk c;
    c.source = &src;
    c.end = src.text().size();
    std::vector<Operation> ops;
    std::vector<ParseError> errs;
    sql::parse_chunk(parser, c, ops, errs);
    ASSERT_EQ(ops.size(), 2u);
    EXPECT_FALSE(ops[0].column_defs[0].default_volatile);
    EXPECT_TRUE(ops[1].column_defs[0].default_volatile);
}

TEST_F(PgLockModel, MultiStatementStringIsOneTransaction) {
    // dbmate sends a section as one query string: CONCURRENTLY cannot share it.
    auto r = conn_->exec("SET lock_timeout = '5s'; CREATE INDEX CONCURRENTLY t_cx ON t (x);");
    ASSERT_FALSE(r);
    EXPECT_EQ(conn_->last_sqlstate(), "25001");
    EXPECT_NE(r.error().message.find("cannot run inside a transaction block"), std::string::npos);
    // Alone, it runs.
    EXPECT_TRUE(conn_->exec("CREATE INDEX CONCURRENTLY t_cx ON t (x)"));
    EXPECT_TRUE(conn_->exec("DROP INDEX CONCURRENTLY t_cx"));
    // SET LOCAL inside a multi-statement string lasts for the rest of the string.
    auto show = conn_->exec("SET LOCAL lock_timeout = '7s'; SHOW lock_timeout;");
    ASSERT_TRUE(show);
    EXPECT_EQ(show->values[0][0], "7s");
}

}  // namespace
}  // namespace migsafe
