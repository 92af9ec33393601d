// down-reverses-up: down removes everything up creates, and nothing else.
#include "analysis/reversal.hpp"
#include "checks/common.hpp"

namespace migsafe {

Outcome check_down_reverses_up(const Project& p, const Facts& facts) {
    Outcome o;
    int checked = 0, objects = 0;
    for (size_t i = 0; i < p.files.size(); ++i) {
        auto r = reversal_of(p, facts, static_cast<int>(i));
        if (!r.applicable) continue;
        ++checked;
        objects += static_cast<int>(r.created.size());
        for (const auto& obj : r.left_behind)
            o.add(checks::at(*obj.op, "down of " + p.files[i].path + " leaves " + obj.describe()));
        for (const auto& obj : r.extra_drops)
            o.add(checks::at(*obj.op, "down drops " + obj.describe() + ", which its up did not create"));
    }
    if (checked == 0) {
        o.not_applicable = true;
        o.summary = "No down migrations to compare (see down-exists)";
        return o;
    }
    o.summary = "Drops all objects (" + checks::plural(objects, "object") + " in " + checks::plural(checked, "file") + ")";
    o.fix = "Make each down remove exactly what its up created, in reverse order, e.g.:\n" +
            checks::code(p, "-- migrate:down\nDROP INDEX CONCURRENTLY IF EXISTS idx_name;\nDROP TABLE IF EXISTS table_name;",
                         "export async function down(knex: Knex): Promise<void> {\n  await knex.schema.dropTableIfExists('table_name');\n}");
    return o;
}

}  // namespace migsafe
