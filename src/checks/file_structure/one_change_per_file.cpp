// one-change-per-file: no file creates more than 3 tables or mixes 3+ kinds of change.
#include "checks/common.hpp"

namespace migsafe {

Outcome check_one_change_per_file(const Project& p, const Facts& facts) {
    Outcome o;
    if (p.files.empty()) {
        o.not_applicable = true;
        o.summary = "No migration files";
        return o;
    }
    int worst = 0;
    for (size_t i = 0; i < p.files.size(); ++i) {
        const auto& f = p.files[i];
        int tables = 0;
        bool kinds[5] = {false, false, false, false, false};
        for (const auto& op : f.ops) {
            if (op.section != Section::Up) continue;
            switch (op.kind) {
                case OpKind::CreateTable:
                case OpKind::CreateTableAs:
                    ++tables;
                    kinds[0] = true;
                    break;
                case OpKind::CreateFunction:
                case OpKind::CreateTrigger:
                    kinds[1] = true;
                    break;
                case OpKind::CreatePolicy:
                    kinds[2] = true;
                    break;
                case OpKind::Insert:
                case OpKind::Update:
                case OpKind::Delete:
                    kinds[3] = true;
                    break;
                case OpKind::CreateIndex:
                    if (op.preexisting) kinds[4] = true;
                    break;
                default:
                    break;
            }
        }
        static const char* names[5] = {"tables", "functions/triggers", "RLS policies", "data changes",
                                       "indexes on pre-existing tables"};
        std::vector<std::string> mixed;
        for (int k = 0; k < 5; ++k)
            if (kinds[k]) mixed.emplace_back(names[k]);
        worst = std::max(worst, tables);
        if (tables > 3) {
            std::string msg = "creates " + std::to_string(tables) + " tables";
            if (mixed.size() >= 3) msg += " and mixes " + checks::list_some(mixed, 5);
            o.add(checks::at_file(p, static_cast<int>(i), 0, msg));
        } else if (mixed.size() >= 3) {
            o.add(checks::at_file(p, static_cast<int>(i), 0, "mixes " + checks::list_some(mixed, 5)));
        }
    }
    o.summary = checks::plural(static_cast<int>(p.files.size()), "file") + ", at most " +
                checks::plural(worst, "table") + " each";
    o.fix = "Keep new migrations modular: one table, or one function with its trigger, or one index per file.";
    return o;
}

}  // namespace migsafe
