// awaited-knex-calls: every knex call is awaited or returned; conditions await hasTable/hasColumn.
#include "checks/common.hpp"

namespace migsafe {

Outcome check_awaited_knex_calls(const Project& p, const Facts&) {
    Outcome o;
    if (!checks::is_knex(p)) {
        o.not_applicable = true;
        o.summary = "SQL migrations: no knex calls";
        return o;
    }
    int calls = 0;
    for (const auto& f : p.files) {
        calls += f.knex.up_knex_calls;
        for (const auto& u : f.knex.unawaited) {
            Evidence e;
            e.loc = u.loc;
            e.message = u.message;
            e.weight = Weight::Fail;
            o.add(e);
        }
    }
    if (calls == 0 && o.evidence.empty()) {
        o.not_applicable = true;
        o.summary = "No knex calls";
        return o;
    }
    o.summary = "All awaited";
    o.fix = "Await every knex call, and the hasColumn/hasTable in conditions:\n```typescript\n"
            "if (!(await knex.schema.hasColumn('orders', 'status'))) {\n"
            "  await knex.schema.alterTable('orders', (table) => table.string('status'));\n}\n```";
    return o;
}

}  // namespace migsafe
