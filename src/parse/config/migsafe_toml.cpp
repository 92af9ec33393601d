#include "parse/config/migsafe_toml.hpp"

#include <toml++/toml.h>

#include <cstdlib>
#include <regex>
#include <set>

namespace migsafe::config {
namespace {

const std::set<std::string> kEnvKeys = {
    "url", "host", "port", "database", "user", "password", "sslmode", "sslrootcert", "directory",
    "table", "schema", "lock_timeout", "statement_timeout", "retries", "backoff", "backoff_max",
    "advisory_lock_timeout", "application_name"};
const std::set<std::string> kTopKeys = {"layout", "directory", "service", "pg_version", "table",
                                        "lock_timeout", "statement_timeout", "schema", "retries",
                                        "backoff", "audit", "checks"};
const std::set<std::string> kAuditKeys = {"tenant_column", "preexisting_tables", "suggested_lock_timeout"};

int line_of(const toml::node& n) { return static_cast<int>(n.source().begin.line); }

std::string scalar(const toml::node& n) {
    if (auto s = n.as_string()) return s->get();
    if (auto i = n.as_integer()) return std::to_string(i->get());
    if (auto b = n.as_boolean()) return b->get() ? "true" : "false";
    if (auto f = n.as_floating_point()) return std::to_string(f->get());
    return {};
}

}  // namespace

Result<Config> parse_migsafe_toml(const std::string& text, const std::string& path) {
    Config cfg;
    cfg.present = true;
    cfg.path = path;
    toml::table tbl;
    try {
        tbl = toml::parse(text, path);
    } catch (const toml::parse_error& e) {
        return Error{path, static_cast<int>(e.source().begin.line), std::string(e.description())};
    }
    for (auto& [k, v] : tbl) {
        std::string key(k.str());
        int line = line_of(v);
        if (v.is_table() && !kTopKeys.count(key)) {
            EnvConfig env;
            env.name = key;
            env.line = line;
            for (auto& [ek, ev] : *v.as_table()) {
                std::string ekey(ek.str());
                if (!kEnvKeys.count(ekey))
                    return Error{path, line_of(ev), "unknown key '" + ekey + "' in [" + key + "]"};
                env.values[ekey] = KeyValue{ekey, scalar(ev), line_of(ev)};
            }
            cfg.environments.push_back(std::move(env));
            continue;
        }
        if (!kTopKeys.count(key)) return Error{path, line, "unknown key '" + key + "'"};
        if (key == "layout") {
            auto l = parse_layout(scalar(v));
            if (!l) return Error{path, line, "unknown layout '" + scalar(v) + "' (dbmate, golang-migrate, flyway, plain, knex)"};
            cfg.layout = l;
        } else if (key == "directory") {
            cfg.directory = scalar(v);
        } else if (key == "service") {
            cfg.service = scalar(v);
        } else if (key == "pg_version") {
            auto i = v.as_integer();
            if (!i || i->get() < 9 || i->get() > 30) return Error{path, line, "pg_version must be a major version such as 15"};
            cfg.pg_version = static_cast<int>(i->get());
        } else if (key == "table") {
            cfg.table = scalar(v);
            cfg.table_line = line;
        } else if (key == "lock_timeout") {
            cfg.lock_timeout = scalar(v);
            cfg.lock_timeout_line = line;
        } else if (key == "audit") {
            if (!v.is_table()) return Error{path, line, "[audit] must be a table"};
            for (auto& [ak, av] : *v.as_table()) {
                std::string akey(ak.str());
                if (!kAuditKeys.count(akey)) return Error{path, line_of(av), "unknown key '" + akey + "' in [audit]"};
                if (akey == "tenant_column") cfg.tenant_column = scalar(av);
                if (akey == "suggested_lock_timeout") cfg.suggested_lock_timeout = scalar(av);
                if (akey == "preexisting_tables") {
                    auto arr = av.as_array();
                    if (!arr) return Error{path, line_of(av), "preexisting_tables must be an array of table names"};
                    for (auto& t : *arr) cfg.preexisting_tables.push_back(scalar(t));
                }
            }
        } else if (key == "checks") {
            if (!v.is_table()) return Error{path, line, "[checks] must be a table"};
            for (auto& [ck, cv] : *v.as_table()) {
                CheckOverride o;
                o.id = std::string(ck.str());
                o.line = line_of(cv);
                if (cv.is_table()) {
                    for (auto& [ok, ov] : *cv.as_table()) {
                        std::string okey(ok.str());
                        if (okey == "enabled") {
                            if (!ov.is_boolean()) return Error{path, line_of(ov), "enabled must be true or false"};
                            o.enabled = ov.as_boolean()->get();
                        } else if (okey == "severity") {
                            auto s = parse_severity(scalar(ov));
                            if (!s) return Error{path, line_of(ov), "unknown severity '" + scalar(ov) + "' (low, medium, high, critical)"};
                            o.severity = s;
                        } else {
                            return Error{path, line_of(ov), "unknown key '" + okey + "' in [checks." + o.id + "]"};
                        }
                    }
                } else {
                    // shorthand: id = "off" | "low" | "medium" | "high" | "critical"
                    std::string val = scalar(cv);
                    if (val == "off" || val == "false") o.enabled = false;
                    else if (auto s = parse_severity(val)) o.severity = s;
                    else return Error{path, o.line, "checks." + o.id + ": expected \"off\" or a severity"};
                }
                cfg.checks[o.id] = o;
            }
        }
        // statement_timeout, schema, retries, backoff: runner settings, read by the runner.
    }
    return cfg;
}

std::string expand_env(const std::string& value) {
    static const std::regex re(R"(\$\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?\})");
    std::string out;
    auto begin = std::sregex_iterator(value.begin(), value.end(), re);
    size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
        auto& m = *it;
        out += value.substr(last, m.position() - last);
        const char* env = std::getenv(m[1].str().c_str());
        if (env && *env) out += env;
        else if (m[2].matched) out += m[3].str();
        last = m.position() + m.length();
    }
    out += value.substr(last);
    return out;
}

std::string mask_connection_string(const std::string& value) {
    // postgres://user:secret@host -> postgres://user:***@host
    static const std::regex url(R"(([a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\s]*):([^@\s]*)@)");
    static const std::regex kv(R"((password\s*=\s*)('[^']*'|[^\s&]*))", std::regex::icase);
    std::string out = std::regex_replace(value, url, "$1:***@");
    out = std::regex_replace(out, kv, "$1***");
    return out;
}

}  // namespace migsafe::config
