// Test support: run the migsafe binary (argument vector, no shell), audit a folder in-process.
#pragma once
#include <string>
#include <vector>

#include "analysis/facts.hpp"
#include "checks/registry.hpp"
#include "model/project.hpp"

namespace migsafe::test {

struct RunResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// Runs build/migsafe with args in directory cwd; env entries "K=V" are added.
RunResult run_migsafe(const std::vector<std::string>& args, const std::string& cwd = "",
                      const std::vector<std::string>& env = {});

struct InProcess {
    Project project;
    Facts facts;
    AuditResult result;
    std::string error;  // load / config error, if any
    const CheckResult* find(std::string_view id) const;
};
InProcess audit_folder(const std::string& path);

std::string source_dir();
std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& content);
std::vector<std::string> subdirectories(const std::string& path);

}  // namespace migsafe::test
