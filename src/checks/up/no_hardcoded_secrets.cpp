// no-hardcoded-secrets: no API keys, private keys, JWTs or passwords in migration files.
#include <regex>

#include "checks/common.hpp"

namespace migsafe {
namespace {

struct Pattern {
    const char* what;
    std::regex re;
};

const std::vector<Pattern>& patterns() {
    static const std::vector<Pattern> p = {
        {"Stripe live key", std::regex(R"(\b[sr]k_live_[0-9A-Za-z]{8,})")},
        {"AWS access key", std::regex(R"(\bAKIA[0-9A-Z]{16}\b)")},
        {"GitHub token", std::regex(R"(\bgh[pousr]_[0-9A-Za-z]{20,})")},
        {"Slack token", std::regex(R"(\bxox[abposr]-[0-9A-Za-z-]{10,})")},
        {"private key", std::regex(R"(-----BEGIN ([A-Z]+ )?PRIVATE KEY-----)")},
        {"JWT", std::regex(R"(\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})")},
        {"password in connection string", std::regex(R"([a-z][a-z0-9+.-]*://[^:/@\s'"]+:([^@\s'"$]{3,})@)", std::regex::icase)},
        {"role password", std::regex(R"(\bPASSWORD\s+'([^']+)')", std::regex::icase)},
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
        for (auto it = std::sregex_iterator(text.begin(), text.end(), pat.re); it != std::sregex_iterator(); ++it) {
            const auto& m = *it;
            std::string secret = m.size() > 1 && m[1].matched ? m[1].str() : m[0].str();
            if (secret.find("${") != std::string::npos) continue;
            auto lc = src.locate(static_cast<size_t>(m.position(m.size() > 1 && m[1].matched ? 1 : 0)));
            Evidence e;
            e.loc = {file, lc.line, lc.column, down_file};
            e.message = std::string(pat.what) + ": " + mask(secret);
            e.weight = Weight::Fail;
            o.add(e);
        }
    }
    // Passwords inserted as literals: INSERT INTO users (..., password, ...) VALUES (..., 'x', ...).
    static const std::regex insert_pw(R"(INSERT\s+INTO\s+[^(;]*\(([^)]*\b(password|passwd|secret|api_key|token)\b[^)]*)\)\s*VALUES\s*\(([^)]*)\))",
                                      std::regex::icase);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), insert_pw); it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        std::string values = m[3].str();
        static const std::regex lit(R"('([^']{4,})')");
        std::smatch lm;
        bool plain = false;
        std::string found;
        for (auto vi = std::sregex_iterator(values.begin(), values.end(), lit); vi != std::sregex_iterator(); ++vi) {
            std::string v = (*vi)[1].str();
            if (v.rfind("$2", 0) == 0 || v.rfind("$argon", 0) == 0 || v.rfind("${", 0) == 0) continue;  // hashes, placeholders
            plain = true;
            found = v;
        }
        if (!plain) continue;
        auto lc = src.locate(static_cast<size_t>(m.position(0)));
        Evidence e;
        e.loc = {file, lc.line, lc.column, down_file};
        e.message = "literal " + m[2].str() + " in INSERT: " + mask(found);
        e.weight = Weight::Fail;
        o.add(e);
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
    }
    o.summary = "Clean";
    o.fix = "Remove the secret from the migration, rotate it, and load it at run time from the environment or a secret store.";
    return o;
}

}  // namespace migsafe
