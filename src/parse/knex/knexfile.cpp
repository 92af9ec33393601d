#include "parse/knex/knexfile.hpp"

#include <map>

#include "parse/knex/ts.hpp"

namespace migsafe::knex {
namespace {

class Reader {
public:
    Reader(const std::string& src, const std::string& path) : src_(src), path_(path) {}

    Config read() {
        Config cfg;
        cfg.present = true;
        cfg.path = path_;
        cfg.knexfile = true;
        tree_ = parse_typescript(src_);
        TSNode root = ts_tree_root_node(tree_.get());
        for (auto st : named_children(root)) {
            TSNode decl = is(st, "export_statement") ? field(st, "declaration") : st;
            if (is(decl, "lexical_declaration") || is(decl, "variable_declaration"))
                for (auto d : named_children(decl))
                    if (is(d, "variable_declarator")) consts_[std::string(text(field(d, "name"), src_))] = unwrap(field(d, "value"));
        }
        TSNode exported{};
        for (auto st : named_children(root)) {
            if (is(st, "export_statement")) {
                TSNode v = field(st, "value");
                if (!ts_node_is_null(v)) exported = v;
            } else if (is(st, "expression_statement")) {
                TSNode e = unwrap(ts_node_named_child(st, 0));
                if (is(e, "assignment_expression") && text(field(e, "left"), src_) == "module.exports") exported = field(e, "right");
            }
        }
        TSNode obj = object_of(exported);
        if (!is(obj, "object")) return cfg;
        // Either environments ({ development: {...}, production: {...} }) or one config.
        bool single = false;
        for (auto p : named_children(obj))
            if (is(p, "pair") && (key(p) == "client" || key(p) == "connection")) single = true;
        if (single) {
            cfg.environments.push_back(environment("default", obj, line_of(obj)));
        } else {
            for (auto p : named_children(obj))
                if (is(p, "pair")) {
                    TSNode v = object_of(field(p, "value"));
                    if (is(v, "object")) cfg.environments.push_back(environment(key(p), v, line_of(p)));
                }
        }
        for (const auto& env : cfg.environments) {
            auto t = env.values.find("table");
            if (t != env.values.end() && cfg.table.empty()) {
                cfg.table = t->second.value;
                cfg.table_line = t->second.line;
            }
            auto d = env.values.find("directory");
            if (d != env.values.end() && cfg.directory.empty()) cfg.directory = d->second.value;
        }
        return cfg;
    }

private:
    const std::string& src_;
    std::string path_;
    Tree tree_;
    std::map<std::string, TSNode> consts_;

    std::string key(TSNode pair) {
        TSNode k = field(pair, "key");
        std::string s;
        if (string_value(k, src_, s)) return s;
        return std::string(text(k, src_));
    }

    TSNode object_of(TSNode n) {
        n = unwrap(n);
        for (int i = 0; i < 4 && is(n, "identifier"); ++i) {
            auto it = consts_.find(std::string(text(n, src_)));
            if (it == consts_.end()) break;
            n = unwrap(it->second);
        }
        if (is(n, "satisfies_expression") || is(n, "as_expression")) n = unwrap(ts_node_named_child(n, 0));
        return n;
    }

    // process.env.X -> ${X}; process.env.X || 'v' / ?? 'v' -> ${X:-v}; 'v' -> v.
    std::string value(TSNode n) {
        n = unwrap(n);
        std::string s;
        if (string_value(n, src_, s)) return s;
        if (is(n, "number") || is(n, "true") || is(n, "false")) return std::string(text(n, src_));
        if (is(n, "member_expression") || is(n, "subscript_expression")) {
            std::string t(text(n, src_));
            if (t.rfind("process.env.", 0) == 0) return "${" + t.substr(12) + "}";
            if (t.rfind("process.env[", 0) == 0) {
                std::string inner;
                TSNode idx = field(n, "index");
                if (string_value(idx, src_, inner)) return "${" + inner + "}";
            }
            return "${" + t + "}";  // config.db.host: from code, not a literal
        }
        if (is(n, "binary_expression")) {
            auto op = text(field(n, "operator"), src_);
            if (op == "||" || op == "??") {
                std::string left = value(field(n, "left"));
                std::string right = value(field(n, "right"));
                if (left.rfind("${", 0) == 0 && left.back() == '}' && left.find(":-") == std::string::npos)
                    return left.substr(0, left.size() - 1) + ":-" + right + "}";
                return left;
            }
        }
        if (is(n, "call_expression")) {
            std::string t(text(n, src_));
            // Number(process.env.X) / parseInt(process.env.X, 10)
            for (auto a : named_children(field(n, "arguments"))) {
                std::string v = value(a);
                if (v.rfind("${", 0) == 0) return v;
            }
            return "${" + t + "}";
        }
        if (is(n, "identifier")) {
            auto it = consts_.find(std::string(text(n, src_)));
            if (it != consts_.end()) return value(it->second);
            return "${" + std::string(text(n, src_)) + "}";
        }
        return "${" + std::string(text(n, src_)) + "}";
    }

    void put(EnvConfig& env, const std::string& k, const std::string& v, TSNode at) {
        env.values[k] = KeyValue{k, v, line_of(at)};
    }

    void read_object(EnvConfig& env, TSNode obj, const std::string& prefix) {
        for (auto p : named_children(obj)) {
            if (is(p, "spread_element")) {  // { ...base, ... }
                TSNode base = object_of(ts_node_named_child(p, 0));
                if (is(base, "object")) read_object(env, base, prefix);
                continue;
            }
            if (!is(p, "pair")) continue;
            std::string k = key(p);
            TSNode v = unwrap(field(p, "value"));
            TSNode vobj = object_of(v);
            if (prefix.empty()) {
                if (k == "client") put(env, "client", value(v), p);
                else if (k == "connection") {
                    if (is(vobj, "object")) read_object(env, vobj, "connection");
                    else put(env, "url", value(v), p);
                } else if (k == "pool" && is(vobj, "object")) read_object(env, vobj, "pool");
                else if (k == "migrations" && is(vobj, "object")) read_object(env, vobj, "migrations");
                continue;
            }
            if (prefix == "connection") {
                if (k == "host" || k == "port" || k == "database" || k == "user" || k == "password") put(env, k, value(v), p);
                else if (k == "connectionString") put(env, "url", value(v), p);
                else if (k == "ssl") read_ssl(env, v, p);
            } else if (prefix == "pool") {
                if (k == "min") put(env, "pool_min", value(v), p);
                else if (k == "max") put(env, "pool_max", value(v), p);
                else if (k == "afterCreate") {
                    std::string body(text(v, src_));
                    if (body.find("lock_timeout") != std::string::npos) put(env, "lock_timeout", "afterCreate", p);
                    put(env, "pool_after_create", "yes", p);
                }
            } else if (prefix == "migrations") {
                if (k == "tableName") put(env, "table", value(v), p);
                else if (k == "directory") put(env, "directory", value(v), p);
                else if (k == "extension") put(env, "extension", value(v), p);
                else if (k == "loadExtensions") put(env, "load_extensions", std::string(text(v, src_)), p);
                else if (k == "schemaName") put(env, "schema", value(v), p);
            }
        }
    }

    void read_ssl(EnvConfig& env, TSNode v, TSNode at) {
        TSNode o = object_of(v);
        if (is(o, "object")) {
            put(env, "ssl", "true", at);
            for (auto p : named_children(o))
                if (is(p, "pair") && key(p) == "rejectUnauthorized") put(env, "reject_unauthorized", value(field(p, "value")), p);
        } else {
            put(env, "ssl", value(v), at);
        }
    }

    EnvConfig environment(const std::string& name, TSNode obj, int line) {
        EnvConfig env;
        env.name = name;
        env.line = line;
        read_object(env, obj, "");
        return env;
    }
};

}  // namespace

Config read_knexfile(const std::string& text, const std::string& path) {
    Reader r(text, path);
    return r.read();
}

}  // namespace migsafe::knex
