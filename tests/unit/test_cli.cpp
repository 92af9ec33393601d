// The command line as a user sees it: exit codes, one-line errors, formats, dates, colour.
#include <gtest/gtest.h>

#include <filesystem>

#include "support.hpp"

namespace migsafe::test {
namespace {

std::string fixture(const std::string& name) { return source_dir() + "/tests/fixtures/" + name + "/project"; }

std::string temp_project(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / ("migsafe-cli-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "db/migrations");
    return dir.string();
}

}  // namespace

TEST(Cli, CleanProjectExitsZero) {
    auto r = run_migsafe({"audit", fixture("clean-dbmate"), "--format", "text"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("pass rate 100% (36/36 applicable checks)"), std::string::npos) << r.out;
}

TEST(Cli, FindingsAtOrAboveFailOnExitOne) {
    auto r = run_migsafe({"audit", fixture("risky-dbmate"), "--format", "text"});
    EXPECT_EQ(r.exit_code, 1);
    auto none = run_migsafe({"audit", fixture("risky-dbmate"), "--format", "text", "--fail-on", "none"});
    EXPECT_EQ(none.exit_code, 0);
}

TEST(Cli, FailOnLowCatchesLowFindings) {
    // clean-dbmate has none; flyway has LOW timestamp-prefix but also HIGH ones: use a
    // project whose worst finding is LOW.
    auto dir = temp_project("low");
    write_file(dir + "/db/migrations/20240101000000_create_notes.sql",
               "-- migrate:up\nCREATE TABLE notes (id uuid PRIMARY KEY, body json);\n-- migrate:down\nDROP TABLE notes;\n");
    EXPECT_EQ(run_migsafe({"audit", dir, "--format", "json", "--fail-on", "critical"}).exit_code, 0);
    EXPECT_EQ(run_migsafe({"audit", dir, "--format", "json", "--fail-on", "low"}).exit_code, 1);
    std::filesystem::remove_all(dir);
}

TEST(Cli, MissingPathIsExitTwoWithOneLine) {
    auto r = run_migsafe({"audit", "/nonexistent/svc"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "migsafe: error: /nonexistent/svc: no such directory\n");
    EXPECT_TRUE(r.out.empty());
}

TEST(Cli, BadConfigNamesFileAndLine) {
    auto dir = temp_project("badcfg");
    write_file(dir + "/migsafe.toml", "service = \"x\"\nlock_timout = \"5s\"\n");
    auto r = run_migsafe({"audit", dir});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "migsafe: error: " + dir + "/migsafe.toml:2: unknown key 'lock_timout'\n");
    write_file(dir + "/migsafe.toml", "[checks]\nno-such-check = \"off\"\n");
    r = run_migsafe({"audit", dir});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("migsafe.toml:2: unknown check 'no-such-check'"), std::string::npos) << r.err;
    write_file(dir + "/migsafe.toml", "pg_version = [\n");
    r = run_migsafe({"audit", dir});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("migsafe.toml:"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    std::filesystem::remove_all(dir);
}

TEST(Cli, UnknownFormatAndBadDateAreUsageErrors) {
    EXPECT_EQ(run_migsafe({"audit", fixture("clean-dbmate"), "--format", "xml"}).exit_code, 2);
    auto r = run_migsafe({"audit", fixture("clean-dbmate"), "--date", "yesterday"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--date must be YYYY-MM-DD"), std::string::npos);
    EXPECT_EQ(run_migsafe({"audit"}).exit_code, 2);
}

TEST(Cli, DateFromSourceDateEpoch) {
    auto r = run_migsafe({"audit", fixture("clean-dbmate"), "--format", "markdown"}, "", {"SOURCE_DATE_EPOCH=1700000000"});
    EXPECT_NE(r.out.find("**Date:** 2023-11-14"), std::string::npos);
}

TEST(Cli, NoColourWhenNotATerminal) {
    auto r = run_migsafe({"audit", fixture("risky-dbmate"), "--format", "text"});
    EXPECT_EQ(r.out.find("\033["), std::string::npos);
}

TEST(Cli, OutputFileIsWrittenWholeAndNothingOnError) {
    auto dir = temp_project("out");
    std::string out = dir + "/report.md";
    auto r = run_migsafe({"audit", fixture("clean-dbmate"), "-o", out, "--format", "markdown"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(read_file(out).find("## Remediation Priority"), std::string::npos);
    std::string bad = dir + "/bad.md";
    r = run_migsafe({"audit", "/nonexistent", "-o", bad});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_FALSE(std::filesystem::exists(bad));
    EXPECT_FALSE(std::filesystem::exists(bad + ".tmp"));
    std::filesystem::remove_all(dir);
}

TEST(Cli, SeveralProjectsGiveARollUp) {
    auto r = run_migsafe({"audit", fixture("clean-dbmate"), fixture("risky-dbmate"), "--format", "markdown"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.out.find("| Service | Pass Rate | CRITICAL | HIGH | MEDIUM | LOW |"), std::string::npos);
    EXPECT_NE(r.out.find("# Project - Database Migrations Audit"), std::string::npos);
}

TEST(Cli, ConfigFlagNamesTheConfiguration) {
    auto r = run_migsafe({"status", fixture("clean-dbmate"), "--config", "/nonexistent/migsafe.toml"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "migsafe: error: /nonexistent/migsafe.toml: no such configuration file\n");
    // A connection failure is one line, whatever libpq says.
    auto dir = temp_project("cfg");
    write_file(dir + "/elsewhere.toml", "[development]\nurl = \"postgresql://app:pw@/db?host=/nonexistent-dir\"\n");
    r = run_migsafe({"migrate", "latest", dir, "--config", dir + "/elsewhere.toml"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(r.err.find(":pw@"), std::string::npos) << r.err;
    std::filesystem::remove_all(dir);
}

TEST(Cli, ChecksListsEveryId) {
    auto r = run_migsafe({"checks"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("lock-timeout"), std::string::npos);
    EXPECT_NE(r.out.find("concurrently-outside-transaction"), std::string::npos);
}

TEST(Cli, SumThenEditFailsIntegrity) {
    auto dir = temp_project("sum");
    std::string f = dir + "/db/migrations/20240101000000_create_notes.sql";
    write_file(f, "-- migrate:up\nCREATE TABLE notes (id uuid PRIMARY KEY);\n-- migrate:down\nDROP TABLE notes;\n");
    EXPECT_EQ(run_migsafe({"sum", dir}).exit_code, 0);
    auto r = run_migsafe({"audit", dir, "--format", "json", "--fail-on", "none"});
    EXPECT_NE(r.out.find("\"summary\": \"migsafe.sum matches 1 file\""), std::string::npos) << r.out.substr(0, 200);
    write_file(f, "-- migrate:up\nCREATE TABLE notes (id uuid PRIMARY KEY, body text);\n-- migrate:down\nDROP TABLE notes;\n");
    r = run_migsafe({"audit", dir, "--format", "text", "--fail-on", "none"});
    EXPECT_NE(r.out.find("integrity-sum db/migrations/20240101000000_create_notes.sql differs from its recorded checksum"),
              std::string::npos)
        << r.out;
    std::filesystem::remove_all(dir);
}

}  // namespace migsafe::test
