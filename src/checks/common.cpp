#include "checks/common.hpp"

#include <fmt/format.h>

#include <map>

namespace migsafe::checks {

Evidence at(const Operation& op, std::string message, Weight weight) {
    Evidence e;
    e.loc = op.loc;
    e.message = std::move(message);
    e.weight = weight;
    e.lock = op.lock;
    return e;
}

Evidence at_file(const Project& p, int file, int line, std::string message, Weight weight) {
    Evidence e;
    e.loc = {file, line, line ? 1 : 0, false};
    e.message = std::move(message);
    e.weight = weight;
    return e;
}

Evidence at_path(std::string path, int line, std::string message, Weight weight) {
    Evidence e;
    e.path = std::move(path);
    e.loc.line = line;
    e.loc.column = line ? 1 : 0;
    e.message = std::move(message);
    e.weight = weight;
    return e;
}

Evidence info(std::string message) {
    Evidence e;
    e.message = std::move(message);
    return e;
}

std::string excerpt(const Operation& op, size_t max) {
    std::string out;
    bool space = false, quoted = false;
    const std::string& t = op.text;
    for (size_t i = 0; i < t.size(); ++i) {
        char c = t[i];
        if (c == '\'') quoted = !quoted;
        if (!quoted && c == '-' && i + 1 < t.size() && t[i + 1] == '-') {  // a comment to the end of the line
            while (i < t.size() && t[i] != '\n') ++i;
            space = !out.empty();
            continue;
        }
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
        if (out.size() >= max) {
            out += "...";
            break;
        }
    }
    return out;
}

std::string file_name(const Project& p, const Location& loc) {
    if (loc.file < 0 || loc.file >= static_cast<int>(p.files.size())) return {};
    const auto& f = p.files[loc.file];
    return loc.down_file ? f.down_path : f.path;
}

std::string where(const Project& p, const Location& loc) {
    auto f = file_name(p, loc);
    return loc.line ? f + ":" + std::to_string(loc.line) : f;
}

bool is_knex(const Project& p) { return p.flavour == Flavour::Knex; }

std::string code(const Project& p, const std::string& sql, const std::string& knex) {
    if (is_knex(p) && !knex.empty()) return "```typescript\n" + knex + "\n```";
    return "```sql\n" + sql + "\n```";
}

std::string list_some(const std::vector<std::string>& items, size_t n) {
    std::string out;
    for (size_t i = 0; i < items.size() && i < n; ++i) {
        if (i) out += ", ";
        out += items[i];
    }
    if (items.size() > n) out += fmt::format(" (+{} more)", items.size() - n);
    return out;
}

std::string plural(int n, const std::string& word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

void each_op(const Project& p, const std::function<void(int, int, const Operation&)>& f) {
    for (size_t fi = 0; fi < p.files.size(); ++fi)
        for (size_t oi = 0; oi < p.files[fi].ops.size(); ++oi)
            f(static_cast<int>(fi), static_cast<int>(oi), p.files[fi].ops[oi]);
}

namespace {
std::string trim(std::string_view s) {
    size_t b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    size_t e = s.find_last_not_of(" \t");
    return std::string(s.substr(b, e - b + 1));
}
}  // namespace

// Makefile variables (NAME = value, :=, ?=) expanded in a recipe line: $(NAME) / ${NAME}.
std::string expand_make_vars(const std::string& line, const std::map<std::string, std::string>& vars) {
    std::string out = line;
    for (int round = 0; round < 4 && out.find('$') != std::string::npos; ++round) {
        bool changed = false;
        for (const auto& [k, v] : vars)
            for (const std::string& ref : {"$(" + k + ")", "${" + k + "}"}) {
                std::string next = replace_all(out, ref, v);
                if (next != out) out = next, changed = true;
            }
        if (!changed) break;
    }
    return out;
}

std::vector<std::string> grep_aux_lines(const Project&, const AuxFile& a) {
    static const std::regex assign(R"(^([A-Za-z_][A-Za-z0-9_]*)\s*[:?+]?=\s*(.*)$)");
    bool make = a.kind == AuxFile::Kind::Makefile;
    std::map<std::string, std::string> vars;
    std::vector<std::string> lines;
    for (int line = 1; line <= a.source.line_count(); ++line) {
        std::string t = trim(a.source.line(line));
        std::smatch m;
        if (make && std::regex_match(t, m, assign)) vars[m[1].str()] = trim(m[2].str());
        lines.push_back(t);
    }
    if (!vars.empty())
        for (auto& l : lines) l = expand_make_vars(l, vars);
    return lines;
}

std::vector<Hit> grep_aux(const Project& p, std::initializer_list<AuxFile::Kind> kinds, const std::regex& re,
                          bool commands_only) {
    std::vector<Hit> out;
    for (const auto& a : p.aux) {
        if (std::find(kinds.begin(), kinds.end(), a.kind) == kinds.end()) continue;
        bool doc = a.kind == AuxFile::Kind::Doc;
        bool in_fence = false;
        auto lines = grep_aux_lines(p, a);
        for (size_t i = 0; i < lines.size(); ++i) {
            const std::string& t = lines[i];
            if (doc && t.rfind("```", 0) == 0) {
                in_fence = !in_fence;
                continue;
            }
            if (doc && commands_only && !in_fence && t.rfind("$ ", 0) != 0) continue;
            if (t.empty() || !std::regex_search(t, re)) continue;
            out.push_back(Hit{a.path, static_cast<int>(i) + 1, t});
        }
    }
    return out;
}

std::string suggested_timeout(const Project& p) { return p.config.suggested_lock_timeout; }

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    if (from.empty() || to.empty()) return text;
    for (size_t pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
        text.replace(pos, from.size(), to);
    return text;
}

const std::regex& migrate_command_re() {
    static const std::regex re(
        R"((knex\b.*migrate:(latest|up)|migsafe\s+(.*\s)?migrate\s+(latest|up)\b|dbmate\b.*\s(up|migrate)\b|\bmigrate\b.*\s-(path|source|database)\b.*\sup\b|flyway\b.*\bmigrate\b|goose\b.*\sup\b|sqitch\s+deploy|sql-migrate\s+up|npm\s+run\s+migrate(\s|$|")|yarn\s+migrate\b|make\s+migrate\b))",
        std::regex::icase);
    return re;
}
const std::regex& rollback_command_re() {
    static const std::regex re(
        R"((knex\b.*migrate:(rollback|down)|migsafe\s+(.*\s)?migrate\s+(rollback|down)\b|dbmate\b.*\s(rollback|down)\b|\bmigrate\b.*\s-(path|source|database)\b.*\sdown\b|flyway\b.*\bundo\b|goose\b.*\sdown\b|sqitch\s+revert|sql-migrate\s+down))",
        std::regex::icase);
    return re;
}
const std::regex& status_command_re() {
    static const std::regex re(
        R"((knex\b.*migrate:(status|list)|migsafe\s+(.*\s)?status\b|dbmate\b.*\sstatus\b|\bmigrate\b.*\s-(path|source|database)\b.*\sversion\b|flyway\b.*\binfo\b|goose\b.*\sstatus\b|sqitch\s+status|sql-migrate\s+status))",
        std::regex::icase);
    return re;
}

}  // namespace migsafe::checks
