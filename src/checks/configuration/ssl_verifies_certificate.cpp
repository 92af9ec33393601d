// ssl-verifies-certificate: production SSL verifies the server certificate (verify-full).
#include "checks/configuration/config_common.hpp"

namespace migsafe {

std::string production_sslmode(const Project& p, const EnvConfig& env, int& line);

Outcome check_ssl_verifies_certificate(const Project& p, const Facts&) {
    Outcome o;
    if (checks::no_config(p, o)) return o;
    const auto* env = checks::environment(p, {"production", "prod"});
    int line = 0;
    std::string mode = env ? production_sslmode(p, *env, line) : "";
    if (!env || (mode != "require" && mode != "verify-ca" && mode != "verify-full")) {
        o.not_applicable = true;
        o.summary = "No SSL in production (see ssl-production)";
        return o;
    }
    if (mode != "verify-full") {
        o.add(checks::at_path(p.config.path, line,
                              "[" + env->name + "] " + (env->values.count("ssl") ? std::string("ssl.rejectUnauthorized: false") : "sslmode=" + mode) +
                                  (mode == "verify-ca" ? " does not check the server's host name" : " does not verify the server's certificate") +
                                  ": traffic can be intercepted",
                              Weight::Fail));
        o.fix = checks::config_snippet(p, "[production]\nsslmode = \"verify-full\"",
                                       "ssl: { ca: process.env.DB_CA_CERT },  // no rejectUnauthorized: false");
        return o;
    }
    o.summary = "verify-full";
    return o;
}

}  // namespace migsafe
