// constraint-not-valid: FK and CHECK constraints on pre-existing tables are added NOT VALID, then
// validated in a later transaction.
#include <map>

#include "checks/common.hpp"

namespace migsafe {

Outcome check_constraint_not_valid(const Project& p, const Facts&) {
    Outcome o;
    int added = 0;
    std::string first_table, first_name;
    // Every VALIDATE CONSTRAINT, by (table, name): (file, op).
    std::map<std::pair<std::string, std::string>, std::vector<std::pair<size_t, const Operation*>>> validations;
    for (size_t fi = 0; fi < p.files.size(); ++fi)
        for (const auto& v : p.files[fi].ops)
            if (v.section == Section::Up && v.kind == OpKind::ValidateConstraint) validations[{v.table, v.name}].push_back({fi, &v});
    for (size_t fi = 0; fi < p.files.size(); ++fi) {
        const auto& f = p.files[fi];
        for (size_t oi = 0; oi < f.ops.size(); ++oi) {
            const auto& op = f.ops[oi];
            if (op.section != Section::Up || !op.preexisting) continue;
            std::vector<const Constraint*> cons;
            if (op.kind == OpKind::AddConstraint) for (const auto& c : op.constraints) cons.push_back(&c);
            if (op.kind == OpKind::AddColumn)
                for (const auto& col : op.column_defs)
                    for (const auto& c : col.constraints) cons.push_back(&c);
            for (const auto* c : cons) {
                if (c->type != ConstraintType::ForeignKey && c->type != ConstraintType::Check) continue;
                ++added;
                std::string kind = c->type == ConstraintType::ForeignKey ? "FOREIGN KEY" : "CHECK";
                std::string name = c->name.empty() ? "(unnamed)" : c->name;
                if (!c->not_valid) {
                    if (op.kind == OpKind::AddColumn) {
                        // The new column is all NULL, but PostgreSQL still scans the table to
                        // validate, holding ACCESS EXCLUSIVE.
                        o.add(checks::at(op, "ADD COLUMN " + op.name + " with " + kind + " on " + op.table +
                                                 " validates by scanning the table under ACCESS EXCLUSIVE: add the column, then the constraint NOT VALID",
                                         Weight::Partial));
                        continue;
                    }
                    o.add(checks::at(op, kind + " " + name + " on " + op.table +
                                             " validated while holding the lock: add it NOT VALID, VALIDATE later"));
                    if (first_table.empty()) first_table = op.table, first_name = c->name;
                    continue;
                }
                // Find its VALIDATE: must be in a later transaction (another unit or file).
                bool validated = false, same_tx = false;
                const Operation* same_op = nullptr;
                auto vit = validations.find({op.table, c->name});
                if (vit != validations.end())
                    for (const auto& [fj, vp] : vit->second) {
                        const Operation& v = *vp;
                        if (fj < fi || (fj == fi && &v < &op)) continue;
                        const auto& unit = p.files[fj].units.at(v.unit);
                        bool one_tx = fj == fi && v.unit == op.unit && (unit.transactional || unit.single_query);
                        if (one_tx) {
                            same_tx = true;
                            same_op = &v;
                        } else {
                            validated = true;
                            break;
                        }
                    }
                if (validated) continue;
                if (same_tx)
                    o.add(checks::at(*same_op, "VALIDATE CONSTRAINT " + name +
                                                   " in the same transaction as its NOT VALID add keeps the lock through the scan"));
                else
                    o.add(checks::at(op, kind + " " + name + " on " + op.table + " is NOT VALID and never validated"));
                if (first_table.empty()) first_table = op.table, first_name = c->name;
            }
        }
    }
    if (added == 0) {
        o.not_applicable = true;
        o.summary = "No FK or CHECK added to pre-existing tables";
        return o;
    }
    o.summary = "NOT VALID, then VALIDATE";
    std::string t = first_table.empty() ? "table_name" : first_table;
    std::string n = first_name.empty() ? "constraint_name" : first_name;
    o.fix = checks::code(p, "ALTER TABLE " + t + " ADD CONSTRAINT " + n + " FOREIGN KEY (column_name) REFERENCES parent (id) NOT VALID;\n"
                            "-- next migration (SHARE UPDATE EXCLUSIVE: reads and writes continue):\n"
                            "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + n + ";",
                         "await knex.raw('ALTER TABLE " + t + " ADD CONSTRAINT " + n +
                             " FOREIGN KEY (column_name) REFERENCES parent (id) NOT VALID');\n"
                             "// next migration:\nawait knex.raw('ALTER TABLE " + t + " VALIDATE CONSTRAINT " + n + "');");
    return o;
}

}  // namespace migsafe
