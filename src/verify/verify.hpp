// migsafe verify: up all, down all, up all again on a throwaway PostgreSQL, with a catalog diff
// after each step and a lock trace of every statement (read from pg_locks).
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "util/result.hpp"

namespace migsafe::verify {

struct Lock {
    std::string relation;
    std::string mode;      // "ACCESS EXCLUSIVE" ...
    bool existed = false;  // the relation existed before this migration
};

struct StatementTrace {
    std::string file;
    int line = 0;
    std::string text;       // first line, shortened
    std::vector<Lock> locks;
    std::string static_mode;  // what `audit` says for its target table ("" = no table)
    std::string observed_mode;
};

struct MigrationTrace {
    std::string step;  // "up", "down", "up again"
    std::string name;
    double ms = 0;
    std::vector<StatementTrace> statements;
};

struct Difference {
    std::string step;     // "down" or "up again"
    std::string message;  // "down of 2024..._create_orders left table orders"
};

struct Result_ {
    std::string project;
    std::vector<std::string> bases;
    double startup_ms = 0, total_ms = 0;
    bool private_server = true;
    std::vector<MigrationTrace> traces;
    std::vector<Difference> differences;
    std::vector<std::string> model_mismatches;  // static lock mode != trace
    std::string failure;                         // a migration that failed
};

struct Options {
    std::vector<std::string> bases;  // projects applied first, not verified
    std::string url;                 // use a scratch database there instead of a private server
    std::string config;              // --config for the verified project
    std::function<void(const std::string&)> progress;
};

Result<Result_> run(const std::string& path, const Options& options);
// An interrupt arrived: the signal thread is stopping the server and will exit with 130.
bool interrupted();

std::string render_text(const Result_& r);
std::string render_json(const Result_& r);

}  // namespace migsafe::verify
