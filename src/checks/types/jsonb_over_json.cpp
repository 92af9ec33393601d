// jsonb-over-json: jsonb rather than json.
#include "checks/types/column_scan.hpp"

namespace migsafe {

Outcome check_jsonb_over_json(const Project& p, const Facts&) {
    Outcome o;
    int json = 0;
    checks::each_column(p, [&](const Operation& op, const ColumnDef& c) {
        if (c.type != "json" && c.type != "jsonb") return;
        ++json;
        if (c.type == "json") {
            Evidence e = checks::at(op, op.table + "." + c.name + " is json (no indexing, no equality)", Weight::Partial);
            if (c.loc.line) e.loc.line = c.loc.line, e.loc.column = c.loc.column;
            o.add(e);
        }
    });
    if (json == 0) {
        o.not_applicable = true;
        o.summary = "No JSON columns";
        return o;
    }
    o.summary = "jsonb (" + checks::plural(json, "column") + ")";
    o.fix = checks::code(p, "metadata jsonb NOT NULL DEFAULT '{}'", "table.jsonb('metadata');");
    return o;
}

}  // namespace migsafe
