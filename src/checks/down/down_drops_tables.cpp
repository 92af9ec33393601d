// down-drops-tables: tables up creates are dropped, in reverse creation order.
#include <algorithm>

#include "analysis/reversal.hpp"
#include "checks/common.hpp"

namespace migsafe {

Outcome check_down_drops_tables(const Project& p, const Facts& facts) {
    Outcome o;
    int tables = 0;
    for (size_t i = 0; i < p.files.size(); ++i) {
        const auto& f = p.files[i];
        if (!reversal_of(p, facts, static_cast<int>(i)).applicable) continue;
        std::vector<const Operation*> created;
        std::vector<std::string> dropped;
        for (const auto& op : f.ops) {
            if (op.section == Section::Up && (op.kind == OpKind::CreateTable || op.kind == OpKind::CreateTableAs))
                created.push_back(&op);
            if (op.section == Section::Down && op.kind == OpKind::DropTable) dropped.push_back(op.table);
        }
        tables += static_cast<int>(created.size());
        std::vector<std::string> expected;
        for (auto it = created.rbegin(); it != created.rend(); ++it) {
            const auto* op = *it;
            if (std::find(dropped.begin(), dropped.end(), op->table) == dropped.end())
                o.add(checks::at(*op, "down never drops table " + op->table));
            else
                expected.push_back(op->table);
        }
        // Order: the created tables, as dropped, should appear in reverse creation order.
        std::vector<std::string> actual;
        for (const auto& t : dropped)
            if (std::find(expected.begin(), expected.end(), t) != expected.end()) actual.push_back(t);
        if (actual != expected && !expected.empty()) {
            // PARTIAL only while the other order breaks no foreign key.
            bool conflict = !fk_conflicts(p, facts, static_cast<int>(i)).empty();
            o.add(checks::at_file(p, static_cast<int>(i), 0,
                                  "tables dropped in another order than reverse creation (" +
                                      checks::list_some(actual, 3) + ")" + (conflict ? ", and a drop fails on a foreign key" : ""),
                                  conflict ? Weight::Fail : Weight::Partial));
        }
    }
    if (tables == 0) {
        o.not_applicable = true;
        o.summary = "No tables created in files with a down";
        return o;
    }
    o.summary = "Reverse order";
    o.fix = "Drop tables in the reverse of their creation order.";
    return o;
}

}  // namespace migsafe
