// Shared by the type checks: every column a migration defines (CREATE TABLE, ADD COLUMN, ALTER TYPE).
#pragma once
#include <functional>

#include "checks/common.hpp"

namespace migsafe::checks {

void each_column(const Project& p, const std::function<void(const Operation&, const ColumnDef&)>& f);

}  // namespace migsafe::checks
