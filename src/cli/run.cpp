#include <cstdio>
#include <exception>
#include <iostream>

#include "cli/cli.hpp"
#include "util/result.hpp"

namespace migsafe::cli {

int run(int argc, char** argv) {
    CLI::App app{"migsafe: safe PostgreSQL schema migrations"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("migsafe ") + MIGSAFE_VERSION);
    std::vector<std::pair<CLI::App*, Action>> commands;
    auto add = [&](Action (*f)(CLI::App&)) {
        size_t before = app.get_subcommands({}).size();
        Action a = f(app);
        commands.emplace_back(app.get_subcommands({}).at(before), std::move(a));
    };
    add(add_audit);
    add(add_checks);
    add(add_sum);
    add(add_migrate);
    add(add_status);
    add(add_make);
    add(add_verify);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::string msg = e.what();
        std::fprintf(stderr, "migsafe: error: %s (see migsafe --help)\n", msg.c_str());
        return 2;
    }
    try {
        for (auto& [sub, action] : commands)
            if (sub->parsed()) return action();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "migsafe: error: %s\n", e.what());
        return 2;
    } catch (...) {
        std::fprintf(stderr, "migsafe: error: unexpected failure\n");
        return 2;
    }
    return 2;
}

}  // namespace migsafe::cli
