// no-hardcoded-credentials: no literal password anywhere, fallbacks included.
#include "checks/configuration/config_common.hpp"
#include <algorithm>

#include "parse/config/migsafe_toml.hpp"

namespace migsafe {

Outcome check_no_hardcoded_credentials(const Project& p, const Facts&) {
    Outcome o;
    if (checks::no_config(p, o)) return o;
    for (const auto& env : p.config.environments) {
        bool prod = env.name == "production" || env.name == "prod";
        for (const char* key : {"password", "url"}) {
            auto it = env.values.find(key);
            if (it == env.values.end()) continue;
            const std::string& v = it->second.value;
            std::string literal = checks::literal_part(v);
            std::string secret = std::string(key) == "password" ? literal : checks::password_in_url(literal);
            if (secret.empty()) continue;
            bool fallback = checks::from_env(v);
            Weight w = prod || !fallback ? Weight::Fail : Weight::Partial;
            std::string shown = std::string(key) == "password" ? "'" + std::string(std::min<size_t>(secret.size(), 8), '*') + "'"
                                                               : config::mask_connection_string(literal);
            o.add(checks::at_path(p.config.path, it->second.line,
                                  "[" + env.name + "] " + key +
                                      (std::string(key) == "url" ? (fallback ? " falls back to a URL with a literal password: " : " holds a literal password: ")
                                                                 : (fallback ? " falls back to a literal password " : " is a literal password ")) +
                                      shown,
                                  w));
        }
    }
    o.summary = "All from env";
    o.fix = p.config.knexfile ? "Drop the literal fallback: `password: process.env.DB_PASSWORD` (no `|| 'secret'`), and keep secrets in the environment."
                              : "Drop the literal: `password = \"${DB_PASSWORD}\"` (no `:-fallback`), and keep secrets in the environment.";
    return o;
}

}  // namespace migsafe
