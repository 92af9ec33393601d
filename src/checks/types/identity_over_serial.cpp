// identity-over-serial: new integer keys use identity columns or uuid, not serial.
#include "checks/types/column_scan.hpp"

namespace migsafe {

Outcome check_identity_over_serial(const Project& p, const Facts&) {
    Outcome o;
    int keys = 0;
    checks::each_column(p, [&](const Operation& op, const ColumnDef& c) {
        bool serial = c.type == "serial" || c.type == "bigserial" || c.type == "smallserial" || c.type == "serial4" ||
                      c.type == "serial8" || c.type == "serial2";
        if (!serial && !c.primary_key && !c.identity) return;
        ++keys;
        if (serial) {
            Evidence e = checks::at(op, op.table + "." + c.name + " is " + c.type, Weight::Partial);
            if (c.loc.line) e.loc.line = c.loc.line, e.loc.column = c.loc.column;
            o.add(e);
        }
    });
    if (keys == 0) {
        o.not_applicable = true;
        o.summary = "No key columns created";
        return o;
    }
    o.summary = "identity / uuid keys";
    o.fix = checks::code(p, "id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
                         "table.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));");
    return o;
}

}  // namespace migsafe
