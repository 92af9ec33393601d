// ssl-production: production connects with SSL.
#include "checks/configuration/config_common.hpp"

namespace migsafe {

std::string production_sslmode(const Project& p, const EnvConfig& env, int& line) {
    // knexfile: ssl: true / { ... } is require; rejectUnauthorized: false never verifies;
    // otherwise node-postgres verifies the certificate and host (verify-full).
    auto ssl = env.values.find("ssl");
    if (ssl != env.values.end()) {
        line = ssl->second.line;
        if (ssl->second.value == "false") return "disable";
        auto rej = env.values.find("reject_unauthorized");
        if (rej != env.values.end() && rej->second.value == "false") {
            line = rej->second.line;
            return "require";
        }
        return "verify-full";
    }
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
                              "[" + env->name + "] " + (mode.empty() ? std::string(p.config.knexfile ? "no ssl" : "no sslmode") : "sslmode=" + mode) +
                                  ": traffic may be unencrypted",
                              Weight::Fail));
        o.fix = checks::config_snippet(p, "[production]\nsslmode = \"verify-full\"\nsslrootcert = \"/etc/ssl/certs/db-ca.pem\"",
                                       "connection: { /* ... */ ssl: { ca: process.env.DB_CA_CERT } },  // verifies the certificate");
        return o;
    }
    o.summary = p.config.knexfile ? "ssl configured" : "sslmode=" + mode;
    return o;
}

}  // namespace migsafe
