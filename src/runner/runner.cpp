#include "runner/runner.hpp"

#include <pg_query.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <thread>

#include "parse/config/migsafe_toml.hpp"
#include "util/fs.hpp"

namespace migsafe::runner {
namespace {

std::string ident(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string literal(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

// One advisory lock key per bookkeeping table.
long long lock_key(const std::string& schema, const std::string& table) {
    unsigned long long h = 1469598103934665603ULL;
    for (char c : "migsafe:" + schema + "." + table) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    return static_cast<long long>(h >> 1);
}

Error masked(Error e) {
    e.message = config::mask_connection_string(e.message);
    return e;
}

struct SplitGuard {
    PgQuerySplitResult r;
    ~SplitGuard() { pg_query_free_split_result(r); }
};

// The statements of a SQL text, split by PostgreSQL's parser (never by hand).
Result<std::vector<std::string>> split(const std::string& sql) {
    SplitGuard g{pg_query_split_with_parser(sql.c_str())};
    if (g.r.error) return Error{"", 0, g.r.error->message ? g.r.error->message : "cannot split statements"};
    std::vector<std::string> out;
    for (int i = 0; i < g.r.n_stmts; ++i) {
        std::string s = sql.substr(static_cast<size_t>(g.r.stmts[i]->stmt_location), static_cast<size_t>(g.r.stmts[i]->stmt_len));
        if (s.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(s);
    }
    return out;
}

std::string who() {
    const char* user = std::getenv("USER");
    char host[256] = {0};
    gethostname(host, sizeof host - 1);
    return std::string(user && *user ? user : "unknown") + "@" + host;
}

}  // namespace

Runner::~Runner() = default;

std::string Runner::table() const { return ident(settings_.schema) + "." + ident(settings_.table); }

std::string Runner::name(int file) const { return std::filesystem::path(project_.files[file].path).filename().string(); }

int Runner::file_index(const std::string& n) const {
    for (size_t i = 0; i < project_.files.size(); ++i)
        if (name(static_cast<int>(i)) == n) return static_cast<int>(i);
    return -1;
}

std::string Runner::checksum(int file) const {
    const auto& f = project_.files[file];
    return sha256_hex(f.source.text() + (f.down_path.empty() ? "" : "\n--down--\n" + f.down_source.text()));
}

Result<std::unique_ptr<Runner>> Runner::open(const Project& project, const Settings& settings, const Options& options) {
    if (project.layout == Layout::Knex) return Error{project.root, 0, "a knex project: run it with knex (migsafe runs SQL migrations)"};
    std::unique_ptr<Runner> r(new Runner(project, settings, options));
    auto db = pg::Connection::open(settings.conninfo);
    if (!db) return masked(db.error());
    r->db_ = std::move(*db);
    auto lc = pg::Connection::open(settings.conninfo);
    if (!lc) return masked(lc.error());
    r->lock_conn_ = std::move(*lc);
    auto l = r->lock();
    if (!l) return l.error();
    auto t = r->ensure_table();
    if (!t) return t.error();
    return r;
}

// One runner at a time: a transaction-scoped advisory lock held open on a connection of its
// own. A transaction pins its server connection even through PgBouncer in transaction pooling
// mode, and the lock goes away with the transaction when the runner dies (kill -9 included).
Result<bool> Runner::lock() {
    auto key = std::to_string(lock_key(settings_.schema, settings_.table));
    auto b = lock_conn_->exec("BEGIN");
    if (!b) return masked(b.error());
    auto t = lock_conn_->exec("SET LOCAL lock_timeout = '" + std::to_string(settings_.lock_wait_ms) + "ms'");
    if (!t) return masked(t.error());
    auto try_now = lock_conn_->exec("SELECT pg_try_advisory_xact_lock(" + key + ")");
    if (try_now && !try_now->values.empty() && try_now->values[0][0] == "t") return true;
    if (options_.progress) options_.progress("waiting for another migsafe runner on " + settings_.schema + "." + settings_.table + " ...");
    auto wait = lock_conn_->exec("SELECT pg_advisory_xact_lock(" + key + ")");
    if (!wait)
        return Error{"", 0, "another migsafe runner holds " + settings_.schema + "." + settings_.table + " (waited " +
                                std::to_string(settings_.lock_wait_ms / 1000) + "s); try again when it is done"};
    return true;
}

Result<bool> Runner::ensure_table() {
    if (settings_.schema != "public") {
        auto s = db_->exec("CREATE SCHEMA IF NOT EXISTS " + ident(settings_.schema));
        if (!s) return masked(s.error());
    }
    auto r = db_->exec("CREATE TABLE IF NOT EXISTS " + table() +
                       " (id serial PRIMARY KEY, name varchar(255) NOT NULL UNIQUE, batch integer NOT NULL,"
                       " migration_time timestamptz NOT NULL DEFAULT now(), checksum text, duration_ms integer,"
                       " applied_by text, dirty boolean NOT NULL DEFAULT false, failed_statement text)");
    if (!r) return masked(r.error());
    return true;
}

Result<std::vector<AppliedRow>> Runner::applied() {
    auto r = db_->exec("SELECT name, batch, to_char(migration_time AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'), checksum, dirty, "
                       "coalesce(failed_statement, '') FROM " + table() + " ORDER BY id");
    if (!r) return masked(r.error());
    std::vector<AppliedRow> rows;
    for (const auto& v : r->values) rows.push_back({v[0], std::atoi(v[1].c_str()), v[2], v[3], v[4] == "t", v[5]});
    return rows;
}

Result<std::vector<AppliedRow>> Runner::safe_applied() {
    auto rows = applied();
    if (!rows) return rows.error();
    auto ok = refuse_if_unsafe(*rows);
    if (!ok) return ok.error();
    return rows;
}

Result<bool> Runner::refuse_if_unsafe(const std::vector<AppliedRow>& rows) {
    for (const auto& row : rows)
        if (row.dirty)
            return Error{"", 0, row.name + " failed part way (" + row.failed_statement.substr(0, 120) +
                                    "): fix the database, then `migsafe migrate repair`"};
    if (!options_.allow_edited)
        for (const auto& row : rows) {
            int i = file_index(row.name);
            if (i >= 0 && !row.checksum.empty() && row.checksum != checksum(i))
                return Error{project_.files[i].path, 0, "edited since it was applied; write a new migration, or pass --allow-edited"};
        }
    return true;
}

// Who holds locks on the tables this unit touches (pg_locks / pg_stat_activity).
std::string Runner::blockers(int file, Section section) {
    std::vector<std::string> tables;
    for (const auto& op : project_.files[file].ops)
        if (op.section == section && !op.table.empty()) tables.push_back(op.table);
    if (tables.empty()) return {};
    std::string list = "{";
    for (size_t i = 0; i < tables.size(); ++i) list += (i ? "," : "") + tables[i];
    list += "}";
    auto r = db_->exec_params(
        "SELECT DISTINCT a.pid, l.mode, c.relname, a.state, left(regexp_replace(a.query, '\\s+', ' ', 'g'), 160) "
        "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid JOIN pg_class c ON c.oid = l.relation "
        "WHERE l.granted AND l.pid <> pg_backend_pid() AND c.relname = ANY($1::text[])",
        {list});
    if (!r || r->values.empty()) return {};
    std::string out;
    for (const auto& v : r->values)
        out += (out.empty() ? "" : "; ") + std::string("pid ") + v[0] + " holds " + v[1] + " on " + v[2] + " (" + v[3] + "): " + v[4];
    return out;
}

Result<bool> Runner::run_unit(int file, Section section, const std::function<std::string()>& bookkeeping) {
    const auto& f = project_.files[file];
    const Unit* unit = nullptr;
    for (const auto& u : f.units)
        if (u.section == section) unit = &u;
    std::string sql;
    if (unit) {
        const std::string& text = unit->down_file ? f.down_source.text() : f.source.text();
        sql = text.substr(unit->begin, unit->end - unit->begin);
    }
    bool transactional = runs_in_transaction(f, section, project_.config.pg_version);
    std::string timeouts = "SET LOCAL lock_timeout = " + literal(settings_.lock_timeout) + ";";
    if (!settings_.statement_timeout.empty()) timeouts += " SET LOCAL statement_timeout = " + literal(settings_.statement_timeout) + ";";
    int backoff = settings_.backoff_ms;
    std::vector<std::string> stmts;
    if (!transactional) {
        auto s = split(sql);
        if (!s) return Error{f.path, 0, s.error().message};
        stmts = std::move(*s);
    }
    size_t resume = 0;  // non-transactional: statements before it are done
    for (int attempt = 0;; ++attempt) {
        Result<pg::Rows> r = pg::Rows{};
        std::string failed, sqlstate;
        if (transactional) {
            db_->exec("BEGIN");
            r = db_->exec(timeouts);
            if (r && sql.find_first_not_of(" \t\r\n") != std::string::npos) r = db_->exec(sql);
            if (r) r = db_->exec(bookkeeping());
            if (r) r = db_->exec("COMMIT");
            if (!r) {
                sqlstate = db_->last_sqlstate();  // before ROLLBACK replaces it
                db_->exec("ROLLBACK");
            }
        } else {
            // Statement by statement, each its own query: a multi-statement string would be one
            // implicit transaction, which CONCURRENTLY refuses.
            r = db_->exec("SET lock_timeout = " + literal(settings_.lock_timeout));
            if (r && !settings_.statement_timeout.empty()) r = db_->exec("SET statement_timeout = " + literal(settings_.statement_timeout));
            for (; r && resume < stmts.size(); ++resume) {
                r = db_->exec(stmts[resume]);
                if (!r) {
                    failed = stmts[resume];
                    sqlstate = db_->last_sqlstate();
                    break;
                }
            }
            if (r) r = db_->exec(bookkeeping());
            if (!r && sqlstate.empty()) sqlstate = db_->last_sqlstate();
            db_->exec("RESET lock_timeout");
            db_->exec("RESET statement_timeout");
        }
        if (r) return true;
        std::string msg = r.error().message;
        bool lock_timeout = sqlstate == "55P03";
        if (lock_timeout && attempt < settings_.retries) {
            std::string who_blocks = blockers(file, section);
            if (options_.progress)
                options_.progress("  lock_timeout (" + settings_.lock_timeout + ") on " + name(file) + ", retry " +
                                  std::to_string(attempt + 1) + "/" + std::to_string(settings_.retries) + " in " +
                                  std::to_string(backoff) + " ms" + (who_blocks.empty() ? "" : ": " + who_blocks));
            std::this_thread::sleep_for(std::chrono::milliseconds(backoff));
            backoff *= 2;
            continue;
        }
        if (lock_timeout) {
            std::string who_blocks = blockers(file, section);
            msg = "lock_timeout (" + settings_.lock_timeout + ") after " + std::to_string(settings_.retries) + " retries" +
                  (who_blocks.empty() ? "" : "; blocked by " + who_blocks);
        }
        if (!transactional && section == Section::Up) {
            // Part of it ran: record the migration as dirty with the failing statement.
            std::string stmt = failed.empty() ? "(bookkeeping)" : failed;
            db_->exec_params("INSERT INTO " + table() + " (name, batch, checksum, applied_by, dirty, failed_statement) "
                             "VALUES ($1, 0, $2, $3, true, $4) ON CONFLICT (name) DO UPDATE SET dirty = true, failed_statement = $4",
                             {name(file), checksum(file), who(), stmt});
            return Error{f.path, 0, "failed part way and is marked dirty: " + msg + " (statement: " + stmt.substr(0, 160) + ")"};
        }
        return Error{f.path, 0, masked(Error{"", 0, msg}).message};
    }
}

Result<bool> Runner::apply(int file, Section section, int batch) {
    auto start = std::chrono::steady_clock::now();
    if (options_.dry_run) {
        if (options_.out) {
            options_.out(std::string(section == Section::Up ? "up   " : "down ") + name(file));
            for (const auto& op : project_.files[file].ops) {
                if (op.section != section || op.in_body) continue;
                std::string text = op.text.substr(0, op.text.find('\n'));
                if (text.size() > 90) text = text.substr(0, 87) + "...";
                options_.out("  " + std::to_string(op.loc.line) + ": " + std::string(to_string(op.lock)) + (op.table.empty() ? "" : " on " + op.table) +
                             "  " + text);
            }
        }
        return true;
    }
    std::string n = name(file);
    auto bookkeeping = [&]() {
        if (section == Section::Down) return "DELETE FROM " + table() + " WHERE name = " + literal(n);
        auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
        return "INSERT INTO " + table() + " (name, batch, checksum, duration_ms, applied_by) VALUES (" + literal(n) + ", " +
               std::to_string(batch) + ", " + literal(checksum(file)) + ", " + std::to_string(ms) + ", " + literal(who()) + ")";
    };
    auto r = run_unit(file, section, bookkeeping);
    if (!r) return r.error();
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    if (options_.progress) options_.progress(std::string(section == Section::Up ? "applied    " : "rolled back ") + n + " (" + std::to_string(ms) + " ms)");
    return true;
}

Result<int> Runner::latest() {
    auto rows = safe_applied();
    if (!rows) return rows.error();
    int batch = 0;
    for (const auto& r : *rows) batch = std::max(batch, r.batch);
    ++batch;
    int n = 0;
    for (size_t i = 0; i < project_.files.size(); ++i) {
        std::string nm = name(static_cast<int>(i));
        if (std::any_of(rows->begin(), rows->end(), [&](const AppliedRow& r) { return r.name == nm; })) continue;
        if (!project_.files[i].errors.empty())
            return Error{project_.files[i].path, project_.files[i].errors[0].loc.line, project_.files[i].errors[0].message};
        auto a = apply(static_cast<int>(i), Section::Up, batch);
        if (!a) return a.error();
        ++n;
    }
    return n;
}

Result<int> Runner::up() {
    auto rows = safe_applied();
    if (!rows) return rows.error();
    int batch = 0;
    for (const auto& r : *rows) batch = std::max(batch, r.batch);
    for (size_t i = 0; i < project_.files.size(); ++i) {
        std::string nm = name(static_cast<int>(i));
        if (std::any_of(rows->begin(), rows->end(), [&](const AppliedRow& r) { return r.name == nm; })) continue;
        auto a = apply(static_cast<int>(i), Section::Up, batch + 1);
        if (!a) return a.error();
        return 1;
    }
    return 0;
}

Result<int> Runner::down() {
    auto rows = safe_applied();
    if (!rows) return rows.error();
    if (rows->empty()) return 0;
    int i = file_index(rows->back().name);
    if (i < 0) return Error{"", 0, rows->back().name + " is applied but its file is missing"};
    auto a = apply(i, Section::Down, 0);
    if (!a) return a.error();
    return 1;
}

Result<int> Runner::rollback(bool all) {
    auto rows = safe_applied();
    if (!rows) return rows.error();
    if (rows->empty()) return 0;
    int last = 0;
    for (const auto& r : *rows) last = std::max(last, r.batch);
    int n = 0;
    for (auto it = rows->rbegin(); it != rows->rend(); ++it) {
        if (!all && it->batch != last) continue;
        int i = file_index(it->name);
        if (i < 0) return Error{"", 0, it->name + " is applied but its file is missing"};
        auto a = apply(i, Section::Down, 0);
        if (!a) return a.error();
        ++n;
    }
    return n;
}

Result<int> Runner::redo() {
    auto d = down();
    if (!d) return d.error();
    return up();
}

Result<int> Runner::repair() {
    auto r = db_->exec("DELETE FROM " + table() + " WHERE dirty RETURNING name");
    if (!r) return masked(r.error());
    for (const auto& v : r->values)
        if (options_.progress) options_.progress("repaired   " + v[0] + " (its record is gone: the next run applies it again)");
    return static_cast<int>(r->values.size());
}

Result<StatusReport> Runner::status() {
    StatusReport s;
    auto rows = applied();
    if (!rows) return rows.error();
    s.applied = *rows;
    for (const auto& row : *rows) {
        int i = file_index(row.name);
        if (row.dirty) s.dirty.push_back(row.name);
        if (i < 0) s.missing.push_back(row.name);
        else if (!row.checksum.empty() && row.checksum != checksum(i)) s.edited.push_back(row.name);
    }
    for (size_t i = 0; i < project_.files.size(); ++i) {
        std::string nm = name(static_cast<int>(i));
        if (std::none_of(rows->begin(), rows->end(), [&](const AppliedRow& r) { return r.name == nm; })) s.pending.push_back(nm);
    }
    return s;
}

Result<std::string> make_migration(const Project& project, const std::string& raw_name) {
    std::string name;
    for (char c : raw_name) name += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_';
    if (name.empty() || name.find_first_not_of('_') == std::string::npos) return Error{"", 0, "give the migration a name, e.g. add_orders_status"};
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d%H%M%S", &tm);
    std::string dir = project.migrations_dir.empty() || project.migrations_dir == "." ? "db/migrations" : project.migrations_dir;
    if (project.files.empty() && project.config.directory.empty()) dir = "db/migrations";
    auto folder = std::filesystem::path(project.root) / dir;
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) return Error{folder.string(), 0, "cannot create the folder: " + ec.message()};
    auto path = folder / (std::string(stamp) + "_" + name + ".sql");
    if (std::filesystem::exists(path)) return Error{path.string(), 0, "already exists"};
    std::string body = "-- " + name + "\n-- Written by `migsafe make`. migsafe sets lock_timeout and runs this up in one transaction;\n"
                       "-- put CREATE INDEX CONCURRENTLY alone in a section marked `transaction:false`.\n\n"
                       "-- migrate:up\n\n\n-- migrate:down\n\n";
    auto w = write_file_atomic(path.string(), body);
    if (!w) return w.error();
    return path.string();
}

}  // namespace migsafe::runner
