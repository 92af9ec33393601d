// Text: compact findings, "file:line:col: SEVERITY check-id message", then the pass rate.
#include <fmt/format.h>

#include <algorithm>

#include "report/report.hpp"

namespace migsafe::report {

std::string render_text(const Audit& a, const Options& o) {
    const Project& p = *a.project;
    struct Line {
        std::string loc;
        int file, line;
        Severity sev;
        std::string id, msg;
        bool partial;
    };
    std::vector<Line> lines;
    for (const auto& c : a.result->checks) {
        if (c.status != Status::Fail && c.status != Status::Partial) continue;
        for (const auto& e : c.evidence) {
            if (e.weight == Weight::Info) continue;
            Severity s = e.weight == Weight::Partial ? one_lower(c.severity) : c.severity;
            std::string loc = location(p, e);
            if (!loc.empty() && e.loc.column > 0) loc += ":" + std::to_string(e.loc.column);
            lines.push_back({loc.empty() ? p.root : loc, e.loc.file, e.loc.line, s, std::string(c.info->id), e.message,
                             e.weight == Weight::Partial});
        }
    }
    std::stable_sort(lines.begin(), lines.end(), [](const Line& x, const Line& y) {
        if (x.file != y.file) return x.file < y.file;
        return x.line < y.line;
    });
    auto paint = [&](Severity s, const std::string& text) {
        if (!o.color) return text;
        const char* code = s == Severity::Critical ? "\033[1;31m" : s == Severity::High ? "\033[31m"
                           : s == Severity::Medium ? "\033[33m"
                                                   : "\033[36m";
        return std::string(code) + text + "\033[0m";
    };
    std::string out;
    for (const auto& l : lines)
        out += fmt::format("{}: {} {} {}\n", l.loc, paint(l.sev, std::string(to_string(l.sev))), l.id, l.msg);
    Score s = score(a.result->checks);
    out += fmt::format("{}: {} findings; pass rate {}\n", p.name, lines.size(), s.rate());
    return out;
}

std::string render_github(const Audit& a, const Options&) {
    const Project& p = *a.project;
    auto esc_data = [](const std::string& s) {
        std::string out;
        for (char c : s) {
            if (c == '%') out += "%25";
            else if (c == '\r') out += "%0D";
            else if (c == '\n') out += "%0A";
            else out += c;
        }
        return out;
    };
    auto esc_prop = [&](const std::string& s) {
        std::string out;
        for (char c : esc_data(s)) {
            if (c == ':') out += "%3A";
            else if (c == ',') out += "%2C";
            else out += c;
        }
        return out;
    };
    std::string root = p.root;
    while (root.size() > 1 && root.back() == '/') root.pop_back();
    std::string out;
    for (const auto& c : a.result->checks) {
        if (c.status != Status::Fail && c.status != Status::Partial) continue;
        for (const auto& e : c.evidence) {
            if (e.weight == Weight::Info) continue;
            Severity s = e.weight == Weight::Partial ? one_lower(c.severity) : c.severity;
            const char* level = s >= Severity::High ? "error" : s == Severity::Medium ? "warning" : "notice";
            std::string file = e.loc.file >= 0 ? (e.loc.down_file ? p.files[e.loc.file].down_path : p.files[e.loc.file].path) : e.path;
            std::string props;
            if (!file.empty()) {
                props = "file=" + esc_prop(root == "." ? file : root + "/" + file);
                if (e.loc.line) props += ",line=" + std::to_string(e.loc.line);
                if (e.loc.column) props += ",col=" + std::to_string(e.loc.column);
                props += ",";
            }
            props += "title=" + esc_prop("migsafe " + std::string(c.info->id) + " (" + std::string(to_string(s)) + ")");
            out += fmt::format("::{} {}::{}\n", level, props, esc_data(e.message));
        }
    }
    out += fmt::format("{}: pass rate {}\n", p.name, score(a.result->checks).rate());
    return out;
}

}  // namespace migsafe::report
