// The one table of checks, and running them with configuration and suppressions applied.
#pragma once
#include <vector>

#include "analysis/facts.hpp"
#include "model/check.hpp"
#include "model/project.hpp"
#include "util/result.hpp"

namespace migsafe {

const std::vector<CheckInfo>& registry();
const CheckInfo* find_check(std::string_view id);
std::vector<Category> categories();
std::string_view category_title(Category c, Flavour f);  // "Knexfile Configuration" / "Configuration"

struct AuditResult {
    std::vector<CheckResult> checks;       // registry order, disabled ones left out
    std::vector<SuppressedItem> suppressed;
    std::vector<std::string> disabled;     // ids disabled in migsafe.toml
};

// Validates migsafe.toml [checks] ids; runs every enabled check.
Result<AuditResult> run_checks(const Project& project, const Facts& facts);

}  // namespace migsafe
