#include "parse/sql/transform.hpp"

#include <algorithm>
#include <cctype>

#include "parse/sql/json_node.hpp"

namespace migsafe::sql {

using json::Node;

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// "public.orders" -> "orders"; "billing.orders" stays.
std::string qualified(const std::vector<std::string>& parts) {
    std::vector<std::string> p = parts;
    if (p.size() > 1 && (p.front() == "public" || p.front() == "pg_catalog")) p.erase(p.begin());
    std::string out;
    for (const auto& s : p) {
        if (!out.empty()) out += ".";
        out += s;
    }
    return out;
}

std::string rel_name(Node rangevar) {
    std::string schema(json::str(rangevar, "schemaname"));
    std::string rel(json::str(rangevar, "relname"));
    if (schema.empty() || schema == "public") return rel;
    return schema + "." + rel;
}

std::string rel_field(Node obj, std::string_view key) {
    Node rv;
    if (!json::get(obj, key, rv)) return {};
    return rel_name(rv);
}

const std::vector<std::string_view> kVolatile = {
    "random", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4",
    "clock_timestamp", "timeofday", "nextval", "setseed", "txid_current", "random_normal"};

bool is_volatile_call(std::string_view name) {
    return std::find(kVolatile.begin(), kVolatile.end(), name) != kVolatile.end();
}

void collect_funcs(Node n, std::vector<std::string>& out) {
    json::walk(n, [&](std::string_view type, Node in) {
        if (type == "FuncCall") {
            auto names = json::strings(in, "funcname");
            if (!names.empty()) {
                std::string f = names.back();
                if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
            }
        }
        return true;
    });
}

// A short text for an expression, good enough for evidence ("now()", "'active'", "0").
std::string expr_text(Node n) {
    auto t = json::type_of(n);
    Node in = json::inner(n);
    if (t == "A_Const") {
        if (json::has(in, "sval")) return "'" + json::scalar_text(n) + "'";
        if (json::boolean(in, "isnull")) return "NULL";
        auto v = json::scalar_text(n);
        return v.empty() ? "0" : v;
    }
    if (t == "FuncCall") {
        auto names = json::strings(in, "funcname");
        return (names.empty() ? std::string("?") : names.back()) + "()";
    }
    if (t == "TypeCast") {
        Node arg;
        if (json::get(in, "arg", arg)) return expr_text(arg);
    }
    if (t == "SQLValueFunction") return "CURRENT_TIMESTAMP";
    if (t == "ColumnRef") {
        auto f = json::strings(in, "fields");
        return f.empty() ? "?" : f.back();
    }
    return "(expression)";
}

void type_of_column(Node type_name, ColumnDef& col) {
    auto names = json::strings(type_name, "names");
    std::string t = names.empty() ? "" : names.back();
    col.type = lower(t);
    json::each(type_name, "typmods", [&](Node m) {
        auto v = json::scalar_text(m);
        if (!v.empty() && (std::isdigit(static_cast<unsigned char>(v[0])) || v[0] == '-'))
            col.typmods.push_back(std::stoi(v));
    });
    col.array = json::has(type_name, "arrayBounds");
    if (col.type == "serial" || col.type == "serial4" || col.type == "bigserial" || col.type == "serial8" ||
        col.type == "smallserial" || col.type == "serial2") {
        col.has_default = true;
        col.default_volatile = true;
        col.default_text = "nextval()";
    }
}

// Positions in the parsed SQL -> file line:column. The SQL is either the file itself (blanked
// outside the chunk) or text taken from another language (a knex.raw string) with a map from
// each SQL byte to its file offset.
class Locator {
public:
    Locator(const std::string& sql, const SourceText& file, const std::vector<size_t>* map)
        : sql_(sql), file_(file), map_(map) {}
    const std::string& text() const { return sql_; }
    LineCol locate(size_t pos) const {
        if (!map_ || map_->empty()) return file_.locate(pos);
        return file_.locate((*map_)[std::min(pos, map_->size() - 1)]);
    }
    std::string_view line(int n) const { return file_.line(n); }

private:
    const std::string& sql_;
    const SourceText& file_;
    const std::vector<size_t>* map_;
};

Constraint read_constraint(Node c, const Locator& src, const std::string& column) {
    Constraint out;
    auto ct = json::str(c, "contype");
    if (ct == "CONSTR_PRIMARY") out.type = ConstraintType::PrimaryKey;
    else if (ct == "CONSTR_FOREIGN") out.type = ConstraintType::ForeignKey;
    else if (ct == "CONSTR_UNIQUE") out.type = ConstraintType::Unique;
    else if (ct == "CONSTR_CHECK") out.type = ConstraintType::Check;
    else if (ct == "CONSTR_EXCLUSION") out.type = ConstraintType::Exclusion;
    else if (ct == "CONSTR_NOTNULL") out.type = ConstraintType::NotNull;
    out.name = std::string(json::str(c, "conname"));
    out.columns = json::strings(c, "fk_attrs");
    if (out.columns.empty()) out.columns = json::strings(c, "keys");
    if (out.columns.empty() && !column.empty()) out.columns.push_back(column);
    out.ref_table = rel_field(c, "pktable");
    out.ref_columns = json::strings(c, "pk_attrs");
    auto del = json::str(c, "fk_del_action");
    auto upd = json::str(c, "fk_upd_action");
    out.on_delete = del.empty() ? 'a' : del[0];
    out.on_update = upd.empty() ? 'a' : upd[0];
    out.not_valid = json::boolean(c, "skip_validation");
    auto loc = json::integer(c, "location", -1);
    if (loc >= 0) {
        auto lc = src.locate(static_cast<size_t>(loc));
        out.loc.line = lc.line;
        out.loc.column = lc.column;
    }
    Node expr;
    if (out.type == ConstraintType::Check && json::get(c, "raw_expr", expr)) {
        std::vector<std::string> cols;
        json::walk(expr, [&](std::string_view type, Node in) {
            if (type == "ColumnRef") {
                auto f = json::strings(in, "fields");
                if (!f.empty()) cols.push_back(f.back());
            }
            return true;
        });
        if (out.columns.empty()) out.columns = cols;
        // "col IS NOT NULL" checks are how NOT NULL is added safely.
        if (json::type_of(expr) == "NullTest" &&
            json::str(json::inner(expr), "nulltesttype") == "IS_NOT_NULL")
            out.expr_text = "IS NOT NULL";
    }
    return out;
}

ColumnDef read_column(Node cd, const Locator& src) {
    ColumnDef col;
    col.name = std::string(json::str(cd, "colname"));
    Node tn;
    if (json::get(cd, "typeName", tn)) type_of_column(tn, col);
    auto loc = json::integer(cd, "location", -1);
    if (loc >= 0) {
        auto lc = src.locate(static_cast<size_t>(loc));
        col.loc.line = lc.line;
        col.loc.column = lc.column;
    }
    json::each(cd, "constraints", [&](Node cn) {
        Node c = json::inner(cn);
        auto ct = json::str(c, "contype");
        if (ct == "CONSTR_NOTNULL") {
            col.not_null = true;
        } else if (ct == "CONSTR_DEFAULT") {
            Node expr;
            if (json::get(c, "raw_expr", expr)) {
                col.has_default = true;
                std::vector<std::string> funcs;
                collect_funcs(expr, funcs);
                col.default_volatile = std::any_of(funcs.begin(), funcs.end(), is_volatile_call);
                col.default_text = expr_text(expr);
                if (json::type_of(expr) == "A_Const" && json::boolean(json::inner(expr), "isnull"))
                    col.has_default = false;  // DEFAULT NULL is no default
            }
        } else if (ct == "CONSTR_IDENTITY") {
            col.identity = true;
        } else if (ct == "CONSTR_GENERATED") {
            col.generated = true;
        } else if (ct == "CONSTR_PRIMARY") {
            col.primary_key = true;
            col.not_null = true;
        } else if (ct == "CONSTR_NULL") {
            col.not_null = false;
        } else {
            col.constraints.push_back(read_constraint(c, src, col.name));
        }
    });
    return col;
}

struct Ctx {
    const Locator& src;
    const Chunk& chunk;
    size_t start;  // trimmed statement start
    size_t end;
    Location loc;
    int stmt = 0;
    bool in_body = false;
    bool guarded = false;
    Parser* parser = nullptr;
    std::vector<Operation>* ops = nullptr;
    std::vector<ParseError>* errors = nullptr;
};

Operation base_op(const Ctx& ctx, OpKind kind, std::string_view stmt_kind) {
    Operation op;
    op.kind = kind;
    op.section = ctx.chunk.section;
    op.unit = ctx.chunk.unit;
    op.loc = ctx.loc;
    op.stmt = ctx.stmt;
    op.stmt_kind = std::string(stmt_kind);
    op.text = ctx.src.text().substr(ctx.start, ctx.end - ctx.start);
    op.in_body = ctx.in_body;
    op.guarded = ctx.guarded;
    return op;
}

void emit(Ctx& ctx, Operation op) { ctx.ops->push_back(std::move(op)); }

void transform_create_table(Ctx& ctx, Node s, std::string_view kind) {
    Operation op = base_op(ctx, OpKind::CreateTable, kind);
    op.table = rel_field(s, "relation");
    op.if_not_exists = json::boolean(s, "if_not_exists");
    op.lock = LockMode::AccessExclusive;
    json::each(s, "tableElts", [&](Node el) {
        auto t = json::type_of(el);
        if (t == "ColumnDef") {
            op.column_defs.push_back(read_column(json::inner(el), ctx.src));
        } else if (t == "Constraint") {
            op.constraints.push_back(read_constraint(json::inner(el), ctx.src, ""));
        }
    });
    // Inline column constraints count as table constraints too.
    for (auto& col : op.column_defs) {
        for (auto& c : col.constraints) op.constraints.push_back(c);
        if (col.primary_key) {
            Constraint pk;
            pk.type = ConstraintType::PrimaryKey;
            pk.columns = {col.name};
            pk.loc = col.loc;
            op.constraints.push_back(pk);
        }
    }
    for (const auto& c : op.constraints)
        if (c.type == ConstraintType::ForeignKey && !c.ref_table.empty() && c.ref_table != op.table)
            op.other_locks.emplace_back(c.ref_table, LockMode::ShareRowExclusive);
    collect_funcs(s, op.functions_called);
    emit(ctx, std::move(op));
}

void transform_alter_table(Ctx& ctx, Node s, std::string_view kind) {
    std::string table = rel_field(s, "relation");
    bool table_missing_ok = json::boolean(s, "missing_ok");
    auto objtype = json::str(s, "objtype");
    json::each(s, "cmds", [&](Node cmdn) {
        Node c = json::inner(cmdn);
        auto sub = json::str(c, "subtype");
        Operation op = base_op(ctx, OpKind::AlterTableOther, kind);
        op.table = table;
        op.lock = LockMode::AccessExclusive;
        op.if_exists = table_missing_ok || json::boolean(c, "missing_ok");
        op.name = std::string(json::str(c, "name"));
        op.cascade = json::str(c, "behavior") == "DROP_CASCADE";
        Node def;
        bool has_def = json::get(c, "def", def);
        if (objtype == "OBJECT_INDEX") {
            op.value = "ALTER INDEX";
        }
        if (sub == "AT_AddColumn") {
            op.kind = OpKind::AddColumn;
            op.if_not_exists = json::boolean(c, "missing_ok");
            op.if_exists = table_missing_ok;
            if (has_def && json::type_of(def) == "ColumnDef") {
                auto col = read_column(json::inner(def), ctx.src);
                op.name = col.name;
                op.columns = {col.name};
                for (auto& cons : col.constraints) {
                    op.constraints.push_back(cons);
                    if (cons.type == ConstraintType::ForeignKey && !cons.ref_table.empty())
                        op.other_locks.emplace_back(cons.ref_table, LockMode::ShareRowExclusive);
                }
                op.column_defs.push_back(std::move(col));
            }
        } else if (sub == "AT_DropColumn") {
            op.kind = OpKind::DropColumn;
            op.columns = {op.name};
        } else if (sub == "AT_AlterColumnType") {
            op.kind = OpKind::AlterColumnType;
            op.columns = {op.name};
            if (has_def && json::type_of(def) == "ColumnDef") {
                auto col = read_column(json::inner(def), ctx.src);
                col.name = op.name;
                Node using_expr;
                if (json::get(json::inner(def), "raw_default", using_expr)) op.value = "USING";
                op.column_defs.push_back(std::move(col));
            }
        } else if (sub == "AT_SetNotNull") {
            op.kind = OpKind::SetNotNull;
            op.columns = {op.name};
        } else if (sub == "AT_DropNotNull") {
            op.kind = OpKind::DropNotNull;
            op.columns = {op.name};
        } else if (sub == "AT_ColumnDefault") {
            op.columns = {op.name};
            if (has_def) {
                op.kind = OpKind::SetDefault;
                op.value = expr_text(def);
                collect_funcs(def, op.functions_called);
            } else {
                op.kind = OpKind::DropDefault;
            }
        } else if (sub == "AT_AddConstraint") {
            op.kind = OpKind::AddConstraint;
            if (has_def && json::type_of(def) == "Constraint") {
                auto cons = read_constraint(json::inner(def), ctx.src, "");
                op.name = cons.name;
                if (cons.type == ConstraintType::ForeignKey) {
                    op.lock = LockMode::ShareRowExclusive;
                    if (!cons.ref_table.empty())
                        op.other_locks.emplace_back(cons.ref_table, LockMode::ShareRowExclusive);
                }
                op.columns = cons.columns;
                // ADD CONSTRAINT ... USING INDEX
                if (json::has(json::inner(def), "indexname")) op.value = "USING INDEX";
                op.constraints.push_back(std::move(cons));
            }
        } else if (sub == "AT_DropConstraint") {
            op.kind = OpKind::DropConstraint;
        } else if (sub == "AT_ValidateConstraint") {
            op.kind = OpKind::ValidateConstraint;
            op.lock = LockMode::ShareUpdateExclusive;
        } else if (sub == "AT_EnableRowSecurity") {
            op.kind = OpKind::EnableRls;
        } else if (sub == "AT_DisableRowSecurity") {
            op.kind = OpKind::DisableRls;
        } else if (sub == "AT_ForceRowSecurity") {
            op.kind = OpKind::ForceRls;
        } else if (sub == "AT_NoForceRowSecurity") {
            op.kind = OpKind::NoForceRls;
        } else if (sub == "AT_SetTableSpace") {
            op.kind = OpKind::SetTablespace;
        } else {
            op.value = std::string(sub);
            // Forms that take less than ACCESS EXCLUSIVE (PostgreSQL docs, ALTER TABLE).
            if (sub == "AT_SetStatistics" || sub == "AT_ClusterOn" || sub == "AT_DropCluster" ||
                sub == "AT_SetRelOptions" || sub == "AT_ResetRelOptions" || sub == "AT_AttachPartition" ||
                sub == "AT_SetOptions" || sub == "AT_ResetOptions")
                op.lock = LockMode::ShareUpdateExclusive;
            else if (sub == "AT_EnableTrig" || sub == "AT_DisableTrig" || sub == "AT_EnableTrigAll" ||
                     sub == "AT_DisableTrigAll" || sub == "AT_EnableTrigUser" || sub == "AT_DisableTrigUser" ||
                     sub == "AT_EnableAlwaysTrig" || sub == "AT_EnableReplicaTrig")
                op.lock = LockMode::ShareRowExclusive;
        }
        emit(ctx, std::move(op));
    });
}

void transform_index(Ctx& ctx, Node s, std::string_view kind) {
    Operation op = base_op(ctx, OpKind::CreateIndex, kind);
    op.table = rel_field(s, "relation");
    op.name = std::string(json::str(s, "idxname"));
    op.concurrently = json::boolean(s, "concurrent");
    op.unique = json::boolean(s, "unique");
    op.if_not_exists = json::boolean(s, "if_not_exists");
    op.method = std::string(json::str(s, "accessMethod"));
    if (op.method.empty()) op.method = "btree";
    op.has_where = json::has(s, "whereClause");
    json::each(s, "indexParams", [&](Node p) {
        Node e = json::inner(p);
        auto name = json::str(e, "name");
        if (!name.empty()) op.columns.emplace_back(name);
        else op.columns.emplace_back("(expression)");
    });
    op.lock = op.concurrently ? LockMode::ShareUpdateExclusive : LockMode::Share;
    emit(ctx, std::move(op));
}

void transform_drop(Ctx& ctx, Node s, std::string_view kind) {
    auto type = json::str(s, "removeType");
    bool missing_ok = json::boolean(s, "missing_ok");
    bool cascade = json::str(s, "behavior") == "DROP_CASCADE";
    bool concurrent = json::boolean(s, "concurrent");
    json::each(s, "objects", [&](Node obj) {
        Operation op = base_op(ctx, OpKind::Other, kind);
        op.if_exists = missing_ok;
        op.cascade = cascade;
        op.concurrently = concurrent;
        auto ot = json::type_of(obj);
        std::vector<std::string> names;
        if (ot == "List") names = json::strings(json::inner(obj), "items");
        else if (ot == "String") names = {json::scalar_text(obj)};
        else if (ot == "ObjectWithArgs") names = json::strings(json::inner(obj), "objname");
        else if (ot == "TypeName") names = json::strings(json::inner(obj), "names");
        if (type == "OBJECT_TABLE") {
            op.kind = OpKind::DropTable;
            op.table = qualified(names);
            op.lock = LockMode::AccessExclusive;
        } else if (type == "OBJECT_INDEX") {
            op.kind = OpKind::DropIndex;
            op.name = qualified(names);
            op.lock = concurrent ? LockMode::ShareUpdateExclusive : LockMode::AccessExclusive;
        } else if (type == "OBJECT_FUNCTION" || type == "OBJECT_PROCEDURE" || type == "OBJECT_ROUTINE") {
            op.kind = OpKind::DropFunction;
            op.name = qualified(names);
        } else if (type == "OBJECT_TRIGGER" || type == "OBJECT_POLICY" || type == "OBJECT_RULE") {
            // names = [table..., object]
            op.kind = type == "OBJECT_TRIGGER" ? OpKind::DropTrigger
                      : type == "OBJECT_POLICY" ? OpKind::DropPolicy
                                                : OpKind::Other;
            if (!names.empty()) {
                op.name = names.back();
                names.pop_back();
                op.table = qualified(names);
            }
            op.lock = LockMode::AccessExclusive;
        } else if (type == "OBJECT_TYPE" || type == "OBJECT_DOMAIN") {
            op.kind = OpKind::DropType;
            op.name = qualified(names);
        } else if (type == "OBJECT_EXTENSION") {
            op.kind = OpKind::DropExtension;
            op.name = qualified(names);
        } else if (type == "OBJECT_VIEW" || type == "OBJECT_MATVIEW") {
            op.kind = OpKind::DropView;
            op.name = qualified(names);
        } else if (type == "OBJECT_SEQUENCE") {
            op.kind = OpKind::DropSequence;
            op.name = qualified(names);
        } else if (type == "OBJECT_SCHEMA") {
            op.kind = OpKind::DropSchema;
            op.name = qualified(names);
        } else {
            op.name = qualified(names);
            op.value = std::string(type);
        }
        emit(ctx, std::move(op));
    });
}

void transform_rename(Ctx& ctx, Node s, std::string_view kind) {
    auto type = json::str(s, "renameType");
    Operation op = base_op(ctx, OpKind::Other, kind);
    op.table = rel_field(s, "relation");
    op.new_name = std::string(json::str(s, "newname"));
    op.if_exists = json::boolean(s, "missing_ok");
    op.lock = LockMode::AccessExclusive;
    if (type == "OBJECT_TABLE") {
        op.kind = OpKind::RenameTable;
    } else if (type == "OBJECT_COLUMN") {
        op.kind = OpKind::RenameColumn;
        op.name = std::string(json::str(s, "subname"));
        op.columns = {op.name};
    } else if (type == "OBJECT_TABCONSTRAINT") {
        op.kind = OpKind::RenameConstraint;
        op.name = std::string(json::str(s, "subname"));
    } else {
        op.value = std::string(type);
        op.name = op.table;
        if (type == "OBJECT_INDEX") op.table.clear();
        op.lock = type == "OBJECT_INDEX" ? LockMode::ShareUpdateExclusive : LockMode::AccessExclusive;
    }
    emit(ctx, std::move(op));
}

void transform_set(Ctx& ctx, Node s, std::string_view kind, OpKind fallback = OpKind::SetOther) {
    auto name = lower(json::str(s, "name"));
    auto k = json::str(s, "kind");
    Operation op = base_op(ctx, fallback, kind);
    op.name = name;
    op.is_local = json::boolean(s, "is_local");
    json::each(s, "args", [&](Node a) {
        if (!op.value.empty()) op.value += ", ";
        op.value += json::scalar_text(a);
    });
    if (k == "VAR_RESET" || k == "VAR_RESET_ALL" || k == "VAR_SET_DEFAULT") {
        op.kind = OpKind::ResetSetting;
    } else if (fallback == OpKind::SetOther) {
        if (name == "lock_timeout") op.kind = OpKind::SetLockTimeout;
        else if (name == "statement_timeout") op.kind = OpKind::SetStatementTimeout;
    }
    emit(ctx, std::move(op));
}

// Tables read by a DML statement: FROM / USING / subqueries.
void collect_relations(Node n, std::vector<std::string>& out, const std::string& self) {
    json::walk(n, [&](std::string_view type, Node in) {
        if (type == "RangeVar") {
            auto r = rel_name(in);
            if (r != self && std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
        }
        return true;
    });
}

void transform_dml(Ctx& ctx, Node s, std::string_view kind, OpKind k) {
    Operation op = base_op(ctx, k, kind);
    op.table = rel_field(s, "relation");
    op.lock = LockMode::RowExclusive;
    op.has_where = json::has(s, "whereClause");
    Node sel;
    if (k == OpKind::Insert) {
        json::each(s, "cols", [&](Node t) { op.columns.emplace_back(json::str(json::inner(t), "name")); });
    }
    if (k == OpKind::Insert && json::get(s, "selectStmt", sel)) {
        Node si = json::inner(sel);
        op.from_select = json::has(si, "fromClause");
        // VALUES rows: remember string literals by column, for the secrets check.
        json::each(si, "valuesLists", [&](Node row) {
            size_t i = 0;
            json::each(json::inner(row), "items", [&](Node v) {
                if (json::type_of(v) == "A_Const" && json::has(json::inner(v), "sval") && i < op.columns.size())
                    op.literals.emplace_back(op.columns[i], json::scalar_text(v));
                ++i;
            });
        });
        collect_relations(sel, op.tables_referenced, op.table);
    }
    if (k == OpKind::Update) {
        json::each(s, "targetList", [&](Node t) {
            auto name = json::str(json::inner(t), "name");
            if (!name.empty()) op.columns.emplace_back(name);
        });
        Node w;
        if (json::get(s, "whereClause", w)) {
            // "WHERE col IS NULL" bounds a backfill to rows without a value.
            json::walk(w, [&](std::string_view type, Node in) {
                if (type == "NullTest" && json::str(in, "nulltesttype") == "IS_NULL") {
                    op.value = "IS NULL";
                    Node arg;
                    if (json::get(in, "arg", arg) && json::type_of(arg) == "ColumnRef") {
                        auto f = json::strings(json::inner(arg), "fields");
                        if (!f.empty()) op.null_tested.push_back(f.back());
                    }
                }
                return true;
            });
        }
    }
    Node from;
    if (json::get(s, "fromClause", from) || json::get(s, "usingClause", from))
        collect_relations(from, op.tables_referenced, op.table);
    collect_funcs(s, op.functions_called);
    emit(ctx, std::move(op));
}

void transform_do(Ctx& ctx, Node s, std::string_view kind);

// libpg_query checks PL/pgSQL without a catalog: only its syntax errors are certain (names
// it cannot resolve may well exist in the database).
bool is_syntax_error(const std::string& message) {
    return message.find("syntax error") != std::string::npos || message.find("missing expression") != std::string::npos ||
           message.find("unterminated") != std::string::npos;
}

// A PL/pgSQL body that PostgreSQL would reject: a parse error at its line.
void body_error(Ctx& ctx, size_t body_pos, const std::string& body, const ParsedSql& parsed, const std::string& what) {
    ParseError e;
    size_t off = body_pos != std::string::npos && parsed.error_offset != std::string::npos && parsed.error_offset < body.size()
                     ? body_pos + parsed.error_offset
                     : ctx.start;
    auto lc = ctx.src.locate(off);
    e.loc = {ctx.loc.file, lc.line, lc.column, ctx.loc.down_file};
    e.message = what + ": " + parsed.error;
    ctx.errors->push_back(std::move(e));
}

void transform_function(Ctx& ctx, Node s, std::string_view kind) {
    Operation op = base_op(ctx, OpKind::CreateFunction, kind);
    op.name = qualified(json::strings(s, "funcname"));
    op.value = "sql";
    json::each(s, "options", [&](Node o) {
        Node d = json::inner(o);
        auto name = json::str(d, "defname");
        Node arg;
        if (!json::get(d, "arg", arg)) return;
        if (name == "language") op.value = json::scalar_text(arg);
        if (name == "as") {
            if (json::type_of(arg) == "List") {
                json::each(json::inner(arg), "items", [&](Node item) {
                    if (op.body.empty()) op.body = json::scalar_text(item);
                });
            } else {
                op.body = json::scalar_text(arg);
            }
        }
    });
    if (lower(op.value) == "plpgsql" && !op.body.empty()) {
        // PostgreSQL checks a PL/pgSQL body when the function is created.
        std::string statement = ctx.src.text().substr(ctx.start, ctx.end - ctx.start) + ";";
        auto parsed = ctx.parser->child().check_plpgsql_function(statement);
        if (!parsed.ok && is_syntax_error(parsed.error))
            body_error(ctx, ctx.start, statement, parsed, "in function " + op.name);
    }
    std::string lb = lower(op.body);
    op.raises_notice = lb.find("raise notice") != std::string::npos || lb.find("raise info") != std::string::npos;
    op.has_exception_handler = lb.find("exception") != std::string::npos && lb.find("when") != std::string::npos;
    // Function calls in the body (uuid_generate_v4 ...): PL/pgSQL is checked at call time.
    for (std::string_view f : {"uuid_generate_v4", "uuid_generate_v1", "gen_random_uuid", "crypt", "gen_salt", "digest"})
        if (lb.find(std::string(f) + "(") != std::string::npos) op.functions_called.emplace_back(f);
    emit(ctx, std::move(op));
}

void transform_trigger(Ctx& ctx, Node s, std::string_view kind) {
    Operation op = base_op(ctx, OpKind::CreateTrigger, kind);
    op.name = std::string(json::str(s, "trigname"));
    op.table = rel_field(s, "relation");
    op.trigger_function = qualified(json::strings(s, "funcname"));
    op.lock = LockMode::ShareRowExclusive;
    op.value = json::boolean(s, "replace") ? "OR REPLACE" : "";
    emit(ctx, std::move(op));
}

void transform_policy(Ctx& ctx, Node s, std::string_view kind, OpKind k) {
    Operation op = base_op(ctx, k, kind);
    op.name = std::string(json::str(s, "policy_name"));
    op.table = rel_field(s, "table");
    op.lock = LockMode::AccessExclusive;
    for (auto key : {"qual", "with_check"}) {
        Node e;
        if (!json::get(s, key, e)) continue;
        json::walk(e, [&](std::string_view type, Node in) {
            if (type == "ColumnRef") {
                auto f = json::strings(in, "fields");
                if (!f.empty()) op.policy_columns.push_back(f.back());
            }
            return true;
        });
        collect_funcs(e, op.functions_called);
    }
    // current_setting('x', true): the missing_ok argument
    json::walk(s, [&](std::string_view type, Node in) {
        if (type == "FuncCall") {
            auto names = json::strings(in, "funcname");
            if (!names.empty() && names.back() == "current_setting") {
                int n = 0;
                json::each(in, "args", [&](Node a) {
                    if (n++ == 1 && json::scalar_text(a) == "true") op.missing_ok = true;
                });
            }
        }
        return true;
    });
    emit(ctx, std::move(op));
}

void transform_statement(Ctx& ctx, Node stmt) {
    auto kind = json::type_of(stmt);
    Node s = json::inner(stmt);
    if (kind == "CreateStmt") return transform_create_table(ctx, s, kind);
    if (kind == "AlterTableStmt") {
        auto objtype = json::str(s, "objtype");
        if (objtype == "OBJECT_TABLE" || objtype.empty()) return transform_alter_table(ctx, s, kind);
        Operation op = base_op(ctx, OpKind::Other, kind);
        op.name = rel_field(s, "relation");
        op.value = std::string(objtype);
        return emit(ctx, std::move(op));
    }
    if (kind == "IndexStmt") return transform_index(ctx, s, kind);
    if (kind == "DropStmt") return transform_drop(ctx, s, kind);
    if (kind == "RenameStmt") return transform_rename(ctx, s, kind);
    if (kind == "VariableSetStmt") return transform_set(ctx, s, kind);
    if (kind == "InsertStmt") return transform_dml(ctx, s, kind, OpKind::Insert);
    if (kind == "UpdateStmt") return transform_dml(ctx, s, kind, OpKind::Update);
    if (kind == "DeleteStmt") return transform_dml(ctx, s, kind, OpKind::Delete);
    if (kind == "CreateFunctionStmt") return transform_function(ctx, s, kind);
    if (kind == "CreateTrigStmt") return transform_trigger(ctx, s, kind);
    if (kind == "CreatePolicyStmt") return transform_policy(ctx, s, kind, OpKind::CreatePolicy);
    if (kind == "AlterPolicyStmt") return transform_policy(ctx, s, kind, OpKind::AlterPolicy);
    if (kind == "DoStmt") return transform_do(ctx, s, kind);

    Operation op = base_op(ctx, OpKind::Other, kind);
    if (kind == "CreateTableAsStmt") {
        Node into;
        if (json::get(s, "into", into)) op.table = rel_field(into, "rel");
        auto objtype = json::str(s, "objtype");
        op.kind = objtype == "OBJECT_MATVIEW" ? OpKind::CreateView : OpKind::CreateTableAs;
        if (op.kind == OpKind::CreateView) {
            op.name = op.table;
            op.table.clear();
        }
        op.from_select = true;
        op.if_not_exists = json::boolean(s, "if_not_exists");
        Node q;
        if (json::get(s, "query", q)) collect_relations(q, op.tables_referenced, op.table);
        op.lock = LockMode::AccessExclusive;
    } else if (kind == "CreateEnumStmt" || kind == "CompositeTypeStmt" || kind == "CreateDomainStmt" ||
               kind == "CreateRangeStmt") {
        op.kind = OpKind::CreateType;
        if (kind == "CreateEnumStmt") op.name = qualified(json::strings(s, "typeName"));
        else if (kind == "CreateDomainStmt") op.name = qualified(json::strings(s, "domainname"));
        else if (kind == "CreateRangeStmt") op.name = qualified(json::strings(s, "typeName"));
        else op.name = rel_field(s, "typevar");
    } else if (kind == "AlterEnumStmt") {
        op.kind = OpKind::AlterTypeAddValue;
        op.name = qualified(json::strings(s, "typeName"));
        op.value = std::string(json::str(s, "newVal"));
        op.if_not_exists = json::boolean(s, "skipIfNewValExists");
        if (!json::str(s, "oldVal").empty()) op.kind = OpKind::Other;  // RENAME VALUE
    } else if (kind == "CreateExtensionStmt") {
        op.kind = OpKind::CreateExtension;
        op.name = std::string(json::str(s, "extname"));
        op.if_not_exists = json::boolean(s, "if_not_exists");
    } else if (kind == "TransactionStmt") {
        op.kind = OpKind::TransactionControl;
        op.value = std::string(json::str(s, "kind"));
    } else if (kind == "VacuumStmt") {
        bool is_vacuum = json::boolean(s, "is_vacuumcmd");
        op.kind = is_vacuum ? OpKind::Vacuum : OpKind::Other;
        json::each(s, "options", [&](Node o) {
            if (json::str(json::inner(o), "defname") == "full") op.full = true;
        });
        json::each(s, "rels", [&](Node r) {
            if (op.table.empty()) op.table = rel_field(json::inner(r), "relation");
        });
        op.lock = op.full ? LockMode::AccessExclusive : LockMode::ShareUpdateExclusive;
        if (!is_vacuum) op.value = "ANALYZE";
    } else if (kind == "ClusterStmt") {
        op.kind = OpKind::Cluster;
        op.table = rel_field(s, "relation");
        op.lock = LockMode::AccessExclusive;
    } else if (kind == "ReindexStmt") {
        op.kind = OpKind::Reindex;
        auto rk = json::str(s, "kind");
        if (rk == "REINDEX_OBJECT_INDEX") op.name = rel_field(s, "relation");
        else op.table = rel_field(s, "relation");
        json::each(s, "params", [&](Node p) {
            if (json::str(json::inner(p), "defname") == "concurrently") op.concurrently = true;
        });
        op.lock = op.concurrently ? LockMode::ShareUpdateExclusive : LockMode::Share;
        op.value = std::string(rk);
    } else if (kind == "LockStmt") {
        op.kind = OpKind::LockTable;
        json::each(s, "relations", [&](Node r) {
            if (op.table.empty()) op.table = rel_name(json::inner(r));
        });
        static const LockMode modes[] = {LockMode::None, LockMode::AccessShare, LockMode::RowShare,
                                         LockMode::RowExclusive, LockMode::ShareUpdateExclusive, LockMode::Share,
                                         LockMode::ShareRowExclusive, LockMode::Exclusive, LockMode::AccessExclusive};
        auto m = json::integer(s, "mode", 8);
        op.lock = (m >= 1 && m <= 8) ? modes[m] : LockMode::AccessExclusive;
    } else if (kind == "TruncateStmt") {
        op.kind = OpKind::Truncate;
        json::each(s, "relations", [&](Node r) {
            if (op.table.empty()) op.table = rel_name(json::inner(r));
        });
        op.lock = LockMode::AccessExclusive;
    } else if (kind == "SelectStmt") {
        op.kind = OpKind::Select;
        collect_funcs(s, op.functions_called);
    } else if (kind == "ViewStmt") {
        op.kind = OpKind::CreateView;
        op.name = rel_field(s, "view");
    } else if (kind == "CreateSeqStmt") {
        op.kind = OpKind::CreateSequence;
        op.name = rel_field(s, "sequence");
    } else if (kind == "CreateSchemaStmt") {
        op.kind = OpKind::CreateSchema;
        op.name = std::string(json::str(s, "schemaname"));
        op.if_not_exists = json::boolean(s, "if_not_exists");
    } else if (kind == "CommentStmt") {
        op.kind = OpKind::Comment;
        auto objtype = json::str(s, "objtype");
        Node obj;
        if (json::get(s, "object", obj) && json::type_of(obj) == "List") {
            auto names = json::strings(json::inner(obj), "items");
            if (objtype == "OBJECT_TABLE") op.table = qualified(names);
            else if (objtype == "OBJECT_COLUMN" && names.size() >= 2) {
                op.name = names.back();
                names.pop_back();
                op.table = qualified(names);
            }
        }
        if (!op.table.empty()) op.lock = LockMode::ShareUpdateExclusive;
    } else if (kind == "GrantStmt" || kind == "GrantRoleStmt" || kind == "AlterDefaultPrivilegesStmt") {
        op.kind = OpKind::Grant;
    } else if (kind == "AlterRoleSetStmt" || kind == "AlterDatabaseSetStmt") {
        Node set;
        op.kind = OpKind::AlterRoleSet;
        if (json::get(s, "setstmt", set)) {
            op.name = lower(json::str(set, "name"));
            json::each(set, "args", [&](Node a) { op.value += json::scalar_text(a); });
        }
    } else if (kind == "CreatedbStmt" || kind == "DropdbStmt") {
        op.value = std::string(kind);
    }
    emit(ctx, std::move(op));
}

// Walks PL/pgSQL statements, parsing each embedded SQL statement as an operation.
void walk_plpgsql(Ctx& ctx, Node n, int body_line, bool guarded, Operation& block) {
    json::walk(n, [&](std::string_view type, Node in) {
        if (type == "PLpgSQL_stmt_block") {
            Node exc;
            bool has_exc = json::get(in, "exceptions", exc);
            if (has_exc) block.has_exception_handler = true;
            Node body;
            if (json::get(in, "body", body)) walk_plpgsql(ctx, body, body_line, guarded || has_exc, block);
            return false;
        }
        if (type == "PLpgSQL_stmt_if" || type == "PLpgSQL_stmt_case" || type == "PLpgSQL_stmt_loop" ||
            type == "PLpgSQL_stmt_while" || type == "PLpgSQL_stmt_fori" || type == "PLpgSQL_stmt_fors") {
            for (auto key : {"then_body", "elsif_list", "else_body", "body", "case_when_list", "else_stmts"}) {
                Node b;
                if (json::get(in, key, b)) walk_plpgsql(ctx, b, body_line, true, block);
            }
            return false;
        }
        if (type == "PLpgSQL_stmt_raise") {
            auto level = json::integer(in, "elog_level", 21);
            if (level == 21) block.raises_exception = true;
            else if (level >= 15 && level <= 18) block.raises_notice = true;
            return false;
        }
        if (type == "PLpgSQL_stmt_execsql") {
            Node sqlstmt;
            if (!json::get(in, "sqlstmt", sqlstmt)) return false;
            std::string query(json::str(json::inner(sqlstmt), "query"));
            int lineno = static_cast<int>(json::integer(in, "lineno", 1));
            auto parsed = ctx.parser->child().parse(query);
            if (!parsed.ok) {
                ParseError e;
                int line = body_line + static_cast<int>(json::integer(in, "lineno", 1)) - 1;
                e.loc = {ctx.loc.file, line, 1, ctx.loc.down_file};
                e.message = "in DO block: " + parsed.error;
                ctx.errors->push_back(std::move(e));
                return false;
            }
            Node stmts;
            if (!json::get(parsed.root, "stmts", stmts)) return false;
            // A copy: the nested parse reuses the parser's buffer.
            std::vector<Operation> nested;
            Ctx inner_ctx = ctx;
            inner_ctx.parser = &ctx.parser->child();
            inner_ctx.in_body = true;
            inner_ctx.guarded = guarded;
            inner_ctx.ops = &nested;
            inner_ctx.loc.line = body_line + lineno - 1;
            auto line_text = ctx.src.line(inner_ctx.loc.line);
            auto first_word = query.substr(0, std::min<size_t>(query.find_first_of(" \t\n"), 40));
            auto col = line_text.find(first_word);
            inner_ctx.loc.column = col == std::string_view::npos ? 1 : static_cast<int>(col) + 1;
            auto stmt_list = json::as_array(stmts);
            for (auto item : stmt_list) {
                Node st;
                if (json::get(item, "stmt", st)) transform_statement(inner_ctx, st);
            }
            for (auto& op : nested) op.text = query;
            for (auto& op : nested) ctx.ops->push_back(std::move(op));
            return false;
        }
        return true;
    });
}

void transform_do(Ctx& ctx, Node s, std::string_view kind) {
    Operation op = base_op(ctx, OpKind::DoBlock, kind);
    std::string body;
    json::each(s, "args", [&](Node a) {
        Node d = json::inner(a);
        Node arg;
        if (json::str(d, "defname") == "as" && json::get(d, "arg", arg)) body = json::scalar_text(arg);
        if (json::str(d, "defname") == "language" && json::get(d, "arg", arg)) op.value = json::scalar_text(arg);
    });
    op.body = body;
    size_t op_index = ctx.ops->size();
    ctx.ops->push_back(op);
    if (!op.value.empty() && op.value != "plpgsql") return;
    // Line of the body's first character: find it in the statement text.
    auto pos = ctx.src.text().find(body, ctx.start);
    bool found = pos != std::string::npos && pos <= ctx.end;
    int body_line = found ? ctx.src.locate(pos).line : ctx.loc.line;
    auto parsed = ctx.parser->parse_plpgsql_body(body);
    if (!parsed.ok) {
        if (is_syntax_error(parsed.error)) body_error(ctx, found ? pos : std::string::npos, body, parsed, "in DO block");
        return;
    }
    Operation block = op;
    json::walk(parsed.root, [&](std::string_view type, Node in) {
        if (type == "PLpgSQL_function") {
            Node action;
            if (json::get(in, "action", action)) walk_plpgsql(ctx, action, body_line, false, block);
            return false;
        }
        return true;
    });
    auto& stored = (*ctx.ops)[op_index];
    stored.has_exception_handler = block.has_exception_handler;
    stored.raises_notice = block.raises_notice;
    stored.raises_exception = block.raises_exception;
}

}  // namespace

static inline bool ascii_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

size_t skip_space_and_comments(const std::string& text, size_t i, size_t end) {
    while (i < end) {
        char c = text[i];
        if (ascii_space(c)) {
            ++i;
        } else if (c == '-' && i + 1 < end && text[i + 1] == '-') {
            while (i < end && text[i] != '\n' && text[i] != '\r') ++i;
        } else if (c == '/' && i + 1 < end && text[i + 1] == '*') {
            int depth = 0;
            while (i < end) {
                if (text[i] == '/' && i + 1 < end && text[i + 1] == '*') {
                    ++depth;
                    i += 2;
                } else if (text[i] == '*' && i + 1 < end && text[i + 1] == '/') {
                    --depth;
                    i += 2;
                    if (depth == 0) break;
                } else {
                    ++i;
                }
            }
        } else {
            break;
        }
    }
    return i;
}

int parse_chunk(Parser& parser, const Chunk& chunk, std::vector<Operation>& ops, std::vector<ParseError>& errors) {
    std::string blanked;
    const std::string* sql_ptr = chunk.text;
    size_t begin = chunk.begin, end_all = chunk.end;
    if (!sql_ptr) {
        const std::string& text = chunk.source->text();
        blanked.assign(text.size(), ' ');
        for (size_t i = 0; i < text.size(); ++i) {
            char c = text[i];
            if ((i >= chunk.begin && i < chunk.end) || c == '\n' || c == '\r') blanked[i] = c;
        }
        if (chunk.begin == 0 && chunk.source->bom_size())
            blanked.replace(0, chunk.source->bom_size(), chunk.source->bom_size(), ' ');
        sql_ptr = &blanked;
    } else {
        begin = 0;
        end_all = sql_ptr->size();
    }
    const std::string& sql = *sql_ptr;
    Locator locator(sql, *chunk.source, chunk.text ? chunk.offsets : nullptr);
    auto parsed = parser.parse(sql);
    if (!parsed.ok) {
        ParseError e;
        size_t off = parsed.error_offset ? parsed.error_offset : skip_space_and_comments(sql, begin, end_all);
        auto lc = locator.locate(std::min(off, sql.size()));
        e.loc = {chunk.file, lc.line, lc.column, chunk.down_file};
        e.message = parsed.error;
        errors.push_back(std::move(e));
        return 0;
    }
    Node stmts;
    if (!json::get(parsed.root, "stmts", stmts)) return 0;
    int count = 0;
    auto stmt_list = json::as_array(stmts);
    for (auto item : stmt_list) {
        Node st;
        if (!json::get(item, "stmt", st)) continue;
        size_t loc = static_cast<size_t>(json::integer(item, "stmt_location", 0));
        size_t len = static_cast<size_t>(json::integer(item, "stmt_len", 0));
        size_t end = len ? loc + len : end_all;
        size_t start = skip_space_and_comments(sql, loc, end);
        while (end > start && ascii_space(sql[end - 1])) --end;
        auto lc = locator.locate(start);
        Ctx ctx{locator, chunk, start, end, {chunk.file, lc.line, lc.column, chunk.down_file}};
        ctx.parser = &parser;
        ctx.stmt = chunk.stmt_base >= 0 ? chunk.stmt_base : static_cast<int>(ops.empty() ? 0 : ops.back().stmt + 1);
        ctx.ops = &ops;
        ctx.errors = &errors;
        size_t before = ops.size();
        transform_statement(ctx, st);
        for (size_t i = before; i < ops.size(); ++i) ops[i].call = chunk.call;
        ++count;
    }
    return count;
}

}  // namespace migsafe::sql
