// timestamptz: timestamps carry a time zone.
#include "checks/types/column_scan.hpp"

namespace migsafe {

Outcome check_timestamptz(const Project& p, const Facts&) {
    Outcome o;
    int timestamps = 0;
    checks::each_column(p, [&](const Operation& op, const ColumnDef& c) {
        if (c.type != "timestamp" && c.type != "timestamptz") return;
        ++timestamps;
        if (c.type == "timestamp") {
            Evidence e = checks::at(op, op.table + "." + c.name + " is timestamp without time zone", Weight::Partial);
            if (c.loc.line) e.loc.line = c.loc.line, e.loc.column = c.loc.column;
            o.add(e);
        }
    });
    if (timestamps == 0) {
        o.not_applicable = true;
        o.summary = "No timestamp columns";
        return o;
    }
    o.summary = "timestamptz (" + checks::plural(timestamps, "column") + ")";
    o.fix = checks::code(p, "created_at timestamptz NOT NULL DEFAULT now()", "table.timestamp('created_at', { useTz: true });");
    return o;
}

}  // namespace migsafe
