#include "model/enums.hpp"

#include <array>
#include <utility>

namespace migsafe {
namespace {

template <typename E, size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

template <typename E, size_t N>
std::string_view name_of(const Names<E, N>& names, E e) {
    for (const auto& [k, v] : names)
        if (k == e) return v;
    return "?";
}

template <typename E, size_t N>
std::optional<E> value_of(const Names<E, N>& names, std::string_view s) {
    for (const auto& [k, v] : names)
        if (v == s) return k;
    return std::nullopt;
}

constexpr Names<Status, 4> kStatus{{{Status::Pass, "PASS"},
                                    {Status::Partial, "PARTIAL"},
                                    {Status::Fail, "FAIL"},
                                    {Status::NotApplicable, "N/A"}}};
constexpr Names<Severity, 4> kSeverity{{{Severity::Low, "LOW"},
                                        {Severity::Medium, "MEDIUM"},
                                        {Severity::High, "HIGH"},
                                        {Severity::Critical, "CRITICAL"}}};
constexpr Names<LockMode, 9> kLock{{{LockMode::None, "NONE"},
                                    {LockMode::AccessShare, "ACCESS SHARE"},
                                    {LockMode::RowShare, "ROW SHARE"},
                                    {LockMode::RowExclusive, "ROW EXCLUSIVE"},
                                    {LockMode::ShareUpdateExclusive, "SHARE UPDATE EXCLUSIVE"},
                                    {LockMode::Share, "SHARE"},
                                    {LockMode::ShareRowExclusive, "SHARE ROW EXCLUSIVE"},
                                    {LockMode::Exclusive, "EXCLUSIVE"},
                                    {LockMode::AccessExclusive, "ACCESS EXCLUSIVE"}}};
constexpr Names<Flavour, 2> kFlavour{{{Flavour::Sql, "sql"}, {Flavour::Knex, "knex"}}};
constexpr Names<Layout, 5> kLayout{{{Layout::Dbmate, "dbmate"},
                                    {Layout::GolangMigrate, "golang-migrate"},
                                    {Layout::Flyway, "flyway"},
                                    {Layout::Plain, "plain"},
                                    {Layout::Knex, "knex"}}};
constexpr Names<Section, 2> kSection{{{Section::Up, "up"}, {Section::Down, "down"}}};
constexpr Names<Category, 9> kCategory{{{Category::FileStructure, "file-structure"},
                                        {Category::UpFunction, "up"},
                                        {Category::DownFunction, "down"},
                                        {Category::DataSafety, "data-safety"},
                                        {Category::Locking, "locking"},
                                        {Category::Configuration, "configuration"},
                                        {Category::Scripts, "scripts"},
                                        {Category::Process, "process"},
                                        {Category::Types, "types"}}};
constexpr Names<OpKind, 61> kOpKind{{
    {OpKind::CreateTable, "create_table"},
    {OpKind::CreateTableAs, "create_table_as"},
    {OpKind::DropTable, "drop_table"},
    {OpKind::RenameTable, "rename_table"},
    {OpKind::AddColumn, "add_column"},
    {OpKind::DropColumn, "drop_column"},
    {OpKind::RenameColumn, "rename_column"},
    {OpKind::AlterColumnType, "alter_column_type"},
    {OpKind::SetNotNull, "set_not_null"},
    {OpKind::DropNotNull, "drop_not_null"},
    {OpKind::SetDefault, "set_default"},
    {OpKind::DropDefault, "drop_default"},
    {OpKind::AddConstraint, "add_constraint"},
    {OpKind::DropConstraint, "drop_constraint"},
    {OpKind::ValidateConstraint, "validate_constraint"},
    {OpKind::RenameConstraint, "rename_constraint"},
    {OpKind::EnableRls, "enable_rls"},
    {OpKind::DisableRls, "disable_rls"},
    {OpKind::ForceRls, "force_rls"},
    {OpKind::NoForceRls, "no_force_rls"},
    {OpKind::SetTablespace, "set_tablespace"},
    {OpKind::AlterTableOther, "alter_table_other"},
    {OpKind::CreateIndex, "create_index"},
    {OpKind::DropIndex, "drop_index"},
    {OpKind::Reindex, "reindex"},
    {OpKind::CreateFunction, "create_function"},
    {OpKind::DropFunction, "drop_function"},
    {OpKind::CreateTrigger, "create_trigger"},
    {OpKind::DropTrigger, "drop_trigger"},
    {OpKind::CreateType, "create_type"},
    {OpKind::DropType, "drop_type"},
    {OpKind::AlterTypeAddValue, "alter_type_add_value"},
    {OpKind::CreateExtension, "create_extension"},
    {OpKind::DropExtension, "drop_extension"},
    {OpKind::CreatePolicy, "create_policy"},
    {OpKind::DropPolicy, "drop_policy"},
    {OpKind::AlterPolicy, "alter_policy"},
    {OpKind::SetLockTimeout, "set_lock_timeout"},
    {OpKind::SetStatementTimeout, "set_statement_timeout"},
    {OpKind::SetOther, "set_other"},
    {OpKind::ResetSetting, "reset_setting"},
    {OpKind::AlterRoleSet, "alter_role_set"},
    {OpKind::Insert, "insert"},
    {OpKind::Update, "update"},
    {OpKind::Delete, "delete"},
    {OpKind::Truncate, "truncate"},
    {OpKind::Select, "select"},
    {OpKind::DoBlock, "do_block"},
    {OpKind::Vacuum, "vacuum"},
    {OpKind::Cluster, "cluster"},
    {OpKind::LockTable, "lock_table"},
    {OpKind::CreateView, "create_view"},
    {OpKind::DropView, "drop_view"},
    {OpKind::CreateSequence, "create_sequence"},
    {OpKind::DropSequence, "drop_sequence"},
    {OpKind::CreateSchema, "create_schema"},
    {OpKind::DropSchema, "drop_schema"},
    {OpKind::Comment, "comment"},
    {OpKind::Grant, "grant"},
    {OpKind::TransactionControl, "transaction_control"},
    {OpKind::Other, "other"},
}};

}  // namespace

std::string_view to_string(Status v) { return name_of(kStatus, v); }
std::string_view to_string(Severity v) { return name_of(kSeverity, v); }
std::string_view to_string(LockMode v) { return name_of(kLock, v); }
std::string_view to_string(Flavour v) { return name_of(kFlavour, v); }
std::string_view to_string(Layout v) { return name_of(kLayout, v); }
std::string_view to_string(Section v) { return name_of(kSection, v); }
std::string_view to_string(Category v) { return name_of(kCategory, v); }
std::string_view to_string(OpKind v) { return name_of(kOpKind, v); }

std::optional<Status> parse_status(std::string_view s) { return value_of(kStatus, s); }
std::optional<Severity> parse_severity(std::string_view s) {
    if (auto v = value_of(kSeverity, s)) return v;
    // accept lower case too ("high")
    for (const auto& [k, v] : kSeverity) {
        if (v.size() != s.size()) continue;
        bool eq = true;
        for (size_t i = 0; i < s.size(); ++i)
            if ((s[i] & ~0x20) != v[i]) eq = false;
        if (eq) return k;
    }
    return std::nullopt;
}
std::optional<LockMode> parse_lock_mode(std::string_view s) { return value_of(kLock, s); }
std::optional<Layout> parse_layout(std::string_view s) { return value_of(kLayout, s); }
std::optional<Category> parse_category(std::string_view s) { return value_of(kCategory, s); }
std::optional<OpKind> parse_op_kind(std::string_view s) { return value_of(kOpKind, s); }

bool blocks_reads(LockMode m) { return m == LockMode::AccessExclusive; }
bool blocks_writes(LockMode m) { return m >= LockMode::Share; }

std::string_view blocks_description(LockMode m) {
    if (blocks_reads(m)) return "reads and writes";
    if (blocks_writes(m)) return "writes";
    if (m >= LockMode::ShareUpdateExclusive) return "other DDL and VACUUM";
    if (m == LockMode::None) return "nothing";
    return "only ACCESS EXCLUSIVE";
}

Severity one_lower(Severity s) {
    return s == Severity::Low ? Severity::Low : static_cast<Severity>(static_cast<int>(s) - 1);
}

}  // namespace migsafe
