// down-exists: every migration has a down that does something, or says why it cannot.
#include "checks/common.hpp"

namespace migsafe {

Outcome check_down_exists(const Project& p, const Facts&) {
    Outcome o;
    if (p.files.empty()) {
        o.not_applicable = true;
        o.summary = "No migration files";
        return o;
    }
    int irreversible = 0;
    for (size_t i = 0; i < p.files.size(); ++i) {
        const auto& f = p.files[i];
        if (f.prefix == "R") continue;  // Flyway repeatable migrations are re-applied, never undone
        if (!f.has_down) {
            std::string why = p.layout == Layout::Knex ? (f.knex.down_found ? "down does nothing" : "no exported down function")
                              : p.layout == Layout::Dbmate ? "no '-- migrate:down' section or it is empty"
                              : p.layout == Layout::GolangMigrate ? "no .down.sql file or it is empty"
                              : p.layout == Layout::Flyway ? "no U" + f.prefix.substr(1) + "__ undo file"
                                                           : "no down migration";
            o.add(checks::at_file(p, static_cast<int>(i), 0, why));
            continue;
        }
        for (const auto& op : f.ops)
            if (op.section == Section::Down && op.kind == OpKind::DoBlock && op.raises_exception) ++irreversible;
    }
    o.summary = "Every file has a down";
    if (irreversible) o.summary += " (" + checks::plural(irreversible, "explicitly irreversible") + ")";
    o.fix = "Write a down that undoes the up, or one that raises an error saying why the change is irreversible:\n" +
            checks::code(p, "-- migrate:down\nDO $$ BEGIN RAISE EXCEPTION 'irreversible: data was deleted'; END $$;",
                         "export async function down(): Promise<void> {\n  throw new Error('irreversible: data was deleted');\n}");
    return o;
}

}  // namespace migsafe
