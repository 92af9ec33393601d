// migsafe verify PATH [--base PATH]... [--url URL | --use-env] [--format text|json]
#include <fmt/format.h>

#include <unistd.h>

#include <cstdlib>
#include <memory>

#include "cli/cli.hpp"
#include "parse/config/migsafe_toml.hpp"
#include "verify/verify.hpp"

namespace migsafe::cli {

Action add_verify(CLI::App& app) {
    struct Args {
        std::string path = ".";
        std::vector<std::string> bases;
        std::string url, format = "text", config;
        bool use_env = false;
    };
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("verify", "Up, down and up again on a throwaway PostgreSQL, with a catalog diff and a lock trace");
    cmd->add_option("path", a->path, "Project folder (default .)");
    cmd->add_option("--base", a->bases, "A project applied first and not verified (repeatable), e.g. the service it builds on");
    cmd->add_option("--url", a->url, "Use a scratch database on this server instead of a private one (it is dropped afterwards)");
    cmd->add_flag("--use-env", a->use_env, "Use DATABASE_URL's server for the scratch database");
    cmd->add_option("--config", a->config, "The migsafe.toml to use (default PATH/migsafe.toml)");
    cmd->add_option("-f,--format", a->format, "text | json");
    return [a]() {
        if (a->format != "text" && a->format != "json") {
            fmt::print(stderr, "migsafe: error: unknown --format '{}' (text, json)\n", a->format);
            return 2;
        }
        verify::Options o;
        o.bases = a->bases;
        o.url = a->url;
        o.config = a->config;
        if (a->use_env) {
            const char* u = std::getenv("DATABASE_URL");
            if (!u || !*u) {
                fmt::print(stderr, "migsafe: error: --use-env: DATABASE_URL is not set\n");
                return 2;
            }
            o.url = u;
        }
        o.progress = [](const std::string& s) { fmt::print(stderr, "{}\n", s); };
        auto r = verify::run(a->path, o);
        // Interrupted: whatever failed was the interrupt; the signal thread cleans up and exits 130.
        while (verify::interrupted()) pause();
        if (!r) {
            fmt::print(stderr, "migsafe: error: {}\n", config::mask_connection_string(r.error().to_string()));
            return 2;
        }
        std::string out = a->format == "json" ? verify::render_json(*r) : verify::render_text(*r);
        fmt::print("{}", out);
        return r->failure.empty() && r->differences.empty() ? 0 : 1;
    };
}

}  // namespace migsafe::cli
