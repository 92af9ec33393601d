// no-narrowing-change: no column type change that can lose data.
#include "analysis/types.hpp"
#include "checks/common.hpp"

namespace migsafe {

Outcome check_no_narrowing_change(const Project& p, const Facts& facts) {
    Outcome o;
    int changes = 0;
    checks::each_op(p, [&](int fi, int oi, const Operation& op) {
        if (op.section != Section::Up || op.kind != OpKind::AlterColumnType || op.column_defs.empty()) return;
        if (!op.preexisting) return;  // a table created earlier in this file holds no data yet
        ++changes;
        auto it = facts.old_column.find({fi, oi});
        const ColumnDef* old_col = it == facts.old_column.end() ? nullptr : &it->second;
        auto why = narrowing_reason(old_col, op.column_defs[0]);
        if (!why.empty()) o.add(checks::at(op, op.table + "." + op.name + ": " + why));
    });
    if (changes == 0) {
        o.not_applicable = true;
        o.summary = "No column type changes";
        return o;
    }
    o.summary = "Only widening type changes";
    o.fix = "Widen instead of narrowing; to narrow, add a new column, copy and verify the data, then switch over:\n" +
            checks::code(p, "ALTER TABLE table_name ADD COLUMN column_name_v2 varchar(100);\n"
                            "-- backfill in batches, verify no value is longer, then switch reads and writes");
    return o;
}

}  // namespace migsafe
