// Reading libpg_query's JSON: every node is an object whose one key is its type.
// Absent fields mean zero/false/null (pg_query_outfuncs_json.c leaves them out).
#pragma once
#include <simdjson.h>

#include <string>
#include <string_view>
#include <vector>

namespace migsafe::sql::json {

using Node = simdjson::dom::element;

inline bool is_object(Node n) { return n.type() == simdjson::dom::element_type::OBJECT; }
inline bool is_array(Node n) { return n.type() == simdjson::dom::element_type::ARRAY; }
// Copies, never references into a temporary simdjson_result (a range-for over
// `x.get_array().value_unsafe()` dangles).
inline simdjson::dom::object as_object(Node n) {
    simdjson::dom::object o;
    if (n.get_object().get(o)) return {};
    return o;
}
inline simdjson::dom::array as_array(Node n) {
    simdjson::dom::array a;
    if (n.get_array().get(a)) return {};
    return a;
}

// {"IndexStmt": {...}} -> "IndexStmt"
inline std::string_view type_of(Node n) {
    if (!is_object(n)) return {};
    auto o = as_object(n);
    for (auto field : o) return field.key;
    return {};
}
// {"IndexStmt": {...}} -> {...}
inline Node inner(Node n) {
    auto o = as_object(n);
    for (auto field : o) return field.value;
    return n;
}
inline bool has(Node obj, std::string_view key) {
    if (!is_object(obj)) return false;
    return !as_object(obj).at_key(key).error();
}
inline bool get(Node obj, std::string_view key, Node& out) {
    if (!is_object(obj)) return false;
    auto r = as_object(obj).at_key(key);
    if (r.error()) return false;
    if (r.get(out)) return false;
    return true;
}
inline std::string_view str(Node obj, std::string_view key) {
    Node v;
    if (!get(obj, key, v)) return {};
    std::string_view s;
    if (v.get_string().get(s)) return {};
    return s;
}
inline int64_t integer(Node obj, std::string_view key, int64_t def = 0) {
    Node v;
    if (!get(obj, key, v)) return def;
    int64_t i;
    if (v.get_int64().get(i)) return def;
    return i;
}
inline bool boolean(Node obj, std::string_view key) {
    Node v;
    if (!get(obj, key, v)) return false;
    bool b = false;
    if (v.get_bool().get(b)) return false;
    return b;
}
// Iterates an array field; absent = empty.
template <typename F>
inline void each(Node obj, std::string_view key, F&& f) {
    Node v;
    if (!get(obj, key, v) || !is_array(v)) return;
    auto arr = as_array(v);
    for (auto item : arr) f(item);
}
// [{"String":{"sval":"a"}}, ...] -> {"a", ...}
std::vector<std::string> strings(Node obj, std::string_view key);
// A String node's value, or an A_Const's string/integer value as text.
std::string scalar_text(Node n);

// Visits every node (object with a type key) below n, depth first: f(type, inner).
template <typename F>
void walk(Node n, F&& f) {
    if (is_array(n)) {
        auto arr = as_array(n);
        for (auto item : arr) walk(item, f);
        return;
    }
    if (!is_object(n)) return;
    auto obj = as_object(n);
    for (auto field : obj) {
        auto key = field.key;
        if (!key.empty() && key[0] >= 'A' && key[0] <= 'Z' && is_object(field.value)) {
            if (!f(key, field.value)) continue;
        }
        walk(field.value, f);
    }
}

}  // namespace migsafe::sql::json
