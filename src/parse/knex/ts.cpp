#include "parse/knex/ts.hpp"

namespace migsafe::knex {

Tree parse_typescript(const std::string& text) {
    TSParser* p = ts_parser_new();
    ts_parser_set_language(p, tree_sitter_typescript());
    TSTree* t = ts_parser_parse_string(p, nullptr, text.data(), static_cast<uint32_t>(text.size()));
    ts_parser_delete(p);
    return Tree(t);
}

std::vector<TSNode> named_children(TSNode n) {
    std::vector<TSNode> out;
    if (ts_node_is_null(n)) return out;
    uint32_t c = ts_node_named_child_count(n);
    out.reserve(c);
    for (uint32_t i = 0; i < c; ++i) out.push_back(ts_node_named_child(n, i));
    return out;
}

TSNode unwrap(TSNode n) {
    while (is(n, "parenthesized_expression") && ts_node_named_child_count(n) > 0) n = ts_node_named_child(n, 0);
    return n;
}

bool has_token(TSNode n, std::string_view token) {
    uint32_t c = ts_node_child_count(n);
    for (uint32_t i = 0; i < c; ++i) {
        TSNode ch = ts_node_child(n, i);
        if (!ts_node_is_named(ch) && type(ch) == token) return true;
    }
    return false;
}

bool string_value(TSNode n, const std::string& src, std::string& out) {
    n = unwrap(n);
    if (is(n, "string")) {
        auto t = text(n, src);
        if (t.size() < 2) return false;
        out.assign(t.substr(1, t.size() - 2));
        return true;
    }
    if (is(n, "template_string")) {
        for (auto c : named_children(n))
            if (is(c, "template_substitution")) return false;
        auto t = text(n, src);
        if (t.size() < 2) return false;
        out.assign(t.substr(1, t.size() - 2));
        return true;
    }
    return false;
}

}  // namespace migsafe::knex
