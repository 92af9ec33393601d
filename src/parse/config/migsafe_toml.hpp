#pragma once
#include <string>

#include "model/project.hpp"
#include "util/result.hpp"

namespace migsafe::config {

// Parses migsafe.toml text; `path` is used in error messages ("migsafe.toml:12: unknown key 'x'").
Result<Config> parse_migsafe_toml(const std::string& text, const std::string& path);

// Expands ${VAR} and ${VAR:-default} from the process environment.
std::string expand_env(const std::string& value);
// Replaces the password in a URL or key=value connection string with ***.
std::string mask_connection_string(const std::string& value);

}  // namespace migsafe::config
