// down-drops-functions: functions up creates are dropped in down.
#include "analysis/reversal.hpp"
#include "checks/common.hpp"

namespace migsafe {

Outcome check_down_drops_functions(const Project& p, const Facts& facts) {
    Outcome o;
    int functions = 0;
    for (size_t i = 0; i < p.files.size(); ++i) {
        auto r = reversal_of(p, facts, static_cast<int>(i));
        if (!r.applicable) continue;
        for (const auto& c : r.created) if (c.kind == ObjKind::Function) ++functions;
        for (const auto& obj : r.left_behind)
            if (obj.kind == ObjKind::Function) o.add(checks::at(*obj.op, "down leaves " + obj.describe()));
        for (const auto& bad : functions_dropped_before_triggers(p, static_cast<int>(i)))
            o.add(checks::at(*bad.drop_function, "DROP FUNCTION " + bad.drop_function->name + " comes before DROP TRIGGER " +
                                                     bad.trigger->name + " (fails: the trigger depends on it)"));
    }
    if (functions == 0) {
        o.not_applicable = true;
        o.summary = "No functions created in files with a down";
        return o;
    }
    o.summary = "After triggers";
    o.fix = checks::code(p, "DROP FUNCTION IF EXISTS function_name();");
    return o;
}

}  // namespace migsafe
