// migration-language: TypeScript projects keep migrations in .ts (knex only).
#include "checks/common.hpp"

namespace migsafe {

Outcome check_migration_language(const Project& p, const Facts&) {
    Outcome o;
    if (!checks::is_knex(p)) {
        o.not_applicable = true;
        o.summary = "SQL migrations";
        return o;
    }
    int ts = 0, js = 0;
    for (const auto& f : p.files) (f.extension == ".ts" ? ts : js)++;
    if (p.has_tsconfig && ts && js)
        o.add(checks::at_path("tsconfig.json", 0, std::to_string(js) + " .js and " + std::to_string(ts) + " .ts migrations", Weight::Partial));
    o.summary = ts ? ".ts extension" : ".js extension";
    return o;
}

}  // namespace migsafe
