// backward-compatible: no rename or drop of a column/table the running code still uses.
#include "checks/common.hpp"

namespace migsafe {

Outcome check_backward_compatible(const Project& p, const Facts&) {
    Outcome o;
    checks::each_op(p, [&](int, int, const Operation& op) {
        if (op.section != Section::Up || !op.preexisting) return;
        std::string what;
        switch (op.kind) {
            case OpKind::RenameColumn: what = "RENAME COLUMN " + op.table + "." + op.name + " TO " + op.new_name; break;
            case OpKind::RenameTable: what = "RENAME " + op.table + " TO " + op.new_name; break;
            case OpKind::DropColumn: what = "DROP COLUMN " + op.table + "." + op.name; break;
            case OpKind::DropTable: what = "DROP TABLE " + op.table; break;
            default: return;
        }
        o.add(checks::at(op, what + " breaks code still running the old schema during the deploy", Weight::Partial));
    });
    o.summary = "No renames or drops of existing columns/tables";
    o.fix = "Expand, migrate, contract: add the new column, write both, backfill, switch reads, and drop the old one in a later release.";
    return o;
}

}  // namespace migsafe
