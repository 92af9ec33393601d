// progress-logging: a migration with more than 20 operations logs progress.
#include "checks/common.hpp"

namespace migsafe {

Outcome check_progress_logging(const Project& p, const Facts&) {
    Outcome o;
    int long_files = 0;
    for (size_t i = 0; i < p.files.size(); ++i) {
        const auto& f = p.files[i];
        int ops = 0;
        bool logs = f.knex.logs;
        for (const auto& op : f.ops) {
            if (op.section != Section::Up) continue;
            if (!op.in_body) ++ops;
            if (op.kind == OpKind::DoBlock && op.raises_notice) logs = true;
        }
        if (ops <= 20) continue;
        ++long_files;
        if (!logs)
            o.add(checks::at_file(p, static_cast<int>(i), 0,
                                  std::to_string(ops) + " operations, no progress output"));
    }
    if (long_files == 0) {
        o.not_applicable = true;
        o.summary = "No migration has more than 20 operations";
        return o;
    }
    o.summary = checks::is_knex(p) ? "console.log checkpoints" : "RAISE NOTICE checkpoints in " + checks::plural(long_files, "long migration");
    o.fix = "Log checkpoints in long migrations:\n" +
            checks::code(p, "DO $$ BEGIN RAISE NOTICE 'created ticket tables'; END $$;",
                         "console.log('created ticket tables');");
    return o;
}

}  // namespace migsafe
