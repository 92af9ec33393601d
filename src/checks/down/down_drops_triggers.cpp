// down-drops-triggers: triggers are dropped before the functions they execute.
#include "analysis/reversal.hpp"
#include "checks/common.hpp"

namespace migsafe {

Outcome check_down_drops_triggers(const Project& p, const Facts& facts) {
    Outcome o;
    int triggers = 0;
    for (size_t i = 0; i < p.files.size(); ++i) {
        auto r = reversal_of(p, facts, static_cast<int>(i));
        if (!r.applicable) continue;
        for (const auto& c : r.created) triggers += c.kind == ObjKind::Trigger;
        for (const auto& bad : functions_dropped_before_triggers(p, static_cast<int>(i)))
            o.add(checks::at(*bad.drop_function, "DROP FUNCTION " + bad.drop_function->name + " runs while trigger " +
                                                     bad.trigger->name + " on " + bad.trigger->table + " still uses it"));
        for (const auto& obj : r.left_behind)
            if (obj.kind == ObjKind::Trigger) o.add(checks::at(*obj.op, "down never drops " + obj.describe()));
    }
    if (triggers == 0) {
        o.not_applicable = true;
        o.summary = "No triggers created in files with a down";
        return o;
    }
    o.summary = "Before functions";
    o.fix = checks::code(p, "DROP TRIGGER IF EXISTS trigger_name ON table_name;\nDROP FUNCTION IF EXISTS function_name();");
    return o;
}

}  // namespace migsafe
