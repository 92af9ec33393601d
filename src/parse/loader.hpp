// Reads a project folder: configuration, layout, migration files (parsed in parallel), aux files.
#pragma once
#include <string>

#include "model/project.hpp"
#include "util/result.hpp"

namespace migsafe {

struct LoadOptions {
    std::string service;  // --service
    int threads = 0;      // 0 = hardware concurrency
    std::string config;   // --config: a migsafe.toml elsewhere than PATH/migsafe.toml
};

Result<Project> load_project(const std::string& root, const LoadOptions& options);

}  // namespace migsafe
