// down-drop-order: tables are dropped children first, so no drop fails on a foreign key.
#include "analysis/reversal.hpp"
#include "checks/common.hpp"

namespace migsafe {

Outcome check_down_drop_order(const Project& p, const Facts& facts) {
    Outcome o;
    int drops = 0;
    for (size_t i = 0; i < p.files.size(); ++i) {
        if (!reversal_of(p, facts, static_cast<int>(i)).applicable) continue;
        for (const auto& op : p.files[i].ops) drops += op.section == Section::Down && op.kind == OpKind::DropTable;
        for (const auto& c : fk_conflicts(p, facts, static_cast<int>(i)))
            o.add(checks::at(*c.drop, "DROP TABLE " + c.drop->table + " fails: " + c.child + " still references it (" + c.fk +
                                          "); drop " + c.child + " first"));
    }
    if (drops == 0) {
        o.not_applicable = true;
        o.summary = "No down drops a table";
        return o;
    }
    o.summary = "Respects FK deps";
    o.fix = "Drop child tables before the tables they reference.";
    return o;
}

}  // namespace migsafe
