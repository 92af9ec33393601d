// Shared by the script checks: where a project keeps commands it runs by hand.
#pragma once
#include "checks/common.hpp"

namespace migsafe::checks {

using K = AuxFile::Kind;
// package.json, Makefile/justfile/Taskfile, scripts/*.sh, and commands documented in docs.
std::vector<Hit> script_hits(const Project& p, const std::regex& re);
Outcome script_outcome(const Project& p, const std::regex& re, const std::string& missing, const std::string& fix);

}  // namespace migsafe::checks
