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
    // SQL taken from another language (knex.raw): the text to parse and, for each of its bytes,
    // the offset in `source` it came from. When null, the chunk is source[begin, end).
    const std::string* text = nullptr;
    const std::vector<size_t>* offsets = nullptr;
    int call = 0;        // the knex call the SQL belongs to (one query string)
    int stmt_base = -1;  // statement ordinal for every op of this chunk (-1: count on)
};

// Parses one chunk of a file and appends its operations; a syntax error becomes a ParseError.
// Returns the number of top-level statements.
int parse_chunk(Parser& parser, const Chunk& chunk, std::vector<Operation>& ops,
                std::vector<ParseError>& errors);


// Skips whitespace and SQL comments (-- and nested /* */) from offset; returns the new offset.
size_t skip_space_and_comments(const std::string& text, size_t offset, size_t end);

}  // namespace migsafe::sql
