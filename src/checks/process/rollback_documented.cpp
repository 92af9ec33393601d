// rollback-documented: docs describe how to roll back.
#include "checks/common.hpp"

namespace migsafe {

Outcome check_rollback_documented(const Project& p, const Facts&) {
    Outcome o;
    static const std::regex re(R"(\b(roll[ -]?back|rolling back|revert(ing)? (a |the )?migration))", std::regex::icase);
    auto hits = checks::grep_aux(p, {AuxFile::Kind::Doc}, re);
    if (hits.empty()) {
        o.add(checks::at_path("", 0, "no README, MIGRATIONS.md, RUNBOOK or docs/ page explains a rollback", Weight::Fail));
        o.fix = "Document rollback procedures (a RUNBOOK.md section: the command, when to use it, what it cannot undo).";
        return o;
    }
    o.add(checks::at_path(hits[0].path, hits[0].line, hits[0].text));
    o.summary = hits[0].path + ":" + std::to_string(hits[0].line);
    return o;
}

}  // namespace migsafe
