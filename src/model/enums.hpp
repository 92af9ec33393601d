// Closed sets. Each has exactly one to_string / parse pair (round-trip tested).
#pragma once
#include <optional>
#include <string_view>

namespace migsafe {

enum class Status { Pass, Partial, Fail, NotApplicable };
enum class Severity { Low, Medium, High, Critical };

// PostgreSQL's eight table-level lock modes, weakest first; None = takes no table lock.
enum class LockMode {
    None,
    AccessShare,
    RowShare,
    RowExclusive,
    ShareUpdateExclusive,
    Share,
    ShareRowExclusive,
    Exclusive,
    AccessExclusive,
};

enum class Flavour { Sql, Knex };
enum class Layout { Dbmate, GolangMigrate, Flyway, Plain, Knex };
enum class Section { Up, Down };

enum class Category {
    FileStructure,
    UpFunction,
    DownFunction,
    DataSafety,
    Locking,
    Configuration,
    Scripts,
    Process,
    Types,
};

enum class OpKind {
    CreateTable,
    CreateTableAs,
    DropTable,
    RenameTable,
    AddColumn,
    DropColumn,
    RenameColumn,
    AlterColumnType,
    SetNotNull,
    DropNotNull,
    SetDefault,
    DropDefault,
    AddConstraint,
    DropConstraint,
    ValidateConstraint,
    RenameConstraint,
    EnableRls,
    DisableRls,
    ForceRls,
    NoForceRls,
    SetTablespace,
    AlterTableOther,
    CreateIndex,
    DropIndex,
    Reindex,
    CreateFunction,
    DropFunction,
    CreateTrigger,
    DropTrigger,
    CreateType,
    DropType,
    AlterTypeAddValue,
    CreateExtension,
    DropExtension,
    CreatePolicy,
    DropPolicy,
    AlterPolicy,
    SetLockTimeout,
    SetStatementTimeout,
    SetOther,
    ResetSetting,
    AlterRoleSet,
    Insert,
    Update,
    Delete,
    Truncate,
    Select,
    DoBlock,
    Vacuum,
    Cluster,
    LockTable,
    CreateView,
    DropView,
    CreateSequence,
    DropSequence,
    CreateSchema,
    DropSchema,
    Comment,
    Grant,
    TransactionControl,
    Other,
};

std::string_view to_string(Status);
std::string_view to_string(Severity);
std::string_view to_string(LockMode);
std::string_view to_string(Flavour);
std::string_view to_string(Layout);
std::string_view to_string(Section);
std::string_view to_string(Category);
std::string_view to_string(OpKind);

std::optional<Status> parse_status(std::string_view);
std::optional<Severity> parse_severity(std::string_view);
std::optional<LockMode> parse_lock_mode(std::string_view);
std::optional<Layout> parse_layout(std::string_view);
std::optional<Category> parse_category(std::string_view);
std::optional<OpKind> parse_op_kind(std::string_view);

// What a lock mode blocks for ordinary application traffic.
bool blocks_reads(LockMode);   // conflicts with ACCESS SHARE (SELECT)
bool blocks_writes(LockMode);  // conflicts with ROW EXCLUSIVE (INSERT/UPDATE/DELETE)
std::string_view blocks_description(LockMode);  // "reads and writes", "writes", "other DDL", "nothing"

Severity one_lower(Severity);

}  // namespace migsafe
