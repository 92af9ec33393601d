// batched-data-changes: UPDATE/DELETE on pre-existing tables are bounded (WHERE key range / LIMIT loop).
#include "checks/common.hpp"

namespace migsafe {

Outcome check_batched_data_changes(const Project& p, const Facts&) {
    Outcome o;
    int changes = 0;
    checks::each_op(p, [&](int, int, const Operation& op) {
        if (op.section != Section::Up || !op.preexisting) return;
        if (op.kind != OpKind::Update && op.kind != OpKind::Delete) return;
        ++changes;
        if (!op.has_where)
            o.add(checks::at(op, std::string(op.kind == OpKind::Update ? "UPDATE " : "DELETE FROM ") + op.table +
                                     " touches the whole table in one statement",
                             Weight::Partial));
    });
    if (changes == 0) {
        o.not_applicable = true;
        o.summary = "No data changes on pre-existing tables";
        return o;
    }
    o.summary = "Bounded by WHERE";
    o.fix = "Change rows in batches (a key range per statement, or a LIMIT loop), each in its own transaction:\n" +
            checks::code(p, "UPDATE table_name SET column_name = 0\n WHERE id IN (SELECT id FROM table_name WHERE column_name IS NULL LIMIT 5000);");
    return o;
}

}  // namespace migsafe
