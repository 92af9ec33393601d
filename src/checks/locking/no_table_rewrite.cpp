// no-table-rewrite: nothing rewrites a pre-existing table.
#include "analysis/types.hpp"
#include "checks/common.hpp"

namespace migsafe {

Outcome check_no_table_rewrite(const Project& p, const Facts& facts) {
    Outcome o;
    int risky = 0;
    checks::each_op(p, [&](int fi, int oi, const Operation& op) {
        if (!op.preexisting) return;
        switch (op.kind) {
            case OpKind::AlterColumnType: {
                if (op.column_defs.empty()) return;
                ++risky;
                auto it = facts.old_column.find({fi, oi});
                const ColumnDef* old_col = it == facts.old_column.end() ? nullptr : &it->second;
                if (type_change_rewrites(old_col, op.column_defs[0]))
                    o.add(checks::at(op, "ALTER COLUMN " + op.name + " TYPE " + type_text(op.column_defs[0]) + " rewrites " +
                                             op.table + (old_col ? " (from " + type_text(*old_col) + ")" : " (previous type unknown)") +
                                             " under ACCESS EXCLUSIVE"));
                return;
            }
            case OpKind::AddColumn:
                for (const auto& c : op.column_defs) {
                    ++risky;
                    bool rewrite = c.default_volatile || c.identity || c.generated ||
                                   (facts.pg_version < 11 && c.has_default);
                    if (!rewrite) continue;
                    std::string why = c.identity ? "an identity column" : c.generated ? "a stored generated column"
                                      : c.default_volatile ? "volatile default " + c.default_text
                                                           : "a default (before PostgreSQL 11)";
                    o.add(checks::at(op, "ADD COLUMN " + c.name + " with " + why + " rewrites " + op.table));
                }
                return;
            case OpKind::SetTablespace:
                ++risky;
                o.add(checks::at(op, "SET TABLESPACE rewrites " + op.table));
                return;
            case OpKind::Vacuum:
                if (!op.full) return;
                ++risky;
                o.add(checks::at(op, "VACUUM FULL rewrites " + op.table + " under ACCESS EXCLUSIVE"));
                return;
            case OpKind::Cluster:
                ++risky;
                o.add(checks::at(op, "CLUSTER rewrites " + op.table + " under ACCESS EXCLUSIVE"));
                return;
            default:
                return;
        }
    });
    if (risky == 0) {
        o.not_applicable = true;
        o.summary = "No column or storage changes on pre-existing tables";
        return o;
    }
    o.summary = "No rewrites";
    o.fix = "Add a nullable column (or one with a constant default), backfill it in batches, then switch over; "
            "avoid VACUUM FULL / CLUSTER on live tables (pg_repack rebuilds online).";
    return o;
}

}  // namespace migsafe
