#include "analysis/types.hpp"

#include <map>

namespace migsafe {
namespace {

std::string canon(const std::string& t) {
    static const std::map<std::string, std::string> alias = {
        {"integer", "int4"}, {"int", "int4"}, {"bigint", "int8"}, {"smallint", "int2"}, {"serial", "int4"},
        {"serial4", "int4"}, {"bigserial", "int8"}, {"serial8", "int8"}, {"smallserial", "int2"}, {"serial2", "int2"},
        {"real", "float4"}, {"double precision", "float8"}, {"decimal", "numeric"}, {"character varying", "varchar"},
        {"character", "bpchar"}, {"char", "bpchar"}, {"boolean", "bool"}, {"timestamp with time zone", "timestamptz"},
        {"timestamp without time zone", "timestamp"}};
    auto it = alias.find(t);
    return it == alias.end() ? t : it->second;
}

int int_rank(const std::string& t) {
    if (t == "int2") return 1;
    if (t == "int4") return 2;
    if (t == "int8") return 3;
    return 0;
}

}  // namespace

std::string type_text(const ColumnDef& c) {
    std::string out = c.type;
    if (!c.typmods.empty()) {
        out += "(";
        for (size_t i = 0; i < c.typmods.size(); ++i) out += (i ? "," : "") + std::to_string(c.typmods[i]);
        out += ")";
    }
    if (c.array) out += "[]";
    return out;
}

std::string narrowing_reason(const ColumnDef* old_col, const ColumnDef& n) {
    std::string nt = canon(n.type);
    bool bounded = (nt == "varchar" || nt == "bpchar") && !n.typmods.empty();
    if (!old_col) {
        if (bounded || (nt == "numeric" && !n.typmods.empty()) || nt == "int2" || nt == "int4" || nt == "float4" ||
            nt == "timestamp" || nt == "date")
            return "previous type unknown (not created by these migrations); " + type_text(n) + " can truncate or reject values";
        return {};
    }
    std::string ot = canon(old_col->type);
    if ((ot == "text" || ((ot == "varchar" || ot == "bpchar") && old_col->typmods.empty())) && bounded)
        return "unbounded " + type_text(*old_col) + " to " + type_text(n) + " truncates or rejects longer values";
    if ((ot == "varchar" || ot == "bpchar") && bounded && !old_col->typmods.empty() && n.typmods[0] < old_col->typmods[0])
        return type_text(*old_col) + " to " + type_text(n) + " is shorter";
    if (ot == "numeric" && nt == "numeric" && !n.typmods.empty()) {
        if (old_col->typmods.empty()) return "unbounded numeric to " + type_text(n) + " loses precision";
        int op = old_col->typmods[0], os = old_col->typmods.size() > 1 ? old_col->typmods[1] : 0;
        int np = n.typmods[0], ns = n.typmods.size() > 1 ? n.typmods[1] : 0;
        if (ns < os) return type_text(*old_col) + " to " + type_text(n) + " drops decimal places";
        if (np - ns < op - os) return type_text(*old_col) + " to " + type_text(n) + " allows fewer integer digits";
    }
    if (int_rank(ot) && int_rank(nt) && int_rank(nt) < int_rank(ot)) return ot + " to " + nt + " overflows large values";
    if ((ot == "numeric" || ot == "float4" || ot == "float8") && int_rank(nt)) return ot + " to " + nt + " drops fractions";
    if (ot == "float8" && nt == "float4") return "float8 to float4 loses precision";
    if (ot == "timestamptz" && nt == "timestamp") return "timestamptz to timestamp drops the time zone";
    if ((ot == "timestamptz" || ot == "timestamp") && nt == "date") return ot + " to date drops the time of day";
    return {};
}

bool type_change_rewrites(const ColumnDef* old_col, const ColumnDef& n) {
    if (!old_col) return true;
    std::string ot = canon(old_col->type), nt = canon(n.type);
    if (old_col->array != n.array) return true;
    bool text_like_old = ot == "varchar" || ot == "text";
    if (text_like_old && nt == "text") return false;  // varchar(n) -> text: binary coercible
    if (ot == nt) {
        if (n.typmods.empty()) return false;  // dropping the limit
        if (old_col->typmods.empty()) return true;  // adding a limit needs a check of every row
        if (nt == "varchar" || nt == "bpchar") return n.typmods[0] < old_col->typmods[0];
        if (nt == "numeric") {
            int os = old_col->typmods.size() > 1 ? old_col->typmods[1] : 0;
            int ns = n.typmods.size() > 1 ? n.typmods[1] : 0;
            return !(ns == os && n.typmods[0] >= old_col->typmods[0]);
        }
        return n.typmods != old_col->typmods;
    }
    if (ot == "text" && nt == "varchar" && n.typmods.empty()) return false;
    if (ot == "cidr" && nt == "inet") return false;
    return true;
}

}  // namespace migsafe
