// up-exists: every migration has a non-empty up part.
#include "checks/common.hpp"

namespace migsafe {

Outcome check_up_exists(const Project& p, const Facts&) {
    Outcome o;
    if (p.files.empty()) {
        o.not_applicable = true;
        o.summary = "No migration files";
        return o;
    }
    for (size_t i = 0; i < p.files.size(); ++i)
        if (!p.files[i].has_up)
            o.add(checks::at_file(p, static_cast<int>(i), 0,
                                  p.layout == Layout::Knex ? (p.files[i].knex.up_found ? "up does nothing" : "no exported up function")
                                  : p.layout == Layout::Dbmate ? "empty or missing '-- migrate:up' section" : "empty up migration"));
    o.summary = checks::plural(static_cast<int>(p.files.size()), "file") + " with an up part";
    if (checks::is_knex(p) && !p.files.empty() && p.files[0].knex.up_found)
        o.summary = "Line " + std::to_string(p.files[0].knex.up_loc.line) + (p.files.size() > 1 ? " (+" + std::to_string(p.files.size() - 1) + " files)" : "");
    o.fix = "Give every migration an up part; delete files that do nothing.";
    return o;
}

}  // namespace migsafe
