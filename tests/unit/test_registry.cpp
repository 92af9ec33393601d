// Meta-tests: every registered check has a doc page and per-status test folders.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "checks/registry.hpp"
#include "support.hpp"

namespace migsafe::test {

TEST(Registry, IdsAreUniqueAndKebabCase) {
    std::set<std::string_view> seen;
    for (const auto& c : registry()) {
        EXPECT_TRUE(seen.insert(c.id).second) << c.id;
        for (char ch : c.id) EXPECT_TRUE((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-') << c.id;
        EXPECT_FALSE(c.title.empty()) << c.id;
        EXPECT_FALSE(c.short_issue.empty()) << c.id;
    }
}

TEST(Registry, EveryCheckHasADocPage) {
    for (const auto& c : registry()) {
        std::string page = source_dir() + "/docs/checks/" + std::string(c.id) + ".md";
        EXPECT_TRUE(std::filesystem::exists(page)) << "missing " << page;
        if (!std::filesystem::exists(page)) continue;
        std::string text = read_file(page);
        for (const char* section : {"## What it checks", "## Why it matters", "## Bad", "## Good", "## Suppress"})
            EXPECT_NE(text.find(section), std::string::npos) << page << " lacks " << section;
    }
}

TEST(Registry, EveryCheckHasStatusTests) {
    for (const auto& c : registry()) {
        std::string dir = source_dir() + "/tests/checks/" + std::string(c.id);
        auto statuses = subdirectories(dir);
        // knex-only checks give N/A on SQL projects until the knex front end lands.
        // pool-configured reads a knexfile pool; on SQL projects it is always N/A.
        size_t needed = c.knex_only || c.id == "pool-configured" ? 1 : 2;
        EXPECT_GE(statuses.size(), needed) << c.id << " needs tests for each status it can give (" << dir << ")";
    }
}

}  // namespace migsafe::test
