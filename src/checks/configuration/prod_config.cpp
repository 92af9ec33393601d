// prod-config: a production environment is configured.
#include "checks/configuration/config_common.hpp"

namespace migsafe {

Outcome check_prod_config(const Project& p, const Facts&) {
    Outcome o;
    if (checks::no_config(p, o)) return o;
    const auto* env = checks::environment(p, {"production", "prod"});
    if (!env) {
        o.add(checks::at_path(p.config.path, 0, "no [production] environment", Weight::Fail));
        o.fix = "Add a production environment:\n" +
                checks::config_snippet(p, "[production]\nurl = \"${DATABASE_URL}\"\nsslmode = \"verify-full\"",
                                       "production: {\n  client: 'postgresql',\n  connection: { connectionString: process.env.DATABASE_URL, ssl: { ca: process.env.DB_CA_CERT } },\n},");
        return o;
    }
    o.summary = "[" + env->name + "] at line " + std::to_string(env->line);
    return o;
}

}  // namespace migsafe
