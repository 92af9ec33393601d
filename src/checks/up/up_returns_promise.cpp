// up-returns-promise: knex only; SQL projects have no knex calls.
#include "checks/common.hpp"

namespace migsafe {

Outcome check_up_returns_promise(const Project& p, const Facts&) {
    Outcome o;
    o.not_applicable = true;
    o.summary = checks::is_knex(p) ? "Knex front end not available" : "SQL migrations: no knex calls";
    return o;
}

}  // namespace migsafe
