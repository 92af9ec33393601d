#!/usr/bin/env python3
"""Generate a deterministic corpus of realistic migrations (dbmate SQL or Knex) for benchmarking.

    bench/gen_corpus.py --files 2000 --seed 42 --out bench/corpus/sql
    bench/gen_corpus.py --flavour knex --files 2000 --seed 42 --out bench/corpus/knex

--flavour knex writes a Knex project instead (knexfile.ts, package.json,
tsconfig.json, OUT/migrations/*.ts|.js); it is described in gen_knex.py. The
default, --flavour sql,
writes OUT/db/migrations/<YYYYMMDDHHMMSS>_<descriptive_name>.sql, each with a
`-- migrate:up` and a `-- migrate:down` section (dbmate layout). The same
--files/--seed always produce byte-identical files (standard library only, no
dependence on hash randomisation, locale or the clock).

The generator keeps a model of the schema it has built so far, so every file is
valid PostgreSQL 15 and the whole corpus applies in order on an empty database
(ups oldest first; downs newest first drop exactly what the ups created):
bench/validate_corpus.py checks that against a scratch PostgreSQL 15 cluster.

Mix: CREATE TABLE (uuid / timestamptz / numeric / jsonb columns, foreign keys,
CHECKs, indexes, comments, grants), lookup tables with seed data, ALTER TABLE
ADD COLUMN / SET NOT NULL / ADD CONSTRAINT ... NOT VALID + VALIDATE, CREATE
INDEX (CONCURRENTLY alone in `transaction:false` sections, or plain), PL/pgSQL
and SQL functions with $$ bodies, triggers, DO blocks (enum types guarded by
EXCEPTION WHEN duplicate_object, guarded ALTERs, batched backfills), UPDATE /
INSERT / DELETE data changes, row-level security policies, views, type
changes, renames and drops of unused columns.
"""

import argparse
import datetime
import hashlib
import os
import random
import sys

# --------------------------------------------------------------------------- names

NOUNS = [
    ("account", "accounts"), ("address", "addresses"), ("agreement", "agreements"),
    ("alert", "alerts"), ("asset", "assets"), ("booking", "bookings"), ("budget", "budgets"),
    ("campaign", "campaigns"), ("carrier", "carriers"), ("cart", "carts"), ("category", "categories"),
    ("channel", "channels"), ("claim", "claims"), ("contact", "contacts"), ("contract", "contracts"),
    ("coupon", "coupons"), ("customer", "customers"), ("deal", "deals"), ("delivery", "deliveries"),
    ("department", "departments"), ("device", "devices"), ("discount", "discounts"),
    ("document", "documents"), ("employee", "employees"), ("entitlement", "entitlements"),
    ("estimate", "estimates"), ("expense", "expenses"), ("export", "exports"), ("fulfillment", "fulfillments"),
    ("incident", "incidents"), ("integration", "integrations"), ("inventory_item", "inventory_items"),
    ("invoice", "invoices"), ("job", "jobs"), ("ledger_entry", "ledger_entries"), ("lead", "leads"),
    ("license", "licenses"), ("location", "locations"), ("membership", "memberships"),
    ("message", "messages"), ("notification", "notifications"), ("opportunity", "opportunities"),
    ("order", "orders"), ("organization", "organizations"), ("package", "packages"),
    ("payment", "payments"), ("payout", "payouts"), ("plan", "plans"), ("price", "prices"),
    ("product", "products"), ("project", "projects"), ("promotion", "promotions"),
    ("purchase_order", "purchase_orders"), ("quote", "quotes"), ("receipt", "receipts"),
    ("refund", "refunds"), ("region", "regions"), ("report", "reports"), ("reservation", "reservations"),
    ("return", "returns"), ("review", "reviews"), ("schedule", "schedules"), ("session", "sessions"),
    ("shipment", "shipments"), ("sku", "skus"), ("store", "stores"), ("subscription", "subscriptions"),
    ("supplier", "suppliers"), ("survey", "surveys"), ("task", "tasks"), ("team", "teams"),
    ("ticket", "tickets"), ("timesheet", "timesheets"), ("transaction", "transactions"),
    ("transfer", "transfers"), ("vehicle", "vehicles"), ("vendor", "vendors"), ("voucher", "vouchers"),
    ("warehouse", "warehouses"), ("webhook", "webhooks"), ("workflow", "workflows"),
]

SUFFIXES = [
    None, None, None,
    ("item", "items"), ("event", "events"), ("note", "notes"), ("attachment", "attachments"),
    ("version", "versions"), ("assignment", "assignments"), ("comment", "comments"),
    ("snapshot", "snapshots"), ("setting", "settings"), ("line", "lines"), ("approval", "approvals"),
    ("allocation", "allocations"), ("rule", "rules"), ("tag", "tags"), ("metric", "metrics"),
]

DOMAINS = ["billing", "crm", "catalog", "inventory", "support", "hr", "analytics", "shipping",
           "marketing", "payments", "reporting", "procurement", "scheduling", "compliance"]

TICKET_PREFIXES = ["PAY", "CORE", "OPS", "PLAT", "DATA", "CRM", "INV", "SHIP", "SEC", "API"]
AUTHORS = ["a.nguyen", "b.okafor", "c.lindqvist", "d.ramirez", "e.kowalski", "f.haddad",
           "g.tanaka", "h.oconnell", "i.petrov", "j.mensah", "k.schmidt", "l.moreau"]

STATUS_SETS = [
    ["pending", "active", "suspended", "closed"],
    ["draft", "submitted", "approved", "rejected", "cancelled"],
    ["queued", "running", "succeeded", "failed"],
    ["open", "in_progress", "resolved", "closed"],
    ["new", "confirmed", "shipped", "delivered", "returned"],
    ["scheduled", "sent", "bounced", "opened"],
]

KIND_VALUES = ["standard", "express", "internal", "external", "manual", "automatic", "recurring",
               "one_time", "trial", "enterprise", "partner", "legacy"]

# (name, sql type, base type, suffix of the definition, check template or None)
COLUMN_POOL = [
    ("title", "text", "text", " NOT NULL", None),
    ("name", "text", "text", " NOT NULL", "char_length({c}) BETWEEN 1 AND 200"),
    ("description", "text", "text", "", None),
    ("notes", "text", "text", "", None),
    ("summary", "varchar(500)", "varchar", "", None),
    ("display_name", "varchar(255)", "varchar", "", None),
    ("slug", "varchar(120)", "varchar", " NOT NULL", "{c} ~ '^[a-z0-9-]+$'"),
    ("external_ref", "varchar(64)", "varchar", "", None),
    ("reference_code", "varchar(32)", "varchar", "", None),
    ("email", "citext", "citext", "", "position('@' IN {c}) > 1"),
    ("contact_email", "text", "text", "", None),
    ("phone", "varchar(32)", "varchar", "", None),
    ("amount", "numeric(12,2)", "numeric", " NOT NULL DEFAULT 0", "{c} >= 0"),
    ("total", "numeric(14,2)", "numeric", "", "{c} >= 0"),
    ("subtotal", "numeric(14,2)", "numeric", " NOT NULL DEFAULT 0", None),
    ("unit_price", "numeric(12,4)", "numeric", "", "{c} >= 0"),
    ("tax_rate", "numeric(5,4)", "numeric", " NOT NULL DEFAULT 0", "{c} BETWEEN 0 AND 1"),
    ("discount_pct", "numeric(5,2)", "numeric", "", "{c} BETWEEN 0 AND 100"),
    ("balance", "numeric(16,2)", "numeric", " NOT NULL DEFAULT 0", None),
    ("currency", "char(3)", "char", " NOT NULL DEFAULT 'USD'", "{c} ~ '^[A-Z]{{3}}$'"),
    ("quantity", "integer", "integer", " NOT NULL DEFAULT 1", "{c} > 0"),
    ("priority", "smallint", "smallint", " NOT NULL DEFAULT 0", "{c} BETWEEN 0 AND 9"),
    ("position", "integer", "integer", "", None),
    ("retry_count", "integer", "integer", " NOT NULL DEFAULT 0", "{c} >= 0"),
    ("size_bytes", "bigint", "bigint", "", "{c} >= 0"),
    ("view_count", "bigint", "bigint", " NOT NULL DEFAULT 0", None),
    ("is_active", "boolean", "boolean", " NOT NULL DEFAULT true", None),
    ("is_archived", "boolean", "boolean", " NOT NULL DEFAULT false", None),
    ("is_default", "boolean", "boolean", " NOT NULL DEFAULT false", None),
    ("metadata", "jsonb", "jsonb", " NOT NULL DEFAULT '{{}}'::jsonb", None),
    ("settings", "jsonb", "jsonb", "", None),
    ("payload", "jsonb", "jsonb", "", None),
    ("attributes", "jsonb", "jsonb", " NOT NULL DEFAULT '{{}}'::jsonb", "jsonb_typeof({c}) = 'object'"),
    ("tags", "text[]", "array", " NOT NULL DEFAULT '{{}}'", None),
    ("starts_at", "timestamptz", "timestamptz", "", None),
    ("ends_at", "timestamptz", "timestamptz", "", None),
    ("published_at", "timestamptz", "timestamptz", "", None),
    ("deleted_at", "timestamptz", "timestamptz", "", None),
    ("archived_at", "timestamptz", "timestamptz", "", None),
    ("last_seen_at", "timestamptz", "timestamptz", "", None),
    ("expires_at", "timestamptz", "timestamptz", "", None),
    ("processed_at", "timestamptz", "timestamptz", "", None),
    ("due_on", "date", "date", "", None),
    ("effective_date", "date", "date", " NOT NULL DEFAULT CURRENT_DATE", None),
    ("ip_address", "inet", "inet", "", None),
    ("version", "integer", "integer", " NOT NULL DEFAULT 1", "{c} > 0"),
    ("checksum", "bytea", "bytea", "", None),
    ("locale", "varchar(10)", "varchar", " NOT NULL DEFAULT 'en'", None),
    ("score", "double precision", "double", "", None),
    ("duration", "interval", "interval", "", None),
    ("latitude", "numeric(9,6)", "numeric", "", "{c} BETWEEN -90 AND 90"),
    ("longitude", "numeric(9,6)", "numeric", "", "{c} BETWEEN -180 AND 180"),
    ("source", "varchar(40)", "varchar", "", None),
]

# Old habits that show up in real histories (migsafe has checks for them).
LEGACY_COLUMNS = [
    ("created_on", "timestamp", "timestamp", " DEFAULT now()", None),
    ("raw_data", "json", "json", "", None),
    ("legacy_code", "varchar(20)", "varchar", "", None),
]

TEXT_BASES = ("text", "varchar", "citext")


def ident(name):
    """Identifiers longer than PostgreSQL's 63 bytes get a stable hashed tail."""
    if len(name) <= 63:
        return name
    digest = hashlib.sha1(name.encode()).hexdigest()[:8]
    return name[:54].rstrip("_") + "_" + digest


def sqlstr(s):
    return "'" + s.replace("'", "''") + "'"


def words(name):
    return name.replace("_", " ")


# --------------------------------------------------------------------------- model

class Column:
    def __init__(self, name, sqltype, base, rest="", check=None, nullable=None, has_default=None):
        self.name = name
        self.sqltype = sqltype
        self.base = base
        self.rest = rest.replace("{{}}", "{}")
        self.check = check
        self.nullable = ("NOT NULL" not in rest) if nullable is None else nullable
        self.has_default = ("DEFAULT" in rest) if has_default is None else has_default
        self.referenced = False   # used by an index, view, policy, function, constraint...
        self.system = False       # id, tenant_id, created_at, updated_at, foreign keys

    def definition(self):
        return f"{self.name} {self.sqltype}{self.rest}"


class Table:
    def __init__(self, name, singular, pk_type="uuid", lookup=False):
        self.name = name
        self.singular = singular
        self.pk_type = pk_type
        self.lookup = lookup
        self.columns = []
        self.rls = False
        self.audited = False
        self.validated = False
        self.seed_codes = []

    def col(self, name):
        for c in self.columns:
            if c.name == name:
                return c
        return None

    def has(self, name):
        return self.col(name) is not None

    def user_columns(self):
        return [c for c in self.columns if not c.system]


class State:
    def __init__(self, rng):
        self.rng = rng
        self.tables = []          # creation order
        self.relnames = set()     # pg_class / pg_type namespace: tables, indexes, views, types
        self.functions = set()
        self.triggers = set()
        self.constraints = set()  # (table, name)
        self.flags = set()
        self.table_counter = 0

    def claim(self, name):
        name = ident(name)
        if name in self.relnames:
            i = 2
            while ident(f"{name}_{i}") in self.relnames:
                i += 1
            name = ident(f"{name}_{i}")
        self.relnames.add(name)
        return name

    def claim_fn(self, name):
        name = ident(name)
        base, i = name, 2
        while name in self.functions:
            name = ident(f"{base}_v{i}")
            i += 1
        self.functions.add(name)
        return name

    def claim_constraint(self, table, name):
        name = ident(name)
        base, i = name, 2
        while (table.name, name) in self.constraints:
            name = ident(f"{base}_{i}")
            i += 1
        self.constraints.add((table.name, name))
        return name

    def claim_trigger(self, table, name):
        name = ident(name)
        base, i = name, 2
        while (table.name, name) in self.triggers:
            name = ident(f"{base}_{i}")
            i += 1
        self.triggers.add((table.name, name))
        return name

    def entity_tables(self):
        return [t for t in self.tables if not t.lookup]

    def lookups(self):
        return [t for t in self.tables if t.lookup]


# --------------------------------------------------------------------------- generator

class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.st = State(self.rng)
        self.files = []
        self.ts = datetime.datetime(2019, 1, 7, 9, 12, 0)
        self.bundle = None   # list of parts while building a multi-change migration
        self.focus = None    # the table a multi-change migration is about

    # ---- helpers
    def pick(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def chance(self, p):
        return self.rng.random() < p

    def next_ts(self):
        r = self.rng.random()
        if r < 0.3:
            delta = datetime.timedelta(minutes=self.rng.randint(3, 90))
        elif r < 0.8:
            delta = datetime.timedelta(hours=self.rng.randint(2, 30), minutes=self.rng.randint(0, 59))
        else:
            delta = datetime.timedelta(days=self.rng.randint(1, 6), hours=self.rng.randint(0, 23),
                                       seconds=self.rng.randint(0, 59))
        self.ts += delta
        return self.ts.strftime("%Y%m%d%H%M%S")

    def header(self, name, lines):
        if self.bundle is not None:
            # one section of a multi-change migration: a short title, no ticket line
            out = [f"-- {words(name).capitalize()}"] + [f"-- {line}" if line else "--" for line in lines]
            return "\n".join(out) + "\n"
        ticket = f"{self.pick(TICKET_PREFIXES)}-{self.rng.randint(100, 4999)}"
        out = [f"-- {words(name).capitalize()}", f"-- Ticket: {ticket}    Author: {self.pick(AUTHORS)}", "--"]
        for line in lines:
            out.append(f"-- {line}" if line else "--")
        out += self.notes()
        return "\n".join(out) + "\n"

    def notes(self):
        """Rollout / rollback notes, as mature teams write them."""
        out = []
        if self.chance(0.45):
            out += ["--", "-- Rollout: " + self.pick([
                "safe to run during business hours; takes only brief locks.",
                "run after the application release that stops writing the old shape.",
                "deploy behind the feature flag; the code path is dark until enabled.",
                "coordinate with the data team, the nightly export reads these tables.",
                "ran in staging for a week against a production-sized snapshot.",
            ])]
        if self.chance(0.35):
            out += ["-- Rollback: " + self.pick([
                "the down section is safe; no data is lost.",
                "the down section drops data written since the release; export it first.",
                "prefer rolling forward; the down section is for local development.",
                "run the down section, then redeploy the previous application version.",
            ])]
        if self.chance(0.2):
            out += ["-- Reviewed-by: " + self.pick(AUTHORS) + ", " + self.pick(AUTHORS)]
        return out

    def lock_timeout(self):
        if self.bundle is not None:
            return ""
        r = self.rng.random()
        if r < 0.45:
            return "SET LOCAL lock_timeout = '5s';\n"
        if r < 0.65:
            return "SET lock_timeout = '3s';\nSET statement_timeout = '60s';\n"
        if r < 0.85:
            return "SET LOCAL lock_timeout = '2s';\nSET LOCAL statement_timeout = '5min';\n"
        return ""

    def emit(self, name, up, down, up_opts="", down_opts=""):
        if self.bundle is not None:
            assert not up_opts and not down_opts, "non-transactional change in a bundle"
            self.bundle.append((name, up, down))
            return
        ts = self.next_ts()
        fname = f"{ts}_{name[:90].rstrip('_')}.sql"
        text = f"-- migrate:up{up_opts}\n{up.rstrip()}\n\n-- migrate:down{down_opts}\n{down.rstrip()}\n"
        self.files.append((fname, text))

    def emit_bundle(self, kinds):
        """A multi-change migration (a feature's worth of schema work in one file)."""
        self.bundle = []
        self.focus = None
        for k in kinds:
            getattr(self, k)()
        parts, self.bundle, self.focus = self.bundle, None, None
        if len(parts) == 1:
            return self.emit(*parts[0])
        name = parts[0][0]
        if len(parts) > 2:
            name = f"{name}_and_more"
        ticket = f"{self.pick(TICKET_PREFIXES)}-{self.rng.randint(100, 4999)}"
        head = [f"-- {words(name).capitalize()}", f"-- Ticket: {ticket}    Author: {self.pick(AUTHORS)}", "--",
                f"-- {self.pick(['Schema changes for the', 'Everything needed by the', 'Database side of the'])} "
                f"{self.pick(DOMAINS)} {self.pick(['feature', 'release', 'epic', 'milestone'])}; "
                f"{len(parts)} changes, applied in one transaction:"]
        head += [f"--   {i + 1}. {words(pn)}" for i, (pn, _, _) in enumerate(parts)]
        head += self.notes()
        up = "\n".join(head) + "\n" + self.lock_timeout_any() + "\n"
        up += "\n".join(f"-- {i + 1}/{len(parts)} " + pu.lstrip("- ") for i, (_, pu, _) in enumerate(parts))
        down = "\n".join(pd.rstrip() + "\n" for _, _, pd in reversed(parts))
        self.emit(name, up, down)

    def lock_timeout_any(self):
        saved, self.bundle = self.bundle, None
        try:
            return self.lock_timeout()
        finally:
            self.bundle = saved

    def new_table_name(self, lookup=False):
        st = self.st
        for _ in range(50):
            sing, plur = self.pick(NOUNS)
            if lookup:
                sing, plur = sing + "_" + self.pick(["status", "type", "reason", "channel", "tier"]), None
                plur = sing + ("es" if sing.endswith("status") else "s")
            else:
                suf = self.pick(SUFFIXES)
                if suf:
                    sing, plur = f"{sing}_{suf[0]}", f"{sing}_{suf[1]}"
            if self.chance(0.25 if len(st.tables) > 120 else 0.05):
                dom = self.pick(DOMAINS)
                sing, plur = f"{dom}_{sing}", f"{dom}_{plur}"
            if ident(plur) not in st.relnames and not plur.startswith(("idx_", "uq_", "v_")):
                st.relnames.add(ident(plur))
                return ident(plur), sing
        st.table_counter += 1
        sing, plur = self.pick(NOUNS)
        name = st.claim(f"{plur}_{st.table_counter}")
        return name, f"{sing}_{st.table_counter}"

    def pick_table(self, pred=None, recent_bias=True):
        if self.focus is not None and (pred is None or pred(self.focus)) and self.chance(0.85):
            return self.focus
        cands = [t for t in self.st.entity_tables()[1:] if pred is None or pred(t)]
        if not cands:
            return None
        if recent_bias and self.chance(0.6):
            cands = cands[-40:]
        t = self.pick(cands)
        if self.bundle is not None and self.focus is None:
            self.focus = t
        return t

    def fresh_columns(self, table, n, allow_legacy=True):
        taken = {c.name for c in table.columns}
        pool = list(COLUMN_POOL)
        self.rng.shuffle(pool)
        out = []
        for spec in pool:
            if len(out) >= n:
                break
            if spec[0] in taken:
                continue
            out.append(Column(*spec))
            taken.add(spec[0])
        if allow_legacy and self.chance(0.05):
            spec = self.pick(LEGACY_COLUMNS)
            if spec[0] not in taken:
                out.append(Column(*spec))
        return out

    def status_column(self, table, name="status"):
        values = self.pick(STATUS_SETS)
        c = Column(name, "text", "text", f" NOT NULL DEFAULT '{values[0]}'")
        c.check = f"{{c}} IN ({', '.join(sqlstr(v) for v in values)})"
        c.values = values
        return c

    def fk_column(self, parent, nullable, ondelete):
        name = ident(f"{parent.singular}_id")
        c = Column(name, parent.pk_type if parent.pk_type != "serial" else "integer",
                   "uuid" if parent.pk_type == "uuid" else "bigint",
                   "" if nullable else " NOT NULL")
        c.system = True
        c.referenced = True
        c.fk = (parent, ondelete)
        return c

    def index_name(self, table, cols, prefix="idx"):
        return self.st.claim(f"{prefix}_{table.name}_{'_'.join(cols)}")

    # ---- bootstrap
    def bootstrap(self):
        st = self.st
        up = self.header("enable extensions", [
            "Extensions used across the schema: gen_random_uuid() is built in since",
            "PostgreSQL 13, pg_trgm backs fuzzy search, citext stores emails.",
        ])
        up += ("CREATE EXTENSION IF NOT EXISTS pg_trgm;\n"
               "CREATE EXTENSION IF NOT EXISTS citext;\n"
               "CREATE EXTENSION IF NOT EXISTS btree_gin;\n")
        down = ("DROP EXTENSION IF EXISTS btree_gin;\n"
                "DROP EXTENSION IF EXISTS citext;\n"
                "DROP EXTENSION IF EXISTS pg_trgm;\n")
        self.emit("enable_extensions", up, down)

        up = self.header("create application roles", [
            "Read-only role for reporting; created idempotently because roles are",
            "cluster-wide and may already exist on shared clusters.",
        ])
        up += ("DO $$\nBEGIN\n  CREATE ROLE app_readonly NOLOGIN;\n"
               "EXCEPTION\n  WHEN duplicate_object THEN\n    RAISE NOTICE 'role app_readonly already exists';\nEND\n$$;\n")
        down = "DROP ROLE IF EXISTS app_readonly;\n"
        self.emit("create_application_roles", up, down)

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
        st.relnames.update({"tenants", "tenants_slug_key", "tenants_pkey"})
        st.tables.append(tenants)
        up = self.header("create tenants", ["Every business table carries tenant_id and references this table."])
        up += "SET LOCAL lock_timeout = '5s';\n\nCREATE TABLE tenants (\n"
        up += ",\n".join("  " + c.definition() for c in tenants.columns)
        up += ",\n  CONSTRAINT tenants_plan_check CHECK (plan IN ('free', 'team', 'business', 'enterprise'))\n);\n\n"
        up += "COMMENT ON TABLE tenants IS 'Customer organisations; the unit of data isolation.';\n"
        up += "GRANT SELECT ON tenants TO app_readonly;\n"
        self.emit("create_tenants", up, "DROP TABLE IF EXISTS tenants;\n")

        st.relnames.update({"audit_log", "audit_log_pkey", "idx_audit_log_table_row", "idx_audit_log_changed_at",
                            "feature_flags", "feature_flags_pkey"})
        st.functions.update({"set_updated_at", "audit_row_change"})
        up = self.header("create audit infrastructure", [
            "Shared trigger functions: set_updated_at() maintains updated_at columns,",
            "audit_row_change() records every write into audit_log.",
        ])
        up += """SET LOCAL lock_timeout = '5s';

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  table_name text NOT NULL,
  row_id text NOT NULL,
  action text NOT NULL CHECK (action IN ('INSERT', 'UPDATE', 'DELETE')),
  actor text,
  old_data jsonb,
  new_data jsonb,
  changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX idx_audit_log_table_row ON audit_log (table_name, row_id);
CREATE INDEX idx_audit_log_changed_at ON audit_log USING brin (changed_at);

CREATE TABLE feature_flags (
  key text PRIMARY KEY,
  enabled boolean NOT NULL DEFAULT false,
  description text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;

CREATE OR REPLACE FUNCTION audit_row_change() RETURNS trigger
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
$$;
"""
        down = ("DROP FUNCTION IF EXISTS audit_row_change();\nDROP FUNCTION IF EXISTS set_updated_at();\n"
                "DROP TABLE IF EXISTS feature_flags;\nDROP TABLE IF EXISTS audit_log;\n")
        self.emit("create_audit_infrastructure", up, down)

    # ---- kinds
    def k_create_table(self):
        st = self.st
        name, singular = self.new_table_name()
        r = self.rng.random()
        pk_type = "uuid" if r < 0.88 else ("bigint" if r < 0.97 else "serial")
        t = Table(name, singular, pk_type)
        cols = []
        if pk_type == "uuid":
            idc = Column("id", "uuid", "uuid", " PRIMARY KEY DEFAULT gen_random_uuid()")
        elif pk_type == "bigint":
            idc = Column("id", "bigint", "bigint", " GENERATED ALWAYS AS IDENTITY PRIMARY KEY")
        else:
            idc = Column("id", "serial", "integer", " PRIMARY KEY")
            st.relnames.add(ident(f"{name}_id_seq"))
        st.relnames.add(ident(f"{name}_pkey"))
        cols.append(idc)
        tenant = self.chance(0.85)
        if tenant:
            tc = Column("tenant_id", "uuid", "uuid", " NOT NULL REFERENCES tenants (id) ON DELETE CASCADE")
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
        lk = None
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
        ca = Column("created_at", ts_type, ts_type, " NOT NULL DEFAULT now()")
        cols.append(ca)
        has_updated = self.chance(0.85)
        if has_updated:
            cols.append(Column("updated_at", ts_type, ts_type, " NOT NULL DEFAULT now()"))
        for c in cols:
            if c.name in ("id", "tenant_id", "created_at", "updated_at"):
                c.system = True
                c.referenced = True
        t.columns = cols

        lines = []
        for c in cols:
            d = "  " + c.definition()
            if hasattr(c, "fk"):
                parent, ondelete = c.fk
                key = "code" if parent.lookup else "id"
                d += f" REFERENCES {parent.name} ({key})"
                if ondelete:
                    d += f" ON DELETE {ondelete}"
            lines.append(d)
        checks = []
        for c in cols:
            if c.check and self.chance(0.8):
                cname = st.claim_constraint(t, f"{name}_{c.name}_check")
                checks.append(f"  CONSTRAINT {cname} CHECK ({c.check.format(c=c.name)})")
                c.referenced = True
        if t.has("starts_at") and t.has("ends_at"):
            cname = st.claim_constraint(t, f"{name}_period_check")
            checks.append(f"  CONSTRAINT {cname} CHECK (ends_at IS NULL OR ends_at > starts_at)")
            t.col("starts_at").referenced = t.col("ends_at").referenced = True
        uniq = None
        if t.has("slug") and tenant:
            uniq = ident(f"{name}_tenant_slug_key")
            st.relnames.add(uniq)
            checks.append(f"  CONSTRAINT {uniq} UNIQUE (tenant_id, slug)")
            t.col("slug").referenced = True
        elif t.has("external_ref") and self.chance(0.5):
            uniq = ident(f"{name}_external_ref_key")
            st.relnames.add(uniq)
            checks.append(f"  CONSTRAINT {uniq} UNIQUE (external_ref)")
            t.col("external_ref").referenced = True

        purpose = self.pick([
            f"Stores {words(name)} for the {self.pick(DOMAINS)} service.",
            f"New {words(singular)} entity requested by the {self.pick(DOMAINS)} team.",
            f"Split {words(name)} out of a JSON blob into a proper table.",
            f"Backing table for the {words(singular)} API (v{self.rng.randint(1, 3)}).",
        ])
        hdr = [purpose]
        if fks:
            hdr.append("References: " + ", ".join(c.fk[0].name for c in fks) + ".")
        up = self.header(f"create {name}", hdr)
        up += self.lock_timeout() + "\n"
        up += f"CREATE TABLE {name} (\n" + ",\n".join(lines + checks) + "\n);\n\n"

        # indexes: the table is new and empty, so plain CREATE INDEX is fine here.
        idx_stmts = []
        if tenant:
            if t.has("created_at") and self.chance(0.5):
                n = self.index_name(t, ["tenant_id", "created_at"])
                idx_stmts.append(f"CREATE INDEX {n} ON {name} (tenant_id, created_at DESC);")
            else:
                n = self.index_name(t, ["tenant_id"])
                idx_stmts.append(f"CREATE INDEX {n} ON {name} (tenant_id);")
        for c in fks:
            if self.chance(0.75):
                n = self.index_name(t, [c.name])
                if c.nullable:
                    idx_stmts.append(f"CREATE INDEX {n} ON {name} ({c.name}) WHERE {c.name} IS NOT NULL;")
                else:
                    idx_stmts.append(f"CREATE INDEX {n} ON {name} ({c.name});")
        if status and self.chance(0.6):
            n = self.index_name(t, ["status"])
            closed = status.values[-1]
            idx_stmts.append(f"CREATE INDEX {n} ON {name} (status) WHERE status <> '{closed}';")
            status.referenced = True
        for c in extra:
            if c.base == "jsonb" and self.chance(0.35):
                n = self.index_name(t, [c.name], "gin")
                idx_stmts.append(f"CREATE INDEX {n} ON {name} USING gin ({c.name} jsonb_path_ops);")
                c.referenced = True
            elif c.name in ("name", "title", "display_name") and self.chance(0.3):
                n = self.index_name(t, [c.name], "trgm")
                idx_stmts.append(f"CREATE INDEX {n} ON {name} USING gin ({c.name} gin_trgm_ops);")
                c.referenced = True
            elif c.name == "email" and self.chance(0.6):
                n = self.index_name(t, ["email"], "uq")
                idx_stmts.append(f"CREATE UNIQUE INDEX {n} ON {name} (email) WHERE deleted_at IS NULL;"
                                 if t.has("deleted_at") else f"CREATE UNIQUE INDEX {n} ON {name} (email);")
                c.referenced = True
                if t.has("deleted_at"):
                    t.col("deleted_at").referenced = True
            elif c.name == "tags" and self.chance(0.4):
                n = self.index_name(t, ["tags"], "gin")
                idx_stmts.append(f"CREATE INDEX {n} ON {name} USING gin (tags);")
                c.referenced = True
        if idx_stmts:
            up += "\n".join(idx_stmts) + "\n\n"

        trig = []
        if has_updated and self.chance(0.8):
            tn = st.claim_trigger(t, f"trg_{name}_set_updated_at")
            trig.append(tn)
            up += (f"CREATE TRIGGER {tn}\n  BEFORE UPDATE ON {name}\n  FOR EACH ROW\n"
                   f"  EXECUTE FUNCTION set_updated_at();\n\n")
        if self.chance(0.25):
            tn = st.claim_trigger(t, f"trg_{name}_audit")
            trig.append(tn)
            t.audited = True
            up += (f"CREATE TRIGGER {tn}\n  AFTER INSERT OR UPDATE OR DELETE ON {name}\n  FOR EACH ROW\n"
                   f"  EXECUTE FUNCTION audit_row_change();\n\n")
        up += f"COMMENT ON TABLE {name} IS {sqlstr(purpose)};\n"
        for c in extra[: self.rng.randint(0, 5)]:
            up += f"COMMENT ON COLUMN {name}.{c.name} IS {sqlstr(self.column_comment(c))};\n"
        if self.chance(0.5):
            up += f"GRANT SELECT ON {name} TO app_readonly;\n"

        down = ""
        if trig and self.chance(0.6):
            down += "".join(f"DROP TRIGGER IF EXISTS {tn} ON {name};\n" for tn in reversed(trig))
        down += f"DROP TABLE IF EXISTS {name};\n" if self.chance(0.8) else f"DROP TABLE {name};\n"
        st.tables.append(t)
        if self.bundle is not None and self.focus is None:
            self.focus = t
        self.emit(f"create_{name}", up, down)

    def column_comment(self, c):
        return self.pick([
            f"{words(c.name).capitalize()}, set by the application.",
            f"{words(c.name).capitalize()} as reported by the upstream system.",
            f"Nullable until the backfill of {words(c.name)} completes.",
            f"{words(c.name).capitalize()}; see the data dictionary.",
            f"Owner's note: {words(c.name)} is never shown to end users.",
        ])

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
        up = self.header(f"create {name}", [f"Reference data for {words(singular)} codes; rows are managed by migrations."])
        up += self.lock_timeout() + "\n"
        up += f"CREATE TABLE {name} (\n" + ",\n".join("  " + c.definition() for c in t.columns) + "\n);\n\n"
        up += f"INSERT INTO {name} (code, label, sort_order) VALUES\n"
        up += ",\n".join(f"  ('{v}', {sqlstr(words(v).title())}, {i * 10})" for i, v in enumerate(values))
        up += "\nON CONFLICT (code) DO NOTHING;\n\n"
        up += f"GRANT SELECT ON {name} TO app_readonly;\n"
        self.emit(f"create_{name}", up, f"DROP TABLE IF EXISTS {name};\n")

    def k_seed(self):
        st = self.st
        lks = [t for t in st.lookups() if len(t.seed_codes) < len(KIND_VALUES)]
        if not lks or self.chance(0.4):
            keys = [f"{self.pick(DOMAINS)}_{self.pick(['new', 'beta', 'v2', 'async', 'bulk'])}_{self.pick(NOUNS)[1]}"
                    for _ in range(self.rng.randint(2, 6))]
            keys = [k for i, k in enumerate(keys) if k not in keys[:i] and k not in st.flags]
            if not keys:
                return self.k_create_table()
            st.flags.update(keys)
            up = self.header("seed feature flags", ["Flags start disabled and are flipped from the admin UI."])
            up += "INSERT INTO feature_flags (key, enabled, description) VALUES\n"
            up += ",\n".join(f"  ('{k}', false, {sqlstr('Rollout of ' + words(k))})" for k in keys)
            up += "\nON CONFLICT (key) DO NOTHING;\n"
            down = "DELETE FROM feature_flags\nWHERE key IN (" + ", ".join(f"'{k}'" for k in keys) + ");\n"
            self.emit(f"seed_feature_flags_{keys[0]}", up, down)
            return
        t = self.pick(lks)
        avail = [v for v in KIND_VALUES if v not in t.seed_codes]
        values = self.rng.sample(avail, min(len(avail), self.rng.randint(1, 3)))
        t.seed_codes.extend(values)
        up = self.header(f"add {t.name} codes", ["New codes requested by product; existing rows are untouched."])
        up += f"INSERT INTO {t.name} (code, label, sort_order) VALUES\n"
        up += ",\n".join(f"  ('{v}', {sqlstr(words(v).title())}, {100 + i * 10})" for i, v in enumerate(values))
        up += "\nON CONFLICT (code) DO UPDATE SET label = EXCLUDED.label, is_active = true;\n"
        down = f"DELETE FROM {t.name} WHERE code IN (" + ", ".join(f"'{v}'" for v in values) + ");\n"
        self.emit(f"seed_{t.name}_{values[0]}", up, down)

    def k_add_columns(self):
        t = self.pick_table()
        new = self.fresh_columns(t, self.rng.randint(1, 4))
        if not new:
            return self.k_create_table()
        up = self.header(f"add columns to {t.name}", [
            f"Adds {', '.join(c.name for c in new)}.",
            self.pick(["Columns are nullable or have constant defaults: no table rewrite.",
                       "Needed by the new reporting screens.", "Part of the v2 API rollout.",
                       "Requested by finance for reconciliation."]),
        ])
        up += self.lock_timeout() + "\n"
        guarded = " IF NOT EXISTS" if self.chance(0.3) else ""
        defs = []
        for c in new:
            d = c.definition()
            if c.check and self.chance(0.4):
                d += f" CHECK ({c.check.format(c=c.name)})"
                c.referenced = True
            defs.append(d)
        if len(defs) > 1 and self.chance(0.3):
            stmts = [f"ALTER TABLE {t.name}\n" + ",\n".join(f"  ADD COLUMN{guarded} {d}" for d in defs) + ";"]
        else:
            stmts = [f"ALTER TABLE {t.name} ADD COLUMN{guarded} {d};" for d in defs]
        up += "\n".join(stmts) + "\n"
        for c in new[:2]:
            if self.chance(0.4):
                up += f"\nCOMMENT ON COLUMN {t.name}.{c.name} IS {sqlstr(self.column_comment(c))};"
        up += "\n"
        down = "".join(f"ALTER TABLE {t.name} DROP COLUMN IF EXISTS {c.name};\n" for c in reversed(new))
        t.columns.extend(new)
        self.emit(f"add_{'_'.join(c.name for c in new[:2])}_to_{t.name}", up, down)

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
        up = self.header(f"add {fc.name} to {t.name}", [
            f"Links {words(t.name)} to {words(parent.name)}.",
            "The foreign key is added NOT VALID and validated separately so the",
            "validation scan takes only a SHARE UPDATE EXCLUSIVE lock.",
        ])
        up += self.lock_timeout() + "\n"
        up += f"ALTER TABLE {t.name} ADD COLUMN {fc.name} {fc.sqltype};\n\n"
        ondelete = f" ON DELETE {fc.fk[1]}" if fc.fk[1] else ""
        style = self.rng.random()
        if style < 0.5:
            up += (f"ALTER TABLE {t.name}\n  ADD CONSTRAINT {cname}\n  FOREIGN KEY ({fc.name}) "
                   f"REFERENCES {parent.name} (id){ondelete}\n  NOT VALID;\n\n"
                   f"ALTER TABLE {t.name} VALIDATE CONSTRAINT {cname};\n")
        elif style < 0.8:
            up += (f"DO $$\nBEGIN\n  ALTER TABLE {t.name}\n    ADD CONSTRAINT {cname}\n    FOREIGN KEY ({fc.name}) "
                   f"REFERENCES {parent.name} (id){ondelete}\n    NOT VALID;\nEXCEPTION\n"
                   f"  WHEN duplicate_object THEN NULL;\nEND\n$$;\n\n"
                   f"ALTER TABLE {t.name} VALIDATE CONSTRAINT {cname};\n")
        else:
            up += (f"ALTER TABLE {t.name}\n  ADD CONSTRAINT {cname}\n  FOREIGN KEY ({fc.name}) "
                   f"REFERENCES {parent.name} (id){ondelete};\n")
        idx = None
        if self.chance(0.5):
            idx = self.index_name(t, [fc.name])
            up += f"\nCREATE INDEX {idx} ON {t.name} ({fc.name});\n"
        down = ""
        if idx:
            down += f"DROP INDEX IF EXISTS {idx};\n"
        down += f"ALTER TABLE {t.name} DROP CONSTRAINT IF EXISTS {cname};\n"
        down += f"ALTER TABLE {t.name} DROP COLUMN IF EXISTS {fc.name};\n"
        t.columns.append(fc)
        self.emit(f"add_{fc.name}_to_{t.name}", up, down)

    def k_not_null(self):
        st = self.st
        t = self.pick_table(lambda t: any(c.nullable and not c.system and c.base not in ("jsonb", "json")
                                          for c in t.columns))
        if t is None:
            return self.k_add_columns()
        c = self.pick([c for c in t.columns if c.nullable and not c.system and c.base not in ("jsonb", "json")])
        fill = self.fill_value(c)
        cname = st.claim_constraint(t, f"chk_{t.name}_{c.name}_not_null")
        up = self.header(f"set {c.name} not null on {t.name}", [
            f"Backfills {c.name} and makes it NOT NULL without a long ACCESS EXCLUSIVE lock:",
            "CHECK (... IS NOT NULL) NOT VALID, VALIDATE, then SET NOT NULL uses the",
            "validated constraint instead of scanning the table (PostgreSQL 12+).",
        ])
        up += self.lock_timeout() + "\n"
        if self.chance(0.5):
            up += f"UPDATE {t.name}\nSET {c.name} = {fill}\nWHERE {c.name} IS NULL;\n\n"
        else:
            up += self.batched_update(t, c.name, fill) + "\n"
        up += (f"ALTER TABLE {t.name}\n  ADD CONSTRAINT {cname}\n  CHECK ({c.name} IS NOT NULL) NOT VALID;\n\n"
               f"ALTER TABLE {t.name} VALIDATE CONSTRAINT {cname};\n\n"
               f"ALTER TABLE {t.name} ALTER COLUMN {c.name} SET NOT NULL;\n\n"
               f"ALTER TABLE {t.name} DROP CONSTRAINT {cname};\n")
        st.constraints.discard((t.name, cname))
        down = f"ALTER TABLE {t.name} ALTER COLUMN {c.name} DROP NOT NULL;\n"
        c.nullable = False
        c.referenced = True
        self.emit(f"set_{c.name}_not_null_on_{t.name}", up, down)

    def fill_value(self, c):
        if c.name in ("email", "contact_email"):
            return "'unknown@example.invalid'"
        return {
            "text": "''", "varchar": "''", "citext": "''", "numeric": "0", "integer": "0", "smallint": "0",
            "bigint": "0", "boolean": "false", "timestamptz": "created_at" if c.name != "created_at" else "now()",
            "timestamp": "now()", "date": "CURRENT_DATE", "array": "'{}'", "char": "'USD'", "inet": "'0.0.0.0'",
            "bytea": "'\\x'::bytea", "double": "0", "interval": "interval '0'", "uuid": "gen_random_uuid()",
        }.get(c.base, "DEFAULT")

    def batched_update(self, t, col, value, where=None):
        where = where or f"{col} IS NULL"
        return (f"DO $$\nDECLARE\n  v_batch_size constant integer := {self.pick([1000, 5000, 10000])};\n"
                f"  v_rows integer;\n  v_total integer := 0;\nBEGIN\n  LOOP\n"
                f"    UPDATE {t.name}\n    SET {col} = {value}\n"
                f"    WHERE id IN (\n      SELECT id FROM {t.name}\n      WHERE {where}\n"
                f"      LIMIT v_batch_size\n      FOR UPDATE SKIP LOCKED\n    );\n"
                f"    GET DIAGNOSTICS v_rows = ROW_COUNT;\n    v_total := v_total + v_rows;\n"
                f"    EXIT WHEN v_rows < v_batch_size;\n  END LOOP;\n"
                f"  RAISE NOTICE 'backfilled % rows in {t.name}', v_total;\nEND\n$$;\n")

    def k_check_not_valid(self):
        st = self.st
        t = self.pick_table(lambda t: any(c.check and not c.referenced for c in t.columns))
        if t is None:
            return self.k_add_columns()
        c = self.pick([c for c in t.columns if c.check and not c.referenced])
        cname = st.claim_constraint(t, f"chk_{t.name}_{c.name}")
        up = self.header(f"add check on {t.name}.{c.name}", [
            "Added NOT VALID so existing rows are not scanned under a heavy lock;",
            "VALIDATE runs with SHARE UPDATE EXCLUSIVE.",
        ])
        up += self.lock_timeout() + "\n"
        up += (f"ALTER TABLE {t.name}\n  ADD CONSTRAINT {cname}\n  CHECK ({c.check.format(c=c.name)}) NOT VALID;\n\n")
        if self.chance(0.8):
            up += f"ALTER TABLE {t.name} VALIDATE CONSTRAINT {cname};\n"
        c.referenced = True
        self.emit(f"add_{cname}", up, f"ALTER TABLE {t.name} DROP CONSTRAINT IF EXISTS {cname};\n")

    def index_target(self):
        t = self.pick_table(lambda t: len(t.user_columns()) > 0 or t.has("tenant_id"))
        if t is None:
            return None, None, None
        cands = [c for c in t.columns if c.base in TEXT_BASES + ("timestamptz", "date", "uuid", "bigint", "integer",
                                                                 "numeric", "boolean", "jsonb")
                 and c.name != "id"]
        if not cands:
            return None, None, None
        c = self.pick(cands)
        cols = [c.name]
        if t.has("tenant_id") and c.name != "tenant_id" and c.base != "jsonb" and self.chance(0.5):
            cols = ["tenant_id", c.name]
        elif c.base not in ("jsonb", "boolean") and self.chance(0.2):
            other = [o for o in cands if o is not c and o.base in ("timestamptz", "date")]
            if other:
                cols = [c.name, self.pick(other).name]
        return t, c, cols

    def index_def(self, t, c, cols, name, concurrently, unique=False):
        conc = " CONCURRENTLY" if concurrently else ""
        ine = " IF NOT EXISTS" if concurrently and self.chance(0.7) else ""
        uq = "UNIQUE " if unique else ""
        if c.base == "jsonb":
            return f"CREATE INDEX{conc}{ine} {name}\n  ON {t.name} USING gin ({c.name} jsonb_path_ops);"
        if c.base in TEXT_BASES and c.name in ("name", "title", "display_name", "description") and self.chance(0.5):
            return f"CREATE INDEX{conc}{ine} {name}\n  ON {t.name} USING gin ({c.name} gin_trgm_ops);"
        if c.base in TEXT_BASES and c.name in ("email", "contact_email") and self.chance(0.5):
            return f"CREATE {uq}INDEX{conc}{ine} {name}\n  ON {t.name} (lower({c.name}));"
        where = ""
        if t.has("deleted_at") and "deleted_at" not in cols and self.chance(0.4):
            where = "\n  WHERE deleted_at IS NULL"
            t.col("deleted_at").referenced = True
        elif c.nullable and self.chance(0.3):
            where = f"\n  WHERE {c.name} IS NOT NULL"
        desc = " DESC" if c.base in ("timestamptz", "date") and self.chance(0.4) else ""
        colsql = ", ".join(cols[:-1] + [cols[-1] + desc])
        return f"CREATE {uq}INDEX{conc}{ine} {name}\n  ON {t.name} ({colsql}){where};"

    def k_concurrent_index(self):
        t, c, cols = self.index_target()
        if t is None:
            return self.k_create_table()
        for name in cols:
            t.col(name).referenced = True
        unique = c.name in ("external_ref", "reference_code", "slug") and self.chance(0.5)
        name = self.index_name(t, cols, "uq" if unique else "idx")
        stmt = self.index_def(t, c, cols, name, True, unique)
        up = self.header(f"index {t.name} {' '.join(cols)}", [
            f"Speeds up {self.pick(['the list endpoint', 'the nightly export', 'dashboard queries', 'tenant-scoped lookups', 'the search page'])}.",
            "CONCURRENTLY cannot run inside a transaction, hence transaction:false and",
            "nothing else in this section.",
        ])
        up += stmt + "\n"
        down_conc = self.chance(0.7)
        if down_conc:
            down = f"DROP INDEX CONCURRENTLY IF EXISTS {name};\n"
            self.emit(f"add_index_{name}_concurrently", up, down, " transaction:false", " transaction:false")
        else:
            down = f"DROP INDEX IF EXISTS {name};\n"
            self.emit(f"add_index_{name}_concurrently", up, down, " transaction:false")

    def k_plain_index(self):
        t, c, cols = self.index_target()
        if t is None:
            return self.k_create_table()
        for name in cols:
            t.col(name).referenced = True
        name = self.index_name(t, cols)
        up = self.header(f"index {t.name} {' '.join(cols)}", [
            f"{words(t.name).capitalize()} is still small, so a regular CREATE INDEX is acceptable.",
        ])
        up += self.lock_timeout() + "\n" + self.index_def(t, c, cols, name, False) + "\n"
        self.emit(f"add_index_{name}", up, f"DROP INDEX IF EXISTS {name};\n")

    def plan_trigger_function(self):
        """Picks a table and builds an audit or before-write trigger function for it; shared by
        the SQL and knex generators (same random draws, so both corpora stay reproducible).
        Returns (table, function, trigger, body, timing, purpose), or None when no table fits."""
        st = self.st
        if self.chance(0.45):
            t = self.pick_table(lambda t: not t.audited)
            if t is None:
                return None
            t.audited = True
            fn = st.claim_fn(f"{t.name}_audit")
            tn = st.claim_trigger(t, f"trg_{t.name}_audit")
            watched = [c.name for c in t.user_columns() if c.base not in ("jsonb", "json", "bytea")][:4]
            cond = ""
            if watched:
                cond = ("  IF TG_OP = 'UPDATE' AND ROW(" + ", ".join(f"NEW.{w}" for w in watched) +
                        ") IS NOT DISTINCT FROM ROW(" + ", ".join(f"OLD.{w}" for w in watched) + ") THEN\n"
                        "    RETURN NEW;\n  END IF;\n")
                for w in watched:
                    t.col(w).referenced = True
            body = (f"DECLARE\n  v_actor text := coalesce(current_setting('app.current_user', true), session_user);\n"
                    f"  v_row jsonb;\nBEGIN\n{cond}"
                    f"  IF TG_OP = 'DELETE' THEN\n    v_row := to_jsonb(OLD);\n  ELSE\n    v_row := to_jsonb(NEW);\n  END IF;\n"
                    f"  INSERT INTO audit_log (table_name, row_id, action, actor, old_data, new_data)\n"
                    f"  VALUES (\n    TG_TABLE_NAME,\n    v_row ->> 'id',\n    TG_OP,\n    v_actor,\n"
                    f"    CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END,\n"
                    f"    CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END\n  );\n"
                    f"  IF TG_OP = 'DELETE' THEN\n    RETURN OLD;\n  END IF;\n  RETURN NEW;\nEND;\n")
            timing = "AFTER INSERT OR UPDATE OR DELETE"
            purpose = "Records every change to " + t.name + " in audit_log."
        else:
            t = self.pick_table(lambda t: not t.validated and any(
                c.base in ("numeric", "integer", "smallint", "bigint") or c.base in TEXT_BASES
                for c in t.user_columns()))
            if t is None:
                return None
            t.validated = True
            fn = st.claim_fn(f"{t.name}_before_write")
            tn = st.claim_trigger(t, f"trg_{t.name}_before_write")
            checks = []
            for c in t.user_columns():
                if c.base in ("numeric", "integer", "smallint", "bigint") and len(checks) < 4:
                    checks.append(f"  IF NEW.{c.name} IS NOT NULL AND NEW.{c.name} < 0 THEN\n"
                                  f"    RAISE EXCEPTION '{t.name}.{c.name} must not be negative (got %)', NEW.{c.name}\n"
                                  f"      USING ERRCODE = 'check_violation';\n  END IF;\n")
                    c.referenced = True
                elif c.base in TEXT_BASES and len(checks) < 4:
                    if c.name in ("email", "contact_email"):
                        checks.append(f"  NEW.{c.name} := lower(btrim(NEW.{c.name}));\n")
                    else:
                        checks.append(f"  NEW.{c.name} := nullif(btrim(NEW.{c.name}), '');\n" if c.nullable
                                      else f"  NEW.{c.name} := btrim(NEW.{c.name});\n")
                    c.referenced = True
            if t.has("status") and getattr(t.col("status"), "values", None):
                vals = t.col("status").values
                checks.append(f"  IF TG_OP = 'UPDATE' AND OLD.status = '{vals[-1]}' AND NEW.status <> OLD.status THEN\n"
                              f"    RAISE EXCEPTION 'cannot reopen a {vals[-1]} {words(t.singular)} (id %)', OLD.id\n"
                              f"      USING ERRCODE = 'restrict_violation', HINT = 'create a new record instead';\n"
                              f"  END IF;\n")
                t.col("status").referenced = True
            if t.has("updated_at"):
                checks.append("  IF TG_OP = 'UPDATE' THEN\n    NEW.updated_at := now();\n  END IF;\n")
            body = "BEGIN\n" + "".join(checks) + "  RETURN NEW;\nEND;\n"
            timing = "BEFORE INSERT OR UPDATE"
            purpose = f"Normalises and validates {words(t.name)} before they are written."
        return t, fn, tn, body, timing, purpose

    def k_trigger_function(self):
        plan = self.plan_trigger_function()
        if plan is None:
            return self.k_create_table()
        t, fn, tn, body, timing, purpose = plan
        up = self.header(f"create {fn} trigger", [purpose])
        up += self.lock_timeout() + "\n"
        up += (f"CREATE OR REPLACE FUNCTION {fn}() RETURNS trigger\nLANGUAGE plpgsql\n"
               f"AS $$\n{body}$$;\n\n")
        if self.chance(0.3):
            up += f"DROP TRIGGER IF EXISTS {tn} ON {t.name};\n"
        up += f"CREATE TRIGGER {tn}\n  {timing} ON {t.name}\n  FOR EACH ROW\n  EXECUTE FUNCTION {fn}();\n\n"
        up += f"COMMENT ON FUNCTION {fn}() IS {sqlstr(purpose)};\n"
        down = f"DROP TRIGGER IF EXISTS {tn} ON {t.name};\nDROP FUNCTION IF EXISTS {fn}();\n"
        self.emit(f"create_{fn}_trigger", up, down)

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
            up = self.header(f"create {fn}", ["Used by the billing job to meter usage per tenant."])
            up += (f"CREATE OR REPLACE FUNCTION {fn}(p_tenant_id uuid)\nRETURNS bigint\n"
                   f"LANGUAGE sql\nSTABLE\nPARALLEL SAFE\nAS $$\n  SELECT count(*)\n  FROM {t.name}\n"
                   f"  WHERE tenant_id = p_tenant_id{extra};\n$$;\n\n"
                   f"GRANT EXECUTE ON FUNCTION {fn}(uuid) TO app_readonly;\n")
            down = f"DROP FUNCTION IF EXISTS {fn}(uuid);\n"
        elif r < 0.7:
            t = self.pick_table(lambda t: any(c.base == "timestamptz" and c.nullable and not c.system
                                              for c in t.columns) and t.pk_type == "uuid")
            if t is None:
                return self.k_create_table()
            c = self.pick([c for c in t.columns if c.base == "timestamptz" and c.nullable and not c.system])
            c.referenced = True
            fn = st.claim_fn(f"{t.name}_mark_{c.name[:-3] if c.name.endswith('_at') else c.name}")
            up = self.header(f"create {fn}", [
                f"Stamps {c.name} on stale {words(t.name)} in batches; called from the scheduler.",
                "Returns the number of rows touched.",
            ])
            up += (f"CREATE OR REPLACE FUNCTION {fn}(\n  p_older_than interval DEFAULT interval '90 days',\n"
                   f"  p_batch_size integer DEFAULT 1000\n)\nRETURNS integer\nLANGUAGE plpgsql\nAS $$\n"
                   f"DECLARE\n  v_total integer := 0;\n  v_batch integer;\nBEGIN\n"
                   f"  IF p_batch_size <= 0 THEN\n    RAISE EXCEPTION 'p_batch_size must be positive';\n  END IF;\n"
                   f"  LOOP\n    UPDATE {t.name}\n    SET {c.name} = now()\n    WHERE id IN (\n"
                   f"      SELECT id\n      FROM {t.name}\n      WHERE {c.name} IS NULL\n"
                   f"        AND created_at < now() - p_older_than\n      ORDER BY created_at\n"
                   f"      LIMIT p_batch_size\n      FOR UPDATE SKIP LOCKED\n    );\n"
                   f"    GET DIAGNOSTICS v_batch = ROW_COUNT;\n    v_total := v_total + v_batch;\n"
                   f"    EXIT WHEN v_batch < p_batch_size;\n  END LOOP;\n  RETURN v_total;\nEND;\n$$;\n")
            down = f"DROP FUNCTION IF EXISTS {fn}(interval, integer);\n"
        else:
            t = self.pick_table(lambda t: any(c.base == "numeric" for c in t.user_columns()) and t.has("tenant_id"))
            if t is None:
                return self.k_create_table()
            c = self.pick([c for c in t.user_columns() if c.base == "numeric"])
            c.referenced = True
            fn = st.claim_fn(f"{t.name}_{c.name}_summary")
            up = self.header(f"create {fn}", [f"Aggregates {c.name} per day for the {words(t.name)} dashboard."])
            up += (f"CREATE OR REPLACE FUNCTION {fn}(\n  p_tenant_id uuid,\n  p_from timestamptz,\n"
                   f"  p_to timestamptz DEFAULT now()\n)\nRETURNS TABLE (day date, row_count bigint, "
                   f"total numeric, average numeric)\nLANGUAGE sql\nSTABLE\nAS $$\n"
                   f"  SELECT created_at::date AS day,\n         count(*) AS row_count,\n"
                   f"         coalesce(sum({c.name}), 0) AS total,\n         round(avg({c.name}), 2) AS average\n"
                   f"  FROM {t.name}\n  WHERE tenant_id = p_tenant_id\n"
                   f"    AND created_at >= p_from\n    AND created_at < p_to\n"
                   f"  GROUP BY created_at::date\n  ORDER BY day;\n$$;\n")
            down = f"DROP FUNCTION IF EXISTS {fn}(uuid, timestamptz, timestamptz);\n"
        self.emit(f"create_function_{fn}", up, down)

    def k_enum(self):
        st = self.st
        t = self.pick_table()
        tname = st.claim(f"{t.singular}_kind" if not t.has("kind") else f"{t.singular}_category")
        col = "kind" if not t.has("kind") else "category"
        if t.has(col):
            return self.k_add_columns()
        values = self.rng.sample(KIND_VALUES, self.rng.randint(3, 6))
        up = self.header(f"add {col} to {t.name}", [
            f"Introduces the {tname} enum. CREATE TYPE has no IF NOT EXISTS, so it is",
            "wrapped in a DO block that ignores duplicate_object on re-runs.",
        ])
        up += self.lock_timeout() + "\n"
        up += (f"DO $$\nBEGIN\n  CREATE TYPE {tname} AS ENUM (" + ", ".join(f"'{v}'" for v in values) + ");\n"
               f"EXCEPTION\n  WHEN duplicate_object THEN null;\nEND\n$$;\n\n")
        default = values[0]
        up += f"ALTER TABLE {t.name}\n  ADD COLUMN {col} {tname} NOT NULL DEFAULT '{default}';\n"
        c = Column(col, tname, "enum", f" NOT NULL DEFAULT '{default}'")
        t.columns.append(c)
        down = f"ALTER TABLE {t.name} DROP COLUMN IF EXISTS {col};\nDROP TYPE IF EXISTS {tname};\n"
        self.emit(f"add_{col}_enum_to_{t.name}", up, down)

    def k_guarded_do(self):
        t = self.pick_table()
        new = self.fresh_columns(t, self.rng.randint(1, 3), allow_legacy=False)
        if not new:
            return self.k_create_table()
        up = self.header(f"add columns to {t.name} if missing", [
            "Some environments got these columns from a hotfix; only add them where missing.",
        ])
        up += self.lock_timeout() + "\n"
        up += "DO $$\nBEGIN\n"
        for c in new:
            up += (f"  IF NOT EXISTS (\n    SELECT 1\n    FROM information_schema.columns\n"
                   f"    WHERE table_schema = current_schema()\n      AND table_name = '{t.name}'\n"
                   f"      AND column_name = '{c.name}'\n  ) THEN\n"
                   f"    ALTER TABLE {t.name} ADD COLUMN {c.definition()};\n"
                   f"    RAISE NOTICE 'added {t.name}.{c.name}';\n  END IF;\n")
        up += "END\n$$;\n"
        down = "".join(f"ALTER TABLE {t.name} DROP COLUMN IF EXISTS {c.name};\n" for c in reversed(new))
        t.columns.extend(new)
        self.emit(f"add_{new[0].name}_to_{t.name}_if_missing", up, down)

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
        fill = self.fill_value(c)
        up = self.header(f"backfill {t.name}.{c.name}", [
            f"Adds {c.name} (nullable) and backfills it in batches so no single statement",
            "holds row locks on the whole table.",
        ])
        up += self.lock_timeout() + "\n"
        up += f"ALTER TABLE {t.name} ADD COLUMN {c.definition()};\n\n"
        if self.chance(0.7):
            up += self.batched_update(t, c.name, fill)
        else:
            up += f"UPDATE {t.name}\nSET {c.name} = {fill}\nWHERE {c.name} IS NULL;\n"
        t.columns.append(c)
        self.emit(f"add_and_backfill_{c.name}_on_{t.name}", up,
                  f"ALTER TABLE {t.name} DROP COLUMN IF EXISTS {c.name};\n")

    def k_data_fix(self):
        t = self.pick_table(lambda t: getattr(t.col("status"), "values", None) is not None)
        if t is None:
            return self.k_seed()
        s = t.col("status")
        a, b = self.rng.sample(s.values, 2)
        cond = ""
        if t.has("updated_at"):
            cond = f"\n  AND updated_at < '{self.ts.strftime('%Y-%m-%d')}'"
        up = self.header(f"move stale {a} {t.name} to {b}", [
            f"Data fix: {words(t.name)} stuck in '{a}' since the {self.pick(['outage', 'bad deploy', 'import'])}",
            f"of {self.ts.strftime('%B %Y')} are moved to '{b}'.",
        ])
        up += self.lock_timeout() + "\n"
        up += f"UPDATE {t.name}\nSET status = '{b}'\nWHERE status = '{a}'{cond};\n"
        down = (f"-- Best effort: rows that were already '{b}' are indistinguishable.\n"
                f"UPDATE {t.name}\nSET status = '{a}'\nWHERE status = '{b}'{cond};\n")
        s.referenced = True
        self.emit(f"fix_stale_{a}_{t.name}", up, down)

    def k_rls(self):
        t = self.pick_table(lambda t: t.has("tenant_id") and not t.rls, recent_bias=False)
        if t is None:
            return self.k_create_table()
        t.rls = True
        p = ident(f"{t.name}_tenant_isolation")
        up = self.header(f"enable row level security on {t.name}", [
            "Tenant isolation: the application sets app.current_tenant per transaction.",
        ])
        up += self.lock_timeout() + "\n"
        up += (f"ALTER TABLE {t.name} ENABLE ROW LEVEL SECURITY;\n"
               f"ALTER TABLE {t.name} FORCE ROW LEVEL SECURITY;\n\n"
               f"CREATE POLICY {p} ON {t.name}\n  AS PERMISSIVE\n  FOR ALL\n  TO PUBLIC\n"
               f"  USING (tenant_id = current_setting('app.current_tenant', true)::uuid)\n"
               f"  WITH CHECK (tenant_id = current_setting('app.current_tenant', true)::uuid);\n")
        down = f"DROP POLICY IF EXISTS {p} ON {t.name};\n"
        if self.chance(0.5):
            p2 = ident(f"{t.name}_readonly_select")
            up += (f"\nCREATE POLICY {p2} ON {t.name}\n  FOR SELECT\n  TO app_readonly\n  USING (true);\n")
            down = f"DROP POLICY IF EXISTS {p2} ON {t.name};\n" + down
        down += (f"ALTER TABLE {t.name} NO FORCE ROW LEVEL SECURITY;\n"
                 f"ALTER TABLE {t.name} DISABLE ROW LEVEL SECURITY;\n")
        self.emit(f"enable_rls_on_{t.name}", up, down)

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
        where = []
        if t.has("deleted_at"):
            where.append("deleted_at IS NULL")
            t.col("deleted_at").referenced = True
        if t.has("is_archived"):
            where.append("NOT is_archived")
            t.col("is_archived").referenced = True
        if not where:
            where.append("created_at > now() - interval '365 days'")
        up = self.header(f"create view {v}", [f"Read model for the {words(t.name)} report; excludes deleted rows."])
        up += (f"CREATE OR REPLACE VIEW {v} AS\nSELECT\n" + ",\n".join(f"  {c}" for c in cols) +
               f"\nFROM {t.name}\nWHERE " + "\n  AND ".join(where) + ";\n\n"
               f"GRANT SELECT ON {v} TO app_readonly;\n")
        self.emit(f"create_view_{v}", up, f"DROP VIEW IF EXISTS {v};\n")

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
        up = self.header(f"widen {t.name}.{c.name}", [f"{c.name}: {old} -> {new}. {note}"])
        up += self.lock_timeout() + "\n"
        up += f"ALTER TABLE {t.name} ALTER COLUMN {c.name} TYPE {new};\n"
        down = f"ALTER TABLE {t.name} ALTER COLUMN {c.name} TYPE {old};\n"
        c.sqltype = new
        c.base = "bigint" if new == "bigint" else ("text" if new == "text" else "varchar")
        c.referenced = True
        self.emit(f"widen_{c.name}_on_{t.name}", up, down)

    def k_set_default(self):
        t = self.pick_table(lambda t: any(not c.has_default and not c.system and not c.check and c.base in
                                          ("text", "varchar", "integer", "boolean", "numeric") for c in t.columns))
        if t is None:
            return self.k_add_columns()
        c = self.pick([c for c in t.columns if not c.has_default and not c.system and not c.check and
                       c.base in ("text", "varchar", "integer", "boolean", "numeric")])
        val = {"text": "''", "varchar": "''", "integer": "0", "boolean": "false", "numeric": "0"}[c.base]
        up = self.header(f"default {t.name}.{c.name}", ["Defaults only apply to new rows; existing rows keep NULL."])
        up += self.lock_timeout() + "\n"
        up += f"ALTER TABLE {t.name} ALTER COLUMN {c.name} SET DEFAULT {val};\n"
        c.has_default = True
        c.referenced = True
        self.emit(f"set_default_{c.name}_on_{t.name}", up,
                  f"ALTER TABLE {t.name} ALTER COLUMN {c.name} DROP DEFAULT;\n")

    def k_rename(self):
        t = self.pick_table(lambda t: any(not c.referenced and not c.system for c in t.columns))
        if t is None:
            return self.k_add_columns()
        c = self.pick([c for c in t.columns if not c.referenced and not c.system])
        new = ident(self.pick(["legacy_", "old_", "deprecated_"]) + c.name)
        if t.has(new):
            return self.k_add_columns()
        up = self.header(f"rename {t.name}.{c.name}", [
            f"{c.name} is superseded; renamed so that remaining readers fail loudly.",
        ])
        up += self.lock_timeout() + "\n"
        up += f"ALTER TABLE {t.name} RENAME COLUMN {c.name} TO {new};\n"
        down = f"ALTER TABLE {t.name} RENAME COLUMN {new} TO {c.name};\n"
        old = c.name
        c.name = new
        c.referenced = True  # keeps later migrations away from it
        self.emit(f"rename_{old}_on_{t.name}", up, down)

    def k_drop_column(self):
        t = self.pick_table(lambda t: any(not c.referenced and not c.system for c in t.columns))
        if t is None:
            return self.k_add_columns()
        c = self.pick([c for c in t.columns if not c.referenced and not c.system])
        up = self.header(f"drop {t.name}.{c.name}", [
            f"{c.name} has not been read since the {self.pick(['v2 API', 'search rewrite', 'billing migration'])};",
            "the column was archived to the warehouse before this release.",
        ])
        up += self.lock_timeout() + "\n"
        up += f"ALTER TABLE {t.name} DROP COLUMN IF EXISTS {c.name};\n"
        definition = c.definition()
        if not c.nullable and not c.has_default:
            definition = definition.replace(" NOT NULL", "")  # restored rows would have no value
        down = f"ALTER TABLE {t.name} ADD COLUMN IF NOT EXISTS {definition};\n"
        t.columns.remove(c)
        self.emit(f"drop_{c.name}_from_{t.name}", up, down)

    def k_delete_data(self):
        t = self.pick_table(lambda t: t.has("deleted_at"))
        if t is None:
            return self.k_data_fix()
        t.col("deleted_at").referenced = True
        up = self.header(f"purge deleted {t.name}", [
            "Retention policy: soft-deleted rows older than a year are purged.",
        ])
        up += self.lock_timeout() + "\n"
        up += (f"DELETE FROM {t.name}\nWHERE deleted_at IS NOT NULL\n"
               f"  AND deleted_at < now() - interval '1 year';\n")
        down = "-- Irreversible: purged rows are in the nightly backups only.\n"
        self.emit(f"purge_deleted_{t.name}", up, down)

    KINDS = [
        ("k_create_table", 15), ("k_create_lookup", 3), ("k_add_columns", 11), ("k_add_fk", 6),
        ("k_not_null", 5), ("k_check_not_valid", 3), ("k_concurrent_index", 14), ("k_plain_index", 3),
        ("k_trigger_function", 9), ("k_utility_function", 5), ("k_enum", 4), ("k_guarded_do", 3),
        ("k_backfill", 4), ("k_seed", 3), ("k_data_fix", 2), ("k_rls", 4), ("k_view", 3),
        ("k_alter_type", 2), ("k_set_default", 1), ("k_rename", 1), ("k_drop_column", 2), ("k_delete_data", 1),
    ]

    FOLLOW_UPS = [
        ("k_create_table", 1), ("k_create_lookup", 1), ("k_add_columns", 3), ("k_add_fk", 2), ("k_not_null", 1),
        ("k_check_not_valid", 1), ("k_plain_index", 3), ("k_trigger_function", 5), ("k_utility_function", 4),
        ("k_enum", 2), ("k_guarded_do", 1), ("k_backfill", 1), ("k_seed", 2), ("k_rls", 4), ("k_view", 3),
    ]
    BUNDLE_SHARE = 0.58   # share of files that carry several changes
    BUNDLE_REST = [1, 2, 2, 3, 3, 4, 4, 5, 6, 7, 8]   # changes after the first one in a bundle

    def run(self, n):
        self.bootstrap()
        names = [k for k, _ in self.KINDS]
        weights = [w for _, w in self.KINDS]
        fnames = [k for k, _ in self.FOLLOW_UPS]
        fweights = [w for _, w in self.FOLLOW_UPS]
        while len(self.files) < n:
            if len(self.st.entity_tables()) < 6:
                self.k_create_table()
            elif self.chance(self.BUNDLE_SHARE):
                first = "k_create_table" if self.chance(0.45) else self.rng.choices(fnames, fweights)[0]
                rest = self.rng.choices(fnames, fweights, k=self.pick(self.BUNDLE_REST))
                self.emit_bundle([first] + rest)
            else:
                getattr(self, self.rng.choices(names, weights)[0])()
        return self.files[:n]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=2000, help="number of migration files (default 2000)")
    ap.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    ap.add_argument("--flavour", choices=("sql", "knex"), default="sql",
                    help="sql: dbmate .sql files in OUT/db/migrations (default); "
                         "knex: a Knex project (knexfile.ts, package.json, tsconfig.json, OUT/migrations/*.ts|.js), "
                         "see gen_knex.py")
    ap.add_argument("--out", required=True, help="output project folder")
    args = ap.parse_args(argv)
    if args.files < 1:
        ap.error("--files must be at least 1")
    if args.flavour == "knex":
        sys.dont_write_bytecode = True  # no __pycache__ next to the scripts
        import gen_knex
        files = gen_knex.KnexGenerator(args.seed).run(args.files)
        total, mdir = gen_knex.write_project(args.out, files)
        print(f"{len(files)} files, {total} bytes ({total / 1e6:.2f} MB, {total / len(files):.0f} B/file) in {mdir}",
              file=sys.stderr)
        return
    files = Generator(args.seed).run(args.files)
    mdir = os.path.join(args.out, "db", "migrations")
    os.makedirs(mdir, exist_ok=True)
    for old in os.listdir(mdir):
        if old.endswith(".sql"):
            os.remove(os.path.join(mdir, old))
    total = 0
    for fname, text in files:
        data = text.encode("utf-8")
        total += len(data)
        with open(os.path.join(mdir, fname), "wb") as f:
            f.write(data)
    print(f"{len(files)} files, {total} bytes ({total / 1e6:.2f} MB, {total / len(files):.0f} B/file) in {mdir}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
