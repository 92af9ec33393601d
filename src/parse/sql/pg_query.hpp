// RAII adapter over libpg_query: parse SQL to a simdjson DOM, errors at the edge.
#pragma once
#include <simdjson.h>

#include <memory>
#include <string>
#include <vector>

namespace migsafe::sql {

struct ParsedSql {
    bool ok = false;
    std::string error;     // the parser's own message
    size_t error_offset = 0;  // byte offset of the error in the input (0 = unknown; npos for bodies)
    simdjson::dom::element root;  // {"version":..,"stmts":[..]}, valid while the parser lives
};

// One per thread: owns the simdjson parser whose DOM ParsedSql points into.
class Parser {
public:
    ParsedSql parse(const std::string& sql);
    // Parses a PL/pgSQL body (wrapped as a function) and returns the JSON of its statements.
    ParsedSql parse_plpgsql_body(const std::string& body);
    // A second parser for SQL nested in a tree still being read (DO bodies): parsing with
    // this one would overwrite the DOM the caller iterates.
    Parser& child();
    // Parses a whole CREATE FUNCTION ... LANGUAGE plpgsql statement (its real signature, so
    // NEW/OLD and parameters resolve). Only the error matters; error_offset is into `statement`.
    ParsedSql check_plpgsql_function(const std::string& statement);

private:
    simdjson::dom::parser json_;
    simdjson::dom::parser json_plpgsql_;
    std::string buffer_;
    std::unique_ptr<Parser> child_;
};

}  // namespace migsafe::sql
