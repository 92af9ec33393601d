#include "analysis/facts.hpp"

#include <algorithm>
#include <regex>

namespace migsafe {

FileCounts& FileCounts::operator+=(const FileCounts& o) {
    tables += o.tables;
    tenant_tables += o.tenant_tables;
    functions += o.functions;
    triggers += o.triggers;
    indexes += o.indexes;
    composite_indexes += o.composite_indexes;
    partial_indexes += o.partial_indexes;
    unique_indexes += o.unique_indexes;
    gin_gist_indexes += o.gin_gist_indexes;
    concurrent_indexes += o.concurrent_indexes;
    policies += o.policies;
    foreign_keys += o.foreign_keys;
    check_constraints += o.check_constraints;
    extensions += o.extensions;
    types += o.types;
    rls_tables += o.rls_tables;
    return *this;
}

bool Facts::preexisting(int file, int op_index, const std::string& table) const {
    if (table.empty()) return true;
    if (declared_preexisting.count(table)) return true;
    if (file < 0 || file >= static_cast<int>(created_in_up.size())) return true;
    const auto& op = project->files[file].ops[op_index];
    auto up = created_in_up[file].find(table);
    if (op.section == Section::Up) return !(up != created_in_up[file].end() && up->second < op_index);
    if (up != created_in_up[file].end()) return false;
    auto down = created_in_down[file].find(table);
    return !(down != created_in_down[file].end() && down->second < op_index);
}

std::string Facts::table_of_index(const std::string& index) const {
    auto it = index_table.find(index);
    return it == index_table.end() ? std::string() : it->second;
}

namespace {

bool is_tenant_policy(const Operation& op, const std::string& tenant_column) {
    bool col = std::find(op.policy_columns.begin(), op.policy_columns.end(), tenant_column) != op.policy_columns.end();
    bool setting = std::find(op.functions_called.begin(), op.functions_called.end(), "current_setting") !=
                   op.functions_called.end();
    return col && setting;
}

bool url_sets_lock_timeout(const std::string& s) {
    return s.find("lock_timeout") != std::string::npos;
}

// A PRIMARY KEY or UNIQUE constraint brings its index, named as PostgreSQL names it.
void add_constraint_index(Catalog& cat, const std::string& table, const Constraint& c, int file, int op_index) {
    if (c.type != ConstraintType::PrimaryKey && c.type != ConstraintType::Unique) return;
    IndexInfo ix;
    ix.table = table;
    ix.columns = c.columns;
    ix.unique = true;
    ix.from_constraint = true;
    ix.file = file;
    ix.op = op_index;
    std::string cols;
    for (const auto& col : c.columns) cols += "_" + col;
    ix.name = !c.name.empty() ? c.name : c.type == ConstraintType::PrimaryKey ? table + "_pkey" : table + cols + "_key";
    cat.indexes[ix.name] = ix;
}

void apply_up(Catalog& cat, const Operation& op, int file, int op_index, Facts& facts) {
    switch (op.kind) {
        case OpKind::CreateTable:
        case OpKind::CreateTableAs: {
            TableInfo t;
            t.name = op.table;
            t.file = file;
            t.loc = op.loc;
            for (const auto& c : op.column_defs) {
                t.columns[c.name] = c;
                t.columns[c.name].loc.file = file;
                t.columns[c.name].loc.down_file = op.loc.down_file;
                t.column_order.push_back(c.name);
            }
            for (const auto& c : op.constraints) {
                if (c.type == ConstraintType::ForeignKey) t.foreign_keys.push_back(c);
                add_constraint_index(cat, op.table, c, file, op_index);
            }
            cat.tables[op.table] = std::move(t);
            facts.project_tables.insert(op.table);
            break;
        }
        case OpKind::DropTable: {
            cat.tables.erase(op.table);
            for (auto it = cat.indexes.begin(); it != cat.indexes.end();)
                it = it->second.table == op.table ? cat.indexes.erase(it) : std::next(it);
            break;
        }
        case OpKind::RenameTable: {
            auto it = cat.tables.find(op.table);
            if (it != cat.tables.end()) {
                auto t = std::move(it->second);
                cat.tables.erase(it);
                t.name = op.new_name;
                cat.tables[op.new_name] = std::move(t);
            }
            for (auto& [n, ix] : cat.indexes)
                if (ix.table == op.table) ix.table = op.new_name;
            break;
        }
        case OpKind::AddColumn: {
            auto& t = cat.tables[op.table];
            if (t.name.empty()) t.name = op.table;
            for (const auto& c : op.column_defs) {
                t.columns[c.name] = c;
                t.columns[c.name].loc = op.loc;  // the ALTER TABLE that added it
                t.column_order.push_back(c.name);
                for (const auto& k : c.constraints)
                    if (k.type == ConstraintType::ForeignKey) t.foreign_keys.push_back(k);
            }
            break;
        }
        case OpKind::DropColumn: {
            auto it = cat.tables.find(op.table);
            if (it != cat.tables.end()) it->second.columns.erase(op.name);
            break;
        }
        case OpKind::RenameColumn: {
            auto it = cat.tables.find(op.table);
            if (it != cat.tables.end()) {
                auto c = it->second.columns.find(op.name);
                if (c != it->second.columns.end()) {
                    auto col = c->second;
                    col.name = op.new_name;
                    it->second.columns.erase(c);
                    it->second.columns[op.new_name] = col;
                }
            }
            break;
        }
        case OpKind::AlterColumnType: {
            auto it = cat.tables.find(op.table);
            if (it != cat.tables.end() && !op.column_defs.empty()) {
                auto c = it->second.columns.find(op.name);
                if (c != it->second.columns.end()) {
                    facts.old_column[{file, op_index}] = c->second;
                    c->second.type = op.column_defs[0].type;
                    c->second.typmods = op.column_defs[0].typmods;
                }
            }
            break;
        }
        case OpKind::AddConstraint: {
            auto& t = cat.tables[op.table];
            if (t.name.empty()) t.name = op.table;
            for (const auto& c : op.constraints) {
                if (c.type == ConstraintType::ForeignKey) t.foreign_keys.push_back(c);
                add_constraint_index(cat, op.table, c, file, op_index);
            }
            break;
        }
        case OpKind::DropConstraint: {
            auto it = cat.tables.find(op.table);
            if (it != cat.tables.end()) {
                auto& fks = it->second.foreign_keys;
                fks.erase(std::remove_if(fks.begin(), fks.end(), [&](const Constraint& c) { return c.name == op.name; }),
                          fks.end());
            }
            cat.indexes.erase(op.name);
            break;
        }
        case OpKind::CreateIndex: {
            IndexInfo ix;
            ix.name = op.name.empty() ? op.table + "_idx" + std::to_string(op_index) : op.name;
            ix.table = op.table;
            ix.columns = op.columns;
            ix.method = op.method;
            ix.unique = op.unique;
            ix.partial = op.has_where;
            ix.file = file;
            ix.op = op_index;
            cat.indexes[ix.name] = ix;
            facts.index_table[ix.name] = op.table;
            break;
        }
        case OpKind::DropIndex:
            cat.indexes.erase(op.name);
            break;
        case OpKind::EnableRls:
        case OpKind::DisableRls: {
            auto& t = cat.tables[op.table];
            if (t.name.empty()) t.name = op.table;
            t.rls_enabled = op.kind == OpKind::EnableRls;
            t.rls_loc = op.loc;
            break;
        }
        case OpKind::ForceRls:
        case OpKind::NoForceRls: {
            auto& t = cat.tables[op.table];
            if (t.name.empty()) t.name = op.table;
            t.rls_forced = op.kind == OpKind::ForceRls;
            break;
        }
        case OpKind::CreatePolicy: {
            auto& t = cat.tables[op.table];
            if (t.name.empty()) t.name = op.table;
            t.policies.push_back(PolicyInfo{op.name, &op, file});
            break;
        }
        case OpKind::DropPolicy: {
            auto it = cat.tables.find(op.table);
            if (it != cat.tables.end()) {
                auto& p = it->second.policies;
                p.erase(std::remove_if(p.begin(), p.end(), [&](const PolicyInfo& x) { return x.name == op.name; }), p.end());
            }
            break;
        }
        case OpKind::CreateFunction:
            if (cat.functions.count(op.name)) facts.replaced_functions.insert({file, op.name});
            cat.functions[op.name] = op.loc;
            break;
        case OpKind::DropFunction:
            cat.functions.erase(op.name);
            break;
        case OpKind::CreateType:
            cat.types[op.name] = op.loc;
            break;
        case OpKind::DropType:
            cat.types.erase(op.name);
            break;
        case OpKind::CreateExtension:
            cat.extensions[op.name] = op.loc;
            break;
        case OpKind::DropExtension:
            cat.extensions.erase(op.name);
            break;
        default:
            break;
    }
}

FileCounts count_file(const MigrationFile& f) {
    FileCounts c;
    for (const auto& op : f.ops) {
        if (op.section != Section::Up) continue;
        switch (op.kind) {
            case OpKind::CreateTable:
            case OpKind::CreateTableAs:
                ++c.tables;
                break;
            case OpKind::CreateFunction:
                ++c.functions;
                break;
            case OpKind::CreateTrigger:
                ++c.triggers;
                break;
            case OpKind::CreateIndex:
                ++c.indexes;
                if (op.columns.size() > 1) ++c.composite_indexes;
                if (op.has_where) ++c.partial_indexes;
                if (op.unique) ++c.unique_indexes;
                if (op.method == "gin" || op.method == "gist") ++c.gin_gist_indexes;
                if (op.concurrently) ++c.concurrent_indexes;
                break;
            case OpKind::CreatePolicy:
                ++c.policies;
                break;
            case OpKind::CreateExtension:
                ++c.extensions;
                break;
            case OpKind::CreateType:
                ++c.types;
                break;
            case OpKind::EnableRls:
                ++c.rls_tables;
                break;
            default:
                break;
        }
        for (const auto& k : op.constraints) {
            if (k.type == ConstraintType::ForeignKey) ++c.foreign_keys;
            if (k.type == ConstraintType::Check) ++c.check_constraints;
        }
        // (ADD COLUMN's inline constraints are in op.constraints already.)
    }
    return c;
}

}  // namespace

Facts analyse(Project& project) {
    Facts facts;
    facts.project = &project;
    facts.pg_version = project.config.pg_version;
    facts.tenant_column = project.config.tenant_column;
    for (const auto& t : project.config.preexisting_tables) facts.declared_preexisting.insert(t);
    size_t n = project.files.size();
    facts.created_in_up.resize(n);
    facts.created_in_down.resize(n);
    facts.referencing_at_down.resize(n);
    facts.counts.resize(n);

    // Configuration that sets lock_timeout for every migration.
    const Config& cfg = project.config;
    if (cfg.knexfile) {
        for (const auto& env : cfg.environments) {
            auto it = env.values.find("lock_timeout");
            if (it != env.values.end()) {
                facts.lock_timeout_configured = true;
                facts.lock_timeout_source = cfg.path + ":" + std::to_string(it->second.line) + " pool.afterCreate sets lock_timeout";
                break;
            }
        }
    } else if (cfg.present) {
        if (!cfg.lock_timeout.empty()) {
            if (cfg.lock_timeout != "0" && cfg.lock_timeout != "0s") {
                facts.lock_timeout_configured = true;
                facts.lock_timeout_source = "migsafe.toml:" + std::to_string(cfg.lock_timeout_line) +
                                            " lock_timeout = " + cfg.lock_timeout;
            }
        } else {
            facts.lock_timeout_configured = true;
            facts.lock_timeout_source = "migsafe runner default lock_timeout 5s (migsafe.toml)";
        }
        for (const auto& env : cfg.environments) {
            auto it = env.values.find("url");
            if (it != env.values.end() && url_sets_lock_timeout(it->second.value) && !facts.lock_timeout_configured) {
                facts.lock_timeout_configured = true;
                facts.lock_timeout_source = "migsafe.toml:" + std::to_string(it->second.line) + " url options lock_timeout";
            }
        }
    }
    if (!facts.lock_timeout_configured) {
        static const std::regex env_re(R"((DATABASE_URL|PGOPTIONS)\s*[=:][^\n]*lock_timeout)");
        for (const auto& a : project.aux) {
            if (a.kind != AuxFile::Kind::Env && a.kind != AuxFile::Kind::Ci && a.kind != AuxFile::Kind::Other) continue;
            std::smatch m;
            if (std::regex_search(a.source.text(), m, env_re)) {
                facts.lock_timeout_configured = true;
                facts.lock_timeout_source = a.path + ":" + std::to_string(a.source.locate(m.position()).line) +
                                            " " + m[1].str() + " sets lock_timeout";
                break;
            }
        }
    }

    Catalog& cat = facts.catalog;
    for (size_t fi = 0; fi < n; ++fi) {
        auto& f = project.files[fi];
        int file = static_cast<int>(fi);
        for (size_t oi = 0; oi < f.ops.size(); ++oi) {
            const auto& op = f.ops[oi];
            auto& created = op.section == Section::Up ? facts.created_in_up[fi] : facts.created_in_down[fi];
            if (op.kind == OpKind::CreateTable || op.kind == OpKind::CreateTableAs) created.emplace(op.table, static_cast<int>(oi));
            // A table created in this file and renamed keeps being new under its new name.
            if (op.kind == OpKind::RenameTable && created.count(op.table)) created.emplace(op.new_name, static_cast<int>(oi));
            if (op.kind == OpKind::CreateIndex && !op.name.empty()) facts.index_table.emplace(op.name, op.table);
            if (op.kind == OpKind::AlterRoleSet && op.name == "lock_timeout" && op.section == Section::Up &&
                facts.role_lock_timeout_from_file < 0) {
                facts.role_lock_timeout_from_file = file + 1;
                facts.role_lock_timeout_loc = op.loc;
            }
        }
        for (size_t oi = 0; oi < f.ops.size(); ++oi) {
            auto& op = f.ops[oi];
            std::string t = op.table;
            if (t.empty() && (op.kind == OpKind::DropIndex || op.kind == OpKind::Reindex)) t = facts.table_of_index(op.name);
            // The table a CREATE TABLE makes is new at that statement.
            bool creates = op.kind == OpKind::CreateTable || op.kind == OpKind::CreateTableAs;
            op.preexisting = !creates && facts.preexisting(file, static_cast<int>(oi), t);
        }
        for (size_t oi = 0; oi < f.ops.size(); ++oi)
            if (f.ops[oi].section == Section::Up) apply_up(cat, f.ops[oi], file, static_cast<int>(oi), facts);
        // Types before each down ALTER COLUMN TYPE, as the schema stands after this file's up.
        for (size_t oi = 0; oi < f.ops.size(); ++oi) {
            const auto& op = f.ops[oi];
            if (op.section != Section::Down || op.kind != OpKind::AlterColumnType) continue;
            auto t = cat.tables.find(op.table);
            if (t == cat.tables.end()) continue;
            auto c = t->second.columns.find(op.name);
            if (c != t->second.columns.end()) facts.old_column[{file, static_cast<int>(oi)}] = c->second;
        }
        // FKs referencing each table this file's down drops, as the schema stands after its up.
        for (const auto& op : f.ops) {
            if (op.section != Section::Down || op.kind != OpKind::DropTable) continue;
            auto& refs = facts.referencing_at_down[fi][op.table];
            for (const auto& [name, t] : cat.tables)
                for (const auto& fk : t.foreign_keys)
                    if (fk.ref_table == op.table && name != op.table)
                        refs.emplace_back(name, fk.name.empty() ? (fk.columns.empty() ? "" : fk.columns[0]) : fk.name);
        }
        facts.counts[fi] = count_file(f);
        facts.totals += facts.counts[fi];
    }
    // Tenant-isolated tables: RLS enabled with a policy on the tenant column.
    for (const auto& [name, t] : cat.tables) {
        if (!t.rls_enabled) continue;
        bool tenant_policy = std::any_of(t.policies.begin(), t.policies.end(), [&](const PolicyInfo& p) {
            return is_tenant_policy(*p.op, facts.tenant_column);
        });
        if (tenant_policy) {
            ++facts.tenant_isolated_tables;
            if (t.file >= 0) ++facts.counts[t.file].tenant_tables;
        }
    }
    facts.totals.tenant_tables = facts.tenant_isolated_tables;
    return facts;
}

}  // namespace migsafe
