// backup-before-migrate: the deploy or migrate path takes a backup first.
#include "checks/common.hpp"

namespace migsafe {

Outcome check_backup_before_migrate(const Project& p, const Facts&) {
    Outcome o;
    static const std::regex backup(
        R"((\bpg_dump\b|\bpg_dumpall\b|\bpg_basebackup\b|create-db-snapshot|create-db-cluster-snapshot|sql backups create|\bpgbackrest\b.*backup|\bwal-g\b.*backup-push|\bbarman\b.*backup))",
        std::regex::icase);
    // A schema-only dump saves no data.
    static const std::regex schema_only(R"((--schema-only|\s-s(\s|$)))");
    std::vector<checks::Hit> rejected;
    for (const auto& a : p.aux) {
        if (a.kind != AuxFile::Kind::PackageJson && a.kind != AuxFile::Kind::Makefile && a.kind != AuxFile::Kind::Script &&
            a.kind != AuxFile::Kind::Ci)
            continue;
        auto lines = checks::grep_aux_lines(p, a);
        int first_migrate = 0;
        for (size_t i = 0; i < lines.size(); ++i) {
            const std::string& l = lines[i];
            int line = static_cast<int>(i) + 1;
            if (std::regex_search(l, backup)) {
                if (std::regex_search(l, schema_only)) {
                    rejected.push_back({a.path, line, l + " (schema only: no data)"});
                } else if (first_migrate && first_migrate < line) {
                    rejected.push_back({a.path, line, l + " (runs after the migration at line " + std::to_string(first_migrate) + ")"});
                } else {
                    o.add(checks::at_path(a.path, line, l));
                    o.summary = a.path + ":" + std::to_string(line);
                    return o;
                }
            }
            if (!first_migrate && std::regex_search(l, checks::migrate_command_re())) first_migrate = line;
        }
    }
    o.add(checks::at_path("", 0, "no pg_dump or snapshot step before migrating", Weight::Fail));
    for (const auto& r : rejected) o.add(checks::at_path(r.path, r.line, r.text));
    o.fix = "Take a backup in the migrate path:\n```make\nmigrate:\n\tpg_dump --format=custom --file=backup-$$(date +%s).dump \"$$DATABASE_URL\"\n"
            "\tmigsafe migrate latest\n```";
    return o;
}

}  // namespace migsafe
