// descriptive-name: the part after the prefix names the change in two or more words.
#include <set>

#include "checks/common.hpp"

namespace migsafe {

Outcome check_descriptive_name(const Project& p, const Facts&) {
    static const std::set<std::string> vague = {"update", "fix", "changes", "change", "misc", "temp", "tmp", "new",
                                                "migration", "migrations", "test", "wip", "stuff", "initial", "init"};
    Outcome o;
    if (p.files.empty()) {
        o.not_applicable = true;
        o.summary = "No migration files";
        return o;
    }
    std::vector<std::string> good;
    for (size_t i = 0; i < p.files.size(); ++i) {
        const auto& f = p.files[i];
        std::vector<std::string> words;
        std::string cur;
        for (char c : f.name + "_") {
            if (std::isalnum(static_cast<unsigned char>(c))) cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            else if (!cur.empty()) {
                bool number = cur.find_first_not_of("0123456789") == std::string::npos;
                if (!number) words.push_back(cur);
                cur.clear();
            }
        }
        bool all_vague = true;
        for (const auto& w : words)
            if (!vague.count(w)) all_vague = false;
        if (words.size() < 2 || all_vague)
            o.add(checks::at_file(p, static_cast<int>(i), 0, "'" + f.name + "' does not say what changes"));
        else
            good.push_back(f.name);
    }
    o.summary = checks::list_some(good, 2);
    o.fix = "Name each file after its change, e.g. `add_refund_status_to_refunds`, not `update` or `fix`.";
    return o;
}

}  // namespace migsafe
