// What a check returns, and the registry row that describes it.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "model/enums.hpp"
#include "model/operation.hpp"

namespace migsafe {

// How one evidence item weighs on the status: Info items explain a PASS or N/A.
enum class Weight { Info, Partial, Fail };

struct Evidence {
    Location loc;          // loc.file == -1: project level (or a path in `path`)
    std::string path;      // a non-migration file (knexfile, package.json, CI...) when loc.file == -1
    std::string message;
    Weight weight = Weight::Info;
    LockMode lock = LockMode::None;  // when the evidence is about a lock
};

struct Outcome {
    bool not_applicable = false;
    std::string summary;   // short cell text for PASS / N/A ("src/migrations/", "Line 21")
    std::vector<Evidence> evidence;
    std::string fix;       // remediation: markdown with a code block in the project's flavour

    void add(Evidence e) { evidence.push_back(std::move(e)); }
};

struct Project;
struct Facts;
using CheckFn = Outcome (*)(const Project&, const Facts&);

struct CheckInfo {
    std::string_view id;
    Category category;
    Severity severity;
    std::string_view title;        // short, as in the seed's tables ("Lock timeout")
    std::string_view short_issue;  // Summary table phrase on failure ("No lock_timeout")
    bool knex_only;
    CheckFn fn;
    std::string_view strength;     // Strengths bullet when it passes ("" = not worth a bullet)
    std::string_view knex_title = {};  // title in knex projects, when it differs (the seed's wording)
    std::string_view title_for(Flavour f) const { return f == Flavour::Knex && !knex_title.empty() ? knex_title : title; }
};

struct SuppressedItem {
    std::string check_id;
    std::string file;
    int line = 0;
    std::string reason;
    std::string message;
};

struct CheckResult {
    const CheckInfo* info = nullptr;
    Severity severity = Severity::Medium;  // configured severity (before PARTIAL lowering)
    Status status = Status::NotApplicable;
    std::string summary;
    std::vector<Evidence> evidence;        // after suppression
    std::string fix;
    bool disabled = false;

    Severity effective_severity() const {
        return status == Status::Partial ? one_lower(severity) : severity;
    }
};

}  // namespace migsafe
