// Child processes: arguments as a vector (never a shell), optionally as another user.
#pragma once
#include <string>
#include <vector>

#include "util/result.hpp"

namespace migsafe {

struct ProcessOptions {
    std::string run_as;                 // user name; only honoured when running as root
    std::vector<std::string> env;       // "K=V" added to the environment
    bool capture = true;                // collect stdout+stderr
};

struct ProcessResult {
    int exit_code = -1;
    std::string output;
};

Result<ProcessResult> run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});
// uid/gid of a system user, for chown of folders a child running as that user writes.
Result<std::pair<unsigned, unsigned>> user_ids(const std::string& user);

}  // namespace migsafe
