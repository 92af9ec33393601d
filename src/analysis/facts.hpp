// Facts derived once from the operations, shared by every check (style.md: no facts borrowed
// between checks). Built by analyse(); the project's ops get `preexisting` filled in.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/project.hpp"

namespace migsafe {

struct IndexInfo {
    std::string name;
    std::string table;
    std::vector<std::string> columns;
    std::string method;
    bool unique = false;
    bool partial = false;
    bool from_constraint = false;  // PRIMARY KEY / UNIQUE
    int file = -1;
    int op = -1;
};

struct PolicyInfo {
    std::string name;
    const Operation* op = nullptr;
    int file = -1;
};

struct TableInfo {
    std::string name;
    int file = -1;                // creating file, -1 = not created by the project
    Location loc;
    std::map<std::string, ColumnDef> columns;
    std::vector<std::string> column_order;
    std::vector<Constraint> foreign_keys;
    bool rls_enabled = false;
    bool rls_forced = false;
    Location rls_loc;
    std::vector<PolicyInfo> policies;
};

// The schema as the ups leave it (and referencing FKs at each down's time).
struct Catalog {
    std::map<std::string, TableInfo> tables;
    std::map<std::string, IndexInfo> indexes;
    std::map<std::string, Location> functions;
    std::map<std::string, Location> types;
    std::map<std::string, Location> extensions;
};

struct FileCounts {
    int tables = 0, tenant_tables = 0, functions = 0, triggers = 0, indexes = 0, composite_indexes = 0,
        partial_indexes = 0, unique_indexes = 0, gin_gist_indexes = 0, concurrent_indexes = 0, policies = 0,
        foreign_keys = 0, check_constraints = 0, extensions = 0, types = 0, rls_tables = 0;
    FileCounts& operator+=(const FileCounts& o);
};

struct Facts {
    Catalog catalog;
    int pg_version = 15;
    std::string tenant_column = "tenant_id";

    // lock_timeout set for every migration by configuration; where (for evidence).
    bool lock_timeout_configured = false;
    std::string lock_timeout_source;
    // First file from which a role/database setting made by a migration applies.
    int role_lock_timeout_from_file = -1;
    Location role_lock_timeout_loc;

    // Per file: table -> index of the op that created it, in up and in down.
    std::vector<std::map<std::string, int>> created_in_up;
    std::vector<std::map<std::string, int>> created_in_down;
    std::set<std::string> declared_preexisting;  // migsafe.toml [audit] preexisting_tables
    const Project* project = nullptr;
    // Per file: for each table the down drops, the FKs that reference it after that file's up:
    // (child table, constraint name / column).
    std::vector<std::map<std::string, std::vector<std::pair<std::string, std::string>>>> referencing_at_down;
    // Tables created by any migration of the project (at any point).
    std::set<std::string> project_tables;
    // Index name -> table for every index any migration creates.
    std::map<std::string, std::string> index_table;

    // (file, function) where up replaces a function an earlier migration created.
    std::set<std::pair<int, std::string>> replaced_functions;
    // Column definition before each ALTER COLUMN TYPE: (file, op index) -> old column.
    std::map<std::pair<int, int>, ColumnDef> old_column;

    std::vector<FileCounts> counts;
    FileCounts totals;
    int tenant_isolated_tables = 0;  // RLS + a tenant policy at the end

    // Is `table` pre-existing at op `op_index` of file `file`?
    bool preexisting(int file, int op_index, const std::string& table) const;
    std::string table_of_index(const std::string& index) const;
};

Facts analyse(Project& project);

}  // namespace migsafe
