// tenant-isolation: every table with a tenant column has RLS enabled, forced, and a tenant policy.
#include <algorithm>

#include "checks/common.hpp"

namespace migsafe {

Outcome check_tenant_isolation(const Project& p, const Facts& facts) {
    Outcome o;
    const std::string& col = facts.tenant_column;
    int tenant_tables = 0, isolated = 0, protected_tables = 0;
    std::string first;
    for (const auto& [name, t] : facts.catalog.tables) {
        if (t.file < 0 || !t.columns.count(col)) continue;
        ++tenant_tables;
        bool policy = std::any_of(t.policies.begin(), t.policies.end(), [&](const PolicyInfo& pi) {
            const auto& op = *pi.op;
            return std::find(op.policy_columns.begin(), op.policy_columns.end(), col) != op.policy_columns.end() &&
                   std::find(op.functions_called.begin(), op.functions_called.end(), "current_setting") !=
                       op.functions_called.end();
        });
        Location loc = t.loc;
        std::vector<std::string> gaps;
        if (!t.rls_enabled) gaps.push_back("RLS not enabled");
        else if (!t.rls_forced) gaps.push_back("RLS not forced (the owner bypasses it)");
        if (!policy) gaps.push_back("no policy comparing " + col + " with current_setting(...)");
        if (t.rls_enabled && policy) ++protected_tables;
        if (gaps.empty()) {
            ++isolated;
            continue;
        }
        Evidence e;
        e.loc = loc;
        e.message = name + ": " + checks::list_some(gaps, 3);
        e.weight = Weight::Partial;
        o.add(e);
        if (first.empty()) first = name;
    }
    if (tenant_tables == 0) {
        o.not_applicable = true;
        o.summary = "No table has a " + col + " column";
        return o;
    }
    // FAIL when no tenant table is protected at all; gaps beside protected tables are PARTIAL.
    if (protected_tables == 0)
        for (auto& e : o.evidence) e.weight = Weight::Fail;
    o.summary = "RLS policies (" + std::to_string(isolated) + "/" + std::to_string(tenant_tables) + " tenant tables)";
    o.fix = "Enable and force RLS with a tenant policy on every tenant table:\n" +
            checks::code(p, "ALTER TABLE table_name ENABLE ROW LEVEL SECURITY;\n"
                            "ALTER TABLE table_name FORCE ROW LEVEL SECURITY;\n"
                            "CREATE POLICY table_name_tenant_isolation ON table_name\n"
                            "  USING (" + col + " = current_setting('app.current_tenant_id', true)::uuid)\n"
                            "  WITH CHECK (" + col + " = current_setting('app.current_tenant_id', true)::uuid);",
                         "await knex.raw(`ALTER TABLE table_name ENABLE ROW LEVEL SECURITY`);\n"
                         "await knex.raw(`ALTER TABLE table_name FORCE ROW LEVEL SECURITY`);\n"
                         "await knex.raw(`CREATE POLICY table_name_tenant_isolation ON table_name\n"
                         "  USING (" + col + " = current_setting('app.current_tenant_id', true)::uuid)`);");
    o.fix = checks::replace_all(o.fix, "table_name", first);
    return o;
}

}  // namespace migsafe
