// The knex front end: every export form, builder calls and knex.raw SQL become operations at
// their place in the .ts/.js file; await analysis and transaction:false are read.
#include <gtest/gtest.h>

#include <filesystem>

#include "support.hpp"

namespace migsafe::test {
namespace {

struct KnexProject {
    std::string dir;
    explicit KnexProject(const std::string& name) {
        dir = (std::filesystem::temp_directory_path() / ("migsafe-knex-" + name + "-" + std::to_string(::getpid()))).string();
        std::filesystem::remove_all(dir);
        write_file(dir + "/knexfile.js", "module.exports = { client: 'pg', connection: process.env.DATABASE_URL };\n");
    }
    ~KnexProject() { std::filesystem::remove_all(dir); }
    void add(const std::string& file, const std::string& text) { write_file(dir + "/migrations/" + file, text); }
};

const Operation* find_op(const MigrationFile& f, OpKind kind, const std::string& table = "") {
    for (const auto& op : f.ops)
        if (op.kind == kind && (table.empty() || op.table == table)) return &op;
    return nullptr;
}

}  // namespace

TEST(ParseKnex, ExportFormsAreAllRecognised) {
    KnexProject p("exports");
    p.add("20240101000000_a.ts", "export async function up(knex) { await knex.schema.dropTable('a'); }\n"
                                  "export async function down(knex) { await knex.schema.dropTable('b'); }\n");
    p.add("20240102000000_b.ts", "export const up = async (knex: Knex) => { await knex.schema.dropTable('c'); };\n"
                                  "export const down = (knex: Knex) => knex.schema.dropTable('d');\n");
    p.add("20240103000000_c.js", "exports.up = function (knex) { return knex.schema.dropTable('e'); };\n"
                                  "exports.down = async function (knex) { await knex.schema.dropTable('f'); };\n");
    p.add("20240104000000_d.js", "async function up(knex) { await knex.schema.dropTable('g'); }\n"
                                  "async function down(knex) { await knex.schema.dropTable('h'); }\n"
                                  "module.exports = { up, down };\n");
    p.add("20240105000000_e.ts", "export default {\n  async up(knex) { await knex.schema.dropTable('i'); },\n"
                                  "  async down(knex) { await knex.schema.dropTable('j'); },\n};\n");
    auto a = audit_folder(p.dir);
    ASSERT_TRUE(a.error.empty()) << a.error;
    ASSERT_EQ(a.project.layout, Layout::Knex);
    ASSERT_EQ(a.project.files.size(), 5u);
    const char* tables[5][2] = {{"a", "b"}, {"c", "d"}, {"e", "f"}, {"g", "h"}, {"i", "j"}};
    for (size_t i = 0; i < 5; ++i) {
        const auto& f = a.project.files[i];
        EXPECT_TRUE(f.knex.up_found && f.knex.down_found) << f.path;
        int ups = 0, downs = 0;
        for (const auto& op : f.ops) {
            if (op.kind != OpKind::DropTable) continue;
            if (op.section == Section::Up) {
                EXPECT_EQ(op.table, tables[i][0]) << f.path;
                ++ups;
            } else {
                EXPECT_EQ(op.table, tables[i][1]) << f.path;
                ++downs;
            }
        }
        EXPECT_EQ(ups, 1) << f.path;
        EXPECT_EQ(downs, 1) << f.path;
    }
    EXPECT_TRUE(a.project.files[2].knex.up_returns);   // returns the chain
    EXPECT_FALSE(a.project.files[2].knex.up_async);
    EXPECT_EQ(a.find("up-returns-promise")->status, Status::Pass);
}

TEST(ParseKnex, RawSqlIsParsedAndLocatedInTheTsFile) {
    KnexProject p("raw");
    p.add("20240101000000_index_orders.ts",
          "export const config = { transaction: false };\n"
          "export async function up(knex) {\n"
          "  await knex.raw(`\n"
          "    CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_${'created'}\n"
          "      ON orders (created_at)`);\n"
          "  await knex.raw('ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text');\n"
          "}\n"
          "export async function down(knex) { await knex.raw('DROP INDEX CONCURRENTLY IF EXISTS idx_orders_created'); }\n");
    auto a = audit_folder(p.dir);
    ASSERT_TRUE(a.error.empty()) << a.error;
    const auto& f = a.project.files.at(0);
    EXPECT_TRUE(f.knex.transaction_disabled);
    EXPECT_FALSE(f.units.at(0).transactional);
    EXPECT_FALSE(f.units.at(0).session_carries);
    const Operation* idx = find_op(f, OpKind::CreateIndex, "orders");
    ASSERT_NE(idx, nullptr);
    EXPECT_TRUE(idx->concurrently);
    EXPECT_EQ(idx->loc.line, 4);    // the CREATE INDEX line inside the template literal
    EXPECT_EQ(idx->loc.column, 5);
    const Operation* add = find_op(f, OpKind::AddColumn, "orders");
    ASSERT_NE(add, nullptr);
    EXPECT_EQ(add->loc.line, 6);
    EXPECT_EQ(add->loc.column, 19);  // just inside the quote
    EXPECT_NE(idx->call, add->call);
    // CONCURRENTLY alone in its knex.raw call, transaction disabled: fine.
    EXPECT_EQ(a.find("concurrently-outside-transaction")->status, Status::Pass);
}

TEST(ParseKnex, BuilderCallsBecomeOperations) {
    KnexProject p("builder");
    p.add("20240101000000_create_orders.ts",
          "export async function up(knex) {\n"
          "  await knex.schema.createTable('orders', (table) => {\n"
          "    table.increments();\n"
          "    table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE');\n"
          "    table.string('code', 32).unique();\n"
          "    table.decimal('total', 12, 2);\n"
          "    table.timestamp('placed_at', { useTz: false });\n"
          "    table.index(['tenant_id', 'placed_at'], 'idx_orders_tenant_placed');\n"
          "  });\n"
          "}\n"
          "export async function down(knex) { await knex.schema.dropTable('orders'); }\n");
    auto a = audit_folder(p.dir);
    ASSERT_TRUE(a.error.empty()) << a.error;
    const auto& f = a.project.files.at(0);
    const Operation* create = find_op(f, OpKind::CreateTable, "orders");
    ASSERT_NE(create, nullptr);
    ASSERT_EQ(create->column_defs.size(), 5u);
    EXPECT_EQ(create->column_defs[0].type, "serial");
    EXPECT_EQ(create->column_defs[2].typmods, std::vector<int>{32});
    EXPECT_EQ(create->column_defs[3].typmods, (std::vector<int>{12, 2}));
    EXPECT_EQ(create->column_defs[4].type, "timestamp");
    ASSERT_EQ(create->other_locks.size(), 1u);
    EXPECT_EQ(create->other_locks[0].first, "tenants");
    int indexes = 0;
    for (const auto& op : f.ops)
        if (op.kind == OpKind::CreateIndex) {
            ++indexes;
            if (op.name == "idx_orders_tenant_placed") {
                EXPECT_EQ(op.columns, (std::vector<std::string>{"tenant_id", "placed_at"}));
                EXPECT_EQ(op.loc.line, 8);
            }
        }
    EXPECT_EQ(indexes, 2);  // the unique code and the composite
    EXPECT_EQ(a.find("identity-over-serial")->status, Status::Partial);
    EXPECT_EQ(a.find("timestamptz")->status, Status::Partial);
}

TEST(ParseKnex, UnawaitedCallsAndConditionsAreFindings) {
    KnexProject p("await");
    p.add("20240101000000_add_status.ts",
          "export async function up(knex) {\n"
          "  if (!knex.schema.hasColumn('orders', 'status')) {\n"
          "    await knex.schema.alterTable('orders', (t) => { t.text('status'); });\n"
          "  }\n"
          "  knex.raw('ANALYZE orders');\n"
          "  if (!(await knex.schema.hasColumn('orders', 'note'))) {\n"
          "    await knex.schema.alterTable('orders', (t) => { t.text('note'); });\n"
          "  }\n"
          "}\n"
          "export async function down(knex) { await knex.schema.alterTable('orders', (t) => { t.dropColumn('status'); t.dropColumn('note'); }); }\n");
    auto a = audit_folder(p.dir);
    ASSERT_TRUE(a.error.empty()) << a.error;
    const auto* r = a.find("awaited-knex-calls");
    ASSERT_EQ(r->status, Status::Fail);
    std::vector<int> lines;
    for (const auto& e : r->evidence)
        if (e.weight == Weight::Fail) lines.push_back(e.loc.line);
    EXPECT_EQ(lines, (std::vector<int>{2, 5}));
    // The awaited guard protects its branch: note is guarded, status is not.
    bool status_guarded = true, note_guarded = false;
    for (const auto& op : a.project.files[0].ops)
        if (op.kind == OpKind::AddColumn) (op.name == "status" ? status_guarded : note_guarded) = op.guarded;
    EXPECT_FALSE(status_guarded);
    EXPECT_TRUE(note_guarded);
}

TEST(ParseKnex, KnexfileEnvironmentsAreNormalised) {
    KnexProject p("knexfile");
    std::filesystem::remove(p.dir + "/knexfile.js");
    write_file(p.dir + "/knexfile.ts",
               "const base = { client: 'pg', migrations: { tableName: 'knex_migrations_orders', directory: './db/migrations' } };\n"
               "export default {\n"
               "  development: { ...base, connection: { host: process.env.DB_HOST || 'localhost', password: process.env.DB_PASSWORD ?? 'dev' } },\n"
               "  production: { ...base, connection: { host: process.env.DB_HOST, password: process.env.DB_PASSWORD,\n"
               "                ssl: { rejectUnauthorized: false } }, pool: { min: 2, max: 10,\n"
               "                afterCreate: (conn, done) => conn.query(\"SET lock_timeout = '5s'\", done) } },\n"
               "};\n");
    write_file(p.dir + "/db/migrations/20240101000000_add_note.ts",
               "export async function up(knex) { await knex.schema.alterTable('orders', (t) => { t.text('note'); }); }\n"
               "export async function down(knex) { await knex.schema.alterTable('orders', (t) => { t.dropColumn('note'); }); }\n");
    auto a = audit_folder(p.dir);
    ASSERT_TRUE(a.error.empty()) << a.error;
    EXPECT_EQ(a.project.migrations_dir, "db/migrations");
    EXPECT_EQ(a.project.files.size(), 1u);
    ASSERT_EQ(a.project.config.environments.size(), 2u);
    const auto& dev = a.project.config.environments[0];
    EXPECT_EQ(dev.values.at("host").value, "${DB_HOST:-localhost}");
    EXPECT_EQ(dev.values.at("password").value, "${DB_PASSWORD:-dev}");
    EXPECT_EQ(a.find("service-migration-table")->summary, "knex_migrations_orders");
    EXPECT_EQ(a.find("no-hardcoded-credentials")->status, Status::Partial);
    EXPECT_EQ(a.find("ssl-verifies-certificate")->status, Status::Fail);
    EXPECT_EQ(a.find("pool-configured")->summary, "min:2, max:10");
    // pool.afterCreate sets lock_timeout for every connection
    EXPECT_EQ(a.find("lock-timeout")->status, Status::Pass);
}

}  // namespace migsafe::test

namespace migsafe::test {

TEST(ParseKnex, DropChecksNativeEnumsAndConstArrayLoops) {
    KnexProject p("valid");
    p.add("20240101000000_create_plans.ts",
          "export async function up(knex) {\n"
          "  await knex.schema.createTable('plans', (table) => {\n"
          "    table.uuid('id').primary();\n"
          "    table.enu('kind', ['free', 'pro'], { useNative: true, enumName: 'plan_kind' });\n"
          "    table.integer('seats').checkPositive('chk_plans_seats');\n"
          "  });\n"
          "  await knex.schema.alterTable('plans', (table) => { table.dropChecks(['chk_plans_seats']); });\n"
          "  const tables = ['plans'];\n"
          "  for (const t of tables) {\n"
          "    await knex.raw(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);\n"
          "    await knex.raw(`CREATE POLICY ${t}_all ON ${t} USING (true)`);\n"
          "  }\n"
          "}\n"
          "export async function down(knex) {\n"
          "  await knex.raw('DROP POLICY IF EXISTS plans_all ON plans');\n"
          "  await knex.schema.dropTable('plans');\n"
          "  await knex.raw('DROP TYPE plan_kind');\n"
          "}\n");
    auto a = audit_folder(p.dir);
    ASSERT_TRUE(a.error.empty()) << a.error;
    const auto& f = a.project.files.at(0);
    const Operation* type = find_op(f, OpKind::CreateType);
    ASSERT_NE(type, nullptr);
    EXPECT_EQ(type->name, "plan_kind");
    const Operation* drop_check = find_op(f, OpKind::DropConstraint, "plans");
    ASSERT_NE(drop_check, nullptr);
    EXPECT_EQ(drop_check->name, "chk_plans_seats");
    const Operation* policy = find_op(f, OpKind::CreatePolicy, "plans");
    ASSERT_NE(policy, nullptr);
    EXPECT_EQ(policy->name, "plans_all");
    EXPECT_EQ(policy->loc.line, 11);
    EXPECT_EQ(a.find("down-reverses-up")->status, Status::Pass) << a.find("down-reverses-up")->summary;
    EXPECT_EQ(a.facts.totals.check_constraints, 1);
}

}  // namespace migsafe::test
