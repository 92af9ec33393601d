// syntax-error: every migration parses with PostgreSQL's own parser.
#include "checks/common.hpp"

namespace migsafe {

Outcome check_syntax_error(const Project& p, const Facts&) {
    Outcome o;
    if (p.files.empty()) {
        o.not_applicable = true;
        o.summary = "No migration files";
        return o;
    }
    for (const auto& f : p.files)
        for (const auto& e : f.errors) {
            Evidence ev;
            ev.loc = e.loc;
            ev.message = e.message;
            ev.weight = Weight::Fail;
            o.add(ev);
        }
    o.summary = p.files.size() == 1 ? "The file parses" : "All " + std::to_string(p.files.size()) + " files parse";
    o.fix = "Fix the syntax error at the reported line; the statement fails at deploy time.";
    return o;
}

}  // namespace migsafe
