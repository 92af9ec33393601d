// SARIF 2.1.0 for code-scanning UIs: one rule per check, with help text and a help URI.
#include <nlohmann/json.hpp>

#include "checks/common.hpp"
#include "report/report.hpp"

namespace migsafe::report {

std::string render_sarif(const std::vector<Audit>& audits, const Options& o) {
    using J = nlohmann::ordered_json;
    J rules = J::array();
    for (const auto& c : registry()) {
        J r;
        r["id"] = std::string(c.id);
        r["name"] = std::string(c.title);
        r["shortDescription"] = {{"text", std::string(c.title)}};
        r["fullDescription"] = {{"text", std::string(c.short_issue)}};
        r["helpUri"] = o.docs_url + std::string(c.id) + ".md";
        r["help"] = {{"text", "See " + o.docs_url + std::string(c.id) + ".md"},
                     {"markdown", "[" + std::string(c.id) + "](" + o.docs_url + std::string(c.id) + ".md)"}};
        const char* level = c.severity >= Severity::High ? "error" : c.severity == Severity::Medium ? "warning" : "note";
        r["defaultConfiguration"] = {{"level", level}};
        r["properties"] = {{"category", std::string(to_string(c.category))}, {"severity", std::string(to_string(c.severity))}};
        rules.push_back(r);
    }
    J results = J::array();
    for (const auto& a : audits) {
        const Project& p = *a.project;
        std::string root = p.root;
        while (root.size() > 1 && root.back() == '/') root.pop_back();
        for (const auto& c : a.result->checks) {
            if (c.status != Status::Fail && c.status != Status::Partial) continue;
            for (const auto& e : c.evidence) {
                if (e.weight == Weight::Info) continue;
                Severity s = e.weight == Weight::Partial ? one_lower(c.severity) : c.severity;
                J res;
                res["ruleId"] = std::string(c.info->id);
                res["level"] = s >= Severity::High ? "error" : s == Severity::Medium ? "warning" : "note";
                res["message"] = {{"text", e.message}};
                std::string file = e.loc.file >= 0 ? checks::file_name(p, e.loc) : e.path;
                if (file.empty()) file = p.migrations_dir;
                J phys;
                phys["artifactLocation"] = {{"uri", root == "." ? file : root + "/" + file}};
                if (e.loc.line > 0) {
                    J region;
                    region["startLine"] = e.loc.line;
                    if (e.loc.column > 0) region["startColumn"] = e.loc.column;
                    phys["region"] = region;
                }
                res["locations"] = J::array({{{"physicalLocation", phys}}});
                res["properties"] = {{"service", p.name}, {"severity", std::string(to_string(s))}};
                results.push_back(res);
            }
        }
    }
    J run;
    run["tool"] = {{"driver",
                    {{"name", "migsafe"},
                     {"version", MIGSAFE_VERSION},
                     {"informationUri", o.docs_url},
                     {"rules", rules}}}};
    run["results"] = results;
    J root;
    root["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    root["version"] = "2.1.0";
    root["runs"] = J::array({run});
    return root.dump(2, ' ', false, J::error_handler_t::replace) + "\n";
}

}  // namespace migsafe::report
