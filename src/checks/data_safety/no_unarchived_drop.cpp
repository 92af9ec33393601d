// no-unarchived-drop: no DROP TABLE / DROP COLUMN of pre-existing data without copying it first.
#include <algorithm>

#include "checks/common.hpp"

namespace migsafe {

Outcome check_no_unarchived_drop(const Project& p, const Facts&) {
    Outcome o;
    int drops = 0;
    for (size_t fi = 0; fi < p.files.size(); ++fi) {
        const auto& f = p.files[fi];
        for (size_t oi = 0; oi < f.ops.size(); ++oi) {
            const auto& op = f.ops[oi];
            if (op.section != Section::Up || !op.preexisting) continue;
            if (op.kind != OpKind::DropTable && op.kind != OpKind::DropColumn) continue;
            ++drops;
            bool archived = false;
            for (size_t fj = 0; fj <= fi && !archived; ++fj) {
                const auto& g = p.files[fj];
                size_t end = fj == fi ? oi : g.ops.size();
                for (size_t k = 0; k < end; ++k) {
                    const auto& prev = g.ops[k];
                    if (prev.section != Section::Up || !prev.from_select) continue;
                    if (std::find(prev.tables_referenced.begin(), prev.tables_referenced.end(), op.table) !=
                        prev.tables_referenced.end())
                        archived = true;
                }
            }
            if (!archived)
                o.add(checks::at(op, (op.kind == OpKind::DropTable ? "DROP TABLE " + op.table
                                                                    : "DROP COLUMN " + op.table + "." + op.name) +
                                         " with no copy of its data first"));
        }
    }
    if (drops == 0) {
        o.not_applicable = true;
        o.summary = "No drops of pre-existing tables or columns";
        return o;
    }
    o.summary = "Data archived before drops";
    o.fix = "Copy the data before dropping it:\n" +
            checks::code(p, "CREATE TABLE archive_table_name AS SELECT * FROM table_name;\nDROP TABLE table_name;");
    return o;
}

}  // namespace migsafe
