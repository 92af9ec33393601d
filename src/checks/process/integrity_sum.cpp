// integrity-sum: migsafe.sum records every migration, and none changed since.
#include "checks/common.hpp"

namespace migsafe {

Outcome check_integrity_sum(const Project& p, const Facts&) {
    Outcome o;
    if (p.files.empty()) {
        o.not_applicable = true;
        o.summary = "No migration files";
        return o;
    }
    if (p.sum_path.empty()) {
        o.add(checks::at_path("", 0, "no migsafe.sum: edits to applied migrations go unnoticed", Weight::Partial));
        o.fix = "Record checksums and commit them:\n```sh\nmigsafe sum " + std::string(".") + "\n```";
        return o;
    }
    for (const auto& [path, sum] : p.actual_sums) {
        auto it = p.recorded_sums.find(path);
        if (it == p.recorded_sums.end())
            o.add(checks::at_path(path, 0, path + " is not recorded in migsafe.sum", Weight::Fail));
        else if (it->second != sum)
            o.add(checks::at_path(path, 0, path + " differs from its recorded checksum (edited after it was recorded)", Weight::Fail));
    }
    for (const auto& [path, sum] : p.recorded_sums)
        if (!p.actual_sums.count(path))
            o.add(checks::at_path("migsafe.sum", 0, path + " is recorded but missing on disk", Weight::Fail));
    o.summary = "migsafe.sum matches " + checks::plural(static_cast<int>(p.actual_sums.size()), "file");
    o.fix = "Restore the edited migration (write a new one for the change), then `migsafe sum .` for new files only.";
    return o;
}

}  // namespace migsafe
