// Markdown: the seed audit's layout (title, header, Summary, category tables, Migration
// Content, Strengths, Remediation Priority, Suppressed).
#include <fmt/format.h>

#include <map>

#include "checks/common.hpp"
#include "report/report.hpp"

namespace migsafe::report {
namespace {

std::string cell(std::string s, size_t max = 110) {
    std::string out;
    for (char c : s) {
        if (c == '\n' || c == '\r') c = ' ';
        if (c == '|') out += "\\|";
        else out += c;
    }
    if (out.size() > max) out = out.substr(0, max - 3) + "...";
    return out;
}

std::string evidence_cell(const Project& p, const CheckResult& r) {
    if (r.status == Status::Pass || r.status == Status::NotApplicable)
        return cell(r.summary.empty() ? std::string("OK") : r.summary);
    const Evidence* first = nullptr;
    int n = 0;
    for (const auto& e : r.evidence)
        if (e.weight != Weight::Info) {
            if (!first) first = &e;
            ++n;
        }
    if (!first) return cell(r.summary);
    std::string loc = location(p, *first);
    std::string text = (loc.empty() ? "" : "`" + loc + "` ") + first->message;
    text = cell(text, 100);
    if (n > 1) text += fmt::format(" (+{} more)", n - 1);
    return text;
}

// "ticket-service" -> "Ticket Service", as the seed titles its audit.
std::string title_case(const std::string& s) {
    std::string out;
    bool start = true;
    for (char c : s) {
        if (c == '-' || c == '_' || c == ' ') {
            if (!out.empty() && out.back() != ' ') out += ' ';
            start = true;
            continue;
        }
        out += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        start = false;
    }
    return out;
}

}  // namespace

std::string render_markdown(const Audit& a, const Options& o) {
    const Project& p = *a.project;
    const Facts& facts = *a.facts;
    const auto& checks = a.result->checks;
    Score total = score(checks);
    std::string out;
    out += fmt::format("# {} - Database Migrations Audit\n\n", title_case(p.name));
    out += fmt::format("**Service:** {}\n", p.name);
    out += fmt::format("**Document:** {}\n", document_name());
    out += fmt::format("**Date:** {}\n", o.date);
    out += fmt::format("**Auditor:** migsafe {}\n", MIGSAFE_VERSION);
    out += fmt::format("**Migrations:** {} ({}, {} {})\n", p.migrations_dir == "." ? "./" : p.migrations_dir + "/",
                       to_string(p.layout), p.files.size(), p.files.size() == 1 ? "file" : "files");
    out += fmt::format("**Pass Rate:** {}\n\n---\n\n", total.rate());

    // Summary
    out += "## Summary\n\n| Severity | Count | Issues |\n|----------|-------|--------|\n";
    for (Severity s : {Severity::Critical, Severity::High, Severity::Medium, Severity::Low}) {
        std::vector<std::string> issues;
        for (const auto& c : checks)
            if ((c.status == Status::Fail || c.status == Status::Partial) && c.effective_severity() == s)
                issues.emplace_back(c.info->short_issue);
        std::string list;
        for (size_t i = 0; i < issues.size(); ++i) list += (i ? ", " : "") + issues[i];
        out += fmt::format("| {} | {} | {} |\n", to_string(s), issues.size(), issues.empty() ? "None" : list);
    }
    out += "\n---\n\n";

    // One section per category.
    for (Category cat : categories()) {
        Score s = score(checks, cat);
        bool any = false;
        for (const auto& c : checks) any = any || c.info->category == cat;
        if (!any) continue;
        std::string counts;
        if (s.applicable() == 0) counts = "N/A";
        else if (s.pass == s.applicable()) counts = fmt::format("{}/{} PASS", s.pass, s.applicable());
        else counts = fmt::format("{}/{}", s.numerator(), s.applicable());
        out += fmt::format("## {} ({})\n\n| Check | Status | Evidence |\n|-------|--------|----------|\n",
                           category_title(cat, p.flavour), counts);
        for (const auto& c : checks) {
            if (c.info->category != cat) continue;
            out += fmt::format("| {} | {} | {} |\n", c.info->title_for(p.flavour), to_string(c.status), evidence_cell(p, c));
        }
        out += "\n---\n\n";
    }

    // Migration Content
    const FileCounts& t = facts.totals;
    out += "## Migration Content\n\n";
    out += fmt::format("**Tables Created:** {}\n**Stored Procedures:** {}\n**Triggers:** {}\n**Indexes:** {}\n**RLS Policies:** {}\n\n",
                       t.tables, t.functions, t.triggers, t.indexes, t.policies);
    out += "| Category | Count |\n|----------|-------|\n";
    std::vector<std::pair<std::string, int>> rows = {
        {"Migration files", static_cast<int>(p.files.size())},
        {"Tenant-isolated tables", facts.tenant_isolated_tables},
        {"FK constraints", t.foreign_keys},
        {"Check constraints", t.check_constraints},
        {"Composite indexes", t.composite_indexes},
        {"Partial indexes", t.partial_indexes},
        {"Unique indexes", t.unique_indexes},
        {"GIN/GiST indexes", t.gin_gist_indexes},
        {"Indexes built CONCURRENTLY", t.concurrent_indexes},
        {"Tables with RLS enabled", t.rls_tables},
        {"Extensions", t.extensions},
        {"Types", t.types},
    };
    for (const auto& [k, v] : rows) out += fmt::format("| {} | {} |\n", k, v);

    // Locks on pre-existing tables: what each statement would block in production.
    std::vector<std::string> lock_rows;
    int lock_total = 0;
    checks::each_op(p, [&](int fi, int oi, const Operation& op) {
        if (op.in_body) return;
        std::vector<std::pair<std::string, LockMode>> locks;
        if (op.preexisting && op.lock >= LockMode::ShareUpdateExclusive) {
            std::string table = op.table.empty() ? facts.table_of_index(op.name) : op.table;
            locks.emplace_back(table.empty() ? op.name : table, op.lock);
        }
        for (const auto& [t, m] : op.other_locks)  // FK targets: SHARE ROW EXCLUSIVE on the parent
            if (m >= LockMode::ShareUpdateExclusive && facts.preexisting(fi, oi, t)) locks.emplace_back(t, m);
        for (const auto& [table, mode] : locks) {
            ++lock_total;
            if (lock_rows.size() >= 40) continue;
            lock_rows.push_back(fmt::format("| `{}` | {} | {} | {} | {} | {} |", checks::where(p, op.loc), to_string(op.section),
                                            cell(checks::excerpt(op, 50)), table, to_string(mode), blocks_description(mode)));
        }
    });
    if (!lock_rows.empty()) {
        out += "\n### Locks on pre-existing tables\n\n| Location | Part | Statement | Table | Lock | Blocks |\n|---|---|---|---|---|---|\n";
        for (const auto& r : lock_rows) out += r + "\n";
        if (lock_total > static_cast<int>(lock_rows.size()))
            out += fmt::format("\n({} more in the JSON report.)\n", lock_total - static_cast<int>(lock_rows.size()));
    }
    out += "\n---\n\n";

    // Strengths
    out += "## Strengths\n\n";
    std::vector<std::string> strengths;
    if (t.tables) strengths.push_back(checks::plural(t.tables, "table") + " across " + checks::plural(static_cast<int>(p.files.size()), "migration file"));
    for (const auto& c : checks)
        if (c.status == Status::Pass && !c.info->strength.empty()) strengths.emplace_back(c.info->strength);
    if (t.functions) strengths.push_back(fmt::format("Stored procedures for business logic ({})", t.functions));
    if (t.triggers) strengths.push_back(fmt::format("Triggers for data integrity ({})", t.triggers));
    if (t.indexes) strengths.push_back(fmt::format("{} indexes ({} composite, {} partial)", t.indexes, t.composite_indexes, t.partial_indexes));
    if (facts.tenant_isolated_tables) strengths.push_back(fmt::format("{} tenant-isolated tables", facts.tenant_isolated_tables));
    if (strengths.empty()) out += "- None found\n";
    for (const auto& s : strengths) out += "- " + s + "\n";
    out += "\n---\n\n";

    // Remediation Priority
    out += "## Remediation Priority\n";
    struct Group {
        std::string heading;
        std::vector<Severity> sev;
    };
    bool critical = false;
    for (const auto& c : checks)
        critical = critical || ((c.status == Status::Fail || c.status == Status::Partial) && c.effective_severity() == Severity::Critical);
    std::vector<Group> groups = {{critical ? "CRITICAL / HIGH (This Week)" : "HIGH (This Week)", {Severity::Critical, Severity::High}},
                                 {"MEDIUM (This Month)", {Severity::Medium}},
                                 {"LOW (Backlog)", {Severity::Low}}};
    bool any_item = false;
    for (const auto& g : groups) {
        std::vector<const CheckResult*> items;
        for (Severity s : g.sev)
            for (const auto& c : checks)
                if ((c.status == Status::Fail || c.status == Status::Partial) && c.effective_severity() == s) items.push_back(&c);
        if (items.empty()) continue;
        any_item = true;
        out += fmt::format("\n### {}\n", g.heading);
        int n = 0;
        for (const auto* c : items) {
            int findings = 0;
            for (const auto& e : c->evidence) findings += e.weight != Weight::Info;
            out += fmt::format("{}. **{}** (`{}`, {} {})\n", ++n, c->info->short_issue, c->info->id,
                               findings, findings == 1 ? "finding" : "findings");
            int shown = 0;
            for (const auto& e : c->evidence) {
                if (e.weight == Weight::Info) continue;
                if (shown++ >= 8) break;
                std::string loc = location(p, e);
                out += "   - " + (loc.empty() ? "" : "`" + loc + "` ") + cell(e.message, 200) + "\n";
            }
            if (findings > 8) out += fmt::format("   - (+{} more)\n", findings - 8);
            if (!c->fix.empty()) out += "\n" + c->fix + "\n";
            out += "\n";
        }
    }
    if (!any_item) out += "\nNothing to remediate: every applicable check passes.\n";

    if (!a.result->suppressed.empty() || !a.result->disabled.empty()) {
        out += "\n---\n\n## Suppressed\n\n";
        if (!a.result->suppressed.empty()) {
            out += "| Check | Location | Reason | Finding |\n|-------|----------|--------|---------|\n";
            for (const auto& s : a.result->suppressed)
                out += fmt::format("| {} | `{}:{}` | {} | {} |\n", s.check_id, s.file, s.line,
                                   s.reason.empty() ? "(no reason given)" : cell(s.reason), cell(s.message, 80));
        }
        if (!a.result->disabled.empty()) {
            out += "\nDisabled in migsafe.toml: ";
            for (size_t i = 0; i < a.result->disabled.size(); ++i) out += (i ? ", " : "") + ("`" + a.result->disabled[i] + "`");
            out += "\n";
        }
    }
    return out;
}

std::string render_rollup_markdown(const std::vector<Audit>& audits, const Options& o) {
    std::string out = "# Platform - Database Migrations Audit\n\n";
    out += fmt::format("**Date:** {}\n**Auditor:** migsafe {}\n\n", o.date, MIGSAFE_VERSION);
    out += "| Service | Pass Rate | CRITICAL | HIGH | MEDIUM | LOW |\n|---------|-----------|----------|------|--------|-----|\n";
    for (const auto& a : audits) {
        int counts[4] = {0, 0, 0, 0};
        for (const auto& c : a.result->checks)
            if (c.status == Status::Fail || c.status == Status::Partial) ++counts[static_cast<int>(c.effective_severity())];
        out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", a.project->name, score(a.result->checks).rate(), counts[3],
                           counts[2], counts[1], counts[0]);
    }
    out += "\n---\n";
    return out;
}

}  // namespace migsafe::report
