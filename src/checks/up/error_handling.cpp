// error-handling: re-runnable after a partial failure: one transaction, or guarded statements.
#include <algorithm>

#include "checks/common.hpp"

namespace migsafe {
namespace {

bool needs_guard(const Operation& op) {
    switch (op.kind) {
        case OpKind::CreateTable: case OpKind::CreateTableAs: case OpKind::DropTable: case OpKind::AddColumn:
        case OpKind::DropColumn: case OpKind::CreateIndex: case OpKind::DropIndex: case OpKind::CreateType:
        case OpKind::DropType: case OpKind::CreateExtension: case OpKind::DropExtension: case OpKind::CreateFunction:
        case OpKind::DropFunction: case OpKind::CreateTrigger: case OpKind::DropTrigger: case OpKind::CreatePolicy:
        case OpKind::DropPolicy: case OpKind::AddConstraint: case OpKind::DropConstraint: case OpKind::RenameTable:
        case OpKind::RenameColumn: case OpKind::CreateSequence: case OpKind::CreateSchema: case OpKind::CreateView:
            return true;
        default:
            return false;
    }
}

bool guarded(const Operation& op) {
    if (op.if_not_exists || op.if_exists || op.guarded) return true;
    if (op.kind == OpKind::CreateFunction) return op.text.find("OR REPLACE") != std::string::npos ||
                                                  op.text.find("or replace") != std::string::npos;
    if (op.kind == OpKind::CreateTrigger || op.kind == OpKind::CreateView) return op.value == "OR REPLACE" ||
        op.text.find("OR REPLACE") != std::string::npos || op.text.find("or replace") != std::string::npos;
    return false;
}

}  // namespace

Outcome check_error_handling(const Project& p, const Facts& facts) {
    Outcome o;
    if (p.files.empty()) {
        o.not_applicable = true;
        o.summary = "No migration files";
        return o;
    }
    int non_tx_units = 0, exception_blocks = 0, guarded_concurrent = 0;
    for (size_t i = 0; i < p.files.size(); ++i) {
        const auto& f = p.files[i];
        for (const auto& op : f.ops)
            if (op.kind == OpKind::DoBlock && op.has_exception_handler) ++exception_blocks;
        // A statement PostgreSQL refuses in a transaction (CREATE INDEX CONCURRENTLY) is never
        // atomic: a failure part way leaves an INVALID index behind, and an unguarded rerun
        // stops on "already exists".
        for (const auto& op : f.ops) {
            if (!refuses_transaction(op, facts.pg_version) || op.in_body) continue;
            if (op.kind == OpKind::Vacuum) continue;  // no guard exists, and a rerun is harmless
            if (guarded(op)) {
                ++guarded_concurrent;
                continue;
            }
            const auto& unit = f.units.at(op.unit);
            // In a transactional unit it fails outright (concurrently-outside-transaction), except
            // in Flyway, which runs a migration of such statements outside one; in a
            // statement-by-statement unit it is reported below with the rest.
            if (unit.transactional && p.layout != Layout::Flyway) continue;
            if (!unit.transactional && !unit.single_query) continue;
            bool alone = std::none_of(f.ops.begin(), f.ops.end(), [&](const Operation& other) {
                return other.unit == op.unit && other.stmt != op.stmt && !other.in_body;
            });
            if (!alone) continue;  // sharing a query string: an implicit transaction, it fails outright
            o.add(checks::at(op, "runs outside any transaction, unguarded: " + checks::excerpt(op, 50) +
                                     " (a rerun after a failure stops here)", Weight::Partial));
        }
        for (size_t u = 0; u < f.units.size(); ++u) {
            const auto& unit = f.units[u];
            if (unit.transactional || unit.single_query) continue;
            ++non_tx_units;
            for (const auto& op : f.ops) {
                if (op.unit != static_cast<int>(u) || !needs_guard(op) || guarded(op)) continue;
                o.add(checks::at(op, "non-transactional, unguarded: " + checks::excerpt(op, 50) +
                                         " (a rerun after a failure stops here)", Weight::Partial));
            }
        }
    }
    if (non_tx_units == 0 && guarded_concurrent == 0) o.summary = "Each migration runs in one transaction";
    else if (non_tx_units == 0) o.summary = "One transaction per migration; CONCURRENTLY statements guarded (IF NOT EXISTS)";
    else o.summary = "Non-transactional statements guarded (IF NOT EXISTS)";
    if (exception_blocks) o.summary += "; DO $$ EXCEPTION pattern";
    o.fix = "In a migration that opts out of the transaction, guard every statement so a rerun succeeds:\n" +
            checks::code(p, "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_name ON table_name (column_name);",
                         "await knex.raw('CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_name ON table_name (column_name)');");
    return o;
}

}  // namespace migsafe
