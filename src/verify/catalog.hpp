// A catalog snapshot of one database: every object verify compares, as "kind name: details".
#pragma once
#include <map>
#include <string>
#include <vector>

#include "pg/connection.hpp"
#include "util/result.hpp"

namespace migsafe::verify {

// key "table orders" / "column orders.total_cents" / "index idx_x" ... -> its definition
using Snapshot = std::map<std::string, std::string>;

Result<Snapshot> snapshot(pg::Connection& c, const std::vector<std::string>& skip_schemas);

}  // namespace migsafe::verify
