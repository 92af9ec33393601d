// ssl-production: production connects with SSL.
#include "checks/configuration/config_common.hpp"

namespace migsafe {

std::string production_sslmode(const Project& p, const EnvConfig& env, int& line) {
    auto it = env.values.find("sslmode");
    if (it != env.values.end()) {
        line = it->second.line;
        return it->second.value;
    }
    auto url = env.values.find("url");
    if (url != env.values.end()) {
        auto pos = url->second.value.find("sslmode=");
        if (pos != std::string::npos) {
            line = url->second.line;
            auto v = url->second.value.substr(pos + 8);
            return v.substr(0, v.find_first_of("&} "));
        }
    }
    line = env.line;
    return {};
}

Outcome check_ssl_production(const Project& p, const Facts&) {
    Outcome o;
    if (checks::no_config(p, o)) return o;
    const auto* env = checks::environment(p, {"production", "prod"});
    if (!env) {
        o.not_applicable = true;
        o.summary = "No production environment (see prod-config)";
        return o;
    }
    int line = 0;
    std::string mode = production_sslmode(p, *env, line);
    if (mode != "require" && mode != "verify-ca" && mode != "verify-full") {
        o.add(checks::at_path(p.config.path, line,
                              "[" + env->name + "] " + (mode.empty() ? std::string("no sslmode") : "sslmode=" + mode) +
                                  ": traffic may be unencrypted",
                              Weight::Fail));
        o.fix = "```toml\n[production]\nsslmode = \"verify-full\"\nsslrootcert = \"/etc/ssl/certs/db-ca.pem\"\n```";
        return o;
    }
    o.summary = "sslmode=" + mode;
    return o;
}

}  // namespace migsafe
