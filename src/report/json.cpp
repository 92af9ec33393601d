// JSON: versioned schema (schema_version 1), stable key order. Documented in docs/json-schema.md.
#include <nlohmann/json.hpp>

#include "checks/common.hpp"
#include "report/report.hpp"

namespace migsafe::report {
namespace {

using J = nlohmann::ordered_json;

J counts_json(const FileCounts& c) {
    J j;
    j["tables"] = c.tables;
    j["tenant_isolated_tables"] = c.tenant_tables;
    j["functions"] = c.functions;
    j["triggers"] = c.triggers;
    j["indexes"] = c.indexes;
    j["composite_indexes"] = c.composite_indexes;
    j["partial_indexes"] = c.partial_indexes;
    j["unique_indexes"] = c.unique_indexes;
    j["gin_gist_indexes"] = c.gin_gist_indexes;
    j["concurrent_indexes"] = c.concurrent_indexes;
    j["policies"] = c.policies;
    j["rls_tables"] = c.rls_tables;
    j["foreign_keys"] = c.foreign_keys;
    j["check_constraints"] = c.check_constraints;
    j["extensions"] = c.extensions;
    j["types"] = c.types;
    return j;
}

J evidence_json(const Project& p, const Evidence& e) {
    J j;
    std::string file = e.loc.file >= 0 ? checks::file_name(p, e.loc) : e.path;
    j["file"] = file.empty() ? J(nullptr) : J(file);
    j["line"] = e.loc.line ? J(e.loc.line) : J(nullptr);
    j["column"] = e.loc.column ? J(e.loc.column) : J(nullptr);
    j["message"] = e.message;
    j["weight"] = e.weight == Weight::Fail ? "fail" : e.weight == Weight::Partial ? "partial" : "info";
    if (e.lock != LockMode::None) j["lock"] = std::string(to_string(e.lock));
    return j;
}

J project_json(const Audit& a, const Options& o) {
    const Project& p = *a.project;
    const Facts& facts = *a.facts;
    Score s = score(a.result->checks);
    J j;
    j["service"] = p.name;
    j["path"] = p.root;
    j["flavour"] = std::string(to_string(p.flavour));
    j["layout"] = std::string(to_string(p.layout));
    j["migrations_dir"] = p.migrations_dir;
    j["pg_version"] = facts.pg_version;
    j["date"] = o.date;
    J rate;
    rate["percent"] = s.percent();
    rate["passed"] = s.numerator();
    rate["applicable"] = s.applicable();
    rate["pass"] = s.pass;
    rate["partial"] = s.partial;
    rate["fail"] = s.fail;
    rate["not_applicable"] = s.na;
    j["pass_rate"] = rate;
    J summary;
    for (Severity sev : {Severity::Critical, Severity::High, Severity::Medium, Severity::Low}) {
        J ids = J::array();
        for (const auto& c : a.result->checks)
            if ((c.status == Status::Fail || c.status == Status::Partial) && c.effective_severity() == sev)
                ids.push_back(std::string(c.info->id));
        summary[std::string(to_string(sev))] = ids;
    }
    j["summary"] = summary;
    J checks_arr = J::array();
    for (const auto& c : a.result->checks) {
        J cj;
        cj["id"] = std::string(c.info->id);
        cj["category"] = std::string(to_string(c.info->category));
        cj["title"] = std::string(c.info->title);
        cj["severity"] = std::string(to_string(c.severity));
        cj["effective_severity"] = std::string(to_string(c.effective_severity()));
        cj["status"] = std::string(to_string(c.status));
        cj["summary"] = c.summary;
        J ev = J::array();
        for (const auto& e : c.evidence) ev.push_back(evidence_json(p, e));
        cj["evidence"] = ev;
        cj["fix"] = (c.status == Status::Fail || c.status == Status::Partial) && !c.fix.empty() ? J(c.fix) : J(nullptr);
        checks_arr.push_back(cj);
    }
    j["checks"] = checks_arr;
    J inv;
    inv["totals"] = counts_json(facts.totals);
    inv["totals"]["files"] = p.files.size();
    J files = J::array();
    for (size_t i = 0; i < p.files.size(); ++i) {
        const auto& f = p.files[i];
        J fj;
        fj["file"] = f.path;
        if (!f.down_path.empty()) fj["down_file"] = f.down_path;
        fj["counts"] = counts_json(facts.counts[i]);
        J ops = J::array();
        for (const auto& op : f.ops) {
            J oj;
            oj["file"] = op.loc.down_file ? f.down_path : f.path;
            oj["line"] = op.loc.line;
            oj["column"] = op.loc.column;
            oj["section"] = std::string(to_string(op.section));
            oj["kind"] = std::string(to_string(op.kind));
            oj["statement"] = op.stmt_kind;
            std::string table = op.table.empty() && (op.kind == OpKind::DropIndex || op.kind == OpKind::Reindex)
                                    ? facts.table_of_index(op.name)
                                    : op.table;
            oj["table"] = table.empty() ? J(nullptr) : J(table);
            oj["name"] = op.name.empty() ? J(nullptr) : J(op.name);
            oj["lock"] = std::string(to_string(op.lock));
            oj["blocks"] = std::string(blocks_description(op.lock));
            oj["preexisting"] = op.preexisting && !table.empty();
            if (op.concurrently) oj["concurrently"] = true;
            if (op.in_body) oj["in_do_block"] = true;
            ops.push_back(oj);
        }
        fj["operations"] = ops;
        J errs = J::array();
        for (const auto& e : f.errors) {
            J ej;
            ej["line"] = e.loc.line;
            ej["column"] = e.loc.column;
            ej["message"] = e.message;
            errs.push_back(ej);
        }
        fj["parse_errors"] = errs;
        files.push_back(fj);
    }
    inv["files"] = files;
    j["inventory"] = inv;
    J sup = J::array();
    for (const auto& s2 : a.result->suppressed) {
        J sj;
        sj["id"] = s2.check_id;
        sj["file"] = s2.file;
        sj["line"] = s2.line;
        sj["reason"] = s2.reason;
        sj["message"] = s2.message;
        sup.push_back(sj);
    }
    j["suppressed"] = sup;
    j["disabled"] = a.result->disabled;
    return j;
}

}  // namespace

std::string render_json(const std::vector<Audit>& audits, const Options& o) {
    J root;
    root["schema_version"] = 1;
    root["tool"] = {{"name", "migsafe"}, {"version", MIGSAFE_VERSION}};
    root["document"] = document_name();
    if (audits.size() == 1) {
        J project = project_json(audits[0], o);
        for (auto& [k, v] : project.items()) root[k] = v;
    } else {
        J arr = J::array();
        for (const auto& a : audits) arr.push_back(project_json(a, o));
        root["projects"] = arr;
    }
    return root.dump(2, ' ', false, J::error_handler_t::replace) + "\n";
}

}  // namespace migsafe::report
