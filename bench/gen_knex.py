"""The Knex flavour of the benchmark corpus (used by gen_corpus.py --flavour knex).

    bench/gen_corpus.py --flavour knex --files 2000 --seed 42 --out bench/corpus/knex

writes a Knex project:

    OUT/knexfile.ts                  development + production, pool, ssl,
                                     migrations: { directory: './migrations', tableName: 'knex_migrations_bench' }
    OUT/package.json                 knex migrate:* scripts
    OUT/tsconfig.json
    OUT/migrations/<YYYYMMDDHHMMSS>_<name>.ts   (about 10% .js, CommonJS exports)

The generator reuses gen_corpus.py's schema model (State / Table / Column, the
names and the column pool), so the migrations build on each other like the SQL
corpus does, but every change is written the way a Knex codebase writes it:
knex.schema.createTable / alterTable builder calls for tables, columns, indexes,
foreign keys and checks; `await knex.raw(`...`)` template literals for what the
builder cannot express (functions with $$ bodies, triggers, RLS policies, DO
blocks, NOT VALID constraints, CONCURRENTLY, grants); `knex('table')` query
builder calls for data changes; `hasColumn` / `hasTable` guards; files with
`export const config = { transaction: false }` holding a lone
CREATE INDEX CONCURRENTLY. Downs undo the ups in reverse order.

Every file is valid TypeScript (strict) / JavaScript for knex 3 and its SQL is
valid PostgreSQL 15: bench/validate_corpus.py type-checks the project with tsc and
runs every migration up and back down with knex on a scratch cluster.
Output is byte-identical for the same --files / --seed.
"""

import json
import os
import re

from gen_corpus import (AUTHORS, DOMAINS, KIND_VALUES, NOUNS, TEXT_BASES, TICKET_PREFIXES, Column, Generator,
                        Table, ident, sqlstr, words)

MIGRATIONS_TABLE = "knex_migrations_bench"


# --------------------------------------------------------------------------- JS text helpers

def js(s):
    """A JavaScript string literal: single quotes unless the text has some."""
    s = s.replace("\\", "\\\\")
    if "'" in s and '"' not in s:
        return '"' + s + '"'
    return "'" + s.replace("'", "\\'") + "'"


def js_list(items):
    return "[" + ", ".join(js(i) for i in items) + "]"


def tpl_escape(sql):
    """Text for a JavaScript template literal: no escapes, no interpolation."""
    return sql.replace("\\", "\\\\").replace("`", "\\`").replace("${", "\\${")


def raw(sql, var="knex"):
    """`await knex.raw(...)`: a quoted string for one short line, else a template literal."""
    sql = sql.strip()
    if "\n" not in sql:
        one = sql.rstrip(";")
        if len(one) <= 96:
            return [f"await {var}.raw({js(one)});"]
        return [f"await {var}.raw(`{tpl_escape(one)}`);"]
    body = [("  " + line) if line.strip() else "" for line in tpl_escape(sql).split("\n")]
    return [f"await {var}.raw(`"] + body + ["`);"]


def indent(lines, n=2):
    pad = " " * n
    return [(pad + line) if line else "" for line in lines]


def sql_default(c):
    """The SQL text after DEFAULT in a column definition, or None."""
    if "DEFAULT" not in c.rest:
        return None
    v = c.rest.split("DEFAULT", 1)[1].strip()
    for stop in (" REFERENCES", " CHECK", " PRIMARY", " UNIQUE"):
        v = v.split(stop)[0]
    return v.strip()


def js_default(v):
    """A knex defaultTo() argument for a SQL default expression."""
    if v.endswith("::jsonb"):
        v = v[: -len("::jsonb")]
    if v.startswith("'") and v.endswith("'"):
        return js(v[1:-1].replace("''", "'"))
    if v in ("true", "false") or re.fullmatch(r"-?\d+(\.\d+)?", v):
        return v
    if v == "now()":
        return "knex.fn.now()"
    return f"knex.raw({js(v)})"


def fill_js(c):
    """A JavaScript value for `update({ col: value })` filling NULLs of column c."""
    if c.name in ("email", "contact_email"):
        return "'unknown@example.invalid'"
    return {
        "text": "''", "varchar": "''", "citext": "''", "numeric": "0", "integer": "0", "smallint": "0",
        "bigint": "0", "boolean": "false", "double": "0",
        "timestamptz": "knex.ref('created_at')" if c.name != "created_at" else "knex.fn.now()",
        "timestamp": "knex.fn.now()", "date": "knex.raw('CURRENT_DATE')", "array": "'{}'", "char": "'USD'",
        "inet": "'0.0.0.0'", "bytea": "Buffer.alloc(0)", "interval": "knex.raw(\"interval '0'\")",
        "uuid": "knex.raw('gen_random_uuid()')", "jsonb": "'{}'", "json": "'{}'",
    }.get(c.base, "knex.raw('DEFAULT')")


# --------------------------------------------------------------------------- generator

class KnexGenerator(Generator):
    """Same schema history as the SQL corpus's generator, written as Knex migrations."""

    JS_SHARE = 0.10
    # Builder code is wordier than SQL: slightly smaller bundles keep the average
    # file size near the SQL corpus's (~3.3 KB).
    BUNDLE_REST = [1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 6]

    def __init__(self, seed):
        super().__init__(seed)
        self.vars = set()   # const / let names declared in the file being built

    def var(self, base):
        """A variable name not yet declared in this file (bundles repeat kinds)."""
        name, i = base, 2
        while name in self.vars:
            name = f"{base}{i}"
            i += 1
        self.vars.add(name)
        return name

    # ---- documentation and files
    def header(self, name, lines):
        """Doc lines (title first); bundles keep only the title and lines."""
        out = [words(name).capitalize()]
        if self.bundle is None:
            ticket = f"{self.pick(TICKET_PREFIXES)}-{self.rng.randint(100, 4999)}"
            out += [f"Ticket: {ticket}    Author: {self.pick(AUTHORS)}", ""]
        out += list(lines)
        if self.bundle is None:
            out += [line[3:] if line.startswith("-- ") else "" for line in self.notes()]
        return out

    def lock_timeout(self):
        """SET LOCAL / SET statements at the top of a transactional migration (as knex.raw calls)."""
        if self.bundle is not None:
            return []
        r = self.rng.random()
        if r < 0.45:
            return raw("SET LOCAL lock_timeout = '5s'")
        if r < 0.65:
            return raw("SET lock_timeout = '3s'") + raw("SET statement_timeout = '60s'")
        if r < 0.85:
            return raw("SET LOCAL lock_timeout = '2s'") + raw("SET LOCAL statement_timeout = '5min'")
        return []

    def tb(self):
        """The callback parameter name a developer picked for the table builder."""
        return "table" if self.chance(0.85) else "t"

    def emit(self, name, doc, up, down, transaction=True):
        if self.bundle is not None:
            assert transaction, "non-transactional change in a bundle"
            self.bundle.append((name, doc, up, down))
            return
        self.vars = set()
        ts = self.next_ts()
        as_js = self.chance(self.JS_SHARE)
        fname = f"{ts}_{name[:90].rstrip('_')}.{'js' if as_js else 'ts'}"
        self.files.append((fname, self.render(doc, up, down, transaction, as_js)))

    def render(self, doc, up, down, transaction, as_js):
        docblock = ["/**"] + [(" * " + d) if d else " *" for d in doc] + [" */"]
        if as_js:
            sig = ["/**", ' * @param { import("knex").Knex } knex', " * @returns { Promise<void> }", " */"]
            out = docblock + [""]
            if not transaction:
                out += ["exports.config = { transaction: false };", ""]
            out += sig + ["exports.up = async function (knex) {"] + indent(up) + ["};", ""]
            if down:
                out += sig + ["exports.down = async function (knex) {"] + indent(down) + ["};"]
            else:
                out += ["exports.down = async function () {", "  // Nothing to undo.", "};"]
            return "\n".join(out) + "\n"
        imp = "import type { Knex } from 'knex';" if self.chance(0.6) else "import { Knex } from 'knex';"
        out = [imp, ""] + docblock
        if not transaction:
            out += ["export const config = { transaction: false };", ""]
        out += ["export async function up(knex: Knex): Promise<void> {"] + indent(up) + ["}", ""]
        out += ["export async function down(knex: Knex): Promise<void> {"] + indent(down) + ["}"]
        return "\n".join(out) + "\n"

    def emit_bundle(self, kinds):
        """A multi-change migration (a feature's worth of schema work in one file)."""
        self.bundle = []
        self.focus = None
        self.vars = set()
        for k in kinds:
            getattr(self, k)()
        parts, self.bundle, self.focus = self.bundle, None, None
        if len(parts) == 1:
            return self.emit(*parts[0])
        name = parts[0][0]
        if len(parts) > 2:
            name = f"{name}_and_more"
        ticket = f"{self.pick(TICKET_PREFIXES)}-{self.rng.randint(100, 4999)}"
        doc = [words(name).capitalize(), f"Ticket: {ticket}    Author: {self.pick(AUTHORS)}", "",
               f"{self.pick(['Schema changes for the', 'Everything needed by the', 'Database side of the'])} "
               f"{self.pick(DOMAINS)} {self.pick(['feature', 'release', 'epic', 'milestone'])}; "
               f"{len(parts)} changes, applied in one transaction:"]
        doc += [f"  {i + 1}. {words(pn)}" for i, (pn, _, _, _) in enumerate(parts)]
        doc += [line[3:] if line.startswith("-- ") else "" for line in self.notes()]
        up = self.lock_timeout_any()
        for i, (_, pdoc, pu, _) in enumerate(parts):
            if up:
                up.append("")
            up.append(f"// {i + 1}/{len(parts)} {pdoc[0]}")
            up += [f"// {d}" if d else "//" for d in pdoc[1:]]
            up += pu
        down = []
        for _, _, _, pd in reversed(parts):
            if down and pd:
                down.append("")
            down += pd
        self.emit(name, doc, up, down)

    # ---- builder pieces
    def col_type(self, c, tb):
        n, st = c.name, c.sqltype
        if st == "text":
            return f"{tb}.text({js(n)})"
        if st.startswith("varchar("):
            size = int(st[len("varchar("):-1])
            return f"{tb}.string({js(n)})" if size == 255 else f"{tb}.string({js(n)}, {size})"
        if st.startswith("numeric("):
            p, s = st[len("numeric("):-1].split(",")
            return f"{tb}.decimal({js(n)}, {p}, {s})"
        simple = {"integer": "integer", "smallint": "smallint", "bigint": "bigInteger", "boolean": "boolean",
                  "jsonb": "jsonb", "json": "json", "date": "date", "bytea": "binary", "double precision": "double",
                  "uuid": "uuid"}
        if st in simple:
            return f"{tb}.{simple[st]}({js(n)})"
        if st == "timestamptz":
            r = self.rng.random()
            if r < 0.7:
                return f"{tb}.timestamp({js(n)}, {{ useTz: true }})"
            if r < 0.9:
                return f"{tb}.timestamp({js(n)})"
            return f"{tb}.datetime({js(n)}, {{ useTz: true }})"
        if st == "timestamp":
            return f"{tb}.timestamp({js(n)}, {{ useTz: false }})"
        return f"{tb}.specificType({js(n)}, {js(st)})"

    def col_expr(self, c, tb, table, checks, mode="create"):
        """One builder line for column c (without the trailing ';'); table-level checks go to `checks`."""
        st = self.st
        if getattr(c, "values", None) is not None and c.sqltype == "text" and c.check:
            # status columns: knex's enu() without useNative is text + CHECK (status IN (...))
            e = f"{tb}.enu({js(c.name)}, {js_list(c.values)})"
            st.constraints.add((table.name, ident(f"{table.name}_{c.name}_check")))
            c.referenced = True
        else:
            e = self.col_type(c, tb)
        if not c.nullable:
            e += ".notNullable()"
        d = sql_default(c)
        if d is not None:
            e += f".defaultTo({js_default(d)})"
        if hasattr(c, "fk"):
            parent, ondelete = c.fk
            key = "code" if parent.lookup else "id"
            e += f".references({js(key)}).inTable({js(parent.name)})"
            if ondelete:
                e += f".onDelete({js(ondelete)})"
            auto = f"{table.name}_{c.name}_foreign"
            if len(auto) > 63:
                e += f".withKeyName({js(st.claim_constraint(table, auto))})"
            else:
                st.constraints.add((table.name, auto))
        if c.check and getattr(c, "values", None) is None and self.chance(0.8):
            cname = st.claim_constraint(table, f"{table.name}_{c.name}_check")
            pred = c.check.format(c=c.name)
            c.referenced = True
            m_between = re.fullmatch(r"\{c\} BETWEEN (-?\d+) AND (-?\d+)", c.check)
            m_regex = re.fullmatch(r"\S+ ~ '([^']*)'", pred)
            if c.check == "{c} > 0":
                e += f".checkPositive({js(cname)})"
            elif m_between:
                e += f".checkBetween([{m_between.group(1)}, {m_between.group(2)}], {js(cname)})"
            elif m_regex:
                e += f".checkRegex({js(m_regex.group(1))}, {js(cname)})"
            elif mode == "create" and c.check == "{c} >= 0" and self.chance(0.5):
                checks.append(f"{tb}.check('?? >= 0', [{js(c.name)}], {js(cname)});")
            elif mode == "create":
                checks.append(f"{tb}.check({js(pred)}, [], {js(cname)});")
            else:
                # alterTable's check() does not substitute bindings: raw NOT VALID + VALIDATE instead
                checks.append(("raw", cname, pred))
        return e

    def comment_expr(self, c):
        return f".comment({js(self.column_comment(c))})"

    # ---- bootstrap
    def bootstrap(self):
        st = self.st
        doc = self.header("enable extensions", [
            "Extensions used across the schema: gen_random_uuid() is built in since",
            "PostgreSQL 13, pg_trgm backs fuzzy search, citext stores emails.",
        ])
        up = (raw("CREATE EXTENSION IF NOT EXISTS pg_trgm") + raw("CREATE EXTENSION IF NOT EXISTS citext") +
              raw("CREATE EXTENSION IF NOT EXISTS btree_gin"))
        down = (raw("DROP EXTENSION IF EXISTS btree_gin") + raw("DROP EXTENSION IF EXISTS citext") +
                raw("DROP EXTENSION IF EXISTS pg_trgm"))
        self.emit("enable_extensions", doc, up, down)

        doc = self.header("create application roles", [
            "Read-only role for reporting; created idempotently because roles are",
            "cluster-wide and may already exist on shared clusters.",
        ])
        up = raw("DO $$\nBEGIN\n  CREATE ROLE app_readonly NOLOGIN;\nEXCEPTION\n  WHEN duplicate_object THEN\n"
                 "    RAISE NOTICE 'role app_readonly already exists';\nEND\n$$;")
        self.emit("create_application_roles", doc, up, raw("DROP ROLE IF EXISTS app_readonly"))

        tenants = Table("tenants", "tenant")
        for c in [Column("id", "uuid", "uuid", " PRIMARY KEY DEFAULT gen_random_uuid()"),
                  Column("name", "text", "text", " NOT NULL"),
                  Column("slug", "varchar(63)", "varchar", " NOT NULL UNIQUE"),
                  Column("plan", "text", "text", " NOT NULL DEFAULT 'free'"),
                  Column("settings", "jsonb", "jsonb", " NOT NULL DEFAULT '{}'::jsonb"),
                  Column("created_at", "timestamptz", "timestamptz", " NOT NULL DEFAULT now()"),
                  Column("updated_at", "timestamptz", "timestamptz", " NOT NULL DEFAULT now()")]:
            c.system = True
            c.referenced = True
            tenants.columns.append(c)
        st.relnames.update({"tenants", "tenants_slug_unique", "tenants_pkey"})
        st.tables.append(tenants)
        doc = self.header("create tenants", ["Every business table carries tenant_id and references this table."])
        up = raw("SET LOCAL lock_timeout = '5s'") + [""]
        up += ["await knex.schema.createTable('tenants', (table) => {",
               "  table.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));",
               "  table.text('name').notNullable();",
               "  table.string('slug', 63).notNullable().unique();",
               "  table.text('plan').notNullable().defaultTo('free');",
               "  table.jsonb('settings').notNullable().defaultTo('{}');",
               "  table.timestamps(true, true);",
               "  table.check(\"plan IN ('free', 'team', 'business', 'enterprise')\", [], 'tenants_plan_check');",
               "  table.comment('Customer organisations; the unit of data isolation.');",
               "});"]
        up += raw("GRANT SELECT ON tenants TO app_readonly")
        self.emit("create_tenants", doc, up, ["await knex.schema.dropTableIfExists('tenants');"])

        st.relnames.update({"audit_log", "audit_log_pkey", "audit_log_id_seq", "idx_audit_log_table_row",
                            "idx_audit_log_changed_at", "feature_flags", "feature_flags_pkey"})
        st.functions.update({"set_updated_at", "audit_row_change"})
        doc = self.header("create audit infrastructure", [
            "Shared trigger functions: set_updated_at() maintains updated_at columns,",
            "audit_row_change() records every write into audit_log.",
        ])
        up = raw("SET LOCAL lock_timeout = '5s'") + [""]
        up += ["await knex.schema.createTable('audit_log', (table) => {",
               "  table.bigIncrements('id');",
               "  table.text('table_name').notNullable();",
               "  table.text('row_id').notNullable();",
               "  table.enu('action', ['INSERT', 'UPDATE', 'DELETE']).notNullable();",
               "  table.text('actor');",
               "  table.jsonb('old_data');",
               "  table.jsonb('new_data');",
               "  table.timestamp('changed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());",
               "  table.index(['table_name', 'row_id'], 'idx_audit_log_table_row');",
               "  table.index(['changed_at'], 'idx_audit_log_changed_at', 'brin');",
               "});", "",
               "await knex.schema.createTable('feature_flags', (table) => {",
               "  table.text('key').primary();",
               "  table.boolean('enabled').notNullable().defaultTo(false);",
               "  table.text('description');",
               "  table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());",
               "});", ""]
        up += raw("""CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;""") + [""]
        up += raw("""CREATE OR REPLACE FUNCTION audit_row_change() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public
AS $$
DECLARE
  v_actor text := current_setting('app.current_user', true);
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO audit_log (table_name, row_id, action, actor, old_data)
    VALUES (TG_TABLE_NAME, OLD.id::text, TG_OP, v_actor, to_jsonb(OLD));
    RETURN OLD;
  END IF;
  INSERT INTO audit_log (table_name, row_id, action, actor, old_data, new_data)
  VALUES (TG_TABLE_NAME, NEW.id::text, TG_OP, v_actor,
          CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(OLD) END, to_jsonb(NEW));
  RETURN NEW;
END;
$$;""")
        down = (raw("DROP FUNCTION IF EXISTS audit_row_change()") + raw("DROP FUNCTION IF EXISTS set_updated_at()") +
                ["await knex.schema.dropTableIfExists('feature_flags');",
                 "await knex.schema.dropTableIfExists('audit_log');"])
        self.emit("create_audit_infrastructure", doc, up, down)

    # ---- kinds
    def k_create_table(self):
        st = self.st
        name, singular = self.new_table_name()
        r = self.rng.random()
        pk_type = "uuid" if r < 0.88 else ("bigint" if r < 0.97 else "serial")
        t = Table(name, singular, pk_type)
        tb = self.tb()
        lines = []
        if pk_type == "uuid":
            lines.append(f"{tb}.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));")
            idc = Column("id", "uuid", "uuid", " PRIMARY KEY DEFAULT gen_random_uuid()")
        elif pk_type == "bigint":
            lines.append(f"{tb}.bigIncrements('id');")
            idc = Column("id", "bigint", "bigint", " PRIMARY KEY")
            st.relnames.add(ident(f"{name}_id_seq"))
        else:
            lines.append(f"{tb}.increments('id');")
            idc = Column("id", "serial", "integer", " PRIMARY KEY")
            st.relnames.add(ident(f"{name}_id_seq"))
        st.relnames.add(ident(f"{name}_pkey"))
        cols = [idc]
        tenant = self.chance(0.85)
        if tenant:
            tc = Column("tenant_id", "uuid", "uuid", " NOT NULL")
            tc.fk = (st.tables[0], self.pick(["CASCADE", "RESTRICT"]))
            cols.append(tc)
        fks = []
        parents = st.entity_tables()[1:]
        nfk = 0 if not parents else self.pick([0, 1, 1, 1, 2, 2, 3])
        used = set()
        for _ in range(nfk):
            p = self.pick(parents[-60:] if self.chance(0.7) else parents)
            if p.name in used or ident(f"{p.singular}_id") in {c.name for c in cols}:
                continue
            used.add(p.name)
            nullable = self.chance(0.3)
            ondelete = self.pick(["RESTRICT", "CASCADE", "RESTRICT", "SET NULL" if nullable else "CASCADE", None])
            fc = self.fk_column(p, nullable, ondelete)
            cols.append(fc)
            fks.append(fc)
        if st.lookups() and self.chance(0.3):
            lk = self.pick(st.lookups())
            lc = Column(ident(f"{lk.singular}_code"), "text", "text", "")
            lc.system = True
            lc.referenced = True
            lc.fk = (lk, None)
            cols.append(lc)
            fks.append(lc)
        status = None
        if self.chance(0.6):
            status = self.status_column(t)
            cols.append(status)
        t.columns = cols
        extra = self.fresh_columns(t, self.rng.randint(5, 14))
        cols.extend(extra)
        old_style = self.chance(0.04)
        ts_type = "timestamp" if old_style else "timestamptz"
        cols.append(Column("created_at", ts_type, ts_type, " NOT NULL DEFAULT now()"))
        has_updated = self.chance(0.85)
        if has_updated:
            cols.append(Column("updated_at", ts_type, ts_type, " NOT NULL DEFAULT now()"))
        for c in cols:
            if c.name in ("id", "tenant_id", "created_at", "updated_at"):
                c.system = True
                c.referenced = True
        t.columns = cols

        checks = []
        commented = set(c.name for c in extra[: self.rng.randint(0, 5)])
        for c in cols[1:]:
            if c.name in ("created_at", "updated_at"):
                continue
            e = self.col_expr(c, tb, t, checks)
            if c.name in commented:
                e += self.comment_expr(c)
            lines.append(e + ";")
        if has_updated and not old_style:
            lines.append(f"{tb}.timestamps(true, true);")
        else:
            ts_opt = "{ useTz: false }" if old_style else "{ useTz: true }"
            lines.append(f"{tb}.timestamp('created_at', {ts_opt}).notNullable().defaultTo(knex.fn.now());")
            if has_updated:
                lines.append(f"{tb}.timestamp('updated_at', {ts_opt}).notNullable().defaultTo(knex.fn.now());")
        lines += checks
        if t.has("starts_at") and t.has("ends_at"):
            cname = st.claim_constraint(t, f"{name}_period_check")
            lines.append(f"{tb}.check('ends_at IS NULL OR ends_at > starts_at', [], {js(cname)});")
            t.col("starts_at").referenced = t.col("ends_at").referenced = True
        if t.has("slug") and tenant:
            uniq = st.claim(f"{name}_tenant_slug_key")
            lines.append(f"{tb}.unique(['tenant_id', 'slug'], {{ indexName: {js(uniq)} }});")
            t.col("slug").referenced = True
        elif t.has("external_ref") and self.chance(0.5):
            uniq = st.claim(f"{name}_external_ref_key")
            lines.append(f"{tb}.unique(['external_ref'], {{ indexName: {js(uniq)} }});")
            t.col("external_ref").referenced = True

        # indexes: the table is new and empty, so plain CREATE INDEX is fine here.
        after = []
        if tenant:
            if self.chance(0.5):
                n = self.index_name(t, ["tenant_id", "created_at"])
                lines.append(f"{tb}.index(['tenant_id', 'created_at'], {js(n)});")
            else:
                n = self.index_name(t, ["tenant_id"])
                lines.append(f"{tb}.index(['tenant_id'], {js(n)});" if self.chance(0.7)
                             else f"{tb}.index('tenant_id', {js(n)});")
        for c in fks:
            if self.chance(0.75):
                n = self.index_name(t, [c.name])
                if c.nullable:
                    lines.append(f"{tb}.index([{js(c.name)}], {js(n)}, {{ predicate: knex.whereNotNull({js(c.name)}) }});")
                else:
                    lines.append(f"{tb}.index([{js(c.name)}], {js(n)});")
        if status and self.chance(0.6):
            n = self.index_name(t, ["status"])
            closed = status.values[-1]
            pred = js(f"status <> '{closed}'")
            lines.append(f"{tb}.index(['status'], {js(n)}, {{ predicate: knex.whereRaw({pred}) }});")
        for c in extra:
            if c.base == "jsonb" and self.chance(0.35):
                n = self.index_name(t, [c.name], "gin")
                after.append(f"CREATE INDEX {n} ON {name} USING gin ({c.name} jsonb_path_ops);")
                c.referenced = True
            elif c.name in ("name", "title", "display_name") and self.chance(0.3):
                n = self.index_name(t, [c.name], "trgm")
                after.append(f"CREATE INDEX {n} ON {name} USING gin ({c.name} gin_trgm_ops);")
                c.referenced = True
            elif c.name == "email" and self.chance(0.6):
                n = self.index_name(t, ["email"], "uq")
                if t.has("deleted_at"):
                    lines.append(f"{tb}.unique(['email'], {{ indexName: {js(n)}, predicate: knex.whereNull('deleted_at') }});")
                    t.col("deleted_at").referenced = True
                else:
                    lines.append(f"{tb}.unique(['email'], {{ indexName: {js(n)} }});")
                c.referenced = True
            elif c.name == "tags" and self.chance(0.4):
                n = self.index_name(t, ["tags"], "gin")
                lines.append(f"{tb}.index(['tags'], {js(n)}, 'gin');")
                c.referenced = True

        purpose = self.pick([
            f"Stores {words(name)} for the {self.pick(DOMAINS)} service.",
            f"New {words(singular)} entity requested by the {self.pick(DOMAINS)} team.",
            f"Split {words(name)} out of a JSON blob into a proper table.",
            f"Backing table for the {words(singular)} API (v{self.rng.randint(1, 3)}).",
        ])
        if self.chance(0.6):
            lines.append(f"{tb}.comment({js(purpose)});")
        hdr = [purpose]
        if fks:
            hdr.append("References: " + ", ".join(c.fk[0].name for c in fks) + ".")
        doc = self.header(f"create {name}", hdr)
        up = self.lock_timeout()
        if up:
            up.append("")
        create = [f"await knex.schema.createTable({js(name)}, ({tb}) => {{"] + indent(lines) + ["});"]
        if self.chance(0.1):
            up += [f"if (!(await knex.schema.hasTable({js(name)}))) {{"] + indent(create) + ["}"]
        else:
            up += create
        if after:
            up += [""] + raw("\n".join(after) if len(after) > 1 else after[0])
        trig = []
        if has_updated and self.chance(0.8):
            tn = st.claim_trigger(t, f"trg_{name}_set_updated_at")
            trig.append(tn)
            up += [""] + raw(f"CREATE TRIGGER {tn}\n  BEFORE UPDATE ON {name}\n  FOR EACH ROW\n"
                             f"  EXECUTE FUNCTION set_updated_at();")
        if self.chance(0.25):
            tn = st.claim_trigger(t, f"trg_{name}_audit")
            trig.append(tn)
            t.audited = True
            up += [""] + raw(f"CREATE TRIGGER {tn}\n  AFTER INSERT OR UPDATE OR DELETE ON {name}\n  FOR EACH ROW\n"
                             f"  EXECUTE FUNCTION audit_row_change();")
        if self.chance(0.5):
            up += raw(f"GRANT SELECT ON {name} TO app_readonly")

        down = []
        if trig and self.chance(0.6):
            for tn in reversed(trig):
                down += raw(f"DROP TRIGGER IF EXISTS {tn} ON {name}")
        down.append(f"await knex.schema.dropTableIfExists({js(name)});" if self.chance(0.8)
                    else f"await knex.schema.dropTable({js(name)});")
        st.tables.append(t)
        if self.bundle is not None and self.focus is None:
            self.focus = t
        self.emit(f"create_{name}", doc, up, down)

    def k_create_lookup(self):
        st = self.st
        name, singular = self.new_table_name(lookup=True)
        t = Table(name, singular, "text", lookup=True)
        for c in [Column("code", "text", "text", " PRIMARY KEY"), Column("label", "text", "text", " NOT NULL"),
                  Column("sort_order", "integer", "integer", " NOT NULL DEFAULT 0"),
                  Column("is_active", "boolean", "boolean", " NOT NULL DEFAULT true"),
                  Column("created_at", "timestamptz", "timestamptz", " NOT NULL DEFAULT now()")]:
            c.system = True
            c.referenced = True
            t.columns.append(c)
        st.relnames.add(ident(f"{name}_pkey"))
        st.tables.append(t)
        values = self.rng.sample(KIND_VALUES, self.rng.randint(3, 7))
        t.seed_codes.extend(values)
        tb = self.tb()
        doc = self.header(f"create {name}", [f"Reference data for {words(singular)} codes; rows are managed by migrations."])
        up = self.lock_timeout()
        if up:
            up.append("")
        up += [f"await knex.schema.createTable({js(name)}, ({tb}) => {{",
               f"  {tb}.text('code').primary();",
               f"  {tb}.text('label').notNullable();",
               f"  {tb}.integer('sort_order').notNullable().defaultTo(0);",
               f"  {tb}.boolean('is_active').notNullable().defaultTo(true);",
               f"  {tb}.timestamp('created_at', {{ useTz: true }}).notNullable().defaultTo(knex.fn.now());",
               "});", ""]
        up += [f"await knex({js(name)})", "  .insert(["]
        up += [f"    {{ code: {js(v)}, label: {js(words(v).title())}, sort_order: {i * 10} }},"
               for i, v in enumerate(values)]
        up += ["  ])", "  .onConflict('code')", "  .ignore();", ""]
        up += raw(f"GRANT SELECT ON {name} TO app_readonly")
        self.emit(f"create_{name}", doc, up, [f"await knex.schema.dropTableIfExists({js(name)});"])

    def k_seed(self):
        st = self.st
        lks = [t for t in st.lookups() if len(t.seed_codes) < len(KIND_VALUES)]
        if not lks or self.chance(0.4):
            keys = [f"{self.pick(DOMAINS)}_{self.pick(['new', 'beta', 'v2', 'async', 'bulk'])}_{self.pick(self.nouns())}"
                    for _ in range(self.rng.randint(2, 6))]
            keys = [k for i, k in enumerate(keys) if k not in keys[:i] and k not in st.flags]
            if not keys:
                return self.k_create_table()
            st.flags.update(keys)
            doc = self.header("seed feature flags", ["Flags start disabled and are flipped from the admin UI."])
            up = ["await knex('feature_flags')", "  .insert(["]
            up += [f"    {{ key: {js(k)}, enabled: false, description: {js('Rollout of ' + words(k))} }},"
                   for k in keys]
            up += ["  ])", "  .onConflict('key')", "  .ignore();"]
            down = ["await knex('feature_flags')", f"  .whereIn('key', {js_list(keys)})", "  .del();"]
            self.emit(f"seed_feature_flags_{keys[0]}", doc, up, down)
            return
        t = self.pick(lks)
        avail = [v for v in KIND_VALUES if v not in t.seed_codes]
        values = self.rng.sample(avail, min(len(avail), self.rng.randint(1, 3)))
        t.seed_codes.extend(values)
        doc = self.header(f"add {t.name} codes", ["New codes requested by product; existing rows are untouched."])
        up = [f"await knex({js(t.name)})", "  .insert(["]
        up += [f"    {{ code: {js(v)}, label: {js(words(v).title())}, sort_order: {100 + i * 10} }},"
               for i, v in enumerate(values)]
        up += ["  ])", "  .onConflict('code')", "  .merge(['label']);"]
        down = [f"await knex({js(t.name)}).whereIn('code', {js_list(values)}).del();"]
        self.emit(f"seed_{t.name}_{values[0]}", doc, up, down)

    def nouns(self):
        return [p for _, p in NOUNS]

    def raw_checks(self, table, checks):
        """NOT VALID + VALIDATE for checks on columns added to an existing table."""
        out = []
        for _, cname, pred in checks:
            out += [""] + raw(f"ALTER TABLE {table.name}\n  ADD CONSTRAINT {cname}\n  CHECK ({pred}) NOT VALID;")
            out += raw(f"ALTER TABLE {table.name} VALIDATE CONSTRAINT {cname}")
        return out

    def k_add_columns(self):
        t = self.pick_table()
        new = self.fresh_columns(t, self.rng.randint(1, 4))
        if not new:
            return self.k_create_table()
        doc = self.header(f"add columns to {t.name}", [
            f"Adds {', '.join(c.name for c in new)}.",
            self.pick(["Columns are nullable or have constant defaults: no table rewrite.",
                       "Needed by the new reporting screens.", "Part of the v2 API rollout.",
                       "Requested by finance for reconciliation."]),
        ])
        up = self.lock_timeout()
        if up:
            up.append("")
        tb = self.tb()
        checks = []
        body = []
        for i, c in enumerate(new):
            e = self.col_expr(c, tb, t, checks, mode="alter")
            if i < 2 and self.chance(0.3):
                e += self.comment_expr(c)
            body.append(e + ";")
        alter = [f"await knex.schema.alterTable({js(t.name)}, ({tb}) => {{"] + indent(body) + ["});"]
        guarded = self.chance(0.3)
        if guarded:
            up += [f"if (!(await knex.schema.hasColumn({js(t.name)}, {js(new[0].name)}))) {{"] + indent(alter) + ["}"]
        else:
            up += alter
        up += self.raw_checks(t, checks)
        names = [c.name for c in reversed(new)]
        if len(names) > 1 and self.chance(0.5):
            drop = [f"{tb}.dropColumns({', '.join(js(n) for n in names)});"]
        else:
            drop = [f"{tb}.dropColumn({js(n)});" for n in names]
        down = [f"await knex.schema.alterTable({js(t.name)}, ({tb}) => {{"] + indent(drop) + ["});"]
        t.columns.extend(new)
        self.emit(f"add_{'_'.join(c.name for c in new[:2])}_to_{t.name}", doc, up, down)

    def k_add_fk(self):
        st = self.st
        ents = st.entity_tables()[1:]
        if len(ents) < 3:
            return self.k_create_table()
        t = self.pick_table()
        parent = self.pick([p for p in ents if p is not t])
        fc = self.fk_column(parent, True, self.pick(["RESTRICT", "SET NULL", "CASCADE", None]))
        if t.has(fc.name):
            return self.k_add_columns()
        cname = st.claim_constraint(t, f"fk_{t.name}_{parent.singular}")
        style = self.rng.random()
        doc = self.header(f"add {fc.name} to {t.name}", [
            f"Links {words(t.name)} to {words(parent.name)}.",
            "The foreign key is added NOT VALID and validated separately so the",
            "validation scan takes only a SHARE UPDATE EXCLUSIVE lock.",
        ] if style < 0.7 else [
            f"Links {words(t.name)} to {words(parent.name)}.",
            f"{words(t.name).capitalize()} is small; the builder adds the column and its foreign key together.",
        ])
        up = self.lock_timeout()
        if up:
            up.append("")
        tb = self.tb()
        coltype = self.col_type(Column(fc.name, fc.sqltype, fc.base), tb)
        ondelete = f" ON DELETE {fc.fk[1]}" if fc.fk[1] else ""
        idx = self.index_name(t, [fc.name]) if self.chance(0.5) else None
        if style < 0.5:
            up += [f"await knex.schema.alterTable({js(t.name)}, ({tb}) => {{", f"  {coltype};", "});", ""]
            up += raw(f"ALTER TABLE {t.name}\n  ADD CONSTRAINT {cname}\n  FOREIGN KEY ({fc.name}) "
                      f"REFERENCES {parent.name} (id){ondelete}\n  NOT VALID;")
            up += raw(f"ALTER TABLE {t.name} VALIDATE CONSTRAINT {cname}")
        elif style < 0.7:
            up += [f"await knex.schema.alterTable({js(t.name)}, ({tb}) => {{", f"  {coltype};", "});", ""]
            up += raw(f"DO $$\nBEGIN\n  ALTER TABLE {t.name}\n    ADD CONSTRAINT {cname}\n    FOREIGN KEY ({fc.name}) "
                      f"REFERENCES {parent.name} (id){ondelete}\n    NOT VALID;\nEXCEPTION\n"
                      f"  WHEN duplicate_object THEN NULL;\nEND\n$$;")
            up += raw(f"ALTER TABLE {t.name} VALIDATE CONSTRAINT {cname}")
        else:
            chain = f"  {coltype}"
            chain += f"\n    .references('id')\n    .inTable({js(parent.name)})"
            if fc.fk[1]:
                chain += f"\n    .onDelete({js(fc.fk[1])})"
            chain += f"\n    .withKeyName({js(cname)})"
            up += [f"await knex.schema.alterTable({js(t.name)}, ({tb}) => {{"] + (chain + ";").split("\n")
            if idx:
                up.append(f"  {tb}.index([{js(fc.name)}], {js(idx)});")
            up.append("});")
        if idx and style < 0.7:
            up += [""] + [f"await knex.schema.alterTable({js(t.name)}, ({tb}) => {{",
                          f"  {tb}.index([{js(fc.name)}], {js(idx)});", "});"]
        down = [f"await knex.schema.alterTable({js(t.name)}, ({tb}) => {{"]
        if idx:
            down.append(f"  {tb}.dropIndex([{js(fc.name)}], {js(idx)});")
        down.append(f"  {tb}.dropForeign([{js(fc.name)}], {js(cname)});")
        down.append(f"  {tb}.dropColumn({js(fc.name)});")
        down.append("});")
        t.columns.append(fc)
        self.emit(f"add_{fc.name}_to_{t.name}", doc, up, down)

    def k_not_null(self):
        st = self.st
        t = self.pick_table(lambda t: any(c.nullable and not c.system and c.base not in ("jsonb", "json")
                                          for c in t.columns))
        if t is None:
            return self.k_add_columns()
        c = self.pick([c for c in t.columns if c.nullable and not c.system and c.base not in ("jsonb", "json")])
        cname = st.claim_constraint(t, f"chk_{t.name}_{c.name}_not_null")
        doc = self.header(f"set {c.name} not null on {t.name}", [
            f"Backfills {c.name} and makes it NOT NULL without a long ACCESS EXCLUSIVE lock:",
            "CHECK (... IS NOT NULL) NOT VALID, VALIDATE, then SET NOT NULL uses the",
            "validated constraint instead of scanning the table (PostgreSQL 12+).",
        ])
        up = self.lock_timeout()
        if up:
            up.append("")
        if self.chance(0.5):
            up += [f"await knex({js(t.name)})", f"  .whereNull({js(c.name)})",
                   f"  .update({{ {c.name}: {fill_js(c)} }});", ""]
        else:
            up += self.batch_loop(t, c) + [""]
        up += raw(f"ALTER TABLE {t.name}\n  ADD CONSTRAINT {cname}\n  CHECK ({c.name} IS NOT NULL) NOT VALID;")
        up += raw(f"ALTER TABLE {t.name} VALIDATE CONSTRAINT {cname}")
        tb = self.tb()
        up += ["", f"await knex.schema.alterTable({js(t.name)}, ({tb}) => {{",
               f"  {tb}.dropNullable({js(c.name)});", f"  {tb}.dropChecks([{js(cname)}]);", "});"]
        st.constraints.discard((t.name, cname))
        down = [f"await knex.schema.alterTable({js(t.name)}, ({tb}) => {{", f"  {tb}.setNullable({js(c.name)});", "});"]
        c.nullable = False
        c.referenced = True
        self.emit(f"set_{c.name}_not_null_on_{t.name}", doc, up, down)

    def batch_loop(self, t, c, value=None):
        """A batched backfill written in TypeScript (each batch a knex update)."""
        value = value or fill_js(c)
        size = self.pick([1000, 5000, 10000])
        var = self.var(self.pick(["batchSize", "BATCH_SIZE", "batch"]))
        total = self.var("total")
        lines = [f"const {var} = {size};", f"let {total} = 0;", "for (;;) {",
                 f"  const updated = await knex({js(t.name)})",
                 f"    .whereIn(", f"      'id',",
                 f"      knex({js(t.name)}).select('id').whereNull({js(c.name)}).limit({var}).forUpdate().skipLocked(),",
                 "    )", f"    .update({{ {c.name}: {value} }});",
                 f"  {total} += updated;", f"  if (updated < {var}) break;", "}"]
        lines.append(f"console.log(`{t.name}.{c.name}: backfilled ${{{total}}} rows`);")
        return lines

    def k_check_not_valid(self):
        st = self.st
        t = self.pick_table(lambda t: any(c.check and not c.referenced for c in t.columns))
        if t is None:
            return self.k_add_columns()
        c = self.pick([c for c in t.columns if c.check and not c.referenced])
        cname = st.claim_constraint(t, f"chk_{t.name}_{c.name}")
        doc = self.header(f"add check on {t.name}.{c.name}", [
            "Added NOT VALID so existing rows are not scanned under a heavy lock;",
            "VALIDATE runs with SHARE UPDATE EXCLUSIVE.",
        ])
        up = self.lock_timeout()
        if up:
            up.append("")
        up += raw(f"ALTER TABLE {t.name}\n  ADD CONSTRAINT {cname}\n  CHECK ({c.check.format(c=c.name)}) NOT VALID;")
        if self.chance(0.8):
            up += raw(f"ALTER TABLE {t.name} VALIDATE CONSTRAINT {cname}")
        c.referenced = True
        tb = self.tb()
        if self.chance(0.5):
            down = [f"await knex.schema.alterTable({js(t.name)}, ({tb}) => {{", f"  {tb}.dropChecks({js(cname)});", "});"]
        else:
            down = raw(f"ALTER TABLE {t.name} DROP CONSTRAINT IF EXISTS {cname}")
        self.emit(f"add_{cname}", doc, up, down)

    def index_sql(self, t, c, cols, name, concurrently, unique=False):
        """(sql, builder) for an index: builder is a TableBuilder call when knex can express it."""
        conc = " CONCURRENTLY" if concurrently else ""
        ine = " IF NOT EXISTS" if concurrently and self.chance(0.7) else ""
        uq = "UNIQUE " if unique else ""
        if c.base == "jsonb":
            return f"CREATE INDEX{conc}{ine} {name}\n  ON {t.name} USING gin ({c.name} jsonb_path_ops);", None
        if c.base in TEXT_BASES and c.name in ("name", "title", "display_name", "description") and self.chance(0.5):
            return f"CREATE INDEX{conc}{ine} {name}\n  ON {t.name} USING gin ({c.name} gin_trgm_ops);", None
        if c.base in TEXT_BASES and c.name in ("email", "contact_email") and self.chance(0.5):
            return f"CREATE {uq}INDEX{conc}{ine} {name}\n  ON {t.name} (lower({c.name}));", None
        where, pred = "", None
        if t.has("deleted_at") and "deleted_at" not in cols and self.chance(0.4):
            where, pred = "\n  WHERE deleted_at IS NULL", "knex.whereNull('deleted_at')"
            t.col("deleted_at").referenced = True
        elif c.nullable and self.chance(0.3):
            where, pred = f"\n  WHERE {c.name} IS NOT NULL", f"knex.whereNotNull({js(c.name)})"
        desc = " DESC" if c.base in ("timestamptz", "date") and self.chance(0.4) else ""
        colsql = ", ".join(cols[:-1] + [cols[-1] + desc])
        sql = f"CREATE {uq}INDEX{conc}{ine} {name}\n  ON {t.name} ({colsql}){where};"
        builder = None
        if not desc:
            opts = []
            if unique:
                opts.append("indexType: 'unique'")
            if pred:
                opts.append(f"predicate: {pred}")
            builder = f"index({js_list(cols)}, {js(name)}" + (f", {{ {', '.join(opts)} }})" if opts else ")")
        return sql, builder

    def k_concurrent_index(self):
        t, c, cols = self.index_target()
        if t is None:
            return self.k_create_table()
        for name in cols:
            t.col(name).referenced = True
        unique = c.name in ("external_ref", "reference_code", "slug") and self.chance(0.5)
        name = self.index_name(t, cols, "uq" if unique else "idx")
        sql, _ = self.index_sql(t, c, cols, name, True, unique)
        doc = self.header(f"index {t.name} {' '.join(cols)}", [
            f"Speeds up {self.pick(['the list endpoint', 'the nightly export', 'dashboard queries', 'tenant-scoped lookups', 'the search page'])}.",
            "CREATE INDEX CONCURRENTLY cannot run inside a transaction, hence",
            "config.transaction = false and nothing else in this migration.",
        ])
        up = raw(sql)
        if self.chance(0.8):
            down = raw(f"DROP INDEX CONCURRENTLY IF EXISTS {name}")
        else:
            tb = self.tb()
            down = [f"await knex.schema.alterTable({js(t.name)}, ({tb}) => {{",
                    f"  {tb}.dropIndex({js_list(cols)}, {js(name)});", "});"]
        self.emit(f"add_index_{name}_concurrently", doc, up, down, transaction=False)

    def k_plain_index(self):
        t, c, cols = self.index_target()
        if t is None:
            return self.k_create_table()
        for name in cols:
            t.col(name).referenced = True
        name = self.index_name(t, cols)
        doc = self.header(f"index {t.name} {' '.join(cols)}", [
            f"{words(t.name).capitalize()} is still small, so a regular CREATE INDEX is acceptable.",
        ])
        up = self.lock_timeout()
        if up:
            up.append("")
        sql, builder = self.index_sql(t, c, cols, name, False)
        tb = self.tb()
        if builder and self.chance(0.8):
            up += [f"await knex.schema.alterTable({js(t.name)}, ({tb}) => {{", f"  {tb}.{builder};", "});"]
            down = [f"await knex.schema.alterTable({js(t.name)}, ({tb}) => {{",
                    f"  {tb}.dropIndex({js_list(cols)}, {js(name)});", "});"]
        else:
            up += raw(sql)
            down = raw(f"DROP INDEX IF EXISTS {name}")
        self.emit(f"add_index_{name}", doc, up, down)

    def k_trigger_function(self):
        plan = self.plan_trigger_function()
        if plan is None:
            return self.k_create_table()
        t, fn, tn, body, timing, purpose = plan
        doc = self.header(f"create {fn} trigger", [purpose])
        up = self.lock_timeout()
        if up:
            up.append("")
        fsql = f"CREATE OR REPLACE FUNCTION {fn}() RETURNS trigger\nLANGUAGE plpgsql\nAS $$\n{body}$$;"
        tsql = f"CREATE TRIGGER {tn}\n  {timing} ON {t.name}\n  FOR EACH ROW\n  EXECUTE FUNCTION {fn}();"
        csql = f"COMMENT ON FUNCTION {fn}() IS {sqlstr(purpose)};"
        if self.chance(0.3):
            tsql = f"DROP TRIGGER IF EXISTS {tn} ON {t.name};\n" + tsql
        if self.chance(0.35):
            # one knex.raw with the whole script (pg runs it as a multi-statement simple query)
            up += raw(fsql + "\n\n" + tsql + "\n\n" + csql)
        else:
            up += raw(fsql) + [""] + raw(tsql) + raw(csql)
        down = raw(f"DROP TRIGGER IF EXISTS {tn} ON {t.name}") + raw(f"DROP FUNCTION IF EXISTS {fn}()")
        self.emit(f"create_{fn}_trigger", doc, up, down)

    def k_utility_function(self):
        st = self.st
        r = self.rng.random()
        if r < 0.35:
            t = self.pick_table(lambda t: t.has("tenant_id"))
            if t is None:
                return self.k_create_table()
            fn = st.claim_fn(f"{t.name}_count_for_tenant")
            extra = ""
            if t.has("deleted_at"):
                extra = "\n    AND deleted_at IS NULL"
                t.col("deleted_at").referenced = True
            doc = self.header(f"create {fn}", ["Used by the billing job to meter usage per tenant."])
            up = raw(f"CREATE OR REPLACE FUNCTION {fn}(p_tenant_id uuid)\nRETURNS bigint\n"
                     f"LANGUAGE sql\nSTABLE\nPARALLEL SAFE\nAS $$\n  SELECT count(*)\n  FROM {t.name}\n"
                     f"  WHERE tenant_id = p_tenant_id{extra};\n$$;")
            up += raw(f"GRANT EXECUTE ON FUNCTION {fn}(uuid) TO app_readonly")
            down = raw(f"DROP FUNCTION IF EXISTS {fn}(uuid)")
        elif r < 0.7:
            t = self.pick_table(lambda t: any(c.base == "timestamptz" and c.nullable and not c.system
                                              for c in t.columns) and t.pk_type == "uuid")
            if t is None:
                return self.k_create_table()
            c = self.pick([c for c in t.columns if c.base == "timestamptz" and c.nullable and not c.system])
            c.referenced = True
            fn = st.claim_fn(f"{t.name}_mark_{c.name[:-3] if c.name.endswith('_at') else c.name}")
            doc = self.header(f"create {fn}", [
                f"Stamps {c.name} on stale {words(t.name)} in batches; called from the scheduler.",
                "Returns the number of rows touched.",
            ])
            up = raw(f"CREATE OR REPLACE FUNCTION {fn}(\n  p_older_than interval DEFAULT interval '90 days',\n"
                     f"  p_batch_size integer DEFAULT 1000\n)\nRETURNS integer\nLANGUAGE plpgsql\nAS $$\n"
                     f"DECLARE\n  v_total integer := 0;\n  v_batch integer;\nBEGIN\n"
                     f"  IF p_batch_size <= 0 THEN\n    RAISE EXCEPTION 'p_batch_size must be positive';\n  END IF;\n"
                     f"  LOOP\n    UPDATE {t.name}\n    SET {c.name} = now()\n    WHERE id IN (\n"
                     f"      SELECT id\n      FROM {t.name}\n      WHERE {c.name} IS NULL\n"
                     f"        AND created_at < now() - p_older_than\n      ORDER BY created_at\n"
                     f"      LIMIT p_batch_size\n      FOR UPDATE SKIP LOCKED\n    );\n"
                     f"    GET DIAGNOSTICS v_batch = ROW_COUNT;\n    v_total := v_total + v_batch;\n"
                     f"    EXIT WHEN v_batch < p_batch_size;\n  END LOOP;\n  RETURN v_total;\nEND;\n$$;")
            down = raw(f"DROP FUNCTION IF EXISTS {fn}(interval, integer)")
        else:
            t = self.pick_table(lambda t: any(c.base == "numeric" for c in t.user_columns()) and t.has("tenant_id"))
            if t is None:
                return self.k_create_table()
            c = self.pick([c for c in t.user_columns() if c.base == "numeric"])
            c.referenced = True
            fn = st.claim_fn(f"{t.name}_{c.name}_summary")
            doc = self.header(f"create {fn}", [f"Aggregates {c.name} per day for the {words(t.name)} dashboard."])
            up = raw(f"CREATE OR REPLACE FUNCTION {fn}(\n  p_tenant_id uuid,\n  p_from timestamptz,\n"
                     f"  p_to timestamptz DEFAULT now()\n)\nRETURNS TABLE (day date, row_count bigint, "
                     f"total numeric, average numeric)\nLANGUAGE sql\nSTABLE\nAS $$\n"
                     f"  SELECT created_at::date AS day,\n         count(*) AS row_count,\n"
                     f"         coalesce(sum({c.name}), 0) AS total,\n         round(avg({c.name}), 2) AS average\n"
                     f"  FROM {t.name}\n  WHERE tenant_id = p_tenant_id\n"
                     f"    AND created_at >= p_from\n    AND created_at < p_to\n"
                     f"  GROUP BY created_at::date\n  ORDER BY day;\n$$;")
            down = raw(f"DROP FUNCTION IF EXISTS {fn}(uuid, timestamptz, timestamptz)")
        self.emit(f"create_function_{fn}", doc, up, down)

    def k_enum(self):
        st = self.st
        t = self.pick_table()
        col = "kind" if not t.has("kind") else "category"
        if t.has(col):
            return self.k_add_columns()
        tname = st.claim(f"{t.singular}_{col}")
        values = self.rng.sample(KIND_VALUES, self.rng.randint(3, 6))
        default = values[0]
        tb = self.tb()
        up = self.lock_timeout()
        if up:
            up.append("")
        if self.chance(0.5):
            doc = self.header(f"add {col} to {t.name}", [
                f"Introduces the {tname} enum. CREATE TYPE has no IF NOT EXISTS, so it is",
                "wrapped in a DO block that ignores duplicate_object on re-runs.",
            ])
            up += raw(f"DO $$\nBEGIN\n  CREATE TYPE {tname} AS ENUM (" + ", ".join(f"'{v}'" for v in values) + ");\n"
                      f"EXCEPTION\n  WHEN duplicate_object THEN null;\nEND\n$$;") + [""]
            up += [f"await knex.schema.alterTable({js(t.name)}, ({tb}) => {{",
                   f"  {tb}",
                   f"    .enu({js(col)}, null, {{ useNative: true, existingType: true, enumName: {js(tname)} }})",
                   f"    .notNullable()", f"    .defaultTo({js(default)});", "});"]
        else:
            doc = self.header(f"add {col} to {t.name}", [
                f"Introduces the {tname} enum; knex creates the type together with the column.",
            ])
            up += [f"await knex.schema.alterTable({js(t.name)}, ({tb}) => {{",
                   f"  {tb}",
                   f"    .enu({js(col)}, {js_list(values)}, {{ useNative: true, enumName: {js(tname)} }})",
                   f"    .notNullable()", f"    .defaultTo({js(default)});", "});"]
        c = Column(col, tname, "enum", f" NOT NULL DEFAULT '{default}'")
        t.columns.append(c)
        down = [f"await knex.schema.alterTable({js(t.name)}, ({tb}) => {{", f"  {tb}.dropColumn({js(col)});", "});"]
        down += raw(f"DROP TYPE IF EXISTS {tname}")
        self.emit(f"add_{col}_enum_to_{t.name}", doc, up, down)

    def k_guarded_do(self):
        t = self.pick_table()
        new = self.fresh_columns(t, self.rng.randint(1, 3), allow_legacy=False)
        if not new:
            return self.k_create_table()
        doc = self.header(f"add columns to {t.name} if missing", [
            "Some environments got these columns from a hotfix; only add them where missing.",
        ])
        up = self.lock_timeout()
        if up:
            up.append("")
        tb = self.tb()
        if self.chance(0.35):
            sql = "DO $$\nBEGIN\n"
            for c in new:
                sql += (f"  IF NOT EXISTS (\n    SELECT 1\n    FROM information_schema.columns\n"
                        f"    WHERE table_schema = current_schema()\n      AND table_name = '{t.name}'\n"
                        f"      AND column_name = '{c.name}'\n  ) THEN\n"
                        f"    ALTER TABLE {t.name} ADD COLUMN {c.definition()};\n"
                        f"    RAISE NOTICE 'added {t.name}.{c.name}';\n  END IF;\n")
            up += raw(sql + "END\n$$;")
        else:
            for i, c in enumerate(new):
                checks = []
                e = self.col_expr(c, tb, t, checks, mode="alter")
                if i:
                    up.append("")
                up += [f"if (!(await knex.schema.hasColumn({js(t.name)}, {js(c.name)}))) {{",
                       f"  await knex.schema.alterTable({js(t.name)}, ({tb}) => {{", f"    {e};", "  });",
                       f"  console.log('added {t.name}.{c.name}');", "}"]
                up += self.raw_checks(t, checks)
        down = []
        for c in reversed(new):
            down += [f"if (await knex.schema.hasColumn({js(t.name)}, {js(c.name)})) {{",
                     f"  await knex.schema.alterTable({js(t.name)}, ({tb}) => {{", f"    {tb}.dropColumn({js(c.name)});",
                     "  });", "}"]
        t.columns.extend(new)
        self.emit(f"add_{new[0].name}_to_{t.name}_if_missing", doc, up, down)

    def k_backfill(self):
        t = self.pick_table(lambda t: t.pk_type == "uuid")
        if t is None:
            return self.k_create_table()
        new = self.fresh_columns(t, 1, allow_legacy=False)
        if not new:
            return self.k_create_table()
        c = new[0]
        c.rest = c.rest.replace(" NOT NULL", "")
        c.nullable = True
        if "DEFAULT" in c.rest:
            c.rest = c.rest.split(" DEFAULT")[0]
            c.has_default = False
        c.check = None
        doc = self.header(f"backfill {t.name}.{c.name}", [
            f"Adds {c.name} (nullable) and backfills it in batches so no single statement",
            "holds row locks on the whole table.",
        ])
        up = self.lock_timeout()
        if up:
            up.append("")
        tb = self.tb()
        up += [f"await knex.schema.alterTable({js(t.name)}, ({tb}) => {{", f"  {self.col_expr(c, tb, t, [], 'alter')};",
               "});", ""]
        r = self.rng.random()
        if r < 0.45:
            up += self.batch_loop(t, c)
        elif r < 0.7:
            up += raw(self.batched_update(t, c.name, self.fill_value(c)))
        else:
            up += [f"await knex({js(t.name)})", f"  .whereNull({js(c.name)})", f"  .update({{ {c.name}: {fill_js(c)} }});"]
        t.columns.append(c)
        down = [f"await knex.schema.alterTable({js(t.name)}, ({tb}) => {{", f"  {tb}.dropColumn({js(c.name)});", "});"]
        self.emit(f"add_and_backfill_{c.name}_on_{t.name}", doc, up, down)

    def k_data_fix(self):
        t = self.pick_table(lambda t: getattr(t.col("status"), "values", None) is not None)
        if t is None:
            return self.k_seed()
        s = t.col("status")
        a, b = self.rng.sample(s.values, 2)
        cond = []
        if t.has("updated_at"):
            cond = [f"  .andWhere('updated_at', '<', {js(self.ts.strftime('%Y-%m-%d'))})"]
        doc = self.header(f"move stale {a} {t.name} to {b}", [
            f"Data fix: {words(t.name)} stuck in '{a}' since the {self.pick(['outage', 'bad deploy', 'import'])}",
            f"of {self.ts.strftime('%B %Y')} are moved to '{b}'.",
        ])
        up = self.lock_timeout()
        if up:
            up.append("")
        moved = self.var("moved")
        up += [f"const {moved} = await knex(" + js(t.name) + ")", f"  .where('status', {js(a)})"] + cond + \
              [f"  .update({{ status: {js(b)} }});", f"console.log(`moved ${{{moved}}} {t.name} from {a} to {b}`);"]
        down = [f"// Best effort: rows that were already '{b}' are indistinguishable.",
                f"await knex({js(t.name)})", f"  .where('status', {js(b)})"] + cond + [f"  .update({{ status: {js(a)} }});"]
        s.referenced = True
        self.emit(f"fix_stale_{a}_{t.name}", doc, up, down)

    def policy_sql(self, table, p):
        return (f"CREATE POLICY {p} ON {table}\n  AS PERMISSIVE\n  FOR ALL\n  TO PUBLIC\n"
                f"  USING (tenant_id = current_setting('app.current_tenant', true)::uuid)\n"
                f"  WITH CHECK (tenant_id = current_setting('app.current_tenant', true)::uuid);")

    def k_rls(self):
        st = self.st
        t = self.pick_table(lambda t: t.has("tenant_id") and not t.rls, recent_bias=False)
        if t is None:
            return self.k_create_table()
        up = self.lock_timeout()
        if up:
            up.append("")
        others = [o for o in st.entity_tables()[1:] if o is not t and o.has("tenant_id") and not o.rls
                  and len(o.name) <= 45]
        if self.bundle is None and len(t.name) <= 45 and len(others) >= 2 and self.chance(0.3):
            # several tables at once, in a loop over their names
            group = [t] + self.rng.sample(others, self.rng.randint(1, min(3, len(others))))
            names = [g.name for g in group]
            for g in group:
                g.rls = True
            doc = self.header(f"enable row level security on {t.name} and more", [
                "Tenant isolation: the application sets app.current_tenant per transaction.",
                "Tables: " + ", ".join(names) + ".",
            ])
            up += [f"const tables = {js_list(names)};", "for (const table of tables) {",
                   "  await knex.raw(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);",
                   "  await knex.raw(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);",
                   "  await knex.raw(`",
                   "    CREATE POLICY ${table}_tenant_isolation ON ${table}",
                   "      USING (tenant_id = current_setting('app.current_tenant', true)::uuid)",
                   "      WITH CHECK (tenant_id = current_setting('app.current_tenant', true)::uuid)",
                   "  `);", "}"]
            down = [f"for (const table of {js_list(list(reversed(names)))}) {{",
                    "  await knex.raw(`DROP POLICY IF EXISTS ${table}_tenant_isolation ON ${table}`);",
                    "  await knex.raw(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);",
                    "  await knex.raw(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);", "}"]
            self.emit(f"enable_rls_on_{t.name}_and_more", doc, up, down)
            return
        t.rls = True
        p = ident(f"{t.name}_tenant_isolation")
        doc = self.header(f"enable row level security on {t.name}", [
            "Tenant isolation: the application sets app.current_tenant per transaction.",
        ])
        up += raw(f"ALTER TABLE {t.name} ENABLE ROW LEVEL SECURITY") + raw(f"ALTER TABLE {t.name} FORCE ROW LEVEL SECURITY")
        up += [""] + raw(self.policy_sql(t.name, p))
        down = raw(f"DROP POLICY IF EXISTS {p} ON {t.name}")
        if self.chance(0.5):
            p2 = ident(f"{t.name}_readonly_select")
            up += [""] + raw(f"CREATE POLICY {p2} ON {t.name}\n  FOR SELECT\n  TO app_readonly\n  USING (true);")
            down = raw(f"DROP POLICY IF EXISTS {p2} ON {t.name}") + down
        down += raw(f"ALTER TABLE {t.name} NO FORCE ROW LEVEL SECURITY") + raw(f"ALTER TABLE {t.name} DISABLE ROW LEVEL SECURITY")
        self.emit(f"enable_rls_on_{t.name}", doc, up, down)

    def k_view(self):
        st = self.st
        t = self.pick_table(lambda t: len(t.user_columns()) >= 2)
        if t is None:
            return self.k_create_table()
        cols = ["id"] + (["tenant_id"] if t.has("tenant_id") else [])
        picked = self.rng.sample(t.user_columns(), min(len(t.user_columns()), self.rng.randint(2, 6)))
        for c in picked:
            c.referenced = True
        cols += [c.name for c in picked] + ["created_at"]
        v = st.claim(f"v_{t.name}_{self.pick(['active', 'current', 'recent', 'report'])}")
        where, kwhere = [], []
        if t.has("deleted_at"):
            where.append("deleted_at IS NULL")
            kwhere.append(".whereNull('deleted_at')")
            t.col("deleted_at").referenced = True
        if t.has("is_archived"):
            where.append("NOT is_archived")
            kwhere.append(".where('is_archived', false)")
            t.col("is_archived").referenced = True
        if not where:
            where.append("created_at > now() - interval '365 days'")
            kwhere.append(".where('created_at', '>', knex.raw(\"now() - interval '365 days'\"))")
        doc = self.header(f"create view {v}", [f"Read model for the {words(t.name)} report; excludes deleted rows."])
        if self.chance(0.5):
            up = [f"await knex.schema.createViewOrReplace({js(v)}, (view) => {{",
                  f"  view.as(", f"    knex({js(t.name)})",
                  f"      .select({', '.join(js(c) for c in cols)})"] + [f"      {w}" for w in kwhere] + ["  );", "});"]
            down = [f"await knex.schema.dropViewIfExists({js(v)});"]
        else:
            up = raw(f"CREATE OR REPLACE VIEW {v} AS\nSELECT\n" + ",\n".join(f"  {c}" for c in cols) +
                     f"\nFROM {t.name}\nWHERE " + "\n  AND ".join(where) + ";")
            down = raw(f"DROP VIEW IF EXISTS {v}")
        up += raw(f"GRANT SELECT ON {v} TO app_readonly")
        self.emit(f"create_view_{v}", doc, up, down)

    def k_alter_type(self):
        t = self.pick_table(lambda t: any(not c.referenced and not c.system and
                                          (c.sqltype.startswith("varchar") or c.sqltype == "integer")
                                          for c in t.columns))
        if t is None:
            return self.k_add_columns()
        c = self.pick([c for c in t.columns if not c.referenced and not c.system and
                       (c.sqltype.startswith("varchar") or c.sqltype == "integer")])
        old = c.sqltype
        if old == "integer":
            new, note = "bigint", "integer is running out of headroom; this rewrites the table."
        elif self.chance(0.5):
            new, note = "text", "varchar -> text is a catalog-only change, no rewrite."
        else:
            n = int(old[len("varchar("):-1])
            new, note = f"varchar({n * 2})", "Widening a varchar does not rewrite the table."
        doc = self.header(f"widen {t.name}.{c.name}", [f"{c.name}: {old} -> {new}. {note}"])
        up = self.lock_timeout()
        if up:
            up.append("")
        tb = self.tb()

        def alter(sqltype):
            e = self.col_type(Column(c.name, sqltype, c.base), tb)
            d = sql_default(c)
            if not c.nullable:
                e += ".notNullable()"
            if d is not None:
                e += f".defaultTo({js_default(d)})"
            # knex's alter() drops the default and re-sets what the builder says;
            # alterNullable: false keeps the NOT NULL flag as it is.
            e += ".alter({ alterNullable: false })" if not c.nullable else ".alter()"
            return [f"await knex.schema.alterTable({js(t.name)}, ({tb}) => {{", f"  {e};", "});"]
        if self.chance(0.7):
            up += alter(new)
            down = alter(old)
        else:
            up += raw(f"ALTER TABLE {t.name} ALTER COLUMN {c.name} TYPE {new}")
            down = raw(f"ALTER TABLE {t.name} ALTER COLUMN {c.name} TYPE {old}")
        c.sqltype = new
        c.base = "bigint" if new == "bigint" else ("text" if new == "text" else "varchar")
        c.referenced = True
        self.emit(f"widen_{c.name}_on_{t.name}", doc, up, down)

    def k_set_default(self):
        t = self.pick_table(lambda t: any(not c.has_default and not c.system and not c.check and c.base in
                                          ("text", "varchar", "integer", "boolean", "numeric") for c in t.columns))
        if t is None:
            return self.k_add_columns()
        c = self.pick([c for c in t.columns if not c.has_default and not c.system and not c.check and
                       c.base in ("text", "varchar", "integer", "boolean", "numeric")])
        val = {"text": "''", "varchar": "''", "integer": "0", "boolean": "false", "numeric": "0"}[c.base]
        doc = self.header(f"default {t.name}.{c.name}", ["Defaults only apply to new rows; existing rows keep NULL."])
        up = self.lock_timeout()
        if up:
            up.append("")
        tb = self.tb()
        if self.chance(0.5):
            e = self.col_type(c, tb) + f".defaultTo({js_default(val)}).alter({{ alterNullable: false, alterType: false }})"
            up += [f"await knex.schema.alterTable({js(t.name)}, ({tb}) => {{", f"  {e};", "});"]
        else:
            up += raw(f"ALTER TABLE {t.name} ALTER COLUMN {c.name} SET DEFAULT {val}")
        c.has_default = True
        c.referenced = True
        self.emit(f"set_default_{c.name}_on_{t.name}", doc, up,
                  raw(f"ALTER TABLE {t.name} ALTER COLUMN {c.name} DROP DEFAULT"))

    def k_rename(self):
        t = self.pick_table(lambda t: any(not c.referenced and not c.system for c in t.columns))
        if t is None:
            return self.k_add_columns()
        c = self.pick([c for c in t.columns if not c.referenced and not c.system])
        new = ident(self.pick(["legacy_", "old_", "deprecated_"]) + c.name)
        if t.has(new):
            return self.k_add_columns()
        doc = self.header(f"rename {t.name}.{c.name}", [
            f"{c.name} is superseded; renamed so that remaining readers fail loudly.",
        ])
        up = self.lock_timeout()
        if up:
            up.append("")
        tb = self.tb()
        up += [f"await knex.schema.alterTable({js(t.name)}, ({tb}) => {{", f"  {tb}.renameColumn({js(c.name)}, {js(new)});", "});"]
        down = [f"await knex.schema.alterTable({js(t.name)}, ({tb}) => {{", f"  {tb}.renameColumn({js(new)}, {js(c.name)});", "});"]
        old = c.name
        c.name = new
        c.referenced = True
        self.emit(f"rename_{old}_on_{t.name}", doc, up, down)

    def k_drop_column(self):
        t = self.pick_table(lambda t: any(not c.referenced and not c.system for c in t.columns))
        if t is None:
            return self.k_add_columns()
        c = self.pick([c for c in t.columns if not c.referenced and not c.system])
        doc = self.header(f"drop {t.name}.{c.name}", [
            f"{c.name} has not been read since the {self.pick(['v2 API', 'search rewrite', 'billing migration'])};",
            "the column was archived to the warehouse before this release.",
        ])
        up = self.lock_timeout()
        if up:
            up.append("")
        tb = self.tb()
        up += [f"await knex.schema.alterTable({js(t.name)}, ({tb}) => {{", f"  {tb}.dropColumn({js(c.name)});", "});"]
        restored = Column(c.name, c.sqltype, c.base, c.rest)
        if not c.nullable and not c.has_default:
            restored.nullable = True  # restored rows would have no value
        if hasattr(c, "fk"):
            restored.fk = c.fk
        down = [f"await knex.schema.alterTable({js(t.name)}, ({tb}) => {{",
                f"  {self.col_expr(restored, tb, t, [], 'alter')};", "});"]
        t.columns.remove(c)
        self.emit(f"drop_{c.name}_from_{t.name}", doc, up, down)

    def k_delete_data(self):
        t = self.pick_table(lambda t: t.has("deleted_at"))
        if t is None:
            return self.k_data_fix()
        t.col("deleted_at").referenced = True
        doc = self.header(f"purge deleted {t.name}", [
            "Retention policy: soft-deleted rows older than a year are purged.",
        ])
        up = self.lock_timeout()
        if up:
            up.append("")
        purged = self.var("purged")
        up += [f"const {purged} = await knex({js(t.name)})", "  .whereNotNull('deleted_at')",
               "  .andWhere('deleted_at', '<', knex.raw(\"now() - interval '1 year'\"))", "  .del();",
               f"console.log(`purged ${{{purged}}} soft-deleted {t.name}`);"]
        down = ["// Irreversible: purged rows are in the nightly backups only."]
        self.emit(f"purge_deleted_{t.name}", doc, up, down)

    def fk_column(self, parent, nullable, ondelete):
        c = super().fk_column(parent, nullable, ondelete)
        if parent.pk_type == "bigint":
            c.sqltype, c.base = "bigint", "bigint"
        elif parent.pk_type == "serial":
            c.sqltype, c.base = "integer", "integer"
        return c


# --------------------------------------------------------------------------- project files

KNEXFILE = """\
import type { Knex } from 'knex';

// Migrations for the bench service. Connection settings come from the environment;
// production requires TLS with certificate verification.

const config: { [env: string]: Knex.Config } = {
  development: {
    client: 'postgresql',
    connection: {
      host: process.env.PGHOST || 'localhost',
      port: Number(process.env.PGPORT || 5432),
      database: process.env.PGDATABASE || 'bench_dev',
      user: process.env.PGUSER || 'bench',
      password: process.env.PGPASSWORD,
    },
    pool: { min: 1, max: 5 },
    migrations: { directory: './migrations', tableName: 'knex_migrations_bench' },
  },
  production: {
    client: 'postgresql',
    connection: {
      host: process.env.PGHOST,
      port: Number(process.env.PGPORT || 5432),
      database: process.env.PGDATABASE,
      user: process.env.PGUSER,
      password: process.env.PGPASSWORD,
      ssl: { rejectUnauthorized: true, ca: process.env.PGSSLROOTCERT_PEM },
    },
    pool: { min: 2, max: 10, idleTimeoutMillis: 30000 },
    acquireConnectionTimeout: 10000,
    migrations: { directory: './migrations', tableName: 'knex_migrations_bench' },
  },
};

export default config;
"""

PACKAGE_JSON = {
    "name": "bench-service",
    "version": "1.0.0",
    "private": True,
    "description": "Generated Knex migration corpus for the migsafe benchmark",
    "scripts": {
        "build": "tsc -p tsconfig.json",
        "migrate": "knex migrate:latest --knexfile knexfile.ts",
        "migrate:rollback": "knex migrate:rollback --knexfile knexfile.ts",
        "migrate:status": "knex migrate:status --knexfile knexfile.ts",
        "migrate:make": "knex migrate:make --knexfile knexfile.ts -x ts",
    },
    "dependencies": {"knex": "^3.1.0", "pg": "^8.11.3"},
    "devDependencies": {"@types/node": "^20.11.0", "ts-node": "^10.9.2", "typescript": "^5.4.5"},
}

TSCONFIG_TEXT = """\
{
  "compilerOptions": {
    "target": "es2020",
    "module": "commonjs",
    "strict": true,
    "esModuleInterop": true,
    "allowJs": true,
    "skipLibCheck": true,
    "outDir": "dist"
  },
  "include": ["knexfile.ts", "migrations/**/*"]
}
"""


def write_project(out, files):
    """Writes the Knex project; returns the total size of the migration files in bytes."""
    mdir = os.path.join(out, "migrations")
    os.makedirs(mdir, exist_ok=True)
    for old in os.listdir(mdir):
        if old.endswith((".ts", ".js")):
            os.remove(os.path.join(mdir, old))
    for name, text in (("knexfile.ts", KNEXFILE), ("tsconfig.json", TSCONFIG_TEXT),
                       ("package.json", json.dumps(PACKAGE_JSON, indent=2) + "\n")):
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    total = 0
    for fname, text in files:
        data = text.encode("utf-8")
        total += len(data)
        with open(os.path.join(mdir, fname), "wb") as f:
            f.write(data)
    return total, mdir
