#include "checks/registry.hpp"

#include <atomic>
#include <thread>

#include "checks/common.hpp"

namespace migsafe {

// One declaration per check: checks/<category>/<id>.cpp defines check_<id>.
#define MIGSAFE_CHECK(fn) Outcome fn(const Project&, const Facts&);
MIGSAFE_CHECK(check_syntax_error)
MIGSAFE_CHECK(check_timestamp_prefix)
MIGSAFE_CHECK(check_descriptive_name)
MIGSAFE_CHECK(check_one_change_per_file)
MIGSAFE_CHECK(check_migrations_directory)
MIGSAFE_CHECK(check_migration_language)
MIGSAFE_CHECK(check_up_exists)
MIGSAFE_CHECK(check_up_returns_promise)
MIGSAFE_CHECK(check_awaited_knex_calls)
MIGSAFE_CHECK(check_uses_schema_builder)
MIGSAFE_CHECK(check_progress_logging)
MIGSAFE_CHECK(check_error_handling)
MIGSAFE_CHECK(check_no_hardcoded_secrets)
MIGSAFE_CHECK(check_down_exists)
MIGSAFE_CHECK(check_down_reverses_up)
MIGSAFE_CHECK(check_down_drop_order)
MIGSAFE_CHECK(check_down_drops_policies)
MIGSAFE_CHECK(check_down_drops_triggers)
MIGSAFE_CHECK(check_down_drops_functions)
MIGSAFE_CHECK(check_down_drops_tables)
MIGSAFE_CHECK(check_fk_on_delete)
MIGSAFE_CHECK(check_guarded_alterations)
MIGSAFE_CHECK(check_no_destructive_defaults)
MIGSAFE_CHECK(check_not_null_safe)
MIGSAFE_CHECK(check_no_unarchived_drop)
MIGSAFE_CHECK(check_no_narrowing_change)
MIGSAFE_CHECK(check_batched_data_changes)
MIGSAFE_CHECK(check_tenant_isolation)
MIGSAFE_CHECK(check_index_coverage)
MIGSAFE_CHECK(check_concurrent_index)
MIGSAFE_CHECK(check_concurrently_outside_transaction)
MIGSAFE_CHECK(check_lock_timeout)
MIGSAFE_CHECK(check_constraint_not_valid)
MIGSAFE_CHECK(check_no_table_rewrite)
MIGSAFE_CHECK(check_backward_compatible)
MIGSAFE_CHECK(check_dev_config)
MIGSAFE_CHECK(check_prod_config)
MIGSAFE_CHECK(check_env_credentials)
MIGSAFE_CHECK(check_no_hardcoded_credentials)
MIGSAFE_CHECK(check_pool_configured)
MIGSAFE_CHECK(check_service_migration_table)
MIGSAFE_CHECK(check_ssl_production)
MIGSAFE_CHECK(check_ssl_verifies_certificate)
MIGSAFE_CHECK(check_migrate_script)
MIGSAFE_CHECK(check_rollback_script)
MIGSAFE_CHECK(check_explicit_config)
MIGSAFE_CHECK(check_status_script)
MIGSAFE_CHECK(check_migration_test)
MIGSAFE_CHECK(check_ci_runs_migrations)
MIGSAFE_CHECK(check_rollback_documented)
MIGSAFE_CHECK(check_backup_before_migrate)
MIGSAFE_CHECK(check_integrity_sum)
MIGSAFE_CHECK(check_suppression_reason)
MIGSAFE_CHECK(check_timestamptz)
MIGSAFE_CHECK(check_jsonb_over_json)
MIGSAFE_CHECK(check_identity_over_serial)
MIGSAFE_CHECK(check_extension_if_not_exists)
#undef MIGSAFE_CHECK

namespace {
using C = Category;
using S = Severity;
// id, category, severity, title, summary phrase on failure, knex only, function
const std::vector<CheckInfo> kRegistry = {
    {"syntax-error", C::FileStructure, S::High, "Migrations parse", "Unparseable migration", false, check_syntax_error, "Every migration parses"},
    {"timestamp-prefix", C::FileStructure, S::Medium, "Timestamp/sequential prefix", "Sequential naming", false, check_timestamp_prefix, "Timestamped migration names"},
    {"descriptive-name", C::FileStructure, S::Low, "Descriptive names", "Vague migration names", false, check_descriptive_name, "Descriptive migration names"},
    {"one-change-per-file", C::FileStructure, S::Medium, "One logical change", "Multi-change migrations", false, check_one_change_per_file, "One logical change per file"},
    {"migrations-directory", C::FileStructure, S::Low, "Correct directory", "Stray migration files", false, check_migrations_directory, "All migrations in one directory"},
    {"migration-language", C::FileStructure, S::Low, "TypeScript migration", "Mixed .js and .ts migrations", true, check_migration_language, ""},
    {"up-exists", C::UpFunction, S::High, "Up migration present", "Missing up", false, check_up_exists, "", "export async function up"},
    {"up-returns-promise", C::UpFunction, S::High, "Returns Promise", "up does not return its promise", true, check_up_returns_promise, ""},
    {"awaited-knex-calls", C::UpFunction, S::High, "Awaited knex calls", "Un-awaited knex calls", true, check_awaited_knex_calls, ""},
    {"uses-schema-builder", C::UpFunction, S::Low, "Uses knex.schema", "Raw SQL the builder covers", true, check_uses_schema_builder, ""},
    {"progress-logging", C::UpFunction, S::Low, "Progress logging", "Long silent migrations", false, check_progress_logging, "Progress logging"},
    {"error-handling", C::UpFunction, S::Medium, "Error handling", "Not re-runnable after partial failure", false, check_error_handling, "Re-runnable migrations"},
    {"no-hardcoded-secrets", C::UpFunction, S::Critical, "No hardcoded secrets", "Secrets in migrations", false, check_no_hardcoded_secrets, "No secrets in migrations"},
    {"down-exists", C::DownFunction, S::High, "Down migration present", "Missing down", false, check_down_exists, "Every migration has a down", "export async function down"},
    {"down-reverses-up", C::DownFunction, S::High, "Reverses up function", "Down does not reverse up", false, check_down_reverses_up, "Complete down migrations"},
    {"down-drop-order", C::DownFunction, S::Medium, "Correct drop order", "Down drop order breaks on FKs", false, check_down_drop_order, "FK dependency order correct"},
    {"down-drops-policies", C::DownFunction, S::Low, "Drops RLS policies", "Policies left by down", false, check_down_drops_policies, ""},
    {"down-drops-triggers", C::DownFunction, S::Medium, "Drops triggers", "Triggers not dropped before functions", false, check_down_drops_triggers, "Triggers dropped before their functions"},
    {"down-drops-functions", C::DownFunction, S::Medium, "Drops functions", "Functions left by down", false, check_down_drops_functions, ""},
    {"down-drops-tables", C::DownFunction, S::Low, "Drops tables", "Tables left by down", false, check_down_drops_tables, ""},
    {"fk-on-delete", C::DataSafety, S::Medium, "FK uses RESTRICT", "Cascading deletes", false, check_fk_on_delete, "Deliberate ON DELETE rules"},
    {"guarded-alterations", C::DataSafety, S::Medium, "Safe alterations", "Unguarded alterations", false, check_guarded_alterations, "Guarded alterations"},
    {"no-destructive-defaults", C::DataSafety, S::Medium, "No destructive defaults", "Backfill overwrites values", false, check_no_destructive_defaults, ""},
    {"not-null-safe", C::DataSafety, S::High, "NOT NULL added safely", "NOT NULL without default or backfill", false, check_not_null_safe, "NOT NULL added safely"},
    {"no-unarchived-drop", C::DataSafety, S::High, "No unarchived drops", "Data dropped without archive", false, check_no_unarchived_drop, "Data archived before drops"},
    {"no-narrowing-change", C::DataSafety, S::High, "No narrowing type changes", "Type change can lose data", false, check_no_narrowing_change, "No lossy type changes"},
    {"batched-data-changes", C::DataSafety, S::Medium, "Batched data changes", "Whole-table data changes", false, check_batched_data_changes, ""},
    {"tenant-isolation", C::DataSafety, S::High, "Tenant isolation", "Tenant tables without RLS", false, check_tenant_isolation, "RLS on every tenant table"},
    {"index-coverage", C::Locking, S::Low, "Index creation", "Unindexed FK/tenant columns", false, check_index_coverage, "FK and tenant columns indexed"},
    {"concurrent-index", C::Locking, S::High, "CONCURRENTLY", "No CONCURRENTLY indexes", false, check_concurrent_index, "Indexes built CONCURRENTLY"},
    {"concurrently-outside-transaction", C::Locking, S::Critical, "CONCURRENTLY outside transaction", "CONCURRENTLY inside a transaction", false, check_concurrently_outside_transaction, "Non-transactional statements isolated"},
    {"lock-timeout", C::Locking, S::High, "Lock timeout", "No lock_timeout", false, check_lock_timeout, "lock_timeout before locking"},
    {"constraint-not-valid", C::Locking, S::Medium, "NOT VALID constraints", "Constraints validated under lock", false, check_constraint_not_valid, "Constraints added NOT VALID, validated later"},
    {"no-table-rewrite", C::Locking, S::High, "No table rewrite", "Table rewrites", false, check_no_table_rewrite, "No table rewrites"},
    {"backward-compatible", C::Locking, S::Medium, "Backward compatible", "Breaking renames/drops", false, check_backward_compatible, ""},
    {"dev-config", C::Configuration, S::Low, "Development config", "No development config", false, check_dev_config, ""},
    {"prod-config", C::Configuration, S::Medium, "Production config", "No production config", false, check_prod_config, ""},
    {"env-credentials", C::Configuration, S::High, "Env vars for creds", "Credentials not from env", false, check_env_credentials, "Credentials from the environment"},
    {"no-hardcoded-credentials", C::Configuration, S::High, "No hardcoded creds", "Hardcoded credentials", false, check_no_hardcoded_credentials, "No hardcoded credentials"},
    {"pool-configured", C::Configuration, S::Low, "Pool configuration", "No pool configuration", false, check_pool_configured, ""},
    {"service-migration-table", C::Configuration, S::Medium, "Migration table", "Default migration table", false, check_service_migration_table, "Service-specific migration table"},
    {"ssl-production", C::Configuration, S::High, "SSL in production", "No SSL in production", false, check_ssl_production, "SSL in production"},
    {"ssl-verifies-certificate", C::Configuration, S::High, "SSL verifies certificate", "SSL without certificate check", false, check_ssl_verifies_certificate, "Certificate verified in production"},
    {"migrate-script", C::Scripts, S::Medium, "migrate script", "No migrate script", false, check_migrate_script, ""},
    {"rollback-script", C::Scripts, S::Medium, "rollback script", "No rollback script", false, check_rollback_script, ""},
    {"explicit-config", C::Scripts, S::Low, "Config specified", "Scripts rely on default config", false, check_explicit_config, ""},
    {"status-script", C::Scripts, S::Low, "status script", "No migrate:status script", false, check_status_script, ""},
    {"migration-test", C::Scripts, S::Low, "Migration test", "No migration test", false, check_migration_test, "Migration test (up/down/up)"},
    {"ci-runs-migrations", C::Process, S::Medium, "CI runs migrations", "CI does not apply migrations", false, check_ci_runs_migrations, "CI applies migrations"},
    {"rollback-documented", C::Process, S::Low, "Rollback documented", "Rollback undocumented", false, check_rollback_documented, "Rollback documented"},
    {"backup-before-migrate", C::Process, S::Medium, "Backup before migrate", "No backup before migrate", false, check_backup_before_migrate, "Backup before migrating"},
    {"integrity-sum", C::Process, S::Medium, "Integrity sum", "No migsafe.sum", false, check_integrity_sum, "Checksummed migrations"},
    {"suppression-reason", C::Process, S::Low, "Suppressions explained", "Suppressions without reason", false, check_suppression_reason, ""},
    {"timestamptz", C::Types, S::Low, "timestamptz", "timestamp without time zone", false, check_timestamptz, "timestamptz everywhere"},
    {"jsonb-over-json", C::Types, S::Low, "jsonb over json", "json columns", false, check_jsonb_over_json, "jsonb for documents"},
    {"identity-over-serial", C::Types, S::Low, "Identity over serial", "serial keys", false, check_identity_over_serial, ""},
    {"extension-if-not-exists", C::Types, S::Medium, "Extensions", "Extension used before created", false, check_extension_if_not_exists, "Extensions created idempotently"},
};
}  // namespace

const std::vector<CheckInfo>& registry() { return kRegistry; }

const CheckInfo* find_check(std::string_view id) {
    for (const auto& c : kRegistry)
        if (c.id == id) return &c;
    return nullptr;
}

std::vector<Category> categories() {
    return {C::FileStructure, C::UpFunction, C::DownFunction, C::DataSafety, C::Locking,
            C::Configuration, C::Scripts, C::Process, C::Types};
}

std::string_view category_title(Category c, Flavour f) {
    bool knex = f == Flavour::Knex;
    switch (c) {
        case C::FileStructure: return "File Structure";
        case C::UpFunction: return knex ? "Up Function" : "Up Migration";
        case C::DownFunction: return knex ? "Down Function" : "Down Migration";
        case C::DataSafety: return "Data Safety";
        case C::Locking: return "Performance & Locking";
        case C::Configuration: return knex ? "Knexfile Configuration" : "Configuration";
        case C::Scripts: return knex ? "Package.json Scripts" : "Scripts";
        case C::Process: return "Process";
        case C::Types: return "PostgreSQL Types & Extensions";
    }
    return "?";
}

namespace {

Status status_of(const Outcome& o) {
    if (o.not_applicable) return Status::NotApplicable;
    bool partial = false;
    for (const auto& e : o.evidence) {
        if (e.weight == Weight::Fail) return Status::Fail;
        if (e.weight == Weight::Partial) partial = true;
    }
    return partial ? Status::Partial : Status::Pass;
}

}  // namespace

Result<AuditResult> run_checks(const Project& project, const Facts& facts) {
    AuditResult out;
    for (const auto& [id, o] : project.config.checks)
        if (!find_check(id)) return Error{project.config.path, o.line, "unknown check '" + id + "' in [checks]"};
    std::vector<Suppression> sups = project.suppressions;
    // Checks are pure functions of the project and its facts: run them on every core.
    std::vector<Outcome> outcomes(kRegistry.size());
    std::vector<bool> enabled(kRegistry.size());
    for (size_t i = 0; i < kRegistry.size(); ++i) {
        auto ov = project.config.checks.find(std::string(kRegistry[i].id));
        enabled[i] = !(ov != project.config.checks.end() && !ov->second.enabled);
    }
    std::atomic<size_t> next{0};
    auto worker = [&]() {
        for (size_t i = next++; i < kRegistry.size(); i = next++)
            if (enabled[i]) outcomes[i] = kRegistry[i].fn(project, facts);
    };
    unsigned n_threads = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < n_threads; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
    for (size_t idx = 0; idx < kRegistry.size(); ++idx) {
        const auto& info = kRegistry[idx];
        auto ov = project.config.checks.find(std::string(info.id));
        if (!enabled[idx]) {
            out.disabled.emplace_back(info.id);
            continue;
        }
        Outcome o = std::move(outcomes[idx]);
        CheckResult r;
        r.info = &info;
        r.severity = ov != project.config.checks.end() && ov->second.severity ? *ov->second.severity : info.severity;
        // Inline suppressions: `-- migsafe:ignore <id> <reason>` on the line before.
        std::vector<Evidence> kept;
        bool any_suppressed = false;
        for (auto& e : o.evidence) {
            bool suppressed = false;
            if (e.weight != Weight::Info && e.loc.file >= 0) {
                for (auto& s : sups) {
                    if (s.check_id == info.id && s.file == e.loc.file && s.down_file == e.loc.down_file &&
                        s.target_line == e.loc.line) {
                        s.used = true;
                        suppressed = true;
                        out.suppressed.push_back(SuppressedItem{std::string(info.id), checks::file_name(project, e.loc),
                                                                e.loc.line, s.reason, e.message});
                    }
                }
            }
            if (suppressed) any_suppressed = true;
            else kept.push_back(std::move(e));
        }
        o.evidence = std::move(kept);
        r.status = status_of(o);
        if (any_suppressed && r.status == Status::Pass && o.summary.empty()) o.summary = "Suppressed findings only";
        if (r.status == Status::Fail || r.status == Status::Partial) {
            // The summary of a failing check names what failed, never what would have passed.
            int findings = 0;
            const Evidence* first = nullptr;
            for (const auto& e : o.evidence)
                if (e.weight != Weight::Info) {
                    if (!first) first = &e;
                    ++findings;
                }
            if (first) o.summary = first->message + (findings > 1 ? " (+" + std::to_string(findings - 1) + " more)" : "");
        }
        r.summary = std::move(o.summary);
        r.evidence = std::move(o.evidence);
        r.fix = std::move(o.fix);
        out.checks.push_back(std::move(r));
    }
    return out;
}

}  // namespace migsafe
