#pragma once
#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace migsafe::cli {

// The process entry point: parses arguments, runs one subcommand, prints any error as one
// line ("migsafe: error: ..."), and returns the exit code (0 clean, 1 findings, 2 errors).
int run(int argc, char** argv);

// Each subcommand registers itself and returns the action to run when chosen.
using Action = std::function<int()>;
Action add_audit(CLI::App& app);
Action add_checks(CLI::App& app);
Action add_sum(CLI::App& app);
Action add_migrate(CLI::App& app);
Action add_status(CLI::App& app);
Action add_make(CLI::App& app);
Action add_verify(CLI::App& app);

}  // namespace migsafe::cli
