// migsafe checks: the checklist, one check a line (id, category, severity, title).
#include <fmt/format.h>

#include "checks/registry.hpp"
#include "cli/cli.hpp"

namespace migsafe::cli {

Action add_checks(CLI::App& app) {
    app.add_subcommand("checks", "List every check: id, category, severity, title");
    return []() {
        for (const auto& c : registry())
            fmt::print("{:<34} {:<14} {:<9} {}{}\n", c.id, to_string(c.category), to_string(c.severity), c.title,
                       c.knex_only ? " (knex)" : "");
        return 0;
    };
}

}  // namespace migsafe::cli
