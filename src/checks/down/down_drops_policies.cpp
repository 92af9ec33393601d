// down-drops-policies: policies up creates are dropped in down (or go with their table).
#include "analysis/reversal.hpp"
#include "checks/common.hpp"

namespace migsafe {

Outcome check_down_drops_policies(const Project& p, const Facts& facts) {
    Outcome o;
    int policies = 0;
    bool explicit_drop = false;
    for (size_t i = 0; i < p.files.size(); ++i) {
        auto r = reversal_of(p, facts, static_cast<int>(i));
        if (!r.applicable) continue;
        for (const auto& c : r.created) if (c.kind == ObjKind::Policy) ++policies;
        for (const auto& op : p.files[i].ops)
            if (op.section == Section::Down && op.kind == OpKind::DropPolicy) explicit_drop = true;
        for (const auto& obj : r.left_behind)
            if (obj.kind == ObjKind::Policy) o.add(checks::at(*obj.op, "down leaves " + obj.describe()));
    }
    if (policies == 0) {
        o.not_applicable = true;
        o.summary = "No policies created in files with a down";
        return o;
    }
    o.summary = explicit_drop ? "DROP POLICY IF EXISTS" : "Dropped with their tables";
    o.fix = checks::code(p, "DROP POLICY IF EXISTS policy_name ON table_name;");
    return o;
}

}  // namespace migsafe
