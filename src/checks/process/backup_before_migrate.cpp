// backup-before-migrate: the deploy or migrate path takes a backup first.
#include "checks/common.hpp"

namespace migsafe {

Outcome check_backup_before_migrate(const Project& p, const Facts&) {
    Outcome o;
    static const std::regex re(
        R"((\bpg_dump\b|\bpg_basebackup\b|create-db-snapshot|create-db-cluster-snapshot|sql backups create|\bpgbackrest\b.*backup|\bwal-g\b.*backup-push|\bbarman\b.*backup))",
        std::regex::icase);
    auto hits = checks::grep_aux(p, {AuxFile::Kind::PackageJson, AuxFile::Kind::Makefile, AuxFile::Kind::Script, AuxFile::Kind::Ci}, re);
    if (hits.empty()) {
        o.add(checks::at_path("", 0, "no pg_dump or snapshot step before migrating", Weight::Fail));
        o.fix = "Take a backup in the migrate path:\n```make\nmigrate:\n\tpg_dump --format=custom --file=backup-$$(date +%s).dump \"$$DATABASE_URL\"\n"
                "\tmigsafe migrate latest\n```";
        return o;
    }
    o.add(checks::at_path(hits[0].path, hits[0].line, hits[0].text));
    o.summary = hits[0].path + ":" + std::to_string(hits[0].line);
    return o;
}

}  // namespace migsafe
