// timestamp-prefix: files start with a 14-digit UTC timestamp YYYYMMDDHHMMSS.
#include <map>

#include "checks/common.hpp"

namespace migsafe {
namespace {

bool is_timestamp(const std::string& v) {
    if (v.size() != 14) return false;
    for (char c : v)
        if (c < '0' || c > '9') return false;
    int month = std::stoi(v.substr(4, 2)), day = std::stoi(v.substr(6, 2));
    int hour = std::stoi(v.substr(8, 2)), minute = std::stoi(v.substr(10, 2)), second = std::stoi(v.substr(12, 2));
    int year = std::stoi(v.substr(0, 4));
    return year >= 1990 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60 && second < 61;
}

}  // namespace

Outcome check_timestamp_prefix(const Project& p, const Facts&) {
    Outcome o;
    std::map<std::string, std::vector<int>> by_prefix;
    int timestamped = 0, considered = 0;
    std::vector<int> sequential;
    for (size_t i = 0; i < p.files.size(); ++i) {
        const auto& f = p.files[i];
        if (f.prefix == "R") continue;  // Flyway repeatable migrations carry no version
        ++considered;
        std::string v = f.prefix;
        if (!v.empty() && v[0] == 'V') v.erase(0, 1);
        if (v.empty()) {
            o.add(checks::at_file(p, static_cast<int>(i), 0, f.path + ": no ordering prefix"));
            continue;
        }
        by_prefix[v].push_back(static_cast<int>(i));
        if (is_timestamp(v)) ++timestamped;
        else sequential.push_back(static_cast<int>(i));
    }
    if (considered == 0) {
        o.not_applicable = true;
        o.summary = "No versioned migration files";
        return o;
    }
    for (const auto& [v, files] : by_prefix)
        if (files.size() > 1)
            for (size_t k = 1; k < files.size(); ++k)
                o.add(checks::at_file(p, files[k], 0,
                                      p.files[files[k]].path + " shares prefix " + v + " with " + p.files[files[0]].path));
    for (int i : sequential)
        o.add(checks::at_file(p, i, 0, p.files[i].prefix + "_ sequential, not timestamp", Weight::Partial));
    o.summary = std::to_string(timestamped) + "/" + std::to_string(considered) + " files timestamped (YYYYMMDDHHMMSS_)";
    o.fix = "Name new migrations with a UTC timestamp so branches never collide:\n" +
            checks::code(p, "-- " + std::string(p.flavour == Flavour::Knex ? "" : "migsafe make add_feature  ->  ") +
                                "20241223000000_add_feature.sql",
                         "// 20241223000000_add_feature.ts");
    return o;
}

}  // namespace migsafe
