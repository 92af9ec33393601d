// migsafe migrate ACTION [PATH] / migsafe status [PATH] / migsafe make NAME [PATH]
#include <fmt/format.h>

#include <memory>

#include "cli/cli.hpp"
#include "parse/loader.hpp"
#include "runner/runner.hpp"

namespace migsafe::cli {
namespace {

struct RunArgs {
    std::string action;
    std::string path = ".";
    std::string env;
    std::string config;
    bool all = false, dry_run = false, allow_edited = false;
};

LoadOptions load_options(const RunArgs& a) {
    LoadOptions lo;
    lo.config = a.config;
    return lo;
}

int fail(const Error& e) {
    fmt::print(stderr, "migsafe: error: {}\n", e.to_string());
    return 2;
}

Result<std::unique_ptr<runner::Runner>> open_runner(const Project& project, const RunArgs& a) {
    auto s = runner::resolve_settings(project.config, a.env);
    if (!s) return s.error();
    runner::Options o;
    o.dry_run = a.dry_run;
    o.allow_edited = a.allow_edited;
    o.progress = [](const std::string& line) { fmt::print(stderr, "{}\n", line); };
    o.out = [](const std::string& line) { fmt::print("{}\n", line); };
    return runner::Runner::open(project, *s, o);
}

int run_migrate(const RunArgs& a) {
    auto project = load_project(a.path, load_options(a));
    if (!project) return fail(project.error());
    auto r = open_runner(*project, a);
    if (!r) return fail(r.error());
    auto& runner = **r;
    Result<int> n = 0;
    if (a.action == "latest") n = runner.latest();
    else if (a.action == "up") n = runner.up();
    else if (a.action == "down") n = runner.down();
    else if (a.action == "rollback") n = runner.rollback(a.all);
    else if (a.action == "redo") n = runner.redo();
    else if (a.action == "repair") n = runner.repair();
    else return fail({"", 0, "unknown action '" + a.action + "' (latest, up, down, rollback, redo, repair)"});
    if (!n) {
        fmt::print(stderr, "migsafe: error: {}\n", n.error().to_string());
        return 1;
    }
    if (*n == 0 && !a.dry_run) fmt::print(stderr, "nothing to do\n");
    return 0;
}

int run_status(const RunArgs& a) {
    auto project = load_project(a.path, load_options(a));
    if (!project) return fail(project.error());
    auto r = open_runner(*project, a);
    if (!r) return fail(r.error());
    auto s = (*r)->status();
    if (!s) return fail(s.error());
    fmt::print("{}: {} applied, {} pending\n", project->name, s->applied.size(), s->pending.size());
    for (const auto& row : s->applied)
        fmt::print("  applied  {}  batch {}  {}{}\n", row.name, row.batch, row.time, row.dirty ? "  DIRTY: failed at " + row.failed_statement.substr(0, 80) : "");
    for (const auto& p : s->pending) fmt::print("  pending  {}\n", p);
    for (const auto& m : s->missing) fmt::print("  MISSING  {} (applied, no file on disk)\n", m);
    for (const auto& e : s->edited) fmt::print("  EDITED   {} (changed since it was applied)\n", e);
    return s->dirty.empty() && s->edited.empty() && s->missing.empty() ? 0 : 1;
}

}  // namespace

Action add_migrate(CLI::App& app) {
    auto args = std::make_shared<RunArgs>();
    auto* cmd = app.add_subcommand("migrate", "Apply or roll back SQL migrations: latest | up | down | rollback [--all] | redo | repair");
    cmd->add_option("action", args->action, "latest, up, down, rollback, redo or repair")->required();
    cmd->add_option("path", args->path, "Project folder (default .)");
    cmd->add_option("--env", args->env, "Environment of migsafe.toml (default MIGSAFE_ENV, else development)");
    cmd->add_option("--config", args->config, "The migsafe.toml to use (default PATH/migsafe.toml)");
    cmd->add_flag("--all", args->all, "rollback: every batch");
    cmd->add_flag("--dry-run", args->dry_run, "Print each statement with its lock mode; change nothing");
    cmd->add_flag("--allow-edited", args->allow_edited, "Run although an applied migration was edited since");
    return [args]() { return run_migrate(*args); };
}

Action add_status(CLI::App& app) {
    auto args = std::make_shared<RunArgs>();
    auto* cmd = app.add_subcommand("status", "Applied (batch, time), pending, missing, edited and dirty migrations");
    cmd->add_option("path", args->path, "Project folder (default .)");
    cmd->add_option("--env", args->env, "Environment of migsafe.toml");
    cmd->add_option("--config", args->config, "The migsafe.toml to use (default PATH/migsafe.toml)");
    return [args]() { return run_status(*args); };
}

Action add_make(CLI::App& app) {
    auto name = std::make_shared<std::string>();
    auto path = std::make_shared<std::string>(".");
    auto config = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("make", "Write a new timestamped migration with up and down sections");
    cmd->add_option("name", *name, "What it changes, e.g. add_orders_status")->required();
    cmd->add_option("path", *path, "Project folder (default .)");
    cmd->add_option("--config", *config, "The migsafe.toml to use (default PATH/migsafe.toml)");
    return [name, path, config]() {
        LoadOptions lo;
        lo.config = *config;
        auto project = load_project(*path, lo);
        if (!project) return fail(project.error());
        auto w = runner::make_migration(*project, *name);
        if (!w) return fail(w.error());
        fmt::print("{}\n", *w);
        return 0;
    };
}

}  // namespace migsafe::cli
