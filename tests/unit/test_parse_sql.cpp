// The SQL front end: statements become operations with exact locations and lock modes.
#include <gtest/gtest.h>

#include "parse/sql/transform.hpp"

using namespace migsafe;

namespace {

std::vector<Operation> parse(const std::string& text, std::vector<ParseError>* errors = nullptr) {
    static sql::Parser parser;
    static std::vector<SourceText> keep;  // sources outlive the call
    keep.emplace_back(text);
    sql::Chunk c;
    c.source = &keep.back();
    c.begin = 0;
    c.end = text.size();
    std::vector<Operation> ops;
    std::vector<ParseError> errs;
    sql::parse_chunk(parser, c, ops, errs);
    if (errors) *errors = errs;
    return ops;
}

}  // namespace

TEST(ParseSql, MultiStatementLocationsSkipCommentsAndDollarBodies) {
    auto ops = parse(
        "-- header\n"
        "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        "BEGIN\n  -- ; not a statement end\n  RETURN NEW;\nEND $$;\n"
        "/* block ; comment */\n"
        "  CREATE INDEX i ON t (a);\n");
    ASSERT_EQ(ops.size(), 2u);
    EXPECT_EQ(ops[0].kind, OpKind::CreateFunction);
    EXPECT_EQ(ops[0].loc.line, 2);
    EXPECT_EQ(ops[1].kind, OpKind::CreateIndex);
    EXPECT_EQ(ops[1].loc.line, 8);
    EXPECT_EQ(ops[1].loc.column, 3);
    EXPECT_EQ(ops[1].lock, LockMode::Share);
}

TEST(ParseSql, AlterTableCommandsAreSeparateOperations) {
    auto ops = parse("ALTER TABLE public.orders ADD COLUMN IF NOT EXISTS x int NOT NULL DEFAULT 0, "
                     "ADD CONSTRAINT fk FOREIGN KEY (x) REFERENCES y (id) NOT VALID, VALIDATE CONSTRAINT fk;");
    ASSERT_EQ(ops.size(), 3u);
    EXPECT_EQ(ops[0].kind, OpKind::AddColumn);
    EXPECT_EQ(ops[0].table, "orders");
    EXPECT_TRUE(ops[0].if_not_exists);
    ASSERT_EQ(ops[0].column_defs.size(), 1u);
    EXPECT_TRUE(ops[0].column_defs[0].not_null);
    EXPECT_TRUE(ops[0].column_defs[0].has_default);
    EXPECT_FALSE(ops[0].column_defs[0].default_volatile);
    EXPECT_EQ(ops[0].lock, LockMode::AccessExclusive);
    EXPECT_EQ(ops[1].kind, OpKind::AddConstraint);
    EXPECT_EQ(ops[1].lock, LockMode::ShareRowExclusive);
    ASSERT_EQ(ops[1].other_locks.size(), 1u);
    EXPECT_EQ(ops[1].other_locks[0].first, "y");
    EXPECT_TRUE(ops[1].constraints[0].not_valid);
    EXPECT_EQ(ops[2].kind, OpKind::ValidateConstraint);
    EXPECT_EQ(ops[2].lock, LockMode::ShareUpdateExclusive);
    EXPECT_EQ(ops[0].stmt, ops[2].stmt);
}

TEST(ParseSql, LockModesOfCommonStatements) {
    auto ops = parse(
        "CREATE INDEX CONCURRENTLY a ON t (x);\n"
        "DROP INDEX b;\n"
        "DROP INDEX CONCURRENTLY c;\n"
        "CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();\n"
        "UPDATE t SET x = 1 WHERE id < 10;\n"
        "VACUUM FULL t;\n"
        "LOCK TABLE t IN SHARE MODE;\n");
    ASSERT_EQ(ops.size(), 7u);
    EXPECT_EQ(ops[0].lock, LockMode::ShareUpdateExclusive);
    EXPECT_TRUE(ops[0].concurrently);
    EXPECT_EQ(ops[1].lock, LockMode::AccessExclusive);
    EXPECT_EQ(ops[2].lock, LockMode::ShareUpdateExclusive);
    EXPECT_EQ(ops[3].lock, LockMode::ShareRowExclusive);
    EXPECT_EQ(ops[3].trigger_function, "f");
    EXPECT_EQ(ops[4].lock, LockMode::RowExclusive);
    EXPECT_TRUE(ops[4].has_where);
    EXPECT_EQ(ops[5].lock, LockMode::AccessExclusive);
    EXPECT_TRUE(ops[5].full);
    EXPECT_EQ(ops[6].lock, LockMode::Share);
}

TEST(ParseSql, DoBlockBodyBecomesGuardedOperationsAtTheirLines) {
    auto ops = parse(
        "DO $$\n"
        "BEGIN\n"
        "  CREATE TYPE status AS ENUM ('a', 'b');\n"
        "  RAISE NOTICE 'created';\n"
        "EXCEPTION WHEN duplicate_object THEN NULL;\n"
        "END $$;\n");
    ASSERT_EQ(ops.size(), 2u);
    EXPECT_EQ(ops[0].kind, OpKind::DoBlock);
    EXPECT_TRUE(ops[0].has_exception_handler);
    EXPECT_TRUE(ops[0].raises_notice);
    EXPECT_EQ(ops[1].kind, OpKind::CreateType);
    EXPECT_EQ(ops[1].name, "status");
    EXPECT_TRUE(ops[1].in_body);
    EXPECT_TRUE(ops[1].guarded);
    EXPECT_EQ(ops[1].loc.line, 3);
    EXPECT_EQ(ops[1].loc.column, 3);
}

TEST(ParseSql, VolatileDefaultsAndTypes) {
    auto ops = parse("CREATE TABLE t (a uuid DEFAULT gen_random_uuid(), b timestamptz DEFAULT now(), "
                     "c varchar(50), d numeric(10,2), e bigserial, f timestamp, g int[]);");
    ASSERT_EQ(ops.size(), 1u);
    const auto& c = ops[0].column_defs;
    ASSERT_EQ(c.size(), 7u);
    EXPECT_TRUE(c[0].default_volatile);
    EXPECT_FALSE(c[1].default_volatile);  // now() is stable: no rewrite on ADD COLUMN
    EXPECT_EQ(c[2].type, "varchar");
    EXPECT_EQ(c[2].typmods, std::vector<int>{50});
    EXPECT_EQ(c[3].typmods, (std::vector<int>{10, 2}));
    EXPECT_EQ(c[4].type, "bigserial");
    EXPECT_TRUE(c[4].default_volatile);
    EXPECT_EQ(c[5].type, "timestamp");
    EXPECT_TRUE(c[6].array);
}

TEST(ParseSql, SyntaxErrorIsReportedWithItsLine) {
    std::vector<ParseError> errors;
    auto ops = parse("SELECT 1;\nALTER TABLE t ADD COLUMN x int\n  DEFALT 1;\n", &errors);
    EXPECT_TRUE(ops.empty());
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].loc.line, 3);
    EXPECT_NE(errors[0].message.find("DEFALT"), std::string::npos);
}

TEST(ParseSql, PolicyRecordsTenantColumnAndSetting) {
    auto ops = parse("CREATE POLICY p ON t USING (tenant_id = current_setting('app.tenant', true)::uuid);");
    ASSERT_EQ(ops.size(), 1u);
    EXPECT_EQ(ops[0].kind, OpKind::CreatePolicy);
    EXPECT_EQ(ops[0].table, "t");
    EXPECT_EQ(ops[0].policy_columns, std::vector<std::string>{"tenant_id"});
    EXPECT_TRUE(ops[0].missing_ok);
}
