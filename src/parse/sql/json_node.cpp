#include "parse/sql/json_node.hpp"

namespace migsafe::sql::json {

std::vector<std::string> strings(Node obj, std::string_view key) {
    std::vector<std::string> out;
    each(obj, key, [&](Node item) {
        if (type_of(item) == "String") out.emplace_back(str(inner(item), "sval"));
    });
    return out;
}

std::string scalar_text(Node n) {
    auto t = type_of(n);
    Node in = inner(n);
    if (t == "String") return std::string(str(in, "sval"));
    if (t == "Integer") return std::to_string(integer(in, "ival"));
    if (t == "A_Const") {
        Node v;
        if (get(in, "sval", v)) return std::string(str(v, "sval"));
        if (get(in, "ival", v)) return std::to_string(integer(v, "ival"));
        if (get(in, "fval", v)) return std::string(str(v, "fval"));
        if (get(in, "boolval", v)) return boolean(v, "boolval") ? "true" : "false";
    }
    return {};
}

}  // namespace migsafe::sql::json
