#include "checks/types/column_scan.hpp"

namespace migsafe::checks {

void each_column(const Project& p, const std::function<void(const Operation&, const ColumnDef&)>& f) {
    each_op(p, [&](int, int, const Operation& op) {
        if (op.section != Section::Up) return;
        if (op.kind != OpKind::CreateTable && op.kind != OpKind::AddColumn && op.kind != OpKind::AlterColumnType) return;
        for (const auto& c : op.column_defs) f(op, c);
    });
}

}  // namespace migsafe::checks
