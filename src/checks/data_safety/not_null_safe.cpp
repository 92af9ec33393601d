// not-null-safe: NOT NULL on a pre-existing table comes with a default or a backfill first.
#include "checks/common.hpp"

namespace migsafe {

Outcome check_not_null_safe(const Project& p, const Facts& facts) {
    Outcome o;
    int cases = 0;
    for (size_t fi = 0; fi < p.files.size(); ++fi) {
        const auto& f = p.files[fi];
        for (size_t oi = 0; oi < f.ops.size(); ++oi) {
            const auto& op = f.ops[oi];
            if (op.section != Section::Up || !op.preexisting) continue;
            if (op.kind == OpKind::AddColumn) {
                for (const auto& c : op.column_defs) {
                    if (!c.not_null || c.identity || c.generated) continue;
                    ++cases;
                    if (!c.has_default)
                        o.add(checks::at(op, "ADD COLUMN " + c.name + " NOT NULL without DEFAULT on " + op.table +
                                                 ": fails on a table with rows"));
                }
            } else if (op.kind == OpKind::SetNotNull) {
                ++cases;
                const std::string& col = op.name;
                bool ready = false;
                // A backfill, a validated CHECK (col IS NOT NULL), or a default given earlier.
                for (size_t fj = 0; fj <= fi && !ready; ++fj) {
                    const auto& g = p.files[fj];
                    size_t end = fj == fi ? oi : g.ops.size();
                    for (size_t k = 0; k < end && !ready; ++k) {
                        const auto& prev = g.ops[k];
                        if (prev.section != Section::Up || prev.table != op.table) continue;
                        if (prev.kind == OpKind::Update &&
                            std::find(prev.columns.begin(), prev.columns.end(), col) != prev.columns.end())
                            ready = true;
                        // A default fills existing rows only when the column is added with it, in
                        // this same transaction (a later SET DEFAULT fills nothing).
                        if (prev.kind == OpKind::AddColumn && fj == fi && prev.unit == op.unit)
                            for (const auto& c : prev.column_defs)
                                if (c.name == col && c.has_default) ready = true;
                        // A CHECK (col IS NOT NULL) counts once it is valid: added valid, or
                        // NOT VALID and validated before this statement.
                        if (prev.kind == OpKind::AddConstraint)
                            for (const auto& c : prev.constraints) {
                                if (c.type != ConstraintType::Check || c.expr_text != "IS NOT NULL" ||
                                    std::find(c.columns.begin(), c.columns.end(), col) == c.columns.end())
                                    continue;
                                if (!c.not_valid) ready = true;
                                else
                                    for (size_t fk = fj; fk <= fi && !ready; ++fk) {
                                        const auto& h = p.files[fk];
                                        size_t stop = fk == fi ? oi : h.ops.size();
                                        for (size_t q = fk == fj ? k + 1 : 0; q < stop; ++q)
                                            if (h.ops[q].section == Section::Up && h.ops[q].kind == OpKind::ValidateConstraint &&
                                                h.ops[q].name == c.name)
                                                ready = true;
                                    }
                            }
                    }
                }
                if (!ready)
                    o.add(checks::at(op, "SET NOT NULL on " + op.table + "." + col +
                                             " with no backfill or validated CHECK (" + col + " IS NOT NULL) before it"));
            }
        }
    }
    (void)facts;
    if (cases == 0) {
        o.not_applicable = true;
        o.summary = "No NOT NULL added to pre-existing tables";
        return o;
    }
    o.summary = "Default or backfill first";
    o.fix = "Add the column nullable with a default, backfill in batches, then enforce through a validated CHECK:\n" +
            checks::code(p,
                         "ALTER TABLE table_name ADD COLUMN IF NOT EXISTS column_name integer DEFAULT 0;\n"
                         "UPDATE table_name SET column_name = 0 WHERE column_name IS NULL AND id IN (...);  -- in batches\n"
                         "ALTER TABLE table_name ADD CONSTRAINT column_name_not_null CHECK (column_name IS NOT NULL) NOT VALID;\n"
                         "-- next migration:\n"
                         "ALTER TABLE table_name VALIDATE CONSTRAINT column_name_not_null;\n"
                         "ALTER TABLE table_name ALTER COLUMN column_name SET NOT NULL;");
    return o;
}

}  // namespace migsafe
