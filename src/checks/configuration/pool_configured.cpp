// pool-configured: knexfile pool min/max (SQL projects: one connection, N/A).
#include "checks/configuration/config_common.hpp"

namespace migsafe {

Outcome check_pool_configured(const Project& p, const Facts&) {
    Outcome o;
    if (checks::no_config(p, o)) return o;
    if (!p.config.knexfile) {
        o.not_applicable = true;
        o.summary = "migsafe migrates over one connection: no pool";
        return o;
    }
    const EnvConfig* env = checks::environment(p, {"production", "prod"});
    if (!env && !p.config.environments.empty()) env = &p.config.environments.front();
    if (!env) {
        o.add(checks::at_path(p.config.path, 0, "no environment configures a pool", Weight::Fail));
        return o;
    }
    auto mn = env->values.find("pool_min"), mx = env->values.find("pool_max");
    if (mn == env->values.end() || mx == env->values.end()) {
        o.add(checks::at_path(p.config.path, env->line, "[" + env->name + "] sets no pool min/max", Weight::Fail));
        o.fix = "```typescript\npool: { min: 2, max: 10 },\n```";
        return o;
    }
    o.summary = "min:" + mn->second.value + ", max:" + mx->second.value;
    return o;
}

}  // namespace migsafe
