// migrations-directory: migrations live where configured, none stray elsewhere.
#include "checks/common.hpp"

namespace migsafe {

Outcome check_migrations_directory(const Project& p, const Facts&) {
    Outcome o;
    std::string dir = p.migrations_dir == "." ? "./" : p.migrations_dir + "/";
    if (!p.migrations_dir_exists) {
        o.add(checks::at_path(p.config.path, 0, "configured directory " + dir + " does not exist", Weight::Fail));
        return o;
    }
    for (const auto& s : p.stray_migrations)
        o.add(checks::at_path(s, 0, s + " is outside " + dir, Weight::Partial));
    if (p.files.empty() && p.stray_migrations.empty()) {
        o.not_applicable = true;
        o.summary = "No migration files found";
        return o;
    }
    o.summary = dir;
    o.fix = "Move or delete migration files outside `" + dir + "` (archived copies confuse runners and reviewers).";
    return o;
}

}  // namespace migsafe
