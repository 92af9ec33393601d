#include "runner/settings.hpp"

#include <cstdlib>

#include "parse/config/migsafe_toml.hpp"

namespace migsafe::runner {
namespace {

int parse_ms(const std::string& v, int def) {
    if (v.empty()) return def;
    char* end = nullptr;
    double n = std::strtod(v.c_str(), &end);
    std::string unit = end ? std::string(end) : "";
    if (unit == "ms") return static_cast<int>(n);
    if (unit == "s" || unit.empty()) return static_cast<int>(n * 1000);
    if (unit == "min") return static_cast<int>(n * 60000);
    return def;
}

std::string quote_kv(const std::string& v) {
    std::string out = "'";
    for (char c : v) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

}  // namespace

Result<Settings> resolve_settings(const Config& cfg, const std::string& env_flag) {
    Settings s;
    const char* env_var = std::getenv("MIGSAFE_ENV");
    s.env = !env_flag.empty() ? env_flag : env_var && *env_var ? env_var : "development";
    if (!cfg.table.empty()) s.table = cfg.table;
    if (!cfg.lock_timeout.empty()) s.lock_timeout = cfg.lock_timeout;
    const EnvConfig* env = nullptr;
    for (const auto& e : cfg.environments)
        if (e.name == s.env) env = &e;
    const char* database_url = std::getenv("DATABASE_URL");
    if (!env && !(database_url && *database_url) && !cfg.environments.empty())
        return Error{cfg.path, 0, "no [" + s.env + "] environment (and DATABASE_URL is not set)"};
    auto get = [&](const char* key) -> std::string {
        if (!env) return {};
        auto it = env->values.find(key);
        return it == env->values.end() ? std::string() : config::expand_env(it->second.value);
    };
    if (database_url && *database_url) {
        s.conninfo = database_url;
    } else if (!get("url").empty()) {
        s.conninfo = get("url");
    } else {
        std::string kv;
        for (const char* key : {"host", "port", "user", "password"}) {
            std::string v = get(key);
            if (!v.empty()) kv += std::string(key) + "=" + quote_kv(v) + " ";
        }
        std::string db = get("database");
        if (!db.empty()) kv += "dbname=" + quote_kv(db) + " ";
        s.conninfo = kv;
    }
    std::string sslmode = get("sslmode"), root = get("sslrootcert");
    bool url = s.conninfo.find("://") != std::string::npos;
    if (!sslmode.empty()) s.conninfo += url ? (s.conninfo.find('?') == std::string::npos ? "?" : "&") + std::string("sslmode=") + sslmode
                                            : " sslmode=" + sslmode;
    if (!root.empty()) s.conninfo += url ? "&sslrootcert=" + root : " sslrootcert=" + quote_kv(root);
    if (!get("table").empty()) s.table = get("table");
    if (!get("schema").empty()) s.schema = get("schema");
    if (!get("lock_timeout").empty()) s.lock_timeout = get("lock_timeout");
    s.statement_timeout = get("statement_timeout");
    if (!get("retries").empty()) s.retries = std::atoi(get("retries").c_str());
    s.backoff_ms = parse_ms(get("backoff"), s.backoff_ms);
    s.lock_wait_ms = parse_ms(get("advisory_lock_timeout"), s.lock_wait_ms);
    if (s.conninfo.empty()) return Error{cfg.path.empty() ? "migsafe.toml" : cfg.path, 0, "no connection: set DATABASE_URL or url in [" + s.env + "]"};
    return s;
}

}  // namespace migsafe::runner
