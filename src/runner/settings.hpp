// The runner's settings for one environment: migsafe.toml [env] (with ${VAR} expansion),
// MIGSAFE_ENV / --env, DATABASE_URL winning when set.
#pragma once
#include <string>

#include "model/project.hpp"
#include "util/result.hpp"

namespace migsafe::runner {

struct Settings {
    std::string env = "development";
    std::string conninfo;            // URL or key=value, never printed unmasked
    std::string table = "migsafe_migrations";
    std::string schema = "public";
    std::string lock_timeout = "5s";
    std::string statement_timeout;   // empty: the server's
    int retries = 3;                 // on lock_timeout
    int backoff_ms = 2000;           // doubled after each retry
    int lock_wait_ms = 60000;        // waiting for another runner
};

Result<Settings> resolve_settings(const Config& cfg, const std::string& env_flag);

}  // namespace migsafe::runner
