#include "checks/scripts/script_common.hpp"

namespace migsafe::checks {

std::vector<Hit> script_hits(const Project& p, const std::regex& re) {
    return grep_aux(p, {K::PackageJson, K::Makefile, K::Script, K::Doc}, re, true);
}

Outcome script_outcome(const Project& p, const std::regex& re, const std::string& missing, const std::string& fix) {
    Outcome o;
    auto hits = script_hits(p, re);
    if (hits.empty()) {
        o.add(at_path("", 0, missing, Weight::Fail));
        o.fix = fix;
        return o;
    }
    for (const auto& h : hits) o.add(at_path(h.path, h.line, h.text, Weight::Info));
    std::smatch m;
    std::regex_search(hits[0].text, m, re);
    o.summary = m[0].str();
    if (o.summary.size() > 40) o.summary = o.summary.substr(0, 40) + "...";
    return o;
}

}  // namespace migsafe::checks
