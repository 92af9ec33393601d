// env-credentials: host, database, user and password come from the environment.
#include "checks/configuration/config_common.hpp"

namespace migsafe {

Outcome check_env_credentials(const Project& p, const Facts&) {
    Outcome o;
    if (checks::no_config(p, o)) return o;
    int checked = 0;
    for (const auto& env : p.config.environments) {
        for (const char* key : {"url", "host", "database", "user", "password"}) {
            auto it = env.values.find(key);
            if (it == env.values.end()) continue;
            ++checked;
            if (checks::from_env(it->second.value)) continue;
            Evidence e = checks::at_path(p.config.path, it->second.line,
                                         "[" + env.name + "] " + key + " is a literal, not ${VAR}", Weight::Fail);
            o.add(e);
        }
    }
    if (checked == 0) {
        o.summary = "Connection from DATABASE_URL";
        return o;
    }
    o.summary = p.config.knexfile ? "process.env" : "${VAR} expansion";
    o.fix = "Read connection settings from the environment:\n" +
            checks::config_snippet(p, "[production]\nurl = \"${DATABASE_URL}\"",
                                   "connection: {\n  host: process.env.DB_HOST,\n  database: process.env.DB_NAME,\n  user: process.env.DB_USER,\n  password: process.env.DB_PASSWORD,\n},");
    return o;
}

}  // namespace migsafe
