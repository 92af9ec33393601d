// Knex migrations (TypeScript / JavaScript) -> the same Operations as SQL.
#pragma once
#include "model/project.hpp"
#include "parse/sql/pg_query.hpp"

namespace migsafe::knex {

// Fills project.files[index]: units, ops (builder calls and knex.raw SQL through libpg_query,
// located in the .ts/.js file), knex facts, parse errors.
void parse_migration(sql::Parser& parser, Project& project, int index);

}  // namespace migsafe::knex
