// guarded-alterations: changes to pre-existing tables are guarded (IF [NOT] EXISTS, hasColumn).
#include "checks/common.hpp"

namespace migsafe {

Outcome check_guarded_alterations(const Project& p, const Facts& facts) {
    Outcome o;
    int alterations = 0;
    checks::each_op(p, [&](int, int, const Operation& op) {
        if (op.section != Section::Up || !op.preexisting) return;
        bool guard = op.guarded;
        std::string what;
        switch (op.kind) {
            case OpKind::AddColumn:
                guard = guard || op.if_not_exists;
                what = "ADD COLUMN " + op.name + " without IF NOT EXISTS";
                break;
            case OpKind::DropColumn:
                guard = guard || op.if_exists;
                what = "DROP COLUMN " + op.name + " without IF EXISTS";
                break;
            case OpKind::CreateIndex:
                guard = guard || op.if_not_exists;
                what = "CREATE INDEX " + op.name + " without IF NOT EXISTS";
                break;
            case OpKind::DropIndex:
                guard = guard || op.if_exists;
                what = "DROP INDEX " + op.name + " without IF EXISTS";
                break;
            case OpKind::DropConstraint:
                guard = guard || op.if_exists;
                what = "DROP CONSTRAINT " + op.name + " without IF EXISTS";
                break;
            default:
                return;
        }
        ++alterations;
        std::string table = op.table.empty() ? facts.table_of_index(op.name) : op.table;
        if (!guard) o.add(checks::at(op, what + (table.empty() ? "" : " on " + table)));
    });
    if (alterations == 0) {
        o.not_applicable = true;
        o.summary = "No changes to pre-existing tables";
        return o;
    }
    o.summary = checks::is_knex(p) ? "hasColumn checks" : "IF [NOT] EXISTS guards";
    o.fix = checks::code(p, "ALTER TABLE table_name ADD COLUMN IF NOT EXISTS column_name integer;",
                         "if (!(await knex.schema.hasColumn('table_name', 'column_name'))) {\n"
                         "  await knex.schema.alterTable('table_name', (t) => t.integer('column_name'));\n}");
    return o;
}

}  // namespace migsafe
