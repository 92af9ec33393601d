// ci-runs-migrations: CI applies the migrations to a real database.
#include "checks/common.hpp"

namespace migsafe {

Outcome check_ci_runs_migrations(const Project& p, const Facts&) {
    Outcome o;
    static const std::regex verify(R"(migsafe\s+(.*\s)?verify\b)");
    auto hits = checks::grep_aux(p, {AuxFile::Kind::Ci}, checks::migrate_command_re());
    auto v = checks::grep_aux(p, {AuxFile::Kind::Ci}, verify);
    hits.insert(hits.end(), v.begin(), v.end());
    if (hits.empty()) {
        bool any_ci = false;
        for (const auto& a : p.aux) any_ci = any_ci || a.kind == AuxFile::Kind::Ci;
        o.add(checks::at_path("", 0, any_ci ? "CI never applies the migrations" : "no CI configuration found", Weight::Fail));
        o.fix = "Apply the migrations to a PostgreSQL service in CI:\n```yaml\nservices:\n  postgres:\n    image: postgres:15\n"
                "steps:\n  - run: migsafe migrate latest --env test\n```";
        return o;
    }
    o.add(checks::at_path(hits[0].path, hits[0].line, hits[0].text));
    o.summary = hits[0].path + ":" + std::to_string(hits[0].line);
    return o;
}

}  // namespace migsafe
