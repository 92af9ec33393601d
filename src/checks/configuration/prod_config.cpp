// prod-config: a production environment is configured.
#include "checks/configuration/config_common.hpp"

namespace migsafe {

Outcome check_prod_config(const Project& p, const Facts&) {
    Outcome o;
    if (checks::no_config(p, o)) return o;
    const auto* env = checks::environment(p, {"production", "prod"});
    if (!env) {
        o.add(checks::at_path(p.config.path, 0, "no [production] environment", Weight::Fail));
        o.fix = "Add a `[production]` table to migsafe.toml:\n```toml\n[production]\nurl = \"${DATABASE_URL}\"\nsslmode = \"verify-full\"\n```";
        return o;
    }
    o.summary = "[" + env->name + "] at line " + std::to_string(env->line);
    return o;
}

}  // namespace migsafe
