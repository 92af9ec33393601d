// explicit-config: migration scripts name their configuration.
#include "checks/scripts/script_common.hpp"

namespace migsafe {

Outcome check_explicit_config(const Project& p, const Facts&) {
    Outcome o;
    static const std::regex config_flag(
        R"((--knexfile|--config\b|\s-c\s|--env-file|--migrations-dir|\s-d\s|--url\b|\s-path\b|\s-source\b|\s-database\b|-configFiles|--dir\b|-dir\b))");
    std::vector<checks::Hit> hits;
    for (const auto* re : {&checks::migrate_command_re(), &checks::rollback_command_re(), &checks::status_command_re()})
        for (auto& h : checks::script_hits(p, *re)) {
            bool dup = false;
            for (const auto& x : hits) dup = dup || (x.path == h.path && x.line == h.line);
            if (!dup) hits.push_back(h);
        }
    if (hits.empty()) {
        o.not_applicable = true;
        o.summary = "No migration scripts (see migrate-script)";
        return o;
    }
    int with = 0;
    for (const auto& h : hits) {
        if (std::regex_search(h.text, config_flag)) {
            ++with;
            continue;
        }
        o.add(checks::at_path(h.path, h.line, h.text + ": relies on the default configuration", Weight::Partial));
    }
    if (with == 0)
        for (auto& e : o.evidence) e.weight = Weight::Fail;
    o.summary = checks::is_knex(p) ? "--knexfile flag" : "--config flag";
    o.fix = checks::is_knex(p) ? "Name the knexfile in every script: `knex migrate:latest --knexfile knexfile.ts`."
                               : "Name the configuration in every script: `migsafe migrate latest --config migsafe.toml`.";
    return o;
}

}  // namespace migsafe
