// What a file's up creates and what its down removes, matched object by object.
#pragma once
#include <string>
#include <vector>

#include "analysis/facts.hpp"

namespace migsafe {

enum class ObjKind { Table, Column, Index, Constraint, Type, Function, Trigger, Policy, Rls, TableRename, ColumnRename };

struct SchemaObject {
    ObjKind kind;
    std::string table;
    std::string name;
    const Operation* op = nullptr;
    std::string describe() const;  // "table orders", "index idx_x on orders", "column users.x"
};

struct Reversal {
    bool applicable = false;     // the file has a down that is not an explicit "irreversible" error
    bool irreversible = false;   // down raises an exception saying why
    std::vector<SchemaObject> created;      // by up
    std::vector<SchemaObject> left_behind;  // created by up, not removed by down
    std::vector<SchemaObject> extra_drops;  // removed by down, never created by up
};

Reversal reversal_of(const Project& p, const Facts& facts, int file);

// A DROP TABLE in a file's down that fails because a table still references it.
struct FkConflict {
    const Operation* drop = nullptr;
    std::string child;
    std::string fk;
};
std::vector<FkConflict> fk_conflicts(const Project& p, const Facts& facts, int file);

// DROP FUNCTION in a down while a trigger up created still executes it (no CASCADE).
struct TriggerOrder {
    const Operation* drop_function = nullptr;
    const Operation* trigger = nullptr;  // the CREATE TRIGGER in up
};
std::vector<TriggerOrder> functions_dropped_before_triggers(const Project& p, int file);

}  // namespace migsafe
