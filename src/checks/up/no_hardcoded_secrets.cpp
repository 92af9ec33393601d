// no-hardcoded-secrets: no API keys, private keys, JWTs or passwords in migration files.
#include <algorithm>
#include <regex>

#include "checks/common.hpp"

namespace migsafe {
namespace {

// Each pattern has cheap anchors: the regex only runs on lines that contain one.
struct Pattern {
    const char* what;
    std::vector<std::string> anchors;
    std::regex re;
};

const std::vector<Pattern>& patterns() {
    static const std::vector<Pattern> p = {
        {"Stripe live key", {"k_live_"}, std::regex(R"(\b[sr]k_live_[0-9A-Za-z]{8,})")},
        {"AWS access key", {"AKIA"}, std::regex(R"(\bAKIA[0-9A-Z]{16}\b)")},
        {"GitHub token", {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"}, std::regex(R"(\bgh[pousr]_[0-9A-Za-z]{20,})")},
        {"Slack token", {"xox"}, std::regex(R"(\bxox[abposr]-[0-9A-Za-z-]{10,})")},
        {"private key", {"-----BEGIN"}, std::regex(R"(-----BEGIN ([A-Z]+ )?PRIVATE KEY-----)")},
        {"JWT", {"eyJ"}, std::regex(R"(\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})")},
        {"password in connection string", {"://"}, std::regex(R"([a-z][a-z0-9+.-]*://[^:/@\s'"]+:([^@\s'"$]{3,})@)", std::regex::icase)},
        {"role password", {"PASSWORD", "password", "Password"}, std::regex(R"(\bPASSWORD\s+'([^']+)')", std::regex::icase)},
    };
    return p;
}

std::string mask(const std::string& s) {
    if (s.size() <= 6) return std::string(s.size(), '*');
    return s.substr(0, 4) + std::string(std::min<size_t>(s.size() - 4, 8), '*');
}

void scan(const Project& p, int file, bool down_file, const SourceText& src, Outcome& o) {
    const std::string& text = src.text();
    for (const auto& pat : patterns()) {
        std::vector<int> lines;
        for (const auto& anchor : pat.anchors)
            for (size_t pos = text.find(anchor); pos != std::string::npos; pos = text.find(anchor, pos + 1)) {
                int line = src.locate(pos).line;
                if (std::find(lines.begin(), lines.end(), line) == lines.end()) lines.push_back(line);
            }
        std::sort(lines.begin(), lines.end());
        for (int line : lines) {
            std::string l(src.line(line));
            for (auto it = std::sregex_iterator(l.begin(), l.end(), pat.re); it != std::sregex_iterator(); ++it) {
                const auto& m = *it;
                int group = m.size() > 1 && m[1].matched ? 1 : 0;
                std::string secret = m[group].str();
                if (secret.find("${") != std::string::npos) continue;
                Evidence e;
                e.loc = {file, line, static_cast<int>(m.position(group)) + 1, down_file};
                e.message = std::string(pat.what) + ": " + mask(secret);
                e.weight = Weight::Fail;
                o.add(e);
            }
        }
    }
}

// Passwords inserted as literals: INSERT INTO users (..., password, ...) VALUES (..., 'x', ...),
// matched column by column from the parse tree.
void scan_inserts(const Operation& op, Outcome& o) {
    static const std::regex secret_column(R"((^|_)(password|passwd|secret|api_key|apikey|token|private_key)($|_))",
                                          std::regex::icase);
    for (const auto& [column, value] : op.literals) {
        if (value.size() < 4 || !std::regex_search(column, secret_column)) continue;
        if (value.rfind("$2", 0) == 0 || value.rfind("$argon", 0) == 0 || value.rfind("${", 0) == 0) continue;  // hashes
        o.add(checks::at(op, "literal " + column + " in INSERT: " + mask(value)));
    }
}

}  // namespace

Outcome check_no_hardcoded_secrets(const Project& p, const Facts&) {
    Outcome o;
    if (p.files.empty()) {
        o.not_applicable = true;
        o.summary = "No migration files";
        return o;
    }
    for (size_t i = 0; i < p.files.size(); ++i) {
        scan(p, static_cast<int>(i), false, p.files[i].source, o);
        if (!p.files[i].down_path.empty()) scan(p, static_cast<int>(i), true, p.files[i].down_source, o);
        for (const auto& op : p.files[i].ops)
            if (op.kind == OpKind::Insert && !op.literals.empty()) scan_inserts(op, o);
    }
    o.summary = "Clean";
    o.fix = "Remove the secret from the migration, rotate it, and load it at run time from the environment or a secret store.";
    return o;
}

}  // namespace migsafe
