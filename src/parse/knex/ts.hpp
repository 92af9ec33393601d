// tree-sitter, RAII, and the few node helpers the knex front end needs. Only parse/knex knows
// tree-sitter node names.
#pragma once
#include <tree_sitter/api.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

extern "C" const TSLanguage* tree_sitter_typescript(void);

namespace migsafe::knex {

struct TreeDeleter {
    void operator()(TSTree* t) const { ts_tree_delete(t); }
};
using Tree = std::unique_ptr<TSTree, TreeDeleter>;

// Parses TypeScript/JavaScript (the TypeScript grammar reads both).
Tree parse_typescript(const std::string& text);

inline std::string_view type(TSNode n) { return ts_node_is_null(n) ? std::string_view() : ts_node_type(n); }
inline bool is(TSNode n, std::string_view t) { return !ts_node_is_null(n) && type(n) == t; }
inline TSNode field(TSNode n, const char* name) {
    return ts_node_child_by_field_name(n, name, static_cast<uint32_t>(std::char_traits<char>::length(name)));
}
inline std::string_view text(TSNode n, const std::string& src) {
    if (ts_node_is_null(n)) return {};
    return std::string_view(src).substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n));
}
std::vector<TSNode> named_children(TSNode n);
inline int line_of(TSNode n) { return static_cast<int>(ts_node_start_point(n).row) + 1; }
inline int column_of(TSNode n) { return static_cast<int>(ts_node_start_point(n).column) + 1; }
// A parenthesized_expression's inner expression (recursively).
TSNode unwrap(TSNode n);
// The value of a string or template literal without substitutions, else nullopt-like (ok=false).
bool string_value(TSNode n, const std::string& src, std::string& out);
// Has an anonymous child token (e.g. "async").
bool has_token(TSNode n, std::string_view token);

}  // namespace migsafe::knex
