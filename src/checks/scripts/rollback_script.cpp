// rollback-script: a script rolls back the last batch.
#include "checks/scripts/script_common.hpp"

namespace migsafe {

Outcome check_rollback_script(const Project& p, const Facts&) {
    return checks::script_outcome(p, checks::rollback_command_re(), "no script rolls back a migration",
                                  checks::is_knex(p) ? "```json\n\"migrate:rollback\": \"knex migrate:rollback --knexfile knexfile.ts\"\n```"
                                                     : "```make\nrollback:\n\tmigsafe migrate rollback --config migsafe.toml\n```");
}

}  // namespace migsafe
