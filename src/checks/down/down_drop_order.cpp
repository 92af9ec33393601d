// down-drop-order: tables are dropped children first, so no drop fails on a foreign key.
#include <set>

#include "checks/common.hpp"

namespace migsafe {

Outcome check_down_drop_order(const Project& p, const Facts& facts) {
    Outcome o;
    int drops = 0;
    for (size_t i = 0; i < p.files.size(); ++i) {
        const auto& f = p.files[i];
        std::set<std::string> dropped;
        for (const auto& op : f.ops) {
            if (op.section != Section::Down || op.kind != OpKind::DropTable) continue;
            ++drops;
            if (!op.cascade) {
                auto it = facts.referencing_at_down[i].find(op.table);
                if (it != facts.referencing_at_down[i].end()) {
                    for (const auto& [child, fk] : it->second) {
                        if (dropped.count(child)) continue;
                        o.add(checks::at(op, "DROP TABLE " + op.table + " fails: " + child + " still references it (" +
                                                 fk + "); drop " + child + " first"));
                        break;
                    }
                }
            }
            dropped.insert(op.table);
        }
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
