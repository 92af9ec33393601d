// migsafe audit PATH...: the checklist, as markdown, text, json, sarif or github annotations.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <regex>

#include "analysis/facts.hpp"
#include "checks/registry.hpp"
#include "cli/cli.hpp"
#include "parse/loader.hpp"
#include "report/report.hpp"
#include "util/fs.hpp"

namespace migsafe::cli {
namespace {

struct AuditArgs {
    std::vector<std::string> paths;
    std::string format;
    std::string fail_on = "high";
    std::string date;
    std::string service;
    std::string output;
    bool no_color = false;
    int threads = 0;
    bool timings = false;
};

int fail(const Error& e) {
    std::fprintf(stderr, "migsafe: error: %s\n", e.to_string().c_str());
    return 2;
}

Result<std::string> report_date(const std::string& flag) {
    static const std::regex iso(R"(\d{4}-\d{2}-\d{2})");
    if (!flag.empty()) {
        if (!std::regex_match(flag, iso)) return Error{"", 0, "--date must be YYYY-MM-DD, got '" + flag + "'"};
        return flag;
    }
    std::time_t t = std::time(nullptr);
    if (const char* sde = std::getenv("SOURCE_DATE_EPOCH"); sde && *sde) {
        char* end = nullptr;
        long long v = std::strtoll(sde, &end, 10);
        if (!end || *end || v < 0) return Error{"", 0, "SOURCE_DATE_EPOCH must be a number of seconds"};
        t = static_cast<std::time_t>(v);
    }
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return std::string(buf);
}

int run_audit(const AuditArgs& args) {
    report::Format format;
    std::string fmt = args.format;
    if (fmt.empty()) fmt = isatty(STDOUT_FILENO) && args.output.empty() ? "text" : "markdown";
    if (fmt == "markdown" || fmt == "md") format = report::Format::Markdown;
    else if (fmt == "text") format = report::Format::Text;
    else if (fmt == "json") format = report::Format::Json;
    else if (fmt == "sarif") format = report::Format::Sarif;
    else if (fmt == "github") format = report::Format::Github;
    else return fail({"", 0, "unknown --format '" + fmt + "' (markdown, text, json, sarif, github)"});

    int fail_on = 5;
    if (args.fail_on == "none") fail_on = 5;
    else if (auto s = parse_severity(args.fail_on)) fail_on = static_cast<int>(*s);
    else return fail({"", 0, "unknown --fail-on '" + args.fail_on + "' (critical, high, medium, low, none)"});

    auto date = report_date(args.date);
    if (!date) return fail(date.error());
    if (args.paths.size() > 1 && !args.service.empty())
        return fail({"", 0, "--service names one project; give one path with it"});

    // Load and check every project first: nothing is written unless all succeed.
    std::vector<std::unique_ptr<Project>> projects;
    std::vector<std::unique_ptr<Facts>> facts;
    std::vector<std::unique_ptr<AuditResult>> results;
    std::vector<report::Audit> audits;
    using Clock = std::chrono::steady_clock;
    double t_load = 0, t_analyse = 0, t_checks = 0;
    auto ms = [](Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
    for (const auto& path : args.paths) {
        auto t0 = Clock::now();
        LoadOptions lo;
        lo.service = args.service;
        lo.threads = args.threads;
        auto project = load_project(path, lo);
        if (!project) return fail(project.error());
        projects.push_back(std::make_unique<Project>(std::move(*project)));
        auto t1 = Clock::now();
        facts.push_back(std::make_unique<Facts>(analyse(*projects.back())));
        auto t2 = Clock::now();
        auto result = run_checks(*projects.back(), *facts.back());
        auto t3 = Clock::now();
        t_load += ms(t0, t1);
        t_analyse += ms(t1, t2);
        t_checks += ms(t2, t3);
        if (!result) {
            Error e = result.error();
            if (!e.file.empty()) e.file = path + "/" + e.file;
            return fail(e);
        }
        results.push_back(std::make_unique<AuditResult>(std::move(*result)));
        audits.push_back({projects.back().get(), facts.back().get(), results.back().get()});
    }

    report::Options ro;
    ro.date = *date;
    ro.color = format == report::Format::Text && args.output.empty() && !args.no_color && isatty(STDOUT_FILENO) &&
               !std::getenv("NO_COLOR");
    const char* docs = std::getenv("MIGSAFE_DOCS_URL");
    ro.docs_url = docs && *docs ? docs : "https://github.com/migsafe/migsafe/blob/main/docs/checks/";
    auto t4 = Clock::now();
    std::string out = report::render(format, audits, ro);
    if (args.timings)
        std::fprintf(stderr, "timings: load+parse %.1f ms, analyse %.1f ms, checks %.1f ms, render %.1f ms\n", t_load,
                     t_analyse, t_checks, ms(t4, Clock::now()));
    if (args.output.empty()) {
        std::fwrite(out.data(), 1, out.size(), stdout);
        std::fflush(stdout);
    } else {
        auto w = write_file_atomic(args.output, out);
        if (!w) return fail(w.error());
    }
    for (const auto& r : results)
        for (const auto& c : r->checks)
            if ((c.status == Status::Fail || c.status == Status::Partial) &&
                static_cast<int>(c.effective_severity()) >= fail_on)
                return 1;
    return 0;
}

}  // namespace

Action add_audit(CLI::App& app) {
    auto args = std::make_shared<AuditArgs>();
    auto* cmd = app.add_subcommand("audit", "Audit a service's migrations and configuration (no database needed)");
    cmd->add_option("paths", args->paths, "Project folder(s)")->required();
    cmd->add_option("-f,--format", args->format, "markdown | text | json | sarif | github (default: text on a terminal, else markdown)");
    cmd->add_option("--fail-on", args->fail_on, "Exit 1 when a finding is at or above: critical | high | medium | low | none")
        ->default_str("high");
    cmd->add_option("--date", args->date, "Report date YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today UTC)");
    cmd->add_option("--service", args->service, "Service name (default: package.json name, else folder name)");
    cmd->add_option("-o,--output", args->output, "Write the report to a file (atomically) instead of stdout");
    cmd->add_flag("--no-color", args->no_color, "No colour in text output (NO_COLOR is honoured too)");
    cmd->add_option("-j,--jobs", args->threads, "Parser threads (default: all cores)");
    cmd->add_flag("--timings", args->timings, "Print the time each phase took on stderr");
    return [args]() { return run_audit(*args); };
}

}  // namespace migsafe::cli
