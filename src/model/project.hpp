// Project: one service's migrations and configuration, as read from disk.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/enums.hpp"
#include "model/operation.hpp"
#include "util/source_text.hpp"

namespace migsafe {

struct ParseError {
    Location loc;
    std::string message;  // the parser's own message
};

// A run of statements the runner executes as one transaction (or one non-transactional
// query / statement sequence). dbmate: a section; golang-migrate/flyway/plain: the file.
struct Unit {
    Section section = Section::Up;
    bool transactional = true;     // explicitly wrapped by the runner
    bool single_query = false;     // sent as one query string (implicit transaction)
    // A session SET reaches the next statement (false for a knex migration without a
    // transaction: each call may get another pooled connection).
    bool session_carries = true;
    int start_line = 0;            // the section marker / file start
    size_t begin = 0, end = 0;     // the unit's SQL: [begin, end) of the source (or down source)
    bool down_file = false;        // in the separate down file
    std::string marker;            // "-- migrate:up transaction:false" etc.
};

struct Suppression {
    int file = -1;
    bool down_file = false;
    int line = 0;          // line of the comment
    int target_line = 0;   // line it applies to
    std::string check_id;
    std::string reason;
    bool used = false;
};

// What the knex front end learns about a migration beyond its operations.
struct KnexFinding {
    Location loc;
    std::string message;
};
struct KnexFacts {
    bool up_found = false, down_found = false;
    bool up_async = false, up_returns = false;  // up returns its promise chain
    int up_knex_calls = 0;
    Location up_loc, down_loc, config_loc;
    bool transaction_disabled = false;
    bool logs = false;                          // console.log / a logger in up
    bool down_throws = false;                   // down throws (irreversible, with a message)
    std::vector<KnexFinding> unawaited;         // awaited-knex-calls
    std::vector<KnexFinding> raw_builder_sql;   // uses-schema-builder
    std::vector<KnexFinding> unknown;           // calls the front end does not understand
};

struct MigrationFile {
    std::string path;      // relative to the project root, '/' separators
    std::string down_path; // golang-migrate / flyway: the paired down file, if any
    std::string prefix;    // "20240101120000", "001", "V3"...
    std::string name;      // descriptive part ("add_orders")
    std::string extension; // ".sql", ".ts"...
    SourceText source;
    SourceText down_source;   // golang-migrate .down.sql / flyway U file
    bool has_up = false;       // an up part exists (section or file)
    bool has_down = false;
    std::vector<Unit> units;
    std::vector<Operation> ops;   // up then down, in source order
    std::vector<ParseError> errors;
    int up_statement_count = 0;
    int down_statement_count = 0;
    KnexFacts knex;  // knex flavour only
};

struct KeyValue {
    std::string key;
    std::string value;
    int line = 0;
};

// migsafe.toml, environments and options (parse/config/migsafe_toml.cpp).
struct EnvConfig {
    std::string name;
    int line = 0;
    std::map<std::string, KeyValue> values;  // url, host, database, user, password, sslmode, ...
};

struct CheckOverride {
    std::string id;
    bool enabled = true;
    std::optional<Severity> severity;
    int line = 0;
};

struct Config {
    bool present = false;
    bool knexfile = false;   // read from a knexfile (knex runs the migrations, not migsafe)
    std::string path;  // "migsafe.toml"
    std::optional<Layout> layout;
    std::string directory;
    std::string service;
    int pg_version = 15;
    std::string lock_timeout;           // top-level default for every environment
    std::string suggested_lock_timeout = "5s";
    std::string tenant_column = "tenant_id";
    std::vector<std::string> preexisting_tables;
    std::vector<EnvConfig> environments;
    std::map<std::string, CheckOverride> checks;
    std::string table;  // bookkeeping table (top-level)
    int table_line = 0;
    int lock_timeout_line = 0;
};

// A text file of the project that is not a migration: scripts, CI, docs, package.json.
struct AuxFile {
    enum class Kind { PackageJson, Makefile, Script, Ci, Doc, Env, Other };
    Kind kind = Kind::Other;
    std::string path;
    SourceText source;
};

// How migsafe (migrate and verify) runs one unit of a file: in one transaction, unless the
// unit opted out (transaction:false) or holds a statement PostgreSQL refuses in a transaction
// (CREATE INDEX CONCURRENTLY alone in a Flyway / golang-migrate file); then statement by statement.
bool runs_in_transaction(const MigrationFile& f, Section section, int pg_version);

struct Project {
    std::string root;       // as given on the command line
    std::string name;       // service name
    Flavour flavour = Flavour::Sql;
    Layout layout = Layout::Plain;
    std::string migrations_dir;  // relative to root
    bool migrations_dir_exists = true;
    Config config;
    std::vector<MigrationFile> files;   // sorted by version
    std::vector<AuxFile> aux;
    std::vector<std::string> stray_migrations;  // migration-looking files outside the directory
    std::vector<Suppression> suppressions;
    std::string sum_path;      // "migsafe.sum" if present
    std::map<std::string, std::string> recorded_sums;  // path -> sha256 from migsafe.sum
    std::map<std::string, std::string> actual_sums;    // path -> sha256 now
    bool has_tsconfig = false;

    const std::string& file_path(int index) const;
};

}  // namespace migsafe
