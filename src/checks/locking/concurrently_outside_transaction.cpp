// concurrently-outside-transaction: statements PostgreSQL refuses in a transaction block run outside one.
#include "checks/common.hpp"

namespace migsafe {

Outcome check_concurrently_outside_transaction(const Project& p, const Facts& facts) {
    Outcome o;
    int found = 0;
    for (size_t fi = 0; fi < p.files.size(); ++fi) {
        const auto& f = p.files[fi];
        for (const auto& op : f.ops) {
            if (!refuses_transaction(op, facts.pg_version)) continue;
            ++found;
            std::string what = checks::excerpt(op, 50);
            if (op.in_body) {
                o.add(checks::at(op, what + " inside a DO block always runs in a transaction"));
                continue;
            }
            const Unit& unit = f.units.at(op.unit);
            std::string where = p.layout == Layout::Dbmate ? "section" : "file";
            // Other statements sharing the unit.
            std::vector<std::string> others;
            for (const auto& other : f.ops)
                if (other.unit == op.unit && other.stmt != op.stmt && !other.in_body) {
                    std::string ex = checks::excerpt(other, 30);
                    if (others.empty() || others.back() != ex) others.push_back(ex);
                }
            bool flyway_alone = p.layout == Layout::Flyway && others.empty();
            if (p.flavour == Flavour::Knex && !unit.transactional) {
                // Each knex.raw call is one query string: the statement must be alone in it.
                std::vector<std::string> same_call;
                for (const auto& other : f.ops)
                    if (other.call == op.call && other.stmt != op.stmt && !other.in_body) same_call.push_back(checks::excerpt(other, 30));
                if (!same_call.empty())
                    o.add(checks::at(op, what + " shares its knex.raw call with " + checks::list_some(same_call, 2) +
                                             ": one query string, PostgreSQL runs it as one transaction"));
                continue;
            }
            if (unit.transactional && !flyway_alone) {
                std::string hint = p.layout == Layout::Knex ? "add `export const config = { transaction: false }`"
                                   : p.layout == Layout::Dbmate ? "add transaction:false to the section marker"
                                   : p.layout == Layout::Flyway ? "move it to a migration of its own"
                                                                : "run it outside the transaction";
                o.add(checks::at(op, what + " runs inside the migration's transaction: " + hint));
            } else if (unit.single_query && !others.empty()) {
                o.add(checks::at(op, what + " shares its " + where + " with " + checks::list_some(others, 2) +
                                         ": sent as one query string, PostgreSQL runs it as one transaction"));
            }
        }
    }
    if (found == 0) {
        o.not_applicable = true;
        o.summary = "No CONCURRENTLY or other non-transactional statements";
        return o;
    }
    o.summary = p.layout == Layout::Dbmate && !p.config.present ? "Alone in transaction:false sections" : "Outside transactions";
    o.fix = "Give the statement a section (dbmate) or file of its own that opts out of the transaction:\n" +
            checks::code(p, "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY IF NOT EXISTS idx_name ON table_name (column_name);",
                         "export const config = { transaction: false };\nexport async function up(knex: Knex): Promise<void> {\n"
                         "  await knex.raw('CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_name ON table_name (column_name)');\n}");
    return o;
}

}  // namespace migsafe
