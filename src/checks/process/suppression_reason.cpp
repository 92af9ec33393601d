// suppression-reason: every inline suppression names a known check and gives a reason.
#include "checks/common.hpp"
#include "checks/registry.hpp"

namespace migsafe {

Outcome check_suppression_reason(const Project& p, const Facts&) {
    Outcome o;
    if (p.suppressions.empty()) {
        o.not_applicable = true;
        o.summary = "No inline suppressions";
        return o;
    }
    for (const auto& s : p.suppressions) {
        Evidence e;
        e.loc = {s.file, s.line, 1, s.down_file};
        e.weight = Weight::Fail;
        if (!find_check(s.check_id)) {
            e.message = "migsafe:ignore names unknown check '" + s.check_id + "'";
            o.add(e);
        } else if (s.reason.empty()) {
            e.message = "migsafe:ignore " + s.check_id + " without a reason";
            o.add(e);
        }
    }
    o.summary = checks::plural(static_cast<int>(p.suppressions.size()), "suppression") + ", each with a reason";
    o.fix = "Say why: `-- migsafe:ignore lock-timeout table is empty until the feature launches`.";
    return o;
}

}  // namespace migsafe
