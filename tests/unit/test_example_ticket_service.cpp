// The reference example (examples/platform-core, examples/ticket-service) against a real
// PostgreSQL 15: both migration sets apply, the triggers do what the spec says (inventory held
// and released, purchase and attendance counters), row level security isolates tenants for a
// non-owner application role, no invalid index is left, rolling every ticket-service
// migration back leaves platform-core exactly as it was, and ticket-service applies again.
// The examples also audit at 100% with nothing disabled or suppressed.
//
// Until migsafe's runner exists, the migrations are applied here the way it will apply them:
// each file's dbmate section in version order, as one query string inside BEGIN/COMMIT, except
// `transaction:false` sections, which run statement by statement outside a transaction
// (statements split by libpg_query's parser).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <sstream>

#include "pg/connection.hpp"
#include "parse/loader.hpp"
#include "pg/server.hpp"
#include "runner/runner.hpp"
#include "support.hpp"

namespace migsafe {
namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------
// Applying dbmate migrations

struct Section {
    std::string sql;
    bool transactional = true;
};

struct MigrationFile {
    std::string name;  // file name, version first
    Section up, down;
};

bool starts_with(const std::string& s, const std::string& p) { return s.rfind(p, 0) == 0; }

// Splits a dbmate file at its `-- migrate:up` / `-- migrate:down` lines (the first of each);
// options follow the marker on its line.
MigrationFile parse_dbmate(const std::string& name, const std::string& text) {
    MigrationFile m;
    m.name = name;
    enum { Before, Up, Down } where = Before;
    std::istringstream in(text);
    std::string line;
    bool seen_up = false, seen_down = false;
    while (std::getline(in, line)) {
        std::string t = line.substr(std::min(line.find_first_not_of(" \t"), line.size()));
        if (!seen_up && starts_with(t, "-- migrate:up")) {
            seen_up = true;
            where = Up;
            m.up.transactional = t.find("transaction:false") == std::string::npos;
            continue;
        }
        if (seen_up && !seen_down && starts_with(t, "-- migrate:down")) {
            seen_down = true;
            where = Down;
            m.down.transactional = t.find("transaction:false") == std::string::npos;
            continue;
        }
        if (where == Up) m.up.sql += line + "\n";
        if (where == Down) m.down.sql += line + "\n";
    }
    return m;
}

std::vector<MigrationFile> load_migrations(const std::string& project) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(project + "/db/migrations"))
        if (e.path().extension() == ".sql") names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());  // 14-digit timestamps: name order is version order
    std::vector<MigrationFile> out;
    for (const auto& n : names) out.push_back(parse_dbmate(n, test::read_file(project + "/db/migrations/" + n)));
    return out;
}

// `migsafe migrate` on an example: the runner, with its bookkeeping table in a schema of its
// own so that the public catalog compares cleanly. Returns "" or the error.
std::string migrate(const std::string& conninfo, const std::string& example,
                    const std::function<Result<int>(runner::Runner&)>& action) {
    auto project = load_project(test::source_dir() + "/examples/" + example, {});
    if (!project) return project.error().to_string();
    runner::Settings s;
    s.conninfo = conninfo;
    s.table = project->config.table.empty() ? "migsafe_migrations" : project->config.table;
    s.schema = "migsafe_bookkeeping";
    auto r = runner::Runner::open(*project, s, {});
    if (!r) return r.error().to_string();
    auto n = action(**r);
    return n ? "" : n.error().to_string();
}
Result<int> latest(runner::Runner& r) { return r.latest(); }
Result<int> rollback_all(runner::Runner& r) { return r.rollback(true); }

// ---------------------------------------------------------------------------------------------
// Catalog snapshots

using Snapshot = std::map<std::string, std::vector<std::string>>;

std::vector<std::string> rows_of(pg::Connection& c, const std::string& sql) {
    std::vector<std::string> out;
    auto r = c.exec(sql);
    EXPECT_TRUE(r) << sql << ": " << (r ? "" : r.error().message);
    if (!r) return out;
    for (const auto& row : r->values) {
        std::string s;
        for (size_t i = 0; i < row.size(); ++i) s += (i ? " | " : "") + row[i];
        out.push_back(s);
    }
    return out;
}

// Everything in schema public: tables, columns (with positions unless told otherwise),
// constraints, indexes, triggers, policies, RLS flags, functions.
Snapshot snapshot(pg::Connection& c, bool column_positions = true) {
    Snapshot s;
    s["tables"] = rows_of(c, "SELECT table_name, table_type FROM information_schema.tables "
                             "WHERE table_schema = 'public' ORDER BY 1");
    s["columns"] = rows_of(c, std::string("SELECT table_name, column_name, ") +
                                  (column_positions ? "ordinal_position" : "0") +
                                  ", data_type, is_nullable, coalesce(column_default, '') "
                                  "FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2");
    s["constraints"] = rows_of(c, "SELECT conrelid::regclass::text, conname, contype, convalidated, "
                                  "pg_get_constraintdef(oid) FROM pg_constraint "
                                  "WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2");
    s["indexes"] = rows_of(c, "SELECT tablename, indexname, indexdef FROM pg_indexes "
                              "WHERE schemaname = 'public' ORDER BY 1, 2");
    s["triggers"] = rows_of(c, "SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(oid) FROM pg_trigger "
                               "WHERE NOT tgisinternal ORDER BY 1, 2");
    s["policies"] = rows_of(c, "SELECT tablename, policyname, cmd, coalesce(qual, ''), coalesce(with_check, '') "
                               "FROM pg_policies WHERE schemaname = 'public' ORDER BY 1, 2");
    s["rls"] = rows_of(c, "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class "
                          "WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1");
    s["functions"] = rows_of(c, "SELECT proname, pg_get_function_identity_arguments(oid), md5(prosrc) FROM pg_proc "
                                "WHERE pronamespace = 'public'::regnamespace ORDER BY 1, 2");
    return s;
}

// Lines in `a` and not in `b`, per section: for readable failure messages.
std::string diff(const Snapshot& a, const Snapshot& b) {
    std::string out;
    for (const auto& [k, rows] : a) {
        const auto& other = b.count(k) ? b.at(k) : std::vector<std::string>{};
        for (const auto& r : rows)
            if (std::find(other.begin(), other.end(), r) == other.end()) out += "  " + k + ": " + r + "\n";
    }
    return out;
}

const std::vector<std::string> kTenantTables = {
    "ticket_types",  "reservations",      "tickets",      "ticket_transfers", "ticket_validations",
    "ticket_scans",  "refunds",           "waitlist",     "ticket_price_history", "ticket_holds",
    "ticket_bundles", "ticket_audit_log", "ticket_notifications", "discounts", "order_discounts",
    "reservation_history", "idempotency_keys"};

// ---------------------------------------------------------------------------------------------
// The fixture: one server for the suite, platform-core then ticket-service applied once.

class ExampleTicketService : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto s = pg::TempServer::start();
        ASSERT_TRUE(s) << s.error().message;
        server_ = std::move(*s);
        auto c = pg::Connection::open(server_->conninfo());
        ASSERT_TRUE(c) << c.error().message;
        db_ = std::move(*c);
        platform_ = load_migrations(test::source_dir() + "/examples/platform-core");
        ticket_ = load_migrations(test::source_dir() + "/examples/ticket-service");
        platform_error_ = migrate(server_->conninfo(), "platform-core", latest);
        platform_snapshot_ = snapshot(*db_);
        if (platform_error_.empty()) ticket_error_ = migrate(server_->conninfo(), "ticket-service", latest);
        full_snapshot_ = snapshot(*db_, false);
        // The application: a LOGIN role that owns nothing, with DML on the tables.
        auto g = db_->exec(
            "CREATE ROLE ticket_app LOGIN;"
            "GRANT USAGE ON SCHEMA public TO ticket_app;"
            "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ticket_app;");
        ASSERT_TRUE(g) << g.error().message;
    }
    static void TearDownTestSuite() {
        db_.reset();
        server_.reset();
    }

    void SetUp() override {
        ASSERT_TRUE(db_) << "no server";
        ASSERT_EQ(platform_error_, "");
        ASSERT_EQ(ticket_error_, "");
    }

    static std::string one(const std::string& sql) {
        auto r = db_->exec(sql);
        EXPECT_TRUE(r) << sql << ": " << (r ? "" : r.error().message);
        if (!r || r->values.empty() || r->values[0].empty()) return "";
        return r->values[0][0];
    }
    static int num(const std::string& sql) { return std::stoi(one(sql)); }
    static std::string q(const std::string& s) { return "'" + s + "'"; }

    // A tenant with one user, venue and event; returns ids by name.
    static std::map<std::string, std::string> tenant(const std::string& slug) {
        std::map<std::string, std::string> ids;
        ids["tenant"] = one("INSERT INTO tenants (name, slug) VALUES ('" + slug + "', '" + slug + "') RETURNING id");
        ids["user"] = one("INSERT INTO users (tenant_id, email) VALUES (" + q(ids["tenant"]) + ", '" + slug +
                          "@example.com') RETURNING id");
        ids["venue"] = one("INSERT INTO venues (tenant_id, name) VALUES (" + q(ids["tenant"]) + ", 'Hall') RETURNING id");
        ids["event"] = event(ids, "Opening night");
        return ids;
    }
    static std::string event(const std::map<std::string, std::string>& t, const std::string& name) {
        return one("INSERT INTO events (tenant_id, venue_id, name, starts_at, ends_at) VALUES (" + q(t.at("tenant")) +
                   ", " + q(t.at("venue")) + ", '" + name + "', now() + interval '30 days', now() + interval '30 days 3 hours') "
                   "RETURNING id");
    }
    static std::string ticket_type(const std::map<std::string, std::string>& t, int quantity, const std::string& event = "") {
        return one("INSERT INTO ticket_types (tenant_id, event_id, name, price_cents, quantity, available_quantity, "
                   "sale_start, sale_end) VALUES (" + q(t.at("tenant")) + ", " + q(event.empty() ? t.at("event") : event) +
                   ", 'General ' || gen_random_uuid(), 4500, " + std::to_string(quantity) + ", " + std::to_string(quantity) +
                   ", now() - interval '1 day', now() + interval '20 days') RETURNING id");
    }
    static std::string ticket(const std::map<std::string, std::string>& t, const std::string& type, const std::string& event,
                              const std::string& status = "active", const std::string& reservation = "NULL") {
        return one("INSERT INTO tickets (tenant_id, event_id, ticket_type_id, user_id, reservation_id, ticket_number, "
                   "qr_code, price_cents, status) VALUES (" + q(t.at("tenant")) + ", " + q(event) + ", " + q(type) + ", " +
                   q(t.at("user")) + ", " + reservation + ", 'T-' || gen_random_uuid(), 'QR-' || gen_random_uuid(), 4500, '" +
                   status + "') RETURNING id");
    }
    static std::string inventory(const std::string& type) {
        return one("SELECT available_quantity || '/' || reserved_quantity FROM ticket_types WHERE id = " + q(type));
    }

    static inline std::unique_ptr<pg::TempServer> server_;
    static inline std::unique_ptr<pg::Connection> db_;
    static inline std::vector<MigrationFile> platform_, ticket_;
    static inline std::string platform_error_ = "not run", ticket_error_ = "not run";
    static inline Snapshot platform_snapshot_, full_snapshot_;
};

TEST_F(ExampleTicketService, PlatformCoreThenTicketServiceApplyCleanly) {
    EXPECT_EQ(platform_.size(), 4u);
    EXPECT_GE(ticket_.size(), 30u);
    for (const auto& t : {"tenants", "users", "venues", "events"})
        EXPECT_EQ(num(std::string("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = '") + t + "'"), 1) << t;
    EXPECT_EQ(num("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), 24);  // 4 + 20
    EXPECT_EQ(num("SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace"), 4);
    EXPECT_EQ(num("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal"), 4);
    EXPECT_GE(num("SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT IN "
                  "('tenants', 'users', 'venues', 'events')"), 30);
    // The columns ticket-service adds to platform-core's users.
    EXPECT_EQ(one("SELECT string_agg(column_name || ' ' || data_type || ' ' || is_nullable || ' ' || column_default, ', ' "
                  "ORDER BY column_name) FROM information_schema.columns WHERE table_name = 'users' AND column_name IN "
                  "('ticket_purchase_count', 'events_attended')"),
              "events_attended integer NO 0, ticket_purchase_count integer NO 0");
    // The safe-pattern migrations ended where they should.
    EXPECT_EQ(one("SELECT is_nullable || ' ' || column_default FROM information_schema.columns "
                  "WHERE table_name = 'tickets' AND column_name = 'sales_channel'"),
              "NO 'online'::text");
    EXPECT_EQ(one("SELECT string_agg(conname || ' ' || convalidated, ', ' ORDER BY conname) FROM pg_constraint "
                  "WHERE conrelid = 'tickets'::regclass AND conname IN ('tickets_hold_id_fkey', "
                  "'tickets_sales_channel_check', 'tickets_sales_channel_not_null')"),
              "tickets_hold_id_fkey true, tickets_sales_channel_check true");
}

TEST_F(ExampleTicketService, ReservationsHoldAndReleaseInventory) {
    auto t = tenant("inventory");
    std::string type = ticket_type(t, 10);
    ASSERT_EQ(inventory(type), "10/0");

    std::string insert = "INSERT INTO reservations (tenant_id, event_id, ticket_type_id, user_id, quantity, expires_at) VALUES (" +
                         q(t["tenant"]) + ", " + q(t["event"]) + ", " + q(type) + ", " + q(t["user"]) + ", ";
    std::string r3 = one(insert + "3, now() + interval '15 minutes') RETURNING id");
    EXPECT_EQ(inventory(type), "7/3") << "reserving 3 of 10 leaves 7";

    // Reserving 8 of the remaining 7: an error, and nothing changes.
    auto over = db_->exec(insert + "8, now() + interval '15 minutes') RETURNING id");
    ASSERT_FALSE(over) << "an oversell must fail";
    EXPECT_EQ(db_->last_sqlstate(), "23514") << over.error().message;  // check_violation
    EXPECT_NE(over.error().message.find("ticket_types_available_quantity_check"), std::string::npos) << over.error().message;
    EXPECT_EQ(inventory(type), "7/3");
    EXPECT_EQ(num("SELECT count(*) FROM reservations WHERE ticket_type_id = " + q(type)), 1);

    // Cancelling gives the 3 back and records the release.
    ASSERT_TRUE(db_->exec("UPDATE reservations SET status = 'cancelled' WHERE id = " + q(r3)));
    EXPECT_EQ(inventory(type), "10/0");
    EXPECT_EQ(one("SELECT released_at IS NOT NULL FROM reservations WHERE id = " + q(r3)), "t");
    // Released once: a second status change does not give the quantity back again.
    ASSERT_TRUE(db_->exec("UPDATE reservations SET status = 'expired' WHERE id = " + q(r3)));
    EXPECT_EQ(inventory(type), "10/0");

    // Expiry releases too; a reservation inserted already cancelled holds nothing.
    std::string r4 = one(insert + "4, now() + interval '15 minutes') RETURNING id");
    EXPECT_EQ(inventory(type), "6/4");
    ASSERT_TRUE(db_->exec("UPDATE reservations SET status = 'expired' WHERE id = " + q(r4)));
    EXPECT_EQ(inventory(type), "10/0");
    one("INSERT INTO reservations (tenant_id, event_id, ticket_type_id, user_id, quantity, expires_at, status) VALUES (" +
        q(t["tenant"]) + ", " + q(t["event"]) + ", " + q(type) + ", " + q(t["user"]) + ", 2, now(), 'cancelled') RETURNING id");
    EXPECT_EQ(inventory(type), "10/0");
}

TEST_F(ExampleTicketService, ActiveTicketCountsAPurchase) {
    auto t = tenant("purchases");
    std::string type = ticket_type(t, 10);
    std::string count = "SELECT ticket_purchase_count FROM users WHERE id = " + q(t["user"]);
    EXPECT_EQ(num(count), 0);
    ticket(t, type, t["event"]);  // a box-office sale: no reservation
    EXPECT_EQ(num(count), 1);
    std::string res = one("INSERT INTO reservations (tenant_id, event_id, ticket_type_id, user_id, quantity, expires_at) VALUES (" +
                          q(t["tenant"]) + ", " + q(t["event"]) + ", " + q(type) + ", " + q(t["user"]) +
                          ", 1, now() + interval '15 minutes') RETURNING id");
    ticket(t, type, t["event"], "active", q(res));
    EXPECT_EQ(num(count), 2);
    ticket(t, type, t["event"], "cancelled");  // not a purchase
    EXPECT_EQ(num(count), 2);
}

TEST_F(ExampleTicketService, UsedTicketCountsAttendanceOncePerEvent) {
    auto t = tenant("attendance");
    std::string e2 = event(t, "Second night");
    std::string type1 = ticket_type(t, 10), type2 = ticket_type(t, 10, e2);
    std::string a = ticket(t, type1, t["event"]), b = ticket(t, type1, t["event"]), c = ticket(t, type2, e2);
    std::string attended = "SELECT events_attended FROM users WHERE id = " + q(t["user"]);
    auto set = [&](const std::string& id, const std::string& status) {
        ASSERT_TRUE(db_->exec("UPDATE tickets SET status = '" + status + "' WHERE id = " + q(id)));
    };
    EXPECT_EQ(num(attended), 0);
    set(a, "used");
    EXPECT_EQ(num(attended), 1);
    set(b, "used");  // same user and event: still one event attended
    EXPECT_EQ(num(attended), 1);
    set(b, "used");  // no change at all
    EXPECT_EQ(num(attended), 1);
    set(c, "used");  // another event
    EXPECT_EQ(num(attended), 2);
    set(a, "active");  // b is still used for the first event
    EXPECT_EQ(num(attended), 2);
    set(b, "active");  // no used ticket left for the first event
    EXPECT_EQ(num(attended), 1);
    set(c, "cancelled");
    EXPECT_EQ(num(attended), 0);
    // Never below zero: the counter was reset (say, by a data repair) while a ticket was used.
    set(c, "used");
    EXPECT_EQ(num(attended), 1);
    ASSERT_TRUE(db_->exec("UPDATE users SET events_attended = 0 WHERE id = " + q(t["user"])));
    set(c, "active");
    EXPECT_EQ(num(attended), 0);
}

TEST_F(ExampleTicketService, RowLevelSecurityIsolatesTenantsForTheApplicationRole) {
    // Seed one row in every tenant table for two tenants (as the superuser, RLS bypassed).
    std::map<std::string, std::map<std::string, std::string>> tenants = {{"a", tenant("rls-a")}, {"b", tenant("rls-b")}};
    for (auto& [name, t] : tenants) {
        auto r = db_->exec(
            "DO $$ DECLARE\n"
            "  t uuid := '" + t["tenant"] + "'; u uuid := '" + t["user"] + "'; e uuid := '" + t["event"] + "';\n"
            "  tt uuid; res uuid; tk uuid; bu uuid; di uuid;\n"
            "BEGIN\n"
            "  INSERT INTO ticket_types (tenant_id, event_id, name, price_cents, quantity, available_quantity, sale_start, sale_end)\n"
            "    VALUES (t, e, 'VIP', 9900, 5, 5, now(), now() + interval '1 day') RETURNING id INTO tt;\n"
            "  INSERT INTO reservations (tenant_id, event_id, ticket_type_id, user_id, quantity, expires_at)\n"
            "    VALUES (t, e, tt, u, 1, now() + interval '15 minutes') RETURNING id INTO res;\n"
            "  INSERT INTO tickets (tenant_id, event_id, ticket_type_id, user_id, reservation_id, ticket_number, qr_code, price_cents)\n"
            "    VALUES (t, e, tt, u, res, 'T-' || gen_random_uuid(), 'QR-' || gen_random_uuid(), 9900) RETURNING id INTO tk;\n"
            "  INSERT INTO ticket_transfers (tenant_id, ticket_id, from_user_id, to_email, transfer_code, expires_at)\n"
            "    VALUES (t, tk, u, 'friend@example.com', gen_random_uuid()::text, now() + interval '1 day');\n"
            "  INSERT INTO ticket_validations (tenant_id, ticket_id, validator_id, method) VALUES (t, tk, u, 'qr');\n"
            "  INSERT INTO ticket_scans (tenant_id, ticket_id, device_id, result) VALUES (t, tk, 'gate-1', 'admitted');\n"
            "  INSERT INTO refunds (tenant_id, order_id, ticket_id, amount_cents) VALUES (t, gen_random_uuid(), tk, 9900);\n"
            "  INSERT INTO waitlist (tenant_id, ticket_type_id, user_id) VALUES (t, tt, u);\n"
            "  INSERT INTO ticket_price_history (tenant_id, ticket_type_id, old_price_cents, new_price_cents, changed_by)\n"
            "    VALUES (t, tt, 8900, 9900, u);\n"
            "  INSERT INTO ticket_holds (tenant_id, ticket_type_id, quantity, reason, held_by) VALUES (t, tt, 1, 'press', u);\n"
            "  INSERT INTO ticket_bundles (tenant_id, name, price_cents) VALUES (t, 'Weekend', 15000) RETURNING id INTO bu;\n"
            "  INSERT INTO ticket_bundle_items (bundle_id, ticket_type_id, quantity) VALUES (bu, tt, 2);\n"
            "  INSERT INTO ticket_audit_log (tenant_id, ticket_id, action, performed_by) VALUES (t, tk, 'issued', u);\n"
            "  INSERT INTO ticket_notifications (tenant_id, user_id, ticket_id, type, message) VALUES (t, u, tk, 'email', 'Your ticket');\n"
            "  INSERT INTO discounts (tenant_id, code, discount_type, amount_off_cents, valid_from)\n"
            "    VALUES (t, 'WELCOME', 'fixed', 500, now()) RETURNING id INTO di;\n"
            "  INSERT INTO order_discounts (tenant_id, order_id, discount_id, discount_code, amount_cents)\n"
            "    VALUES (t, gen_random_uuid(), di, 'WELCOME', 500);\n"
            "  INSERT INTO reservation_history (tenant_id, reservation_id, status_from, status_to) VALUES (t, res, NULL, 'pending');\n"
            "  INSERT INTO idempotency_keys (tenant_id, key, request_hash, expires_at)\n"
            "    VALUES (t, gen_random_uuid()::text, 'sha256:0', now() + interval '1 day');\n"
            "END $$");
        ASSERT_TRUE(r) << r.error().message;
    }
    const std::string a = tenants["a"]["tenant"], b = tenants["b"]["tenant"];

    // As the application: a LOGIN role that owns none of the tables.
    auto app_c = pg::Connection::open(server_->conninfo() + " user=ticket_app");
    ASSERT_TRUE(app_c) << app_c.error().message;
    auto& app = **app_c;
    ASSERT_EQ(app.exec("SELECT current_user")->values[0][0], "ticket_app");
    EXPECT_EQ(num("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = 'ticket_app'"), 0);
    auto count = [&](const std::string& sql) {
        auto r = app.exec(sql);
        EXPECT_TRUE(r) << sql << ": " << (r ? "" : r.error().message);
        return r ? std::stoi(r->values[0][0]) : -1;
    };

    // Without a tenant set, nothing is visible.
    for (const auto& table : kTenantTables) EXPECT_EQ(count("SELECT count(*) FROM " + table), 0) << table;

    ASSERT_TRUE(app.exec("SET app.current_tenant_id = '" + a + "'"));
    for (const auto& table : kTenantTables) {
        int own = num("SELECT count(*) FROM " + table + " WHERE tenant_id = " + q(a));
        ASSERT_GT(num("SELECT count(*) FROM " + table + " WHERE tenant_id = " + q(b)), 0) << table;
        EXPECT_EQ(count("SELECT count(*) FROM " + table + " WHERE tenant_id = " + q(b)), 0) << table << ": B's rows visible to A";
        EXPECT_EQ(count("SELECT count(*) FROM " + table), own) << table;
        EXPECT_GT(own, 0) << table;
    }
    // The bundle items have no tenant_id: isolated through their bundle.
    EXPECT_EQ(count("SELECT count(*) FROM ticket_bundle_items i JOIN ticket_bundles b ON b.id = i.bundle_id"),
              count("SELECT count(*) FROM ticket_bundle_items"));
    EXPECT_EQ(count("SELECT count(*) FROM ticket_bundle_items"),
              num("SELECT count(*) FROM ticket_bundle_items i JOIN ticket_bundles b ON b.id = i.bundle_id "
                  "WHERE b.tenant_id = " + q(a)));
    // Platform-core's tenant tables are isolated the same way.
    EXPECT_EQ(count("SELECT count(*) FROM users WHERE tenant_id = " + q(b)), 0);
    EXPECT_EQ(count("SELECT count(*) FROM events WHERE tenant_id = " + q(b)), 0);

    // A cannot write rows for B...
    auto ins = app.exec("INSERT INTO ticket_types (tenant_id, event_id, name, price_cents, quantity, available_quantity, "
                        "sale_start, sale_end) VALUES (" + q(b) + ", " + q(tenants["b"]["event"]) +
                        ", 'Smuggled', 100, 1, 1, now(), now() + interval '1 day')");
    ASSERT_FALSE(ins);
    EXPECT_EQ(app.last_sqlstate(), "42501") << ins.error().message;  // new row violates row-level security policy
    auto ins2 = app.exec("INSERT INTO idempotency_keys (tenant_id, key, request_hash, expires_at) VALUES (" + q(b) +
                         ", 'k', 'h', now())");
    ASSERT_FALSE(ins2);
    EXPECT_EQ(app.last_sqlstate(), "42501") << ins2.error().message;
    // ...nor move its own rows to B, nor touch B's rows.
    auto move = app.exec("UPDATE discounts SET tenant_id = " + q(b) + " WHERE tenant_id = " + q(a));
    ASSERT_FALSE(move);
    EXPECT_EQ(app.last_sqlstate(), "42501") << move.error().message;
    auto upd = app.exec("UPDATE tickets SET seat_row = 'X' WHERE tenant_id = " + q(b));
    ASSERT_TRUE(upd) << upd.error().message;
    EXPECT_EQ(upd->command_status, "UPDATE 0");
    auto del = app.exec("DELETE FROM waitlist WHERE tenant_id = " + q(b));
    ASSERT_TRUE(del) << del.error().message;
    EXPECT_EQ(del->command_status, "DELETE 0");
    EXPECT_EQ(num("SELECT count(*) FROM waitlist WHERE tenant_id = " + q(b)), 1);

    // ...and the application's own work goes through the triggers under RLS: A reserves.
    auto tt = app.exec("SELECT id FROM ticket_types WHERE tenant_id = " + q(a));
    ASSERT_TRUE(tt && tt->values.size() == 1);
    std::string type = tt->values[0][0];
    auto res = app.exec("INSERT INTO reservations (tenant_id, event_id, ticket_type_id, user_id, quantity, expires_at) VALUES (" +
                        q(a) + ", " + q(tenants["a"]["event"]) + ", " + q(type) + ", " + q(tenants["a"]["user"]) +
                        ", 2, now() + interval '15 minutes')");
    ASSERT_TRUE(res) << res.error().message;
    EXPECT_EQ(inventory(type), "2/3");  // 5 - 1 (seed) - 2
    // A reservation by A against B's ticket type is refused (the type is invisible to A).
    std::string b_type = one("SELECT id FROM ticket_types WHERE tenant_id = " + q(b));
    auto cross = app.exec("INSERT INTO reservations (tenant_id, event_id, ticket_type_id, user_id, quantity, expires_at) VALUES (" +
                          q(a) + ", " + q(tenants["a"]["event"]) + ", " + q(b_type) + ", " + q(tenants["a"]["user"]) +
                          ", 1, now() + interval '15 minutes')");
    EXPECT_FALSE(cross);
    EXPECT_EQ(inventory(b_type), "4/1");
}

TEST_F(ExampleTicketService, NoInvalidIndexIsLeft) {
    EXPECT_EQ(num("SELECT count(*) FROM pg_index WHERE NOT indisvalid OR NOT indisready"), 0);
    for (const auto& idx : {"idx_tickets_tenant_user_created", "idx_tickets_hold"})
        EXPECT_EQ(one(std::string("SELECT indisvalid FROM pg_index WHERE indexrelid = '") + idx + "'::regclass"), "t") << idx;
}

TEST_F(ExampleTicketService, SafePatternMigrationsReapplyOverExistingTickets) {
    // Roll back the later migrations (from the sales_channel column on), add tickets without a
    // sales channel, then apply them again: the batched backfill fills the column, the
    // NOT VALID / VALIDATE steps and SET NOT NULL succeed over existing rows.
    auto first = std::find_if(ticket_.begin(), ticket_.end(),
                              [](const MigrationFile& f) { return f.name.find("add_tickets_sales_channel") != std::string::npos; });
    ASSERT_NE(first, ticket_.end());
    std::vector<MigrationFile> later(first, ticket_.end());
    // migsafe migrate down, once per later migration (newest first).
    ASSERT_EQ(migrate(server_->conninfo(), "ticket-service",
                      [&](runner::Runner& r) -> Result<int> {
                          for (size_t i = 0; i < later.size(); ++i) {
                              auto d = r.down();
                              if (!d) return d.error();
                          }
                          return static_cast<int>(later.size());
                      }),
              "");
    EXPECT_EQ(num("SELECT count(*) FROM information_schema.columns WHERE table_name = 'tickets' "
                  "AND column_name IN ('sales_channel', 'hold_id')"), 0);

    auto t = tenant("backfill");
    std::string type = ticket_type(t, 10);
    std::string box = ticket(t, type, t["event"]);
    std::string res = one("INSERT INTO reservations (tenant_id, event_id, ticket_type_id, user_id, quantity, expires_at) VALUES (" +
                          q(t["tenant"]) + ", " + q(t["event"]) + ", " + q(type) + ", " + q(t["user"]) +
                          ", 1, now() + interval '15 minutes') RETURNING id");
    std::string online = ticket(t, type, t["event"], "active", q(res));

    ASSERT_EQ(migrate(server_->conninfo(), "ticket-service", latest), "");
    EXPECT_EQ(one("SELECT sales_channel FROM tickets WHERE id = " + q(box)), "box_office");
    EXPECT_EQ(one("SELECT sales_channel FROM tickets WHERE id = " + q(online)), "online");
    EXPECT_EQ(num("SELECT count(*) FROM tickets WHERE sales_channel IS NULL"), 0);
    EXPECT_EQ(snapshot(*db_, false), full_snapshot_) << diff(snapshot(*db_, false), full_snapshot_)
                                                     << diff(full_snapshot_, snapshot(*db_, false));
    // New tickets get the default; a NULL or unknown channel is refused.
    EXPECT_EQ(one("SELECT sales_channel FROM tickets WHERE id = " + q(ticket(t, type, t["event"]))), "online");
    EXPECT_FALSE(db_->exec("UPDATE tickets SET sales_channel = NULL WHERE id = " + q(box)));
    EXPECT_FALSE(db_->exec("UPDATE tickets SET sales_channel = 'fax' WHERE id = " + q(box)));
    // The hold foreign key is enforced.
    EXPECT_FALSE(db_->exec("UPDATE tickets SET hold_id = gen_random_uuid() WHERE id = " + q(box)));
}

TEST_F(ExampleTicketService, RollbackLeavesPlatformCoreAsItWasAndReapplies) {
    // Data in both services' tables: the downs must still run.
    auto t = tenant("rollback");
    ticket(t, ticket_type(t, 10), t["event"]);

    ASSERT_EQ(migrate(server_->conninfo(), "ticket-service", rollback_all), "");
    Snapshot after = snapshot(*db_);
    EXPECT_EQ(after, platform_snapshot_) << "left behind:\n" << diff(after, platform_snapshot_) << "missing:\n"
                                         << diff(platform_snapshot_, after);
    EXPECT_EQ(num("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), 4);
    EXPECT_EQ(num("SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace"), 0);
    // platform-core's data is untouched.
    EXPECT_EQ(one("SELECT email FROM users WHERE id = " + q(t["user"])), "rollback@example.com");

    ASSERT_EQ(migrate(server_->conninfo(), "ticket-service", latest), "");
    Snapshot again = snapshot(*db_, false);
    EXPECT_EQ(again, full_snapshot_) << "extra:\n" << diff(again, full_snapshot_) << "missing:\n" << diff(full_snapshot_, again);
    // And the service works again for the user who was there before.
    ASSERT_TRUE(db_->exec("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ticket_app"));
    std::string type = ticket_type(t, 10);
    ticket(t, type, t["event"]);
    EXPECT_EQ(num("SELECT ticket_purchase_count FROM users WHERE id = " + q(t["user"])), 1);
}

// The reference example scores 100% honestly: nothing disabled, nothing suppressed.
TEST(ExampleTicketServiceAudit, ExamplesAuditAtFullPassRate) {
    for (const auto& name : {"platform-core", "ticket-service"}) {
        auto a = test::audit_folder(test::source_dir() + "/examples/" + name);
        ASSERT_EQ(a.error, "") << name;
        EXPECT_TRUE(a.result.disabled.empty()) << name;
        EXPECT_TRUE(a.result.suppressed.empty()) << name;
        int applicable = 0;
        for (const auto& c : a.result.checks) {
            if (c.status == Status::NotApplicable) continue;
            ++applicable;
            std::string ev;
            for (const auto& e : c.evidence) ev += "\n  " + e.message;
            EXPECT_EQ(to_string(c.status), to_string(Status::Pass)) << name << ": " << c.info->id << ": " << c.summary << ev;
        }
        EXPECT_GE(applicable, 35) << name;
    }
}

}  // namespace
}  // namespace migsafe
