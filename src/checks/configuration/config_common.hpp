// Shared by the configuration checks: environments of migsafe.toml (knexfile: issue 4).
#pragma once
#include <initializer_list>
#include <string>

#include "checks/common.hpp"

namespace migsafe::checks {

const EnvConfig* environment(const Project& p, std::initializer_list<const char*> names);
// N/A outcome for projects without configuration the audit can read.
bool no_config(const Project& p, Outcome& o);
bool from_env(const std::string& value);  // "${VAR}" somewhere in it
// The literal fallback inside ${VAR:-fallback}, or the literal itself; empty when none.
std::string literal_part(const std::string& value);
std::string password_in_url(const std::string& url);  // "user:secret@" -> "secret"
std::string env_where(const Project& p, const EnvConfig& env, const std::string& key);
// A remediation snippet in the project's configuration language: migsafe.toml or the knexfile.
std::string config_snippet(const Project& p, const std::string& toml, const std::string& knexfile);

}  // namespace migsafe::checks
