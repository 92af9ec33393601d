// migrate-script: a script runs all pending migrations.
#include "checks/scripts/script_common.hpp"

namespace migsafe {

Outcome check_migrate_script(const Project& p, const Facts&) {
    return checks::script_outcome(p, checks::migrate_command_re(), "no script applies pending migrations",
                                  checks::is_knex(p) ? "```json\n\"migrate\": \"knex migrate:latest --knexfile knexfile.ts\"\n```"
                                                     : "```make\nmigrate:\n\tmigsafe migrate latest --config migsafe.toml\n```");
}

}  // namespace migsafe
