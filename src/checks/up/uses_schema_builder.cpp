// uses-schema-builder: builder methods where the builder can express the change.
#include "checks/common.hpp"

namespace migsafe {

Outcome check_uses_schema_builder(const Project& p, const Facts&) {
    Outcome o;
    if (!checks::is_knex(p)) {
        o.not_applicable = true;
        o.summary = "SQL migrations: no knex calls";
        return o;
    }
    bool builder = false, raw = false;
    for (const auto& f : p.files) {
        for (const auto& op : f.ops) {
            if (op.stmt_kind.rfind("knex.schema.", 0) == 0 || op.stmt_kind.rfind("table.", 0) == 0) builder = true;
            else if (op.stmt_kind.rfind("knex", 0) != 0) raw = true;  // from knex.raw SQL
        }
        for (const auto& r : f.knex.raw_builder_sql) {
            Evidence e;
            e.loc = r.loc;
            e.message = r.message;
            e.weight = Weight::Partial;
            o.add(e);
        }
    }
    if (!builder && !raw) {
        o.not_applicable = true;
        o.summary = "No schema changes";
        return o;
    }
    o.summary = builder && raw ? "Schema and raw" : builder ? "Schema builder" : "Raw SQL only where needed";
    o.fix = "Use the schema builder for tables and columns:\n```typescript\nawait knex.schema.createTable('orders', (table) => {\n"
            "  table.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));\n});\n```";
    return o;
}

}  // namespace migsafe
