// Every tests/checks/<id>/<status>/ folder is a small project on which check <id> must give
// <status> (pass, partial, fail, na). An optional expect.txt lists substrings, one a line,
// that must each appear in the check's evidence ("file:line message").
#include <gtest/gtest.h>

#include <filesystem>

#include "report/report.hpp"
#include "support.hpp"

namespace migsafe::test {
namespace {

// "pass", or "pass-<variant>" for a second project giving the same status.
std::optional<Status> status_of_dir(const std::string& name) {
    std::string d = name.substr(0, name.find('-'));
    if (d == "pass") return Status::Pass;
    if (d == "partial") return Status::Partial;
    if (d == "fail") return Status::Fail;
    if (d == "na") return Status::NotApplicable;
    return std::nullopt;
}

class CheckStatusTest : public ::testing::Test {
public:
    CheckStatusTest(std::string id, std::string dir) : id_(std::move(id)), dir_(std::move(dir)) {}
    void TestBody() override {
        std::string root = source_dir() + "/tests/checks/" + id_ + "/" + dir_;
        auto expected = status_of_dir(dir_);
        ASSERT_TRUE(expected) << "folder name must be pass, partial, fail or na (optionally -<variant>): " << root;
        auto a = audit_folder(root);
        ASSERT_TRUE(a.error.empty()) << a.error;
        const CheckResult* r = a.find(id_);
        ASSERT_NE(r, nullptr) << "check " << id_ << " did not run";
        std::string evidence;
        for (const auto& e : r->evidence) evidence += report::location(a.project, e) + " " + e.message + "\n";
        EXPECT_EQ(to_string(r->status), to_string(*expected)) << "summary: " << r->summary << "\nevidence:\n" << evidence;
        std::string expect_file = root + "/expect.txt";
        if (std::filesystem::exists(expect_file)) {
            std::istringstream in(read_file(expect_file));
            std::string line;
            while (std::getline(in, line)) {
                if (line.empty() || line[0] == '#') continue;
                EXPECT_NE((evidence + r->summary).find(line), std::string::npos)
                    << "expected '" << line << "' in evidence of " << id_ << ":\n" << evidence << "summary: " << r->summary;
            }
        }
    }

private:
    std::string id_, dir_;
};

struct Registrar {
    Registrar() {
        std::string base = source_dir() + "/tests/checks";
        for (const auto& id : subdirectories(base))
            for (const auto& dir : subdirectories(base + "/" + id)) {
                std::string name = id + "/" + dir;
                ::testing::RegisterTest("CheckStatus", name.c_str(), nullptr, nullptr, __FILE__, __LINE__,
                                        [=]() -> ::testing::Test* { return new CheckStatusTest(id, dir); });
            }
    }
} registrar;

}  // namespace
}  // namespace migsafe::test
