// Report renderers: markdown (the seed's layout), text, json, sarif, github. Same content each.
#pragma once
#include <string>
#include <vector>

#include "analysis/facts.hpp"
#include "checks/registry.hpp"
#include "model/project.hpp"

namespace migsafe::report {

enum class Format { Markdown, Text, Json, Sarif, Github };

struct Audit {
    const Project* project = nullptr;
    const Facts* facts = nullptr;
    const AuditResult* result = nullptr;
};

struct Options {
    std::string date;      // YYYY-MM-DD
    bool color = false;    // text only
    std::string docs_url;  // base for help URIs
};

struct Score {
    int pass = 0, partial = 0, fail = 0, na = 0;
    int applicable() const { return pass + partial + fail; }
    int numerator() const { return pass + partial / 2; }  // PASS + 0.5 x PARTIAL, rounded down
    int percent() const { return applicable() ? (200 * pass + 100 * partial) / (2 * applicable()) : 100; }
    std::string rate() const;  // "73% (22/30 applicable checks)"
};

Score score(const std::vector<CheckResult>& checks);
Score score(const std::vector<CheckResult>& checks, Category c);
std::string location(const Project& p, const Evidence& e);  // "db/x.sql:12" or "package.json:7" or ""
std::string document_name();

std::string render(Format f, const std::vector<Audit>& audits, const Options& o);
std::string render_markdown(const Audit& a, const Options& o);
std::string render_text(const Audit& a, const Options& o);
std::string render_json(const std::vector<Audit>& audits, const Options& o);
std::string render_sarif(const std::vector<Audit>& audits, const Options& o);
std::string render_github(const Audit& a, const Options& o);
std::string render_rollup_markdown(const std::vector<Audit>& audits, const Options& o);

}  // namespace migsafe::report
