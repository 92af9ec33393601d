// lock-timeout: a lock_timeout is in force before the first lock on a pre-existing table.
#include "checks/common.hpp"

namespace migsafe {
namespace {

bool zero(const std::string& v) {
    return v == "0" || v == "0s" || v == "0ms" || v == "'0'" || v.empty();
}

}  // namespace

Outcome check_lock_timeout(const Project& p, const Facts& facts) {
    Outcome o;
    int locking_files = 0, set_in_file = 0;
    std::string timeout = checks::suggested_timeout(p);
    std::string first_fix_table;
    const Unit* first_fix_unit = nullptr;
    for (size_t fi = 0; fi < p.files.size(); ++fi) {
        const auto& f = p.files[fi];
        bool config = facts.lock_timeout_configured ||
                      (facts.role_lock_timeout_from_file >= 0 && static_cast<int>(fi) >= facts.role_lock_timeout_from_file);
        bool prot = config;
        int set_call = -1;  // the knex call whose query string carried the SET
        int unit = -1;
        bool locks_here = false, reported = false, used_set = false;
        // The first unprotected lock of each transaction unit (section or file).
        for (size_t oi = 0; oi < f.ops.size(); ++oi) {
            const auto& op = f.ops[oi];
            if (op.unit != unit) {
                unit = op.unit;
                prot = config;
                reported = false;
            }
            if (reported) continue;
            const Unit& u = f.units.at(op.unit);
            if (op.kind == OpKind::SetLockTimeout) {
                bool effective = !(op.is_local && !u.transactional && !u.single_query);
                if (effective) prot = !zero(op.value) || config;
                if (effective && !zero(op.value)) used_set = true;
                set_call = op.call;
                continue;
            }
            // Without a transaction, knex may run the next call on another pooled connection:
            // a SET protects only the statements of its own knex.raw call.
            if (!u.session_carries && op.call != set_call) prot = config;
            if (op.kind == OpKind::ResetSetting && (op.name == "lock_timeout" || op.name.empty())) {
                prot = config;
                continue;
            }
            // Every lock this op takes: (table, mode, pre-existing).
            std::vector<std::pair<std::string, LockMode>> locks;
            std::string table = op.table.empty() && (op.kind == OpKind::DropIndex || op.kind == OpKind::Reindex)
                                    ? facts.table_of_index(op.name)
                                    : op.table;
            if (op.lock != LockMode::None && op.preexisting && (!table.empty() || op.kind == OpKind::DropIndex))
                locks.emplace_back(table.empty() ? op.name : table, op.lock);
            for (const auto& [t, m] : op.other_locks)
                if (facts.preexisting(static_cast<int>(fi), static_cast<int>(oi), t)) locks.emplace_back(t, m);
            for (const auto& [t, m] : locks) {
                if (!blocks_writes(m)) continue;
                locks_here = true;
                if (prot) break;
                Evidence e = checks::at(op, checks::excerpt(op, 45) + " takes " + std::string(to_string(m)) + " on " + t +
                                                " (blocks " + std::string(blocks_description(m)) + ") with no lock_timeout");
                e.lock = m;
                o.add(e);
                reported = true;
                if (!first_fix_unit) {
                    first_fix_unit = &u;
                    first_fix_table = t;
                }
                break;
            }
        }
        if (locks_here) ++locking_files;
        if (used_set) ++set_in_file;
    }
    if (locking_files == 0) {
        o.not_applicable = true;
        o.summary = "No operation locks a pre-existing table";
        return o;
    }
    if (facts.lock_timeout_configured) o.summary = facts.lock_timeout_source;
    else o.summary = "SET lock_timeout before locks (" + checks::plural(locking_files, "file") + ")";

    std::string stmt = "ALTER TABLE " + (first_fix_table.empty() ? std::string("table_name") : first_fix_table) + " ...;";
    std::string sql;
    if (p.layout == Layout::Dbmate && first_fix_unit && first_fix_unit->transactional)
        sql = "-- migrate:up\nSET LOCAL lock_timeout = '" + timeout + "';\n" + stmt;
    else
        sql = "SET lock_timeout = '" + timeout + "';\n" + stmt;
    o.fix = "Fail fast instead of queueing behind a long transaction (and blocking everyone queued behind you):\n" +
            checks::code(p, sql, "await knex.raw(\"SET lock_timeout = '" + timeout + "'\");") +
            (checks::is_knex(p) ? "" : "\nOr set it once for every migration: `lock_timeout = \"" + timeout + "\"` in migsafe.toml, "
                                       "or `?options=-c%20lock_timeout%3D" + timeout + "` in the connection URL.");
    return o;
}

}  // namespace migsafe
