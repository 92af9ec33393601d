#include "checks/configuration/config_common.hpp"

#include <regex>

namespace migsafe::checks {

const EnvConfig* environment(const Project& p, std::initializer_list<const char*> names) {
    for (const char* n : names)
        for (const auto& e : p.config.environments)
            if (e.name == n) return &e;
    return nullptr;
}

bool no_config(const Project& p, Outcome& o) {
    if (p.config.present) return false;
    o.not_applicable = true;
    o.summary = "No migsafe.toml: connection configured outside the project (DATABASE_URL)";
    return true;
}

bool from_env(const std::string& value) { return value.find("${") != std::string::npos; }

std::string literal_part(const std::string& value) {
    static const std::regex fallback(R"(\$\{[A-Za-z_][A-Za-z0-9_]*:-([^}]*)\})");
    std::smatch m;
    if (std::regex_search(value, m, fallback)) return m[1].str();
    if (from_env(value)) return {};
    return value;
}

std::string password_in_url(const std::string& url) {
    static const std::regex re(R"(://[^:/@\s]+:([^@\s]+)@)");
    std::smatch m;
    if (std::regex_search(url, m, re)) return m[1].str();
    static const std::regex kv(R"(password=([^&\s]+))");
    if (std::regex_search(url, m, kv)) return m[1].str();
    return {};
}

std::string config_snippet(const Project& p, const std::string& toml, const std::string& knexfile) {
    if (p.config.knexfile) return "```typescript\n" + knexfile + "\n```";
    return "```toml\n" + toml + "\n```";
}

std::string env_where(const Project& p, const EnvConfig& env, const std::string& key) {
    auto it = env.values.find(key);
    int line = it != env.values.end() ? it->second.line : env.line;
    return p.config.path + ":" + std::to_string(line);
}

}  // namespace migsafe::checks
