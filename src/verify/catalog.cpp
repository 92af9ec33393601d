#include "verify/catalog.hpp"

namespace migsafe::verify {

Result<Snapshot> snapshot(pg::Connection& c, const std::vector<std::string>& skip_schemas) {
    std::string skip = "ARRAY['pg_catalog','information_schema','pg_toast'";
    for (const auto& s : skip_schemas) skip += ",'" + s + "'";
    skip += "]::name[]";
    struct Q {
        const char* kind;
        std::string sql;  // returns (name, details)
    };
    std::vector<Q> queries = {
        {"table", "SELECT n.nspname || '.' || c.relname, c.relkind::text || ' rls=' || c.relrowsecurity || ' force=' || c.relforcerowsecurity "
                  "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r','p','v','m','S') "
                  "AND n.nspname <> ALL(" + skip + ") AND n.nspname NOT LIKE 'pg_temp%'"},
        {"column", "SELECT n.nspname || '.' || c.relname || '.' || a.attname, format_type(a.atttypid, a.atttypmod) || "
                   "CASE WHEN a.attnotnull THEN ' not null' ELSE '' END || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') "
                   "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                   "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                   "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r','p','v','m') AND n.nspname <> ALL(" + skip + ")"},
        {"index", "SELECT n.nspname || '.' || ic.relname, pg_get_indexdef(i.indexrelid) || CASE WHEN i.indisvalid THEN '' ELSE ' INVALID' END "
                  "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace "
                  "WHERE n.nspname <> ALL(" + skip + ")"},
        {"constraint", "SELECT n.nspname || '.' || cl.relname || '.' || co.conname, pg_get_constraintdef(co.oid) || "
                       "CASE WHEN co.convalidated THEN '' ELSE ' NOT VALID' END FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid "
                       "JOIN pg_namespace n ON n.oid = co.connamespace WHERE n.nspname <> ALL(" + skip + ")"},
        {"function", "SELECT n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', md5(p.prosrc) "
                     "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname <> ALL(" + skip + ")"},
        {"trigger", "SELECT n.nspname || '.' || c.relname || '.' || t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t "
                    "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE NOT t.tgisinternal AND n.nspname <> ALL(" + skip + ")"},
        {"type", "SELECT n.nspname || '.' || t.typname, t.typtype::text FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                 "WHERE t.typtype IN ('e','d','c','r') AND n.nspname <> ALL(" + skip + ") "
                 "AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.reltype = t.oid AND c.relkind <> 'c')"},
        {"extension", "SELECT extname, extversion FROM pg_extension WHERE extname <> 'plpgsql'"},
        {"policy", "SELECT schemaname || '.' || tablename || '.' || policyname, cmd || ' ' || coalesce(qual, '') || ' / ' || coalesce(with_check, '') "
                   "FROM pg_policies WHERE schemaname <> ALL(" + skip + ")"},
        {"schema", "SELECT nspname, '' FROM pg_namespace WHERE nspname <> ALL(" + skip + ") AND nspname NOT LIKE 'pg_%' AND nspname <> 'public'"},
    };
    Snapshot s;
    for (const auto& q : queries) {
        auto r = c.exec(q.sql);
        if (!r) return Error{"", 0, std::string("catalog snapshot (") + q.kind + "): " + r.error().message};
        for (const auto& row : r->values) s[std::string(q.kind) + " " + row[0]] = row[1];
    }
    return s;
}

}  // namespace migsafe::verify
