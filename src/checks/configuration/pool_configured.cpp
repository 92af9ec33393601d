// pool-configured: knexfile pool min/max (SQL projects: one connection, N/A).
#include "checks/configuration/config_common.hpp"

namespace migsafe {

Outcome check_pool_configured(const Project& p, const Facts&) {
    Outcome o;
    if (checks::no_config(p, o)) return o;
    o.not_applicable = true;
    o.summary = "migsafe migrates over one connection: no pool";
    return o;
}

}  // namespace migsafe
