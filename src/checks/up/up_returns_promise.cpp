// up-returns-promise: knex waits for up only if it is async or returns the promise chain.
#include "checks/common.hpp"

namespace migsafe {

Outcome check_up_returns_promise(const Project& p, const Facts&) {
    Outcome o;
    if (!checks::is_knex(p)) {
        o.not_applicable = true;
        o.summary = "SQL migrations: no knex calls";
        return o;
    }
    int checked = 0;
    for (const auto& f : p.files) {
        if (!f.knex.up_found) continue;
        ++checked;
        if (!f.knex.up_async && !f.knex.up_returns && f.knex.up_knex_calls > 0) {
            Evidence e;
            e.loc = f.knex.up_loc;
            e.message = "up is not async and returns nothing: knex does not wait for its " +
                        checks::plural(f.knex.up_knex_calls, "knex call") + " and their errors are lost";
            e.weight = Weight::Fail;
            o.add(e);
        }
    }
    if (checked == 0) {
        o.not_applicable = true;
        o.summary = "No up functions";
        return o;
    }
    o.summary = "Promise<void>";
    o.fix = "Make up async and await each call:\n```typescript\nexport async function up(knex: Knex): Promise<void> {\n"
            "  await knex.schema.alterTable('orders', (table) => { /* ... */ });\n}\n```";
    return o;
}

}  // namespace migsafe
