#include <fmt/format.h>

#include "checks/common.hpp"
#include "report/report.hpp"

namespace migsafe::report {

std::string Score::rate() const {
    return fmt::format("{}% ({}/{} applicable checks)", percent(), numerator(), applicable());
}

namespace {
void tally(Score& s, Status st) {
    switch (st) {
        case Status::Pass: ++s.pass; break;
        case Status::Partial: ++s.partial; break;
        case Status::Fail: ++s.fail; break;
        case Status::NotApplicable: ++s.na; break;
    }
}
}  // namespace

Score score(const std::vector<CheckResult>& checks) {
    Score s;
    for (const auto& c : checks) tally(s, c.status);
    return s;
}

Score score(const std::vector<CheckResult>& checks, Category cat) {
    Score s;
    for (const auto& c : checks)
        if (c.info->category == cat) tally(s, c.status);
    return s;
}

std::string location(const Project& p, const Evidence& e) {
    std::string file = e.loc.file >= 0 ? checks::file_name(p, e.loc) : e.path;
    if (file.empty()) return {};
    if (e.loc.line > 0) file += ":" + std::to_string(e.loc.line);
    return file;
}

std::string document_name() {
    return fmt::format("migsafe checklist v1 ({} checks)", registry().size());
}

std::string render(Format f, const std::vector<Audit>& audits, const Options& o) {
    std::string out;
    switch (f) {
        case Format::Json: return render_json(audits, o);
        case Format::Sarif: return render_sarif(audits, o);
        case Format::Markdown:
            if (audits.size() > 1) out += render_rollup_markdown(audits, o);
            for (size_t i = 0; i < audits.size(); ++i) {
                if (i || audits.size() > 1) out += "\n";
                out += render_markdown(audits[i], o);
            }
            return out;
        case Format::Text:
            for (const auto& a : audits) out += render_text(a, o);
            return out;
        case Format::Github:
            for (const auto& a : audits) out += render_github(a, o);
            return out;
    }
    return out;
}

}  // namespace migsafe::report
