// down-exists: every migration has a down that does something, or says why it cannot.
#include <algorithm>

#include "checks/common.hpp"

namespace migsafe {

Outcome check_down_exists(const Project& p, const Facts&) {
    Outcome o;
    if (p.files.empty()) {
        o.not_applicable = true;
        o.summary = "No migration files";
        return o;
    }
    int irreversible = 0, nothing = 0;
    for (size_t i = 0; i < p.files.size(); ++i) {
        const auto& f = p.files[i];
        if (f.prefix == "R") continue;  // Flyway repeatable migrations are re-applied, never undone
        // An up that changes no schema object (VALIDATE, a backfill, ANALYZE) has nothing to
        // reverse: an empty down is right there.
        // (Deleted or overwritten data is not "nothing": such a down must say it is irreversible.)
        bool nothing_to_reverse = f.has_up && std::all_of(f.ops.begin(), f.ops.end(), [](const Operation& op) {
            if (op.section != Section::Up) return true;
            switch (op.kind) {
                case OpKind::ValidateConstraint: case OpKind::SetLockTimeout: case OpKind::SetStatementTimeout:
                case OpKind::SetOther: case OpKind::ResetSetting: case OpKind::Update: case OpKind::Select:
                case OpKind::Vacuum: case OpKind::Comment: case OpKind::TransactionControl:
                    return true;
                case OpKind::DoBlock:
                    return true;  // its statements are operations of their own (in_body), judged here too
                case OpKind::Other:
                    return op.value == "ANALYZE";
                default:
                    return false;
            }
        });
        if (!f.has_down && nothing_to_reverse && p.layout != Layout::Plain) {
            ++nothing;
            continue;
        }
        if (!f.has_down) {
            std::string why = p.layout == Layout::Knex ? (f.knex.down_found ? "down does nothing" : "no exported down function")
                              : p.layout == Layout::Dbmate ? "no '-- migrate:down' section or it is empty"
                              : p.layout == Layout::GolangMigrate ? "no .down.sql file or it is empty"
                              : p.layout == Layout::Flyway ? "no U" + f.prefix.substr(1) + "__ undo file"
                                                           : "no down migration";
            o.add(checks::at_file(p, static_cast<int>(i), 0, why));
            continue;
        }
        bool throws = f.knex.down_throws;
        for (const auto& op : f.ops)
            if (op.section == Section::Down && op.kind == OpKind::DoBlock && op.raises_exception) throws = true;
        if (throws) ++irreversible;
    }
    o.summary = "Every file has a down";
    if (irreversible) o.summary += " (" + checks::plural(irreversible, "explicitly irreversible") + ")";
    if (nothing) o.summary += " (" + std::to_string(nothing) + " with nothing to reverse)";
    o.fix = "Write a down that undoes the up, or one that raises an error saying why the change is irreversible:\n" +
            checks::code(p, "-- migrate:down\nDO $$ BEGIN RAISE EXCEPTION 'irreversible: data was deleted'; END $$;",
                         "export async function down(): Promise<void> {\n  throw new Error('irreversible: data was deleted');\n}");
    return o;
}

}  // namespace migsafe
