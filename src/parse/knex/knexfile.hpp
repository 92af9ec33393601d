// knexfile.{ts,js,cjs,mjs} -> Config: environments with connection values normalised to
// migsafe.toml's form (process.env.X || 'v' -> ${X:-v}), pool, migrations table/directory, SSL.
#pragma once
#include <string>

#include "model/project.hpp"

namespace migsafe::knex {

Config read_knexfile(const std::string& text, const std::string& path);

}  // namespace migsafe::knex
