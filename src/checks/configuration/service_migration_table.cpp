// service-migration-table: a service-specific bookkeeping table, not the runner's default.
#include <set>

#include "checks/configuration/config_common.hpp"

namespace migsafe {

Outcome check_service_migration_table(const Project& p, const Facts&) {
    Outcome o;
    if (checks::no_config(p, o)) return o;
    static const std::set<std::string> defaults = {"migsafe_migrations", "schema_migrations", "knex_migrations",
                                                   "flyway_schema_history", "goose_db_version"};
    std::string table = p.config.table;
    int line = p.config.table_line;
    for (const auto& env : p.config.environments) {
        auto it = env.values.find("table");
        if (it != env.values.end() && table.empty()) table = it->second.value, line = it->second.line;
    }
    if (table.empty() || defaults.count(table)) {
        o.add(checks::at_path(p.config.path, line,
                              "default bookkeeping table " + (table.empty() ? std::string(p.config.knexfile ? "knex_migrations" : "migsafe_migrations") : table) +
                                  ": services sharing a database collide",
                              Weight::Partial));
        o.fix = p.config.knexfile ? "Name the bookkeeping table after the service:\n```typescript\nmigrations: { tableName: 'knex_migrations_" + p.name + "' },\n```"
                                  : "Name the bookkeeping table after the service:\n```toml\ntable = \"migsafe_migrations_" + p.name + "\"\n```";
        return o;
    }
    o.summary = table;
    return o;
}

}  // namespace migsafe
