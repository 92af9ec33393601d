// migration-test: a script or CI step runs up, down and up again on a scratch database.
#include "checks/scripts/script_common.hpp"

namespace migsafe {

Outcome check_migration_test(const Project& p, const Facts&) {
    Outcome o;
    static const std::regex verify(R"(migsafe\s+(.*\s)?verify\b)");
    auto hits = checks::grep_aux(p, {checks::K::PackageJson, checks::K::Makefile, checks::K::Script, checks::K::Ci}, verify);
    if (!hits.empty()) {
        o.add(checks::at_path(hits[0].path, hits[0].line, hits[0].text));
        o.summary = "migsafe verify";
        return o;
    }
    // latest -> rollback --all -> latest in one file.
    // Rolling every migration back: runs each down (dropping the database does not).
    static const std::regex rollback_all(
        R"((rollback\s+--all|migrate:rollback\s+--all|\bdown\s+-all\b|\bdown\s+--all\b|(for|while|until)\b.*\b(rollback|down)\b))",
        std::regex::icase);
    for (const auto& a : p.aux) {
        if (a.kind != checks::K::PackageJson && a.kind != checks::K::Makefile && a.kind != checks::K::Script &&
            a.kind != checks::K::Ci)
            continue;
        int stage = 0, line_found = 0;
        auto lines = checks::grep_aux_lines(p, a);
        for (int line = 1; line <= static_cast<int>(lines.size()); ++line) {
            const std::string& l = lines[line - 1];
            if (stage == 0 && std::regex_search(l, checks::migrate_command_re())) stage = 1;
            else if (stage == 1 && std::regex_search(l, rollback_all)) stage = 2, line_found = line;
            else if (stage == 2 && std::regex_search(l, checks::migrate_command_re())) {
                stage = 3;
                break;
            }
            // one line may hold the whole chain (package.json "a && b && c")
            if (stage < 3 && std::regex_search(l, rollback_all) && std::regex_search(l, checks::migrate_command_re())) {
                auto first = l.find("rollback");
                std::string after = first == std::string::npos ? "" : l.substr(first);
                if (std::regex_search(after, checks::migrate_command_re())) {
                    stage = 3;
                    line_found = line;
                    break;
                }
            }
        }
        if (stage == 3) {
            o.add(checks::at_path(a.path, line_found, "up, rollback --all, up"));
            o.summary = "latest / rollback --all / latest";
            return o;
        }
    }
    o.add(checks::at_path("", 0, "no up/down/up test of the migrations", Weight::Fail));
    o.fix = "Add a migration test to CI:\n```yaml\n- run: migsafe verify .\n```";
    return o;
}

}  // namespace migsafe
