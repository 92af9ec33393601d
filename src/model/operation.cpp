// Facts about one operation that several layers need (loader, checks, runner, verify).
#include "model/operation.hpp"

namespace migsafe {

bool refuses_transaction(const Operation& op, int pg_version) {
    switch (op.kind) {
        case OpKind::CreateIndex:
        case OpKind::DropIndex:
        case OpKind::Reindex:
            return op.concurrently;
        case OpKind::Vacuum:  // VACUUM (a bare ANALYZE is an Other operation, and may run in one)
            return true;
        case OpKind::AlterTypeAddValue:
            return pg_version < 12;
        case OpKind::Other:
            return op.value == "CreatedbStmt" || op.value == "DropdbStmt";
        default:
            return false;
    }
}

}  // namespace migsafe
