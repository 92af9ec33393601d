// Golden reports: tests/fixtures/<case>/project/ audited by the binary must print exactly
// tests/fixtures/<case>/golden/report.<ext> for every format. Regenerate after a deliberate
// change with MIGSAFE_UPDATE_GOLDEN=1 ctest -R golden, then review the diff by eye.
//
// Expect markers: a migration line ending in `-- expect: id[, id...]` must carry exactly
// those findings, and no other line may carry any (tests/fixtures/<case>/expect.txt adds
// "path:line id" lines for lines that cannot carry a marker).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <regex>
#include <set>

#include "report/report.hpp"
#include "support.hpp"

namespace migsafe::test {
namespace {

const std::vector<std::pair<std::string, std::string>> kFormats = {
    {"markdown", "md"}, {"json", "json"}, {"text", "txt"}, {"sarif", "sarif"}, {"github", "github"}};

std::string first_difference(const std::string& want, const std::string& got) {
    std::istringstream a(want), b(got);
    std::string la, lb;
    for (int line = 1;; ++line) {
        bool ha = static_cast<bool>(std::getline(a, la)), hb = static_cast<bool>(std::getline(b, lb));
        if (!ha && !hb) return "identical";
        if (la != lb || ha != hb)
            return "line " + std::to_string(line) + ":\n  golden: " + (ha ? la : "<end>") + "\n  actual: " + (hb ? lb : "<end>");
    }
}

class GoldenTest : public ::testing::Test {
public:
    GoldenTest(std::string c, std::string fmt, std::string ext) : case_(std::move(c)), fmt_(std::move(fmt)), ext_(std::move(ext)) {}
    void TestBody() override {
        std::string dir = source_dir() + "/tests/fixtures/" + case_;
        auto r = run_migsafe({"audit", "project", "--service", case_, "--date", "2025-01-01", "--format", fmt_}, dir,
                             {"MIGSAFE_DOCS_URL=https://example.invalid/docs/checks/"});
        ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << "exit " << r.exit_code << ": " << r.err;
        std::string golden = dir + "/golden/report." + ext_;
        if (std::getenv("MIGSAFE_UPDATE_GOLDEN")) {
            write_file(golden, r.out);
            return;
        }
        ASSERT_TRUE(std::filesystem::exists(golden)) << "missing " << golden << " (MIGSAFE_UPDATE_GOLDEN=1 ctest -R golden)";
        std::string want = read_file(golden);
        EXPECT_TRUE(want == r.out) << case_ << " " << fmt_ << " differs from " << golden << " at "
                                   << first_difference(want, r.out) << "\nupdate: MIGSAFE_UPDATE_GOLDEN=1 ctest --test-dir build -R golden";
    }

private:
    std::string case_, fmt_, ext_;
};

class ExpectMarkersTest : public ::testing::Test {
public:
    explicit ExpectMarkersTest(std::string c) : case_(std::move(c)) {}
    void TestBody() override {
        std::string root = source_dir() + "/tests/fixtures/" + case_ + "/project";
        auto a = audit_folder(root);
        ASSERT_TRUE(a.error.empty()) << a.error;
        static const std::regex marker(R"((--|//)\s*expect:\s*([a-z0-9, -]+?)\s*$)");
        std::set<std::string> want, got;
        for (const auto& f : a.project.files) {
            for (const auto* path : {&f.path, &f.down_path}) {
                if (path->empty()) continue;
                const SourceText& src = path == &f.path ? f.source : f.down_source;
                for (int line = 1; line <= src.line_count(); ++line) {
                    std::string l(src.line(line));
                    std::smatch m;
                    if (!std::regex_search(l, m, marker)) continue;
                    std::string ids = m[m.size() - 1].str();
                    std::regex comma(R"(\s*,\s*)");
                    for (std::sregex_token_iterator it(ids.begin(), ids.end(), comma, -1), end; it != end; ++it)
                        if (!it->str().empty()) want.insert(*path + ":" + std::to_string(line) + " " + it->str());
                }
            }
        }
        // Findings on lines that cannot carry a marker (a migsafe:ignore comment): expect.txt,
        // one "path:line id" a line.
        std::string extra_file = source_dir() + "/tests/fixtures/" + case_ + "/expect.txt";
        if (std::filesystem::exists(extra_file)) {
            std::istringstream in(read_file(extra_file));
            std::string line;
            while (std::getline(in, line))
                if (!line.empty() && line[0] != '#') want.insert(line);
        }
        for (const auto& c : a.result.checks)
            for (const auto& e : c.evidence)
                if (e.weight != Weight::Info && e.loc.file >= 0 && e.loc.line > 0)
                    got.insert(report::location(a.project, e) + " " + std::string(c.info->id));
        std::string missing, extra;
        for (const auto& w : want)
            if (!got.count(w)) missing += "  " + w + "\n";
        for (const auto& g : got)
            if (!want.count(g)) extra += "  " + g + "\n";
        EXPECT_TRUE(missing.empty() && extra.empty()) << case_ << ": findings differ from the -- expect: markers\nmissing:\n"
                                                      << missing << "unexpected:\n" << extra;
    }

private:
    std::string case_;
};

struct Registrar {
    Registrar() {
        std::string base = source_dir() + "/tests/fixtures";
        for (const auto& c : subdirectories(base)) {
            if (!std::filesystem::exists(base + "/" + c + "/project")) continue;
            for (const auto& [fmt, ext] : kFormats) {
                std::string name = c + "/" + fmt;
                ::testing::RegisterTest("golden", name.c_str(), nullptr, nullptr, __FILE__, __LINE__,
                                        [=, f = fmt, e = ext]() -> ::testing::Test* { return new GoldenTest(c, f, e); });
            }
            ::testing::RegisterTest("ExpectMarkers", c.c_str(), nullptr, nullptr, __FILE__, __LINE__,
                                    [=]() -> ::testing::Test* { return new ExpectMarkersTest(c); });
        }
    }
} registrar;

}  // namespace
}  // namespace migsafe::test
