// Column type facts: how a type is written, whether a change rewrites the table or can lose data.
#pragma once
#include <string>

#include "model/operation.hpp"

namespace migsafe {

std::string type_text(const ColumnDef& c);  // "varchar(50)", "numeric(10,2)", "timestamptz"
// Empty when the change keeps every value; otherwise why it can lose data.
std::string narrowing_reason(const ColumnDef* old_col, const ColumnDef& new_col);
// Whether ALTER COLUMN TYPE from old to new rewrites the table (old unknown: assume it does).
bool type_change_rewrites(const ColumnDef* old_col, const ColumnDef& new_col);

}  // namespace migsafe
