#include "analysis/reversal.hpp"

#include <algorithm>
#include <set>

namespace migsafe {

std::string SchemaObject::describe() const {
    switch (kind) {
        case ObjKind::Table: return "table " + table;
        case ObjKind::Column: return "column " + table + "." + name;
        case ObjKind::Index: return "index " + name + (table.empty() ? "" : " on " + table);
        case ObjKind::Constraint: return "constraint " + (name.empty() ? "(unnamed)" : name) + " on " + table;
        case ObjKind::Type: return "type " + name;
        case ObjKind::Function: return "function " + name;
        case ObjKind::Trigger: return "trigger " + name + " on " + table;
        case ObjKind::Policy: return "policy " + name + " on " + table;
        case ObjKind::Rls: return "row level security on " + table;
        case ObjKind::TableRename: return "rename of table " + table + " to " + name;
        case ObjKind::ColumnRename: return "rename of column " + table + "." + name;
    }
    return "?";
}

namespace {

bool same(const SchemaObject& a, const SchemaObject& b) {
    return a.kind == b.kind && a.table == b.table && a.name == b.name;
}

std::string unqualified(const std::string& s) {
    auto dot = s.rfind('.');
    return dot == std::string::npos ? s : s.substr(dot + 1);
}

}  // namespace

Reversal reversal_of(const Project& p, const Facts& facts, int file) {
    Reversal r;
    const auto& f = p.files[file];
    // Without a down, or with a part that did not parse, there is nothing to compare.
    if (!f.has_down || !f.errors.empty()) return r;
    for (const auto& op : f.ops)
        if (op.section == Section::Down && op.kind == OpKind::DoBlock && op.raises_exception) r.irreversible = true;
    if (f.knex.down_throws) r.irreversible = true;  // a knex down that throws says why
    if (r.irreversible) return r;
    r.applicable = true;

    std::vector<SchemaObject> created, removed;
    for (size_t i = 0; i < f.ops.size(); ++i) {
        const auto& op = f.ops[i];
        bool pre = op.preexisting;
        if (op.section == Section::Up) {
            switch (op.kind) {
                case OpKind::CreateTable:
                case OpKind::CreateTableAs: created.push_back({ObjKind::Table, op.table, "", &op}); break;
                case OpKind::AddColumn:
                    if (pre) for (const auto& c : op.column_defs) created.push_back({ObjKind::Column, op.table, c.name, &op});
                    break;
                case OpKind::CreateIndex:
                    if (pre) created.push_back({ObjKind::Index, op.table, unqualified(op.name), &op});
                    break;
                case OpKind::AddConstraint:
                    if (pre) created.push_back({ObjKind::Constraint, op.table, op.name, &op});
                    break;
                case OpKind::CreateType: created.push_back({ObjKind::Type, "", unqualified(op.name), &op}); break;
                case OpKind::CreateFunction:
                    // Replacing an earlier migration's function: down restores it, not drops it.
                    if (!facts.replaced_functions.count({file, op.name}))
                        created.push_back({ObjKind::Function, "", unqualified(op.name), &op});
                    break;
                case OpKind::CreateTrigger: created.push_back({ObjKind::Trigger, op.table, op.name, &op}); break;
                case OpKind::CreatePolicy: created.push_back({ObjKind::Policy, op.table, op.name, &op}); break;
                case OpKind::EnableRls:
                    if (pre) created.push_back({ObjKind::Rls, op.table, "", &op});
                    break;
                case OpKind::RenameTable: created.push_back({ObjKind::TableRename, op.table, op.new_name, &op}); break;
                case OpKind::RenameColumn:
                    created.push_back({ObjKind::ColumnRename, op.table, op.name + " -> " + op.new_name, &op});
                    break;
                default: {
                    // An object the up creates and drops again itself (a temporary CHECK used
                    // for SET NOT NULL) is not left for the down.
                    ObjKind k = ObjKind::Table;
                    std::string table = op.table, name = op.name;
                    switch (op.kind) {
                        case OpKind::DropConstraint: k = ObjKind::Constraint; break;
                        case OpKind::DropIndex: k = ObjKind::Index; table = facts.table_of_index(op.name); name = unqualified(op.name); break;
                        case OpKind::DropColumn: k = ObjKind::Column; break;
                        case OpKind::DropTrigger: k = ObjKind::Trigger; break;
                        case OpKind::DropPolicy: k = ObjKind::Policy; break;
                        case OpKind::DropFunction: k = ObjKind::Function; table.clear(); name = unqualified(op.name); break;
                        case OpKind::DropType: k = ObjKind::Type; table.clear(); name = unqualified(op.name); break;
                        case OpKind::DropTable: k = ObjKind::Table; name.clear(); break;
                        default: continue;
                    }
                    created.erase(std::remove_if(created.begin(), created.end(),
                                                 [&](const SchemaObject& c) {
                                                     if (c.kind != k) return false;
                                                     if (k == ObjKind::Index || k == ObjKind::Function || k == ObjKind::Type) return c.name == name;
                                                     return c.table == table && c.name == name;
                                                 }),
                                  created.end());
                    break;
                }
            }
        } else {
            switch (op.kind) {
                case OpKind::DropTable: removed.push_back({ObjKind::Table, op.table, "", &op}); break;
                case OpKind::DropColumn: removed.push_back({ObjKind::Column, op.table, op.name, &op}); break;
                case OpKind::DropIndex:
                    removed.push_back({ObjKind::Index, facts.table_of_index(op.name), unqualified(op.name), &op});
                    break;
                case OpKind::DropConstraint: removed.push_back({ObjKind::Constraint, op.table, op.name, &op}); break;
                case OpKind::DropType: removed.push_back({ObjKind::Type, "", unqualified(op.name), &op}); break;
                case OpKind::DropFunction: removed.push_back({ObjKind::Function, "", unqualified(op.name), &op}); break;
                case OpKind::DropTrigger: removed.push_back({ObjKind::Trigger, op.table, op.name, &op}); break;
                case OpKind::DropPolicy: removed.push_back({ObjKind::Policy, op.table, op.name, &op}); break;
                case OpKind::DisableRls: removed.push_back({ObjKind::Rls, op.table, "", &op}); break;
                case OpKind::RenameTable: removed.push_back({ObjKind::TableRename, op.new_name, op.table, &op}); break;
                case OpKind::RenameColumn:
                    removed.push_back({ObjKind::ColumnRename, op.table, op.new_name + " -> " + op.name, &op});
                    break;
                default: break;
            }
        }
    }
    auto table_dropped = [&](const std::string& t) {
        return std::any_of(removed.begin(), removed.end(),
                           [&](const SchemaObject& o) { return o.kind == ObjKind::Table && o.table == t; });
    };
    auto column_dropped = [&](const std::string& t, const std::vector<std::string>& cols) {
        return std::any_of(removed.begin(), removed.end(), [&](const SchemaObject& o) {
            return o.kind == ObjKind::Column && o.table == t && std::find(cols.begin(), cols.end(), o.name) != cols.end();
        });
    };
    for (const auto& c : created) {
        bool gone = std::any_of(removed.begin(), removed.end(), [&](const SchemaObject& o) {
            if (c.kind == ObjKind::Index && o.kind == ObjKind::Index) return o.name == c.name;
            if (c.kind == ObjKind::TableRename && o.kind == ObjKind::TableRename)
                return o.table == c.name && o.name == c.table;
            if (c.kind == ObjKind::ColumnRename && o.kind == ObjKind::ColumnRename) {
                return o.table == c.table && o.name == c.name;
            }
            return same(c, o);
        });
        // Objects that belong to a table go with it.
        if (!gone && !c.table.empty() && c.kind != ObjKind::Table && c.kind != ObjKind::TableRename)
            gone = table_dropped(c.table);
        if (!gone && c.kind == ObjKind::Constraint && c.op) gone = column_dropped(c.table, c.op->columns);
        if (!gone && c.kind == ObjKind::Index && c.op) gone = column_dropped(c.table, c.op->columns);
        // DROP FUNCTION ... CASCADE takes its triggers along.
        if (!gone && c.kind == ObjKind::Trigger && c.op) {
            gone = std::any_of(removed.begin(), removed.end(), [&](const SchemaObject& o) {
                return o.kind == ObjKind::Function && o.op->cascade && o.name == unqualified(c.op->trigger_function);
            });
        }
        if (!gone) r.left_behind.push_back(c);
    }
    for (const auto& o : removed) {
        bool made = std::any_of(created.begin(), created.end(), [&](const SchemaObject& c) {
            if (c.kind == ObjKind::Index && o.kind == ObjKind::Index) return o.name == c.name;
            if (c.kind == ObjKind::TableRename && o.kind == ObjKind::TableRename) return o.table == c.name && o.name == c.table;
            if (c.kind == ObjKind::ColumnRename && o.kind == ObjKind::ColumnRename) return o.table == c.table && o.name == c.name;
            return same(c, o);
        });
        // Objects on tables up created (indexes, triggers, columns, constraints, policies) are up's.
        if (!made && !o.table.empty() && o.kind != ObjKind::Table)
            made = std::any_of(created.begin(), created.end(),
                               [&](const SchemaObject& c) { return c.kind == ObjKind::Table && c.table == o.table; });
        // Indexes and constraints on tables not created here, but created by up in this file (named): done above.
        if (!made && o.kind == ObjKind::Index) {
            // An index created by up on a table up created.
            made = std::any_of(f.ops.begin(), f.ops.end(), [&](const Operation& op) {
                return op.section == Section::Up && op.kind == OpKind::CreateIndex && unqualified(op.name) == o.name;
            });
        }
        if (!made && o.kind == ObjKind::Constraint) {
            made = std::any_of(f.ops.begin(), f.ops.end(), [&](const Operation& op) {
                if (op.section != Section::Up) return false;
                for (const auto& c : op.constraints) if (c.name == o.name) return true;
                for (const auto& col : op.column_defs) for (const auto& c : col.constraints) if (c.name == o.name) return true;
                return false;
            });
        }
        if (!made) r.extra_drops.push_back(o);
    }
    r.created = std::move(created);
    return r;
}

std::vector<FkConflict> fk_conflicts(const Project& p, const Facts& facts, int file) {
    std::vector<FkConflict> out;
    std::set<std::string> dropped;
    std::set<std::pair<std::string, std::string>> dropped_constraints;  // (table, constraint)
    for (const auto& op : p.files[file].ops) {
        if (op.section == Section::Down && op.kind == OpKind::DropConstraint) dropped_constraints.insert({op.table, op.name});
        if (op.section != Section::Down || op.kind != OpKind::DropTable) continue;
        if (!op.cascade) {
            auto it = facts.referencing_at_down[file].find(op.table);
            if (it != facts.referencing_at_down[file].end())
                for (const auto& [child, fk] : it->second)
                    if (!dropped.count(child) && !dropped_constraints.count({child, fk})) {
                        out.push_back({&op, child, fk});
                        break;
                    }
        }
        dropped.insert(op.table);
    }
    return out;
}

std::vector<TriggerOrder> functions_dropped_before_triggers(const Project& p, int file) {
    std::vector<TriggerOrder> out;
    const auto& f = p.files[file];
    for (const auto& up : f.ops) {
        if (up.section != Section::Up || up.kind != OpKind::CreateTrigger) continue;
        std::string fn = unqualified(up.trigger_function);
        bool trigger_gone = false;
        for (const auto& op : f.ops) {
            if (op.section != Section::Down) continue;
            if ((op.kind == OpKind::DropTrigger && op.name == up.name && op.table == up.table) ||
                (op.kind == OpKind::DropTable && op.table == up.table))
                trigger_gone = true;
            if (op.kind == OpKind::DropFunction && unqualified(op.name) == fn) {
                if (!trigger_gone && !op.cascade) out.push_back({&op, &up});
                break;
            }
        }
    }
    return out;
}

}  // namespace migsafe
