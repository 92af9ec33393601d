// dev-config: a development environment is configured.
#include "checks/configuration/config_common.hpp"

namespace migsafe {

Outcome check_dev_config(const Project& p, const Facts&) {
    Outcome o;
    if (checks::no_config(p, o)) return o;
    const auto* env = checks::environment(p, {"development", "dev", "local"});
    if (!env) {
        o.add(checks::at_path(p.config.path, 0, "no [development] environment", Weight::Fail));
        o.fix = "Add a development environment:\n" +
                checks::config_snippet(p, "[development]\nurl = \"${DATABASE_URL}\"",
                                       "development: {\n  client: 'postgresql',\n  connection: process.env.DATABASE_URL,\n},");
        return o;
    }
    o.summary = "[" + env->name + "] at line " + std::to_string(env->line);
    return o;
}

}  // namespace migsafe
