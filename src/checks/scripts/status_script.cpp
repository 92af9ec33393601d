// status-script: a script shows migration status.
#include "checks/scripts/script_common.hpp"

namespace migsafe {

Outcome check_status_script(const Project& p, const Facts&) {
    return checks::script_outcome(p, checks::status_command_re(), "no script shows migration status",
                                  checks::is_knex(p) ? "```json\n\"migrate:status\": \"knex migrate:status --knexfile knexfile.ts\"\n```"
                                                     : "```make\nstatus:\n\tmigsafe status --config migsafe.toml\n```");
}

}  // namespace migsafe
