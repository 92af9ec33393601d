// no-destructive-defaults: no UPDATE that overwrites existing values while setting a default.
#include <algorithm>
#include <set>

#include "checks/common.hpp"

namespace migsafe {

Outcome check_no_destructive_defaults(const Project& p, const Facts&) {
    Outcome o;
    int defaults = 0;
    for (const auto& f : p.files) {
        std::set<std::pair<std::string, std::string>> defaulted, added;
        for (const auto& op : f.ops) {
            if (op.section != Section::Up) continue;
            if (op.kind == OpKind::SetDefault) {
                ++defaults;
                defaulted.insert({op.table, op.name});
            }
            if (op.kind == OpKind::AddColumn || op.kind == OpKind::CreateTable)
                for (const auto& c : op.column_defs) added.insert({op.table, c.name});
            if (op.kind != OpKind::Update) continue;
            for (const auto& col : op.columns) {
                if (!defaulted.count({op.table, col}) || added.count({op.table, col})) continue;
                if (std::find(op.null_tested.begin(), op.null_tested.end(), col) != op.null_tested.end())
                    continue;  // WHERE col IS NULL only fills gaps
                o.add(checks::at(op, "UPDATE " + op.table + " SET " + col +
                                         " overwrites existing values after SET DEFAULT (add WHERE " + col + " IS NULL)"));
            }
        }
    }
    o.summary = defaults ? "Backfills only fill NULLs" : "Safe defaults";
    o.fix = "Backfill only the rows without a value:\n" +
            checks::code(p, "UPDATE table_name SET column_name = 'default' WHERE column_name IS NULL;");
    return o;
}

}  // namespace migsafe
