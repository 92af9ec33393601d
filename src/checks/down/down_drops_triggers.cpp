// down-drops-triggers: triggers are dropped before the functions they execute.
#include "checks/common.hpp"

namespace migsafe {

Outcome check_down_drops_triggers(const Project& p, const Facts&) {
    Outcome o;
    int triggers = 0;
    for (size_t i = 0; i < p.files.size(); ++i) {
        const auto& f = p.files[i];
        if (!f.has_down) continue;
        for (const auto& up : f.ops) {
            if (up.section != Section::Up || up.kind != OpKind::CreateTrigger) continue;
            ++triggers;
            std::string fn = up.trigger_function;
            auto dot = fn.rfind('.');
            if (dot != std::string::npos) fn = fn.substr(dot + 1);
            bool trigger_gone = false, reported = false;
            for (const auto& op : f.ops) {
                if (op.section != Section::Down) continue;
                if ((op.kind == OpKind::DropTrigger && op.name == up.name && op.table == up.table) ||
                    (op.kind == OpKind::DropTable && op.table == up.table))
                    trigger_gone = true;
                std::string dropped = op.name;
                auto d = dropped.rfind('.');
                if (d != std::string::npos) dropped = dropped.substr(d + 1);
                if (op.kind == OpKind::DropFunction && dropped == fn) {
                    if (op.cascade) trigger_gone = true;
                    if (!trigger_gone && !reported) {
                        o.add(checks::at(op, "DROP FUNCTION " + fn + " runs while trigger " + up.name + " on " + up.table +
                                                 " still uses it"));
                        reported = true;
                    }
                }
            }
            if (!trigger_gone && !reported) o.add(checks::at(up, "down never drops trigger " + up.name + " on " + up.table));
        }
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
