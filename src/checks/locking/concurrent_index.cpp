// concurrent-index: CREATE/DROP INDEX and REINDEX on pre-existing tables use CONCURRENTLY.
#include "checks/common.hpp"

namespace migsafe {

Outcome check_concurrent_index(const Project& p, const Facts& facts) {
    Outcome o;
    int touching = 0, concurrent = 0;
    std::string first_index, first_table, first_cols;
    checks::each_op(p, [&](int, int, const Operation& op) {
        if (op.kind != OpKind::CreateIndex && op.kind != OpKind::DropIndex && op.kind != OpKind::Reindex) return;
        if (!op.preexisting) return;
        std::string table = op.table.empty() ? facts.table_of_index(op.name) : op.table;
        ++touching;
        if (op.concurrently) {
            ++concurrent;
            return;
        }
        std::string verb = op.kind == OpKind::CreateIndex ? "CREATE INDEX" : op.kind == OpKind::DropIndex ? "DROP INDEX" : "REINDEX";
        std::string on = table.empty() ? "(table not created by these migrations)" : table;
        o.add(checks::at(op, verb + " " + op.name + " on " + on + " without CONCURRENTLY takes " +
                                 std::string(to_string(op.lock)) + ", blocking " + std::string(blocks_description(op.lock))));
        if (first_index.empty()) {
            first_index = op.name.empty() ? "idx_name" : op.name;
            first_table = table.empty() ? "table_name" : table;
            for (const auto& c : op.columns) first_cols += (first_cols.empty() ? "" : ", ") + c;
        }
    });
    if (touching == 0) {
        o.not_applicable = true;
        o.summary = "No index on a pre-existing table; future indexes on populated tables need CONCURRENTLY";
        o.fix = "Use CONCURRENTLY for future indexes on tables that already hold data:\n" +
                checks::code(p, "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY IF NOT EXISTS idx_name ON table_name (column_name);",
                             "exports.config = { transaction: false };\nawait knex.raw('CREATE INDEX CONCURRENTLY idx_name ON table(col)');");
        return o;
    }
    if (first_cols.empty()) first_cols = "column_name";
    o.summary = "CONCURRENTLY (" + std::to_string(concurrent) + "/" + std::to_string(touching) + ")";
    bool knex = checks::is_knex(p);
    std::string sql_header = p.layout == Layout::Dbmate ? "-- migrate:up transaction:false\n" : "-- alone in its own migration file\n";
    o.fix = "Build the index without blocking writes, in a migration that runs outside a transaction:\n" +
            checks::code(p, sql_header + "CREATE INDEX CONCURRENTLY IF NOT EXISTS " + first_index + " ON " + first_table + " (" +
                                first_cols + ");",
                         "exports.config = { transaction: false };\nawait knex.raw('CREATE INDEX CONCURRENTLY IF NOT EXISTS " +
                             first_index + " ON " + first_table + " (" + first_cols + ")');");
    (void)knex;
    return o;
}

}  // namespace migsafe
