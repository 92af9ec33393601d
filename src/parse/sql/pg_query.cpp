#include "parse/sql/pg_query.hpp"

#include <pg_query.h>

namespace migsafe::sql {
namespace {

struct ParseResultGuard {
    PgQueryParseResult r;
    ~ParseResultGuard() { pg_query_free_parse_result(r); }
};
struct PlpgsqlResultGuard {
    PgQueryPlpgsqlParseResult r;
    ~PlpgsqlResultGuard() { pg_query_free_plpgsql_parse_result(r); }
};

}  // namespace

ParsedSql Parser::parse(const std::string& sql) {
    ParsedSql out;
    ParseResultGuard g{pg_query_parse(sql.c_str())};
    if (g.r.error) {
        out.error = g.r.error->message ? g.r.error->message : "syntax error";
        out.error_offset = g.r.error->cursorpos > 0 ? static_cast<size_t>(g.r.error->cursorpos - 1) : 0;
        return out;
    }
    buffer_.assign(g.r.parse_tree);
    auto doc = json_.parse(buffer_);
    if (doc.error()) {
        out.error = "internal: unreadable parse tree";
        return out;
    }
    out.root = doc.value();
    out.ok = true;
    return out;
}

Parser& Parser::child() {
    if (!child_) child_ = std::make_unique<Parser>();
    return *child_;
}

ParsedSql Parser::check_plpgsql_function(const std::string& statement) {
    ParsedSql out;
    PlpgsqlResultGuard g{pg_query_parse_plpgsql(statement.c_str())};
    if (g.r.error) {
        out.error = g.r.error->message ? g.r.error->message : "unreadable PL/pgSQL body";
        int pos = g.r.error->cursorpos - 1;
        out.error_offset = pos >= 0 && pos < static_cast<int>(statement.size()) ? static_cast<size_t>(pos) : std::string::npos;
        return out;
    }
    out.ok = true;
    return out;
}

ParsedSql Parser::parse_plpgsql_body(const std::string& body) {
    ParsedSql out;
    std::string tag = "$migsafe_body$";
    std::string prefix = "CREATE FUNCTION migsafe_do_block() RETURNS void LANGUAGE plpgsql AS " + tag;
    std::string sql = prefix + body + tag + ";";
    PlpgsqlResultGuard g{pg_query_parse_plpgsql(sql.c_str())};
    if (g.r.error || !g.r.plpgsql_funcs) {
        out.error = g.r.error && g.r.error->message ? g.r.error->message : "unreadable PL/pgSQL body";
        // cursorpos is 1-based in the wrapped text; make it an offset into the body.
        int pos = g.r.error ? g.r.error->cursorpos - 1 - static_cast<int>(prefix.size()) : -1;
        out.error_offset = pos >= 0 && pos < static_cast<int>(body.size()) ? static_cast<size_t>(pos) : std::string::npos;
        return out;
    }
    std::string text(g.r.plpgsql_funcs);
    auto doc = json_plpgsql_.parse(text);
    if (doc.error()) {
        out.error = "internal: unreadable PL/pgSQL tree";
        return out;
    }
    out.root = doc.value();
    out.ok = true;
    return out;
}

}  // namespace migsafe::sql
