#include "parse/knex/migration.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "parse/knex/ts.hpp"
#include "parse/sql/transform.hpp"

namespace migsafe::knex {
namespace {

// knex.schema.createTable('x', cb) -> root "knex", links [schema, createTable(args)].
struct Link {
    std::string name;
    TSNode args{};
    bool called = false;
    TSNode node{};
};
struct Chain {
    std::string root;
    std::vector<Link> links;
    bool ok = false;
    const Link* find(std::string_view name) const {
        for (const auto& l : links)
            if (l.name == name) return &l;
        return nullptr;
    }
};

bool flatten(TSNode n, const std::string& src, Chain& c) {
    n = unwrap(n);
    if (is(n, "call_expression")) {
        if (!flatten(field(n, "function"), src, c)) return false;
        TSNode args = field(n, "arguments");
        if (c.links.empty()) c.links.push_back({"", args, true, n});  // knex('table')
        else if (c.links.back().called) c.links.push_back({"()", args, true, n});
        else {
            c.links.back().args = args;
            c.links.back().called = true;
            c.links.back().node = n;
        }
        return true;
    }
    if (is(n, "member_expression")) {
        if (!flatten(field(n, "object"), src, c)) return false;
        c.links.push_back({std::string(text(field(n, "property"), src)), TSNode{}, false, n});
        return true;
    }
    if (is(n, "non_null_expression") || is(n, "as_expression")) return flatten(ts_node_named_child(n, 0), src, c);
    if (is(n, "identifier") || is(n, "this")) {
        c.root = std::string(text(n, src));
        return true;
    }
    return false;
}

Chain chain_of(TSNode n, const std::string& src) {
    Chain c;
    c.ok = flatten(n, src, c);
    return c;
}

std::vector<TSNode> args_of(TSNode args) {
    std::vector<TSNode> out;
    for (auto a : named_children(args))
        if (!is(a, "comment")) out.push_back(a);
    return out;
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// The parameter name of a one-parameter callback ((table) => ..., function (t) {...}).
std::string first_param(TSNode fn, const std::string& src) {
    TSNode p = field(fn, "parameter");
    if (!ts_node_is_null(p)) return std::string(text(p, src));
    for (auto param : named_children(field(fn, "parameters"))) {
        TSNode pat = field(param, "pattern");
        if (ts_node_is_null(pat)) pat = param;
        if (is(pat, "identifier")) return std::string(text(pat, src));
        return {};
    }
    return {};
}

// Source text on one line, whitespace folded, cut to `max` characters.
std::string one_line(std::string_view s, size_t max) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    if (out.size() > max) out = out.substr(0, max - 3) + "...";
    return out;
}

bool is_function(TSNode n) {
    n = unwrap(n);
    return is(n, "arrow_function") || is(n, "function_expression") || is(n, "function") || is(n, "function_declaration") ||
           is(n, "method_definition") || is(n, "generator_function");
}

class Builder {
public:
    Builder(sql::Parser& parser, Project& project, int index)
        : parser_(parser), project_(project), index_(index), file_(project.files[index]), src_(file_.source.text()) {}

    void run() {
        tree_ = parse_typescript(src_);
        TSNode root = ts_tree_root_node(tree_.get());
        collect_top_level(root);
        Unit up, down;
        up.section = Section::Up;
        down.section = Section::Down;
        up.transactional = down.transactional = !file_.knex.transaction_disabled;
        up.session_carries = down.session_carries = !file_.knex.transaction_disabled;
        up.start_line = ts_node_is_null(up_fn_) ? 1 : line_of(up_fn_);
        down.start_line = ts_node_is_null(down_fn_) ? 1 : line_of(down_fn_);
        file_.units = {up, down};
        if (!ts_node_is_null(up_fn_)) run_function(up_fn_, Section::Up);
        if (!ts_node_is_null(down_fn_)) run_function(down_fn_, Section::Down);
        if (ts_node_has_error(root)) {
            // tree-sitter recovers; report where it first could not read the file.
            TSNode bad = first_error(root);
            ParseError e;
            e.loc = {index_, ts_node_is_null(bad) ? 1 : line_of(bad), ts_node_is_null(bad) ? 1 : column_of(bad), false};
            e.message = "cannot parse this TypeScript/JavaScript here";
            file_.errors.push_back(e);
        }
    }

private:
    sql::Parser& parser_;
    Project& project_;
    int index_;
    MigrationFile& file_;
    const std::string& src_;
    Tree tree_;
    TSNode up_fn_{}, down_fn_{};
    std::map<std::string, TSNode> functions_;   // top-level function declarations / consts by name
    std::map<std::string, TSNode> strings_;     // const NAME = '...' / `...`
    std::set<std::string> knex_names_;
    std::map<std::string, std::string> bindings_;  // for (const t of ['a', 'b']): t -> current value
    std::map<std::string, TSNode> arrays_;          // const NAME = [ ... ]
    Section section_ = Section::Up;
    int call_ = 0;
    int stmt_ = 0;
    int guard_depth_ = 0;
    std::vector<std::string> pending_types_;  // native enums a column builder creates
    std::vector<std::unique_ptr<std::string>> sql_texts_;
    std::vector<std::unique_ptr<std::vector<size_t>>> sql_maps_;

    static TSNode first_error(TSNode n) {
        if (is(n, "ERROR") || ts_node_is_missing(n)) return n;
        for (auto c : named_children(n))
            if (ts_node_has_error(c)) {
                TSNode e = first_error(c);
                if (!ts_node_is_null(e)) return e;
            }
        return n;
    }

    Location loc(TSNode n) const { return {index_, line_of(n), column_of(n), false}; }

    void set_export(const std::string& name, TSNode fn, TSNode at) {
        if (name == "up" && is_function(fn)) {
            up_fn_ = unwrap(fn);
            file_.knex.up_found = true;
            file_.knex.up_loc = loc(at);
        } else if (name == "down" && is_function(fn)) {
            down_fn_ = unwrap(fn);
            file_.knex.down_found = true;
            file_.knex.down_loc = loc(at);
        } else if (name == "config") {
            read_config(unwrap(fn), at);
        }
    }

    void read_config(TSNode obj, TSNode at) {
        if (!is(obj, "object")) return;
        for (auto pair : named_children(obj)) {
            if (!is(pair, "pair")) continue;
            if (text(field(pair, "key"), src_) == "transaction" && is(field(pair, "value"), "false")) {
                file_.knex.transaction_disabled = true;
                file_.knex.config_loc = loc(at);
            }
        }
    }

    // Resolves an identifier to the function it names (export { up } / module.exports = { up }).
    TSNode resolve(TSNode n) {
        n = unwrap(n);
        if (is(n, "identifier")) {
            auto it = functions_.find(std::string(text(n, src_)));
            if (it != functions_.end()) return it->second;
        }
        return n;
    }

    void collect_top_level(TSNode root) {
        // First pass: named functions and string constants.
        for (auto st : named_children(root)) {
            TSNode decl = is(st, "export_statement") ? field(st, "declaration") : st;
            if (is(decl, "function_declaration")) functions_[std::string(text(field(decl, "name"), src_))] = decl;
            if (is(decl, "lexical_declaration") || is(decl, "variable_declaration"))
                for (auto d : named_children(decl)) {
                    if (!is(d, "variable_declarator")) continue;
                    std::string name(text(field(d, "name"), src_));
                    TSNode value = unwrap(field(d, "value"));
                    if (is_function(value) || is(value, "object")) functions_[name] = value;
                    if (is(value, "string") || is(value, "template_string")) strings_[name] = value;
                    if (is(value, "array")) arrays_[name] = value;
                }
        }
        // Second pass: the exports.
        for (auto st : named_children(root)) {
            if (is(st, "export_statement")) {
                TSNode decl = field(st, "declaration");
                if (is(decl, "function_declaration")) {
                    set_export(std::string(text(field(decl, "name"), src_)), decl, decl);
                } else if (is(decl, "lexical_declaration") || is(decl, "variable_declaration")) {
                    for (auto d : named_children(decl))
                        if (is(d, "variable_declarator"))
                            set_export(std::string(text(field(d, "name"), src_)), field(d, "value"), d);
                } else {
                    TSNode value = field(st, "value");  // export default { up, down }
                    if (!ts_node_is_null(value)) read_export_object(resolve(value));
                    for (auto c : named_children(st))  // export { up, down }
                        if (is(c, "export_clause"))
                            for (auto spec : named_children(c)) {
                                std::string name(text(field(spec, "name"), src_));
                                TSNode alias = field(spec, "alias");
                                std::string as = ts_node_is_null(alias) ? name : std::string(text(alias, src_));
                                auto it = functions_.find(name);
                                if (it != functions_.end()) set_export(as, it->second, spec);
                            }
                }
            } else if (is(st, "expression_statement")) {
                TSNode e = unwrap(ts_node_named_child(st, 0));
                if (!is(e, "assignment_expression")) continue;
                std::string left(text(field(e, "left"), src_));
                TSNode right = field(e, "right");
                if (left == "exports.up" || left == "module.exports.up") set_export("up", resolve(right), e);
                else if (left == "exports.down" || left == "module.exports.down") set_export("down", resolve(right), e);
                else if (left == "exports.config" || left == "module.exports.config") set_export("config", unwrap(right), e);
                else if (left == "module.exports") read_export_object(resolve(right));
            }
        }
    }

    void read_export_object(TSNode obj) {
        obj = unwrap(obj);
        if (!is(obj, "object")) return;
        for (auto p : named_children(obj)) {
            if (is(p, "pair")) {
                set_export(std::string(text(field(p, "key"), src_)), resolve(field(p, "value")), p);
            } else if (is(p, "shorthand_property_identifier")) {
                std::string name(text(p, src_));
                auto it = functions_.find(name);
                if (it != functions_.end()) set_export(name, it->second, p);
            } else if (is(p, "method_definition")) {
                set_export(std::string(text(field(p, "name"), src_)), p, p);
            }
        }
    }

    void run_function(TSNode fn, Section section) {
        section_ = section;
        knex_names_.clear();
        std::string param = first_param(fn, src_);
        knex_names_.insert(param.empty() ? "knex" : param);
        bool async = has_token(fn, "async");
        TSNode body = field(fn, "body");
        if (section == Section::Up) file_.knex.up_async = async;
        if (is(body, "statement_block")) {
            walk(body);
        } else if (!ts_node_is_null(body)) {
            // Arrow function with an expression body: its value is returned.
            if (section == Section::Up) file_.knex.up_returns = true;
            expression(body, true, true);
        }
        bool has_ops = std::any_of(file_.ops.begin(), file_.ops.end(), [&](const Operation& op) { return op.section == section; });
        if (section == Section::Up) file_.has_up = has_ops || file_.knex.up_knex_calls > 0;
        else file_.has_down = has_ops || file_.knex.down_throws;
    }

    void walk(TSNode n) {
        for (auto st : named_children(n)) statement(st);
    }

    void statement(TSNode st) {
        auto t = type(st);
        if (t == "expression_statement") {
            expression(ts_node_named_child(st, 0), false, true);
        } else if (t == "return_statement") {
            if (ts_node_named_child_count(st) > 0) {
                if (section_ == Section::Up) file_.knex.up_returns = true;
                expression(ts_node_named_child(st, 0), true, true);
            }
        } else if (t == "statement_block") {
            walk(st);
        } else if (t == "if_statement") {
            TSNode cond = field(st, "condition");
            bool guard = condition(cond);
            if (guard) ++guard_depth_;
            TSNode cons = field(st, "consequence");
            if (is(cons, "statement_block")) walk(cons);
            else if (!ts_node_is_null(cons)) statement(cons);
            TSNode alt = field(st, "alternative");
            for (auto a : named_children(alt)) statement(a);
            if (guard) --guard_depth_;
        } else if (t == "lexical_declaration" || t == "variable_declaration") {
            for (auto d : named_children(st)) {
                if (!is(d, "variable_declarator")) continue;
                TSNode value = field(d, "value");
                std::string name(text(field(d, "name"), src_));
                TSNode v = unwrap(value);
                if (is(v, "string") || is(v, "template_string")) strings_[name] = v;
                if (is(v, "array")) arrays_[name] = v;
                if (!ts_node_is_null(value)) expression(value, false, false);
            }
        } else if (t == "for_in_statement" && unroll(st)) {
            // unrolled over its literal array
        } else if (t == "for_statement" || t == "for_in_statement" || t == "while_statement" || t == "do_statement") {
            TSNode body = field(st, "body");
            if (is(body, "statement_block")) walk(body);
            else if (!ts_node_is_null(body)) statement(body);
        } else if (t == "try_statement") {
            walk(field(st, "body"));
            TSNode handler = field(st, "handler");
            if (!ts_node_is_null(handler)) walk(field(handler, "body"));
            TSNode fin = field(st, "finalizer");
            if (!ts_node_is_null(fin)) walk(field(fin, "body"));
        } else if (t == "throw_statement") {
            if (section_ == Section::Down) file_.knex.down_throws = true;
        }
    }

    // for (const t of ['a', 'b']) { ... } with a literal array of strings: walk the body once per
    // value, with `t` bound, so ${t} in knex.raw SQL becomes the real name.
    bool unroll(TSNode st) {
        if (!has_token(st, "of")) return false;
        TSNode right = unwrap(field(st, "right"));
        TSNode left = field(st, "left");
        if (is(right, "identifier")) {  // const tables = ['a', 'b']; for (const t of tables)
            auto it = arrays_.find(std::string(text(right, src_)));
            if (it != arrays_.end()) right = it->second;
        }
        if (!is(right, "array")) return false;
        std::string var;
        if (is(left, "identifier")) var = std::string(text(left, src_));
        else
            for (auto c : named_children(left))
                if (is(c, "identifier")) var = std::string(text(c, src_));
        if (var.empty()) return false;
        std::vector<std::string> values;
        for (auto el : named_children(right)) {
            std::string v;
            if (!string_value(el, src_, v)) return false;
            values.push_back(v);
        }
        TSNode body = field(st, "body");
        for (const auto& v : values) {
            bindings_[var] = v;
            if (is(body, "statement_block")) walk(body);
            else statement(body);
        }
        bindings_.erase(var);
        return true;
    }

    // An if-condition: un-awaited hasTable/hasColumn is a finding; awaited ones guard the branch.
    bool condition(TSNode cond) {
        bool guard = false;
        visit_calls(cond, false, [&](TSNode call, bool awaited) {
            Chain c = chain_of(call, src_);
            if (!c.ok || !knex_names_.count(c.root)) return;
            const Link* has = c.find("hasColumn");
            if (!has) has = c.find("hasTable");
            if (!has) return;
            if (awaited) {
                guard = true;
            } else {
                file_.knex.unawaited.push_back(
                    {loc(call), one_line(text(call, src_), 60) + " in a condition without await: a Promise is always truthy, so the guarded change " +
                                    (section_ == Section::Up ? "never runs or always runs" : "is decided wrongly")});
            }
        });
        return guard;
    }

    template <typename F>
    void visit_calls(TSNode n, bool awaited, F&& f) {
        n = unwrap(n);
        if (ts_node_is_null(n)) return;
        if (is(n, "await_expression")) {
            for (auto c : named_children(n)) visit_calls(c, true, f);
            return;
        }
        if (is(n, "call_expression")) {
            f(n, awaited);
            return;
        }
        if (is_function(n)) return;
        for (auto c : named_children(n)) visit_calls(c, awaited, f);
    }

    // An expression in a statement: knex calls found at its top are awaited or not.
    void expression(TSNode e, bool awaited, bool top) {
        e = unwrap(e);
        if (ts_node_is_null(e)) return;
        if (is(e, "await_expression")) {
            for (auto c : named_children(e)) expression(c, true, top);
            return;
        }
        if (is(e, "call_expression")) {
            Chain c = chain_of(e, src_);
            if (c.ok && knex_names_.count(c.root)) {
                knex_call(c, e, awaited || !top);
                return;
            }
            if (c.ok && c.root == "Promise" && c.find("all")) {
                for (auto a : args_of(c.find("all")->args))
                    for (auto el : named_children(unwrap(a))) expression(el, awaited, top);
                return;
            }
            if (c.ok && (c.root == "console" || c.root == "logger" || c.root == "log" || c.root == "debug")) {
                if (section_ == Section::Up) file_.knex.logs = true;
                return;
            }
            // Someone else's function: look at its arguments for knex calls.
            for (auto a : args_of(field(e, "arguments"))) expression(a, awaited, false);
            return;
        }
        if (is(e, "assignment_expression")) {
            expression(field(e, "right"), awaited, false);
            return;
        }
        if (is(e, "array")) {
            for (auto el : named_children(e)) expression(el, awaited, top);
        }
    }

    Operation base(OpKind kind, TSNode at, const std::string& stmt_kind) {
        Operation op;
        op.kind = kind;
        op.section = section_;
        op.unit = section_ == Section::Up ? 0 : 1;
        op.loc = loc(at);
        op.stmt = stmt_++;
        op.call = call_;
        op.stmt_kind = stmt_kind;
        op.text = std::string(text(at, src_));
        op.guarded = guard_depth_ > 0;
        return op;
    }

    void push(Operation op) { file_.ops.push_back(std::move(op)); }

    void knex_call(const Chain& c, TSNode node, bool awaited) {
        ++call_;
        if (section_ == Section::Up) ++file_.knex.up_knex_calls;
        if (!awaited) {
            std::string call = one_line(text(node, src_), 60);
            file_.knex.unawaited.push_back({loc(node), call + " is neither awaited nor returned: knex does not wait for it and its errors are lost"});
        }
        if (c.links.empty()) return;
        size_t i = 0;
        std::string schema;
        if (c.links[0].name == "schema") {
            i = 1;
            while (i < c.links.size() && c.links[i].name == "withSchema") {
                auto a = args_of(c.links[i].args);
                std::string s;
                if (!a.empty() && string_value(a[0], src_, s)) schema = s;
                ++i;
            }
            if (i >= c.links.size()) return;
            schema_call(c.links[i], node, schema);
            return;
        }
        const Link& first = c.links[0];
        if (first.name == "raw") {
            raw(first, node);
        } else if (first.name == "") {
            data_call(c, node);
        } else if (first.name == "transaction") {
            for (auto a : args_of(first.args))
                if (is_function(a)) {
                    std::string p = first_param(unwrap(a), src_);
                    if (!p.empty()) knex_names_.insert(p);
                    TSNode body = field(unwrap(a), "body");
                    if (is(body, "statement_block")) walk(body);
                }
        } else if (first.name == "fn" || first.name == "ref") {
            // values, not statements
        } else {
            unknown(node, "knex." + first.name);
        }
    }

    void unknown(TSNode node, const std::string& what) {
        Operation op = base(OpKind::Other, node, what);
        op.value = what;
        file_.knex.unknown.push_back({op.loc, what + " is not modelled; reviewed as other"});
        push(std::move(op));
    }

    std::string str_arg(const Link& l, size_t i) {
        auto a = args_of(l.args);
        std::string s;
        if (i < a.size() && string_value(a[i], src_, s)) return s;
        return {};
    }

    static std::string qualify(const std::string& schema, const std::string& table) {
        return schema.empty() || schema == "public" ? table : schema + "." + table;
    }

    void schema_call(const Link& l, TSNode node, const std::string& schema) {
        const std::string& m = l.name;
        std::string table = qualify(schema, str_arg(l, 0));
        if (m == "createTable" || m == "createTableIfNotExists" || m == "createTableLike") {
            table_builder(l, node, table, true, m == "createTableIfNotExists");
        } else if (m == "alterTable" || m == "table") {
            table_builder(l, node, table, false, false);
        } else if (m == "dropTable" || m == "dropTableIfExists") {
            Operation op = base(OpKind::DropTable, node, "knex.schema." + m);
            op.table = table;
            op.if_exists = m == "dropTableIfExists";
            op.lock = LockMode::AccessExclusive;
            push(std::move(op));
        } else if (m == "renameTable") {
            Operation op = base(OpKind::RenameTable, node, "knex.schema.renameTable");
            op.table = table;
            op.new_name = qualify(schema, str_arg(l, 1));
            op.lock = LockMode::AccessExclusive;
            push(std::move(op));
        } else if (m == "raw") {
            raw(l, node);
        } else if (m == "hasTable" || m == "hasColumn") {
            // a question, not a change (conditions are checked by condition())
        } else if (m == "createSchema" || m == "createSchemaIfNotExists") {
            Operation op = base(OpKind::CreateSchema, node, "knex.schema." + m);
            op.name = table;
            op.if_not_exists = m == "createSchemaIfNotExists";
            push(std::move(op));
        } else if (m == "dropSchema" || m == "dropSchemaIfExists") {
            Operation op = base(OpKind::DropSchema, node, "knex.schema." + m);
            op.name = table;
            op.if_exists = m == "dropSchemaIfExists";
            push(std::move(op));
        } else if (m == "createView" || m == "createViewOrReplace" || m == "createMaterializedView") {
            Operation op = base(OpKind::CreateView, node, "knex.schema." + m);
            op.name = table;
            push(std::move(op));
        } else if (m == "dropView" || m == "dropViewIfExists" || m == "dropMaterializedView") {
            Operation op = base(OpKind::DropView, node, "knex.schema." + m);
            op.name = table;
            push(std::move(op));
        } else {
            unknown(node, "knex.schema." + m);
        }
    }

    void data_call(const Chain& c, TSNode node) {
        std::string table = str_arg(c.links[0], 0);
        OpKind kind = OpKind::Select;
        bool where = false;
        for (const auto& l : c.links) {
            if (l.name == "insert") kind = OpKind::Insert;
            else if (l.name == "update" || l.name == "increment" || l.name == "decrement") kind = OpKind::Update;
            else if (l.name == "del" || l.name == "delete" || l.name == "truncate") kind = l.name == "truncate" ? OpKind::Truncate : OpKind::Delete;
            else if (l.name.rfind("where", 0) == 0 || l.name == "limit") where = true;
        }
        Operation op = base(kind, node, "knex(table)");
        op.table = table;
        op.has_where = where;
        op.lock = kind == OpKind::Select ? LockMode::AccessShare : kind == OpKind::Truncate ? LockMode::AccessExclusive : LockMode::RowExclusive;
        if (kind == OpKind::Update)
            for (const auto& l : c.links)
                if (l.name == "update") {
                    auto a = args_of(l.args);
                    if (!a.empty() && is(unwrap(a[0]), "object"))
                        for (auto p : named_children(unwrap(a[0])))
                            if (is(p, "pair")) op.columns.emplace_back(text(field(p, "key"), src_));
                    std::string col;
                    if (!a.empty() && string_value(a[0], src_, col)) op.columns.push_back(col);
                }
        push(std::move(op));
    }

    // ---- SQL inside knex.raw: decoded text and, for each byte, its offset in the file ----
    bool append_sql(TSNode n, std::string& sql, std::vector<size_t>& map, int depth = 0) {
        n = unwrap(n);
        if (depth > 8 || ts_node_is_null(n)) return false;
        if (is(n, "identifier")) {
            auto it = strings_.find(std::string(text(n, src_)));
            return it != strings_.end() && append_sql(it->second, sql, map, depth + 1);
        }
        if (is(n, "binary_expression")) {
            if (text(field(n, "operator"), src_) != "+") return false;
            return append_sql(field(n, "left"), sql, map, depth + 1) && append_sql(field(n, "right"), sql, map, depth + 1);
        }
        bool tmpl = is(n, "template_string");
        if (!tmpl && !is(n, "string")) return false;
        size_t begin = ts_node_start_byte(n) + 1, end = ts_node_end_byte(n) - 1;
        std::vector<std::pair<size_t, size_t>> holes;
        if (tmpl)
            for (auto c : named_children(n))
                if (is(c, "template_substitution")) holes.emplace_back(ts_node_start_byte(c), ts_node_end_byte(c));
        size_t h = 0;
        for (size_t i = begin; i < end;) {
            if (h < holes.size() && i == holes[h].first) {
                // ${name} bound by an unrolled loop: its value, located at the hole.
                std::string inner(std::string_view(src_).substr(holes[h].first + 2, holes[h].second - holes[h].first - 3));
                auto bound = bindings_.find(inner);
                if (bound != bindings_.end()) {
                    for (char c : bound->second) {
                        sql += c;
                        map.push_back(holes[h].first);
                    }
                    i = holes[h].second;
                    ++h;
                    continue;
                }
                // ${expr} -> an identifier of the same length: the SQL stays parseable and
                // every later byte keeps its offset.
                for (size_t k = holes[h].first; k < holes[h].second; ++k) {
                    char c = src_[k];
                    sql += c == '\n' ? '\n' : (k == holes[h].first ? 'p' : '_');
                    map.push_back(k);
                }
                i = holes[h].second;
                ++h;
                continue;
            }
            char c = src_[i];
            if (c == '\\' && i + 1 < end) {
                char e = src_[i + 1];
                char out = e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e;
                if (e == '\n') {  // line continuation
                    i += 2;
                    continue;
                }
                sql += out;
                map.push_back(i);
                i += 2;
                continue;
            }
            sql += c;
            map.push_back(i);
            ++i;
        }
        return true;
    }

    void raw(const Link& l, TSNode node) {
        auto a = args_of(l.args);
        auto sql = std::make_unique<std::string>();
        auto map = std::make_unique<std::vector<size_t>>();
        if (a.empty() || !append_sql(a[0], *sql, *map)) {
            unknown(node, "knex.raw with SQL built at run time");
            return;
        }
        map->push_back(ts_node_end_byte(a[0]));  // the end sentinel
        sql::Chunk chunk;
        chunk.source = &file_.source;
        chunk.text = sql.get();
        chunk.offsets = map.get();
        chunk.section = section_;
        chunk.unit = section_ == Section::Up ? 0 : 1;
        chunk.file = index_;
        chunk.call = call_;
        size_t before = file_.ops.size();
        int n = sql::parse_chunk(parser_, chunk, file_.ops, file_.errors);
        (section_ == Section::Up ? file_.up_statement_count : file_.down_statement_count) += n;
        for (size_t i = before; i < file_.ops.size(); ++i) {
            auto& op = file_.ops[i];
            op.stmt = stmt_++;
            if (guard_depth_ > 0) op.guarded = true;
            bool builder_covers = (op.kind == OpKind::CreateTable && op.constraints.size() < 50) ||
                                  (op.kind == OpKind::AddColumn && op.constraints.empty());
            if (builder_covers && section_ == Section::Up)
                file_.knex.raw_builder_sql.push_back(
                    {op.loc, "knex.raw " + std::string(op.kind == OpKind::CreateTable ? "CREATE TABLE " : "ALTER TABLE ADD COLUMN ") +
                                 op.table + ": the schema builder covers this"});
        }
        sql_texts_.push_back(std::move(sql));
        sql_maps_.push_back(std::move(map));
    }

    // ---- the table builder: createTable / alterTable callbacks ----
    struct Column {
        ColumnDef def;
        bool alter = false;
        bool index = false, unique = false;
        std::string index_name;
        TSNode node{};
    };

    static bool is_value(TSNode n, std::string_view t) { return is(unwrap(n), t); }

    std::string raw_text(TSNode n) {
        // knex.raw('gen_random_uuid()') / knex.fn.now() / a literal
        n = unwrap(n);
        Chain c = chain_of(n, src_);
        if (c.ok && knex_names_.count(c.root)) {
            if (c.find("fn") && c.find("now")) return "now()";
            if (const Link* r = c.find("raw")) {
                std::string s = str_arg(*r, 0);
                return s.empty() ? "(expression)" : s;
            }
        }
        std::string s;
        if (string_value(n, src_, s)) return "'" + s + "'";
        return std::string(text(n, src_));
    }

    static bool volatile_default(const std::string& expr) {
        for (const char* f : {"gen_random_uuid", "uuid_generate_v4", "uuid_generate_v1", "random(", "clock_timestamp", "nextval", "timeofday"})
            if (expr.find(f) != std::string::npos) return true;
        return false;
    }

    bool column_type(const std::string& m, const std::vector<TSNode>& a, Column& col) {
        auto num = [&](size_t i, int def) {
            if (i < a.size() && is_value(a[i], "number")) return std::stoi(std::string(text(unwrap(a[i]), src_)));
            return def;
        };
        std::string name;
        if (!a.empty()) string_value(a[0], src_, name);
        ColumnDef& d = col.def;
        d.name = name;
        if (m == "increments" || m == "bigIncrements" || m == "bigincrements") {
            d.name = name.empty() ? "id" : name;
            d.type = m == "increments" ? "serial" : "bigserial";
            d.primary_key = d.not_null = d.has_default = d.default_volatile = true;
            d.default_text = "nextval()";
        } else if (m == "integer") d.type = "int4";
        else if (m == "bigInteger" || m == "bigint") d.type = "int8";
        else if (m == "smallint" || m == "tinyint") d.type = "int2";
        else if (m == "mediumint") d.type = "int4";
        else if (m == "string") {
            d.type = "varchar";
            d.typmods = {num(1, 255)};
        } else if (m == "text") d.type = "text";
        else if (m == "uuid") d.type = "uuid";
        else if (m == "boolean") d.type = "bool";
        else if (m == "decimal") {
            d.type = "numeric";
            d.typmods = {num(1, 8), num(2, 2)};
        } else if (m == "float") d.type = "float4";
        else if (m == "double") d.type = "float8";
        else if (m == "date") d.type = "date";
        else if (m == "time") d.type = "time";
        else if (m == "datetime" || m == "timestamp") {
            d.type = "timestamptz";
            // useTz: false (object option, or the old boolean second argument) means without time zone
            if (a.size() > 1) {
                TSNode o = unwrap(a[1]);
                if (is(o, "false")) d.type = "timestamp";
                if (is(o, "object"))
                    for (auto p : named_children(o))
                        if (is(p, "pair") && text(field(p, "key"), src_) == "useTz" && is_value(field(p, "value"), "false"))
                            d.type = "timestamp";
            }
        } else if (m == "json") d.type = "json";
        else if (m == "jsonb") d.type = "jsonb";
        else if (m == "binary") d.type = "bytea";
        else if (m == "enu" || m == "enum") {
            d.type = "text";
            if (a.size() > 2 && is_value(a[2], "object"))
                for (auto p : named_children(unwrap(a[2])))
                    if (is(p, "pair") && text(field(p, "key"), src_) == "useNative" && is_value(field(p, "value"), "true"))
                        d.type = "enum";
            if (d.type == "enum") {
                // { useNative: true, enumName: 'x' } creates type x (unless existingType: true)
                bool existing = false;
                std::string enum_name;
                for (auto p : named_children(unwrap(a[2]))) {
                    if (!is(p, "pair")) continue;
                    auto key = text(field(p, "key"), src_);
                    if (key == "enumName") string_value(field(p, "value"), src_, enum_name);
                    if (key == "existingType" && is_value(field(p, "value"), "true")) existing = true;
                }
                if (!enum_name.empty()) d.type = enum_name;
                if (!existing && !enum_name.empty()) pending_types_.push_back(enum_name);
            }
            if (d.type == "text") {
                Constraint chk;
                chk.type = ConstraintType::Check;
                chk.columns = {name};
                chk.expr_text = name + " IN (...)";
                d.constraints.push_back(chk);
            }
        } else if (m == "specificType") {
            std::string t;
            if (a.size() > 1) string_value(a[1], src_, t);
            t = lower(t);
            d.array = t.find("[]") != std::string::npos;
            d.type = t.substr(0, t.find_first_of("([ "));
            if (d.type == "timestamp" && t.find("with time zone") != std::string::npos && t.find("without") == std::string::npos)
                d.type = "timestamptz";
            if (d.type == "serial" || d.type == "bigserial") d.has_default = d.default_volatile = true;
        } else if (m == "geometry" || m == "geography" || m == "point") d.type = m;
        else return false;
        return true;
    }

    void table_builder(const Link& l, TSNode node, const std::string& table, bool creating, bool if_not_exists) {
        auto a = args_of(l.args);
        TSNode cb = a.size() > 1 ? unwrap(a[1]) : TSNode{};
        std::string param = is_function(cb) ? first_param(cb, src_) : "";
        Operation create = base(OpKind::CreateTable, node, "knex.schema.createTable");
        create.table = table;
        create.if_not_exists = if_not_exists;
        create.lock = LockMode::AccessExclusive;
        std::vector<Operation> after;  // indexes and constraints knex issues after CREATE TABLE
        std::vector<TSNode> stmts;
        if (!param.empty()) {
            TSNode body = field(cb, "body");
            if (is(body, "statement_block")) {
                for (auto st : named_children(body))
                    if (is(st, "expression_statement")) stmts.push_back(ts_node_named_child(st, 0));
            } else if (!ts_node_is_null(body)) {
                stmts.push_back(body);
            }
        }
        for (TSNode st : stmts) {
            Chain c = chain_of(st, src_);
            if (!c.ok || c.root != param || c.links.empty()) continue;
            const Link& head = c.links[0];
            auto args = args_of(head.args);
            Column col;
            pending_types_.clear();
            if (column_type(head.name, args, col)) {
                for (const auto& tname : pending_types_) {  // knex issues CREATE TYPE first
                    Operation ty = base(OpKind::CreateType, st, "table.enu");
                    ty.name = tname;
                    file_.ops.push_back(std::move(ty));
                }
                apply_modifiers(c, col, table);
                if (head.name == "timestamps") continue;
                for (auto& k : col.def.constraints)
                    if (k.type == ConstraintType::ForeignKey) k.loc = loc(st);
                col.def.loc = loc(st);
                if (creating) {
                    if (col.def.primary_key) {
                        Constraint pk;
                        pk.type = ConstraintType::PrimaryKey;
                        pk.columns = {col.def.name};
                        create.constraints.push_back(pk);
                    }
                    for (const auto& k : col.def.constraints) {
                        create.constraints.push_back(k);
                        if (k.type == ConstraintType::ForeignKey && !k.ref_table.empty() && k.ref_table != table)
                            create.other_locks.emplace_back(k.ref_table, LockMode::ShareRowExclusive);
                    }
                    create.column_defs.push_back(col.def);
                } else {
                    Operation op = base(col.alter ? OpKind::AlterColumnType : OpKind::AddColumn, st,
                                        col.alter ? "table.alter()" : "table." + head.name);
                    op.table = table;
                    op.name = col.def.name;
                    op.columns = {col.def.name};
                    op.lock = LockMode::AccessExclusive;
                    op.call = call_;
                    for (const auto& k : col.def.constraints) {
                        op.constraints.push_back(k);
                        if (k.type == ConstraintType::ForeignKey && !k.ref_table.empty())
                            op.other_locks.emplace_back(k.ref_table, LockMode::ShareRowExclusive);
                    }
                    op.column_defs.push_back(col.def);
                    after.push_back(std::move(op));
                }
                if (col.index || col.unique) after.push_back(index_op(st, table, {col.def.name}, col.index_name, col.unique, ""));
                continue;
            }
            if (head.name == "timestamps") {
                bool not_null_default = args.size() > 1 && is_value(args[1], "true");
                for (const char* n : {"created_at", "updated_at"}) {
                    ColumnDef d;
                    d.name = n;
                    d.type = "timestamptz";  // knex's timestamps() on PostgreSQL
                    d.loc = loc(st);
                    if (not_null_default) d.not_null = d.has_default = true, d.default_text = "CURRENT_TIMESTAMP";
                    if (creating) create.column_defs.push_back(d);
                    else {
                        Operation op = base(OpKind::AddColumn, st, "table.timestamps");
                        op.table = table;
                        op.name = n;
                        op.columns = {n};
                        op.lock = LockMode::AccessExclusive;
                        op.column_defs.push_back(d);
                        after.push_back(std::move(op));
                    }
                }
                continue;
            }
            table_level(c, st, table, creating, create, after);
        }
        if (creating) push(std::move(create));
        for (auto& op : after) push(std::move(op));
        if (param.empty() && !ts_node_is_null(cb)) unknown(node, "knex.schema table callback");
    }

    std::vector<std::string> column_list(TSNode n) {
        std::vector<std::string> out;
        n = unwrap(n);
        std::string s;
        if (string_value(n, src_, s)) out.push_back(s);
        else if (is(n, "array"))
            for (auto el : named_children(n))
                if (string_value(el, src_, s)) out.push_back(s);
        return out;
    }

    Operation index_op(TSNode at, const std::string& table, std::vector<std::string> cols, const std::string& name, bool unique,
                       const std::string& method) {
        Operation op = base(OpKind::CreateIndex, at, unique ? "table.unique" : "table.index");
        op.table = table;
        op.columns = std::move(cols);
        op.unique = unique;
        op.method = method.empty() ? "btree" : method;
        op.name = name.empty() ? table + "_" + (op.columns.empty() ? std::string("") : op.columns[0]) + (unique ? "_unique" : "_index") : name;
        op.lock = LockMode::Share;
        return op;
    }

    void apply_modifiers(const Chain& c, Column& col, const std::string& table) {
        ColumnDef& d = col.def;
        Constraint fk;
        fk.type = ConstraintType::ForeignKey;
        bool has_fk = false;
        for (size_t i = 1; i < c.links.size(); ++i) {
            const Link& l = c.links[i];
            auto a = args_of(l.args);
            const std::string& m = l.name;
            if (m == "primary") d.primary_key = d.not_null = true;
            else if (m == "notNullable") d.not_null = true;
            else if (m == "nullable") d.not_null = false;
            else if (m == "defaultTo" && !a.empty()) {
                d.default_text = raw_text(a[0]);
                d.has_default = d.default_text != "null";
                d.default_volatile = volatile_default(d.default_text);
            } else if (m == "unique") {
                col.unique = true;
                if (!a.empty()) string_value(a[0], src_, col.index_name);
            } else if (m == "index") {
                col.index = true;
                if (!a.empty()) string_value(a[0], src_, col.index_name);
            } else if (m == "references" && !a.empty()) {
                has_fk = true;
                std::string ref;
                string_value(a[0], src_, ref);
                auto dot = ref.rfind('.');
                if (dot != std::string::npos) {
                    fk.ref_table = ref.substr(0, dot);
                    fk.ref_columns = {ref.substr(dot + 1)};
                } else {
                    fk.ref_columns = {ref};
                }
            } else if (m == "inTable" && !a.empty()) {
                string_value(a[0], src_, fk.ref_table);
            } else if ((m == "onDelete" || m == "onUpdate") && !a.empty()) {
                std::string v;
                string_value(a[0], src_, v);
                v = lower(v);
                char code = v == "cascade" ? 'c' : v == "restrict" ? 'r' : v == "set null" ? 'n' : v == "set default" ? 'd' : 'a';
                (m == "onDelete" ? fk.on_delete : fk.on_update) = code;
            } else if (m == "alter") {
                col.alter = true;
            } else if (m == "checkPositive" || m == "checkNegative" || m == "checkIn" || m == "checkNotIn" ||
                       m == "checkBetween" || m == "checkLength" || m == "checkRegex") {
                Constraint chk;
                chk.type = ConstraintType::Check;
                chk.columns = {d.name};
                chk.expr_text = m;
                // the constraint name is the last string argument, when given
                for (auto arg : a) {
                    std::string s;
                    if (string_value(arg, src_, s)) chk.name = s;
                }
                d.constraints.push_back(chk);
            } else if (m == "withKeyName" || m == "foreignKeyConstraintName") {
                if (!a.empty()) string_value(a[0], src_, fk.name);
            }
        }
        if (has_fk) {
            fk.columns = {d.name};
            if (fk.name.empty()) fk.name = table + "_" + d.name + "_foreign";
            d.constraints.push_back(fk);
        }
    }

    void table_level(const Chain& c, TSNode st, const std::string& table, bool creating, Operation& create,
                     std::vector<Operation>& after) {
        const Link& head = c.links[0];
        auto a = args_of(head.args);
        const std::string& m = head.name;
        auto name_arg = [&](size_t i) {
            std::string s;
            if (i < a.size()) {
                if (!string_value(a[i], src_, s) && is_value(a[i], "object"))
                    for (auto p : named_children(unwrap(a[i])))
                        if (is(p, "pair") && text(field(p, "key"), src_) == "indexName") string_value(field(p, "value"), src_, s);
            }
            return s;
        };
        if (m == "index" || m == "unique") {
            auto cols = a.empty() ? std::vector<std::string>{} : column_list(a[0]);
            std::string method;
            bool partial = false;
            for (size_t i = 1; i < a.size(); ++i)
                if (is_value(a[i], "object"))
                    for (auto p : named_children(unwrap(a[i]))) {
                        if (!is(p, "pair")) continue;
                        auto key = text(field(p, "key"), src_);
                        if (key == "indexType" || key == "storageEngineIndexType") string_value(field(p, "value"), src_, method);
                        if (key == "predicate") partial = true;
                    }
            if (m == "index" && a.size() > 2) string_value(a[2], src_, method);
            Operation op = index_op(st, table, cols, name_arg(1), m == "unique", lower(method));
            op.has_where = partial;
            after.push_back(std::move(op));
        } else if (m == "primary") {
            Constraint pk;
            pk.type = ConstraintType::PrimaryKey;
            pk.columns = a.empty() ? std::vector<std::string>{} : column_list(a[0]);
            if (creating) create.constraints.push_back(pk);
            else {
                Operation op = base(OpKind::AddConstraint, st, "table.primary");
                op.table = table;
                op.lock = LockMode::AccessExclusive;
                op.constraints.push_back(pk);
                after.push_back(std::move(op));
            }
        } else if (m == "foreign") {
            Constraint fk;
            fk.type = ConstraintType::ForeignKey;
            fk.columns = a.empty() ? std::vector<std::string>{} : column_list(a[0]);
            if (a.size() > 1) string_value(a[1], src_, fk.name);
            Column tmp;
            tmp.def.name = fk.columns.empty() ? "" : fk.columns[0];
            apply_modifiers(c, tmp, table);
            for (auto& k : tmp.def.constraints) {
                k.columns = fk.columns;
                if (!fk.name.empty()) k.name = fk.name;
                k.loc = loc(st);
                if (creating) {
                    create.constraints.push_back(k);
                    if (!k.ref_table.empty() && k.ref_table != table) create.other_locks.emplace_back(k.ref_table, LockMode::ShareRowExclusive);
                } else {
                    Operation op = base(OpKind::AddConstraint, st, "table.foreign");
                    op.table = table;
                    op.name = k.name;
                    op.columns = k.columns;
                    op.lock = LockMode::ShareRowExclusive;
                    if (!k.ref_table.empty()) op.other_locks.emplace_back(k.ref_table, LockMode::ShareRowExclusive);
                    op.constraints.push_back(k);
                    after.push_back(std::move(op));
                }
            }
        } else if (m == "check") {
            Constraint chk;
            chk.type = ConstraintType::Check;
            std::string expr;
            if (!a.empty()) string_value(a[0], src_, expr);
            chk.expr_text = expr;
            if (a.size() > 2) string_value(a[2], src_, chk.name);
            if (creating) create.constraints.push_back(chk);
            else {
                Operation op = base(OpKind::AddConstraint, st, "table.check");
                op.table = table;
                op.name = chk.name;
                op.lock = LockMode::AccessExclusive;
                op.constraints.push_back(chk);
                after.push_back(std::move(op));
            }
        } else if (m == "dropColumn" || m == "dropColumns") {
            for (auto arg : a) {
                std::string col;
                if (!string_value(arg, src_, col)) continue;
                Operation op = base(OpKind::DropColumn, st, "table." + m);
                op.table = table;
                op.name = col;
                op.columns = {col};
                op.lock = LockMode::AccessExclusive;
                after.push_back(std::move(op));
            }
        } else if (m == "renameColumn") {
            Operation op = base(OpKind::RenameColumn, st, "table.renameColumn");
            op.table = table;
            if (!a.empty()) string_value(a[0], src_, op.name);
            if (a.size() > 1) string_value(a[1], src_, op.new_name);
            op.columns = {op.name};
            op.lock = LockMode::AccessExclusive;
            after.push_back(std::move(op));
        } else if (m == "dropIndex" || m == "dropUnique") {
            auto cols = a.empty() ? std::vector<std::string>{} : column_list(a[0]);
            std::string name = name_arg(1);
            if (name.empty()) name = table + "_" + (cols.empty() ? std::string("") : cols[0]) + (m == "dropUnique" ? "_unique" : "_index");
            Operation op = base(OpKind::DropIndex, st, "table." + m);
            op.table = table;
            op.name = name;
            op.lock = LockMode::AccessExclusive;
            after.push_back(std::move(op));
        } else if (m == "dropChecks") {
            // dropChecks('name') / dropChecks(['a', 'b'])
            std::vector<std::string> names = a.empty() ? std::vector<std::string>{} : column_list(a[0]);
            for (const auto& n : names) {
                Operation op = base(OpKind::DropConstraint, st, "table.dropChecks");
                op.table = table;
                op.name = n;
                op.lock = LockMode::AccessExclusive;
                after.push_back(std::move(op));
            }
        } else if (m == "dropForeign" || m == "dropPrimary") {
            Operation op = base(OpKind::DropConstraint, st, "table." + m);
            op.table = table;
            auto cols = a.empty() ? std::vector<std::string>{} : column_list(a[0]);
            op.name = name_arg(1);
            if (op.name.empty() && m == "dropForeign") op.name = table + "_" + (cols.empty() ? std::string("") : cols[0]) + "_foreign";
            op.lock = LockMode::AccessExclusive;
            after.push_back(std::move(op));
        } else if (m == "setNullable" || m == "dropNullable") {
            Operation op = base(m == "setNullable" ? OpKind::DropNotNull : OpKind::SetNotNull, st, "table." + m);
            op.table = table;
            if (!a.empty()) string_value(a[0], src_, op.name);
            op.columns = {op.name};
            op.lock = LockMode::AccessExclusive;
            after.push_back(std::move(op));
        } else if (m == "dropTimestamps") {
            for (const char* n : {"created_at", "updated_at"}) {
                Operation op = base(OpKind::DropColumn, st, "table.dropTimestamps");
                op.table = table;
                op.name = n;
                op.columns = {n};
                op.lock = LockMode::AccessExclusive;
                after.push_back(std::move(op));
            }
        } else if (m == "comment" || m == "engine" || m == "charset" || m == "collate" || m == "inherits") {
            // table options without a locking or safety effect worth modelling
        } else {
            Operation op = base(OpKind::AlterTableOther, st, "table." + m);
            op.table = table;
            op.value = "table." + m;
            op.lock = LockMode::AccessExclusive;
            file_.knex.unknown.push_back({op.loc, "table." + m + " is not modelled; reviewed as other"});
            after.push_back(std::move(op));
        }
    }
};

}  // namespace

void parse_migration(sql::Parser& parser, Project& project, int index) {
    Builder b(parser, project, index);
    b.run();
}

}  // namespace migsafe::knex
