// migsafe sum PATH: writes migsafe.sum, the SHA-256 of every migration file.
#include <fmt/format.h>

#include <filesystem>
#include <memory>

#include "cli/cli.hpp"
#include "parse/loader.hpp"
#include "util/fs.hpp"

namespace migsafe::cli {

Action add_sum(CLI::App& app) {
    auto path = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("sum", "Record every migration's checksum in PATH/migsafe.sum");
    cmd->add_option("path", *path, "Project folder")->required();
    return [path]() {
        LoadOptions lo;
        auto project = load_project(*path, lo);
        if (!project) {
            fmt::print(stderr, "migsafe: error: {}\n", project.error().to_string());
            return 2;
        }
        std::string out = "# migsafe.sum: SHA-256 of each migration file. Regenerate with `migsafe sum`.\n";
        for (const auto& [file, sum] : project->actual_sums) out += sum + "  " + file + "\n";
        auto target = (std::filesystem::path(*path) / "migsafe.sum").string();
        auto w = write_file_atomic(target, out);
        if (!w) {
            fmt::print(stderr, "migsafe: error: {}\n", w.error().to_string());
            return 2;
        }
        fmt::print(stderr, "wrote {} ({} files)\n", target, project->actual_sums.size());
        return 0;
    };
}

}  // namespace migsafe::cli
