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
                                  p.layout == Layout::Dbmate ? "empty or missing '-- migrate:up' section" : "empty up migration"));
    o.summary = checks::plural(static_cast<int>(p.files.size()), "file") + " with an up part";
    o.fix = "Give every migration an up part; delete files that do nothing.";
    return o;
}

}  // namespace migsafe
