// The operation model (checks.md "Vocabulary"): every statement of every migration becomes
// one or more Operations. Only parse/ builds them; checks and reports only read them.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "model/enums.hpp"

namespace migsafe {

struct Location {
    int file = -1;            // index into Project::files, -1 = project level
    int line = 0;
    int column = 0;
    bool down_file = false;   // in the file's separate down file (golang-migrate .down.sql, Flyway U)
};

enum class ConstraintType { PrimaryKey, ForeignKey, Unique, Check, Exclusion, NotNull, Other };

struct Constraint {
    ConstraintType type = ConstraintType::Other;
    std::string name;                 // may be empty (unnamed)
    std::vector<std::string> columns;
    std::string ref_table;            // FK: referenced table
    std::vector<std::string> ref_columns;
    char on_delete = 'a';             // FK: a=no action r=restrict c=cascade n=set null d=set default
    char on_update = 'a';
    bool not_valid = false;
    std::string expr_text;            // CHECK: the expression's source text
    Location loc;
};

struct ColumnDef {
    std::string name;
    std::string type;                 // normalised: int4, int8, varchar, text, numeric, timestamptz, ...
    std::vector<int> typmods;         // varchar(50) -> {50}; numeric(10,2) -> {10,2}
    bool array = false;
    bool not_null = false;
    bool primary_key = false;
    bool has_default = false;
    bool default_volatile = false;    // now()/random()/gen_random_uuid()/nextval()/clock_timestamp() ...
    bool identity = false;            // GENERATED ... AS IDENTITY
    bool generated = false;           // GENERATED ALWAYS AS (...) STORED
    std::string default_text;         // source text of the default expression
    std::vector<Constraint> constraints;  // inline REFERENCES / UNIQUE / CHECK
    Location loc;
};

struct Operation {
    OpKind kind = OpKind::Other;
    Section section = Section::Up;
    Location loc;
    int unit = 0;                     // transaction unit index within the file (see MigrationFile)
    int stmt = 0;                     // top-level statement ordinal within the file (ALTER TABLE cmds share one)
    int call = 0;                     // knex: the call it comes from (one query string); SQL: 0
    std::string stmt_kind;            // libpg_query node name, e.g. "AlterTableStmt"
    std::string text;                 // the statement's source, trimmed
    std::string table;                // target table, normalised (lower case, no "public.")
    std::string name;                 // index / constraint / function / trigger / policy / type / extension / column
    std::string new_name;             // renames
    std::vector<std::string> columns; // index columns, affected columns
    std::vector<ColumnDef> column_defs;
    std::vector<Constraint> constraints;
    std::vector<std::string> functions_called;  // every FuncCall in the statement (lower case, unqualified)
    std::vector<std::string> tables_referenced; // other tables the statement reads/locks (FK targets, FROM)

    LockMode lock = LockMode::None;   // on `table`
    std::vector<std::pair<std::string, LockMode>> other_locks;  // e.g. FK target: SHARE ROW EXCLUSIVE
    bool preexisting = false;         // filled by analysis: `table` was not created earlier in this file

    // flags
    bool concurrently = false;
    bool unique = false;
    bool if_not_exists = false;
    bool if_exists = false;
    bool missing_ok = false;
    bool cascade = false;
    bool is_local = false;            // SET LOCAL
    bool has_where = false;           // DML WHERE / partial index WHERE
    bool has_exception_handler = false; // DO / function body with EXCEPTION
    bool raises_notice = false;         // RAISE NOTICE / INFO / LOG in a body
    bool from_select = false;           // INSERT ... SELECT / CREATE TABLE AS
    bool in_body = false;               // found inside a DO block body
    bool guarded = false;               // inside IF / an EXCEPTION block of a DO body
    bool raises_exception = false;      // DO body RAISE EXCEPTION (an irreversible down)
    bool full = false;                  // VACUUM FULL
    std::string method;               // index access method (btree, gin, gist, ...)
    std::string value;                // SET value, extension name, function language, role name...
    std::string trigger_function;     // CREATE TRIGGER ... EXECUTE FUNCTION f
    std::string body;                 // function / DO body text
    std::vector<std::string> policy_columns;    // ColumnRefs in the policy expressions
    std::vector<std::pair<std::string, std::string>> literals;
    std::vector<std::string> null_tested;  // UPDATE ... WHERE col IS NULL: the columns tested  // INSERT ... VALUES: (column, string literal)
};

// What a statement that PostgreSQL refuses inside a transaction block looks like.
bool refuses_transaction(const Operation& op, int pg_version);

}  // namespace migsafe
