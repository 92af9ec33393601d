// JSON: versioned schema (schema_version 1), stable key order. Documented in docs/json-schema.md.
#include "checks/common.hpp"
#include "report/json_writer.hpp"
#include "report/report.hpp"

namespace migsafe::report {
namespace {

void counts_json(JsonWriter& w, const FileCounts& c) {
    w.field("tables", c.tables);
    w.field("tenant_isolated_tables", c.tenant_tables);
    w.field("functions", c.functions);
    w.field("triggers", c.triggers);
    w.field("indexes", c.indexes);
    w.field("composite_indexes", c.composite_indexes);
    w.field("partial_indexes", c.partial_indexes);
    w.field("unique_indexes", c.unique_indexes);
    w.field("gin_gist_indexes", c.gin_gist_indexes);
    w.field("concurrent_indexes", c.concurrent_indexes);
    w.field("policies", c.policies);
    w.field("rls_tables", c.rls_tables);
    w.field("foreign_keys", c.foreign_keys);
    w.field("check_constraints", c.check_constraints);
    w.field("extensions", c.extensions);
    w.field("types", c.types);
}

void string_or_null(JsonWriter& w, std::string_view k, const std::string& v) {
    w.key(k);
    if (v.empty()) w.null();
    else w.value(v);
}

void int_or_null(JsonWriter& w, std::string_view k, int v) {
    w.key(k);
    if (v) w.value(v);
    else w.null();
}

void evidence_json(JsonWriter& w, const Project& p, const Evidence& e) {
    w.begin_object();
    string_or_null(w, "file", e.loc.file >= 0 ? checks::file_name(p, e.loc) : e.path);
    int_or_null(w, "line", e.loc.line);
    int_or_null(w, "column", e.loc.column);
    w.field("message", e.message);
    w.field("weight", e.weight == Weight::Fail ? "fail" : e.weight == Weight::Partial ? "partial" : "info");
    if (e.lock != LockMode::None) w.field("lock", to_string(e.lock));
    w.end_object();
}

void project_json(JsonWriter& w, const Audit& a, const Options& o) {
    const Project& p = *a.project;
    const Facts& facts = *a.facts;
    Score s = score(a.result->checks);
    w.field("service", p.name);
    w.field("path", p.root);
    w.field("flavour", to_string(p.flavour));
    w.field("layout", to_string(p.layout));
    w.field("migrations_dir", p.migrations_dir);
    w.field("pg_version", facts.pg_version);
    w.field("date", o.date);
    w.key("pass_rate").begin_object();
    w.field("percent", s.percent());
    w.field("passed", s.numerator());
    w.field("applicable", s.applicable());
    w.field("pass", s.pass);
    w.field("partial", s.partial);
    w.field("fail", s.fail);
    w.field("not_applicable", s.na);
    w.end_object();
    w.key("summary").begin_object();
    for (Severity sev : {Severity::Critical, Severity::High, Severity::Medium, Severity::Low}) {
        w.key(to_string(sev)).begin_array();
        for (const auto& c : a.result->checks)
            if ((c.status == Status::Fail || c.status == Status::Partial) && c.effective_severity() == sev) w.value(c.info->id);
        w.end_array();
    }
    w.end_object();
    w.key("checks").begin_array();
    for (const auto& c : a.result->checks) {
        w.begin_object();
        w.field("id", c.info->id);
        w.field("category", to_string(c.info->category));
        w.field("title", c.info->title);
        w.field("severity", to_string(c.severity));
        w.field("effective_severity", to_string(c.effective_severity()));
        w.field("status", to_string(c.status));
        w.field("summary", c.summary);
        w.key("evidence").begin_array();
        for (const auto& e : c.evidence) evidence_json(w, p, e);
        w.end_array();
        bool failing = c.status == Status::Fail || c.status == Status::Partial;
        string_or_null(w, "fix", failing ? c.fix : std::string());
        w.end_object();
    }
    w.end_array();
    w.key("inventory").begin_object();
    w.key("totals").begin_object();
    counts_json(w, facts.totals);
    w.field("files", p.files.size());
    w.end_object();
    w.key("files").begin_array();
    for (size_t i = 0; i < p.files.size(); ++i) {
        const auto& f = p.files[i];
        w.begin_object();
        w.field("file", f.path);
        if (!f.down_path.empty()) w.field("down_file", f.down_path);
        w.key("counts").begin_object();
        counts_json(w, facts.counts[i]);
        w.end_object();
        w.key("operations").begin_array();
        for (const auto& op : f.ops) {
            w.begin_object();
            w.field("file", op.loc.down_file ? f.down_path : f.path);
            w.field("line", op.loc.line);
            w.field("column", op.loc.column);
            w.field("section", to_string(op.section));
            w.field("kind", to_string(op.kind));
            w.field("statement", op.stmt_kind);
            std::string table = op.table.empty() && (op.kind == OpKind::DropIndex || op.kind == OpKind::Reindex)
                                    ? facts.table_of_index(op.name)
                                    : op.table;
            string_or_null(w, "table", table);
            string_or_null(w, "name", op.name);
            w.field("lock", to_string(op.lock));
            w.field("blocks", blocks_description(op.lock));
            w.field("preexisting", op.preexisting && !table.empty());
            if (op.concurrently) w.field("concurrently", true);
            if (op.in_body) w.field("in_do_block", true);
            w.end_object();
        }
        w.end_array();
        w.key("parse_errors").begin_array();
        for (const auto& e : f.errors) {
            w.begin_object();
            w.field("line", e.loc.line);
            w.field("column", e.loc.column);
            w.field("message", e.message);
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();
    w.end_object();
    w.key("suppressed").begin_array();
    for (const auto& s2 : a.result->suppressed) {
        w.begin_object();
        w.field("id", s2.check_id);
        w.field("file", s2.file);
        w.field("line", s2.line);
        w.field("reason", s2.reason);
        w.field("message", s2.message);
        w.end_object();
    }
    w.end_array();
    w.key("disabled").begin_array();
    for (const auto& d : a.result->disabled) w.value(d);
    w.end_array();
}

}  // namespace

std::string render_json(const std::vector<Audit>& audits, const Options& o) {
    JsonWriter w;
    w.begin_object();
    w.field("schema_version", 1);
    w.key("tool").begin_object();
    w.field("name", "migsafe");
    w.field("version", MIGSAFE_VERSION);
    w.end_object();
    w.field("document", document_name());
    if (audits.size() == 1) {
        project_json(w, audits[0], o);
    } else {
        w.key("projects").begin_array();
        for (const auto& a : audits) {
            w.begin_object();
            project_json(w, a, o);
            w.end_object();
        }
        w.end_array();
    }
    w.end_object();
    return w.take();
}

}  // namespace migsafe::report
