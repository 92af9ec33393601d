// index-coverage: foreign-key columns and the tenant column lead some index.
#include <set>

#include "checks/common.hpp"

namespace migsafe {

Outcome check_index_coverage(const Project& p, const Facts& facts) {
    Outcome o;
    std::set<std::pair<std::string, std::string>> leading;
    for (const auto& [name, ix] : facts.catalog.indexes)
        if (!ix.columns.empty()) leading.insert({ix.table, ix.columns[0]});
    int needed = 0, covered = 0;
    std::string first_table, first_col;
    for (const auto& [name, t] : facts.catalog.tables) {
        if (t.file < 0) continue;
        std::set<std::string> cols;
        for (const auto& fk : t.foreign_keys)
            if (!fk.columns.empty()) cols.insert(fk.columns[0]);
        if (t.columns.count(facts.tenant_column)) cols.insert(facts.tenant_column);
        for (const auto& c : cols) {
            ++needed;
            if (leading.count({name, c})) {
                ++covered;
                continue;
            }
            Evidence e;
            e.loc = t.loc;
            auto it = t.columns.find(c);
            if (it != t.columns.end() && it->second.loc.line && it->second.loc.file >= 0) e.loc = it->second.loc;
            e.message = name + "." + c + " has no index starting with it";
            e.weight = Weight::Partial;
            o.add(e);
            if (first_table.empty()) first_table = name, first_col = c;
        }
    }
    if (needed == 0) {
        o.not_applicable = true;
        o.summary = "No foreign keys or tenant columns";
        return o;
    }
    o.summary = std::to_string(facts.totals.indexes) + " indexes; " + std::to_string(covered) + "/" +
                std::to_string(needed) + " FK/tenant columns covered";
    o.fix = "Index every foreign-key column (joins and ON DELETE checks scan the child otherwise):\n" +
            checks::code(p, "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_" + first_table + "_" + first_col + " ON " +
                                first_table + " (" + first_col + ");",
                         "exports.config = { transaction: false };\nawait knex.raw('CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_" +
                             first_table + "_" + first_col + " ON " + first_table + " (" + first_col + ")');");
    return o;
}

}  // namespace migsafe
