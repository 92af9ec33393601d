// THE switch over libpg_query statement nodes: statements -> Operations.
#pragma once
#include <string>
#include <vector>

#include "model/operation.hpp"
#include "model/project.hpp"
#include "parse/sql/pg_query.hpp"

namespace migsafe::sql {

struct Chunk {
    // The SQL to parse, same length as the file: everything outside the chunk is blanked
    // (newlines kept), so libpg_query's byte offsets are file offsets.
    const SourceText* source = nullptr;
    size_t begin = 0;
    size_t end = 0;
    Section section = Section::Up;
    int unit = 0;
    int file = 0;
    bool down_file = false;
};

// Parses one chunk of a file and appends its operations; a syntax error becomes a ParseError.
// Returns the number of top-level statements.
int parse_chunk(Parser& parser, const Chunk& chunk, std::vector<Operation>& ops,
                std::vector<ParseError>& errors);

// Parses SQL given as a string located at `base` in `source` (used for knex.raw and DO bodies).
// Offsets inside sql map to file offsets base + i when `contiguous`; otherwise to `line_map`.
// (Knex support arrives with its own front end.)

// Skips whitespace and SQL comments (-- and nested /* */) from offset; returns the new offset.
size_t skip_space_and_comments(const std::string& text, size_t offset, size_t end);

}  // namespace migsafe::sql
