#include "verify/verify.hpp"

#include <fmt/format.h>
#include <pg_query.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "analysis/facts.hpp"
#include "parse/config/migsafe_toml.hpp"
#include "parse/loader.hpp"
#include "pg/connection.hpp"
#include "pg/server.hpp"
#include "report/json_writer.hpp"
#include "runner/runner.hpp"
#include "verify/catalog.hpp"

namespace migsafe::verify {
namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

const char* kBookkeepingSchema = "migsafe_verify";

// ---- SIGINT / SIGTERM: the private server is stopped on every exit path ----
std::mutex g_server_mutex;
pg::TempServer* g_server = nullptr;
std::atomic<bool> g_interrupted{false};

void start_signal_thread() {
    static std::once_flag once;
    std::call_once(once, [] {
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGINT);
        sigaddset(&set, SIGTERM);
        sigaddset(&set, SIGHUP);
        pthread_sigmask(SIG_BLOCK, &set, nullptr);
        std::thread([set]() {
            int sig = 0;
            sigwait(&set, &sig);
            g_interrupted = true;
            {
                std::lock_guard<std::mutex> lock(g_server_mutex);
                if (g_server) g_server->stop();
            }
            fmt::print(stderr, "migsafe: interrupted; the private PostgreSQL was stopped and removed\n");
            _exit(130);
        }).detach();
    });
}

struct SplitGuard {
    PgQuerySplitResult r;
    ~SplitGuard() { pg_query_free_split_result(r); }
};

struct Stmt {
    std::string sql;
    size_t offset;  // in the source text
};

Result<std::vector<Stmt>> split(const std::string& text, size_t begin, size_t end) {
    std::string sql = text.substr(begin, end - begin);
    SplitGuard g{pg_query_split_with_parser(sql.c_str())};
    if (g.r.error) return Error{"", 0, g.r.error->message ? g.r.error->message : "cannot split"};
    std::vector<Stmt> out;
    for (int i = 0; i < g.r.n_stmts; ++i) {
        size_t loc = static_cast<size_t>(g.r.stmts[i]->stmt_location), len = static_cast<size_t>(g.r.stmts[i]->stmt_len);
        std::string s = sql.substr(loc, len);
        size_t skip = s.find_first_not_of(" \t\r\n");
        if (skip == std::string::npos) continue;
        // Leading comments belong to no statement: point at the first line with code.
        size_t code = skip;
        while (code < s.size() && s.compare(code, 2, "--") == 0) {
            size_t nl = s.find('\n', code);
            if (nl == std::string::npos) break;
            code = s.find_first_not_of(" \t\r\n", nl);
            if (code == std::string::npos) break;
        }
        if (code == std::string::npos) continue;
        out.push_back({s, begin + loc + code});
    }
    return out;
}

std::string mode_name(const std::string& pg_mode) {
    static const std::map<std::string, std::string> names = {
        {"AccessShareLock", "ACCESS SHARE"},     {"RowShareLock", "ROW SHARE"},
        {"RowExclusiveLock", "ROW EXCLUSIVE"},   {"ShareUpdateExclusiveLock", "SHARE UPDATE EXCLUSIVE"},
        {"ShareLock", "SHARE"},                  {"ShareRowExclusiveLock", "SHARE ROW EXCLUSIVE"},
        {"ExclusiveLock", "EXCLUSIVE"},          {"AccessExclusiveLock", "ACCESS EXCLUSIVE"}};
    auto it = names.find(pg_mode);
    return it == names.end() ? pg_mode : it->second;
}

int mode_rank(const std::string& mode) {
    auto m = parse_lock_mode(mode);
    return m ? static_cast<int>(*m) : 0;
}

const char* kLocksSql =
    "SELECT c.relname, l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
    "JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE l.pid = $1 AND l.granted AND l.locktype = 'relation' AND c.relkind IN ('r', 'p', 'm') "
    "AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'migsafe_verify')";

class Verifier {
public:
    Verifier(const Options& o) : options_(o) {}

    Result<Result_> run(const std::string& path) {
        auto t0 = Clock::now();
        LoadOptions lo;
        lo.config = options_.config;
        auto project = load_project(path, lo);
        if (!project) return project.error();
        project_ = std::make_unique<Project>(std::move(*project));
        if (project_->layout == Layout::Knex) return Error{path, 0, "verify runs SQL migrations; a knex project is verified with knex"};
        facts_ = std::make_unique<Facts>(analyse(*project_));
        result_.project = project_->name;

        auto conn = connect();
        if (!conn) return conn.error();
        result_.startup_ms = ms_since(t0);

        for (const auto& base : options_.bases) {
            auto bp = load_project(base, LoadOptions{});
            if (!bp) return bp.error();
            result_.bases.push_back(bp->name);
            progress("base  " + bp->name + ": applying " + std::to_string(bp->files.size()) + " migrations");
            runner::Settings s;
            s.conninfo = conninfo_;
            s.schema = kBookkeepingSchema;
            s.table = bp->config.table.empty() ? "migsafe_migrations" : bp->config.table;
            auto r = runner::Runner::open(*bp, s, {});
            if (!r) return r.error();
            auto n = (*r)->latest();
            if (!n) return Error{base, 0, "base project failed: " + n.error().to_string()};
        }

        auto s0 = snap();
        if (!s0) return s0.error();
        std::vector<Snapshot> after_up;
        if (!phase("up", after_up)) return finish(t0);
        Snapshot s1 = after_up.empty() ? *s0 : after_up.back();
        std::vector<Snapshot> after_down;
        if (!phase("down", after_down, &*s0, &after_up)) return finish(t0);
        Snapshot d = after_down.empty() ? s1 : after_down.back();
        compare_down(*s0, after_up, after_down, d);
        std::vector<Snapshot> again;
        if (!phase("up again", again)) return finish(t0);
        Snapshot s2 = again.empty() ? d : again.back();
        compare_again(*s0, after_up, s1, s2);
        return finish(t0);
    }

    ~Verifier() {
        db_.reset();
        monitor_.reset();
        holder_.reset();
        if (admin_ && !scratch_db_.empty()) admin_->exec("DROP DATABASE IF EXISTS " + scratch_db_ + " WITH (FORCE)");
        admin_.reset();
        std::lock_guard<std::mutex> lock(g_server_mutex);
        g_server = nullptr;
        server_.reset();
    }

private:
    const Options& options_;
    Result_ result_;
    std::unique_ptr<Project> project_;
    std::unique_ptr<Facts> facts_;
    std::unique_ptr<pg::TempServer> server_;
    std::unique_ptr<pg::Connection> admin_, db_, monitor_, holder_;
    std::string conninfo_, scratch_db_;

    void progress(const std::string& s) {
        if (options_.progress) options_.progress(s);
    }

    Result<Result_> finish(Clock::time_point t0) {
        result_.total_ms = ms_since(t0);
        return result_;
    }

    static std::string with_db(const std::string& conn, const std::string& db) {
        auto scheme = conn.find("://");
        if (scheme == std::string::npos) return conn + " dbname=" + db;
        size_t slash = conn.find('/', scheme + 3);
        size_t query = conn.find('?', scheme + 3);
        if (slash == std::string::npos || (query != std::string::npos && slash > query))
            return conn.substr(0, query == std::string::npos ? conn.size() : query) + "/" + db +
                   (query == std::string::npos ? "" : conn.substr(query));
        return conn.substr(0, slash) + "/" + db + (query == std::string::npos ? "" : conn.substr(query));
    }

    Result<bool> connect() {
        std::string base;
        if (options_.url.empty()) {
            start_signal_thread();
            progress("starting a private PostgreSQL ...");
            {
                // Held through start-up: an interrupt waits for it, then stops and removes it.
                std::lock_guard<std::mutex> lock(g_server_mutex);
                auto s = pg::TempServer::start();
                if (!s) return s.error();
                server_ = std::move(*s);
                g_server = server_.get();
            }
            base = server_->conninfo();
            scratch_db_ = "verify";
        } else {
            result_.private_server = false;
            base = options_.url;
            scratch_db_ = "migsafe_verify_" + std::to_string(getpid());
        }
        auto admin = pg::Connection::open(base);
        if (!admin) return admin.error();
        admin_ = std::move(*admin);
        auto c = admin_->exec("CREATE DATABASE " + scratch_db_);
        if (!c) return Error{"", 0, "cannot create the scratch database: " + c.error().message};
        conninfo_ = server_ ? server_->conninfo(scratch_db_) : with_db(base, scratch_db_);
        for (auto* slot : {&db_, &monitor_, &holder_}) {
            auto conn = pg::Connection::open(conninfo_);
            if (!conn) return conn.error();
            *slot = std::move(*conn);
        }
        return true;
    }

    Result<Snapshot> snap() { return snapshot(*db_, {kBookkeepingSchema}); }

    std::vector<std::pair<std::string, std::string>> own_locks() {
        std::vector<std::pair<std::string, std::string>> out;
        auto r = monitor_->exec_params(kLocksSql, {std::to_string(db_->backend_pid())});
        if (r)
            for (const auto& row : r->values) out.emplace_back(row[0], mode_name(row[1]));
        return out;
    }

    // The static model's strongest lock for a statement starting on `line` of `file`.
    std::pair<std::string, std::string> static_lock(int file, Section section, int line_from, int line_to) {
        LockMode best = LockMode::None;
        std::string table;
        for (const auto& op : project_->files[file].ops) {
            if (op.section != section || op.in_body || op.loc.line < line_from || op.loc.line > line_to) continue;
            std::string t = op.table.empty() ? facts_->table_of_index(op.name) : op.table;
            if (t.empty()) continue;
            if (op.lock > best) best = op.lock, table = t;
        }
        return {table, best == LockMode::None ? "" : std::string(to_string(best))};
    }

    // Runs one statement outside a transaction while a monitor reads its locks: a held snapshot
    // makes CREATE/DROP INDEX CONCURRENTLY wait (holding its lock) until the monitor has seen it.
    Result<pg::Rows> run_observed(const std::string& sql, std::vector<std::pair<std::string, std::string>>& seen) {
        holder_->exec("BEGIN ISOLATION LEVEL REPEATABLE READ");
        holder_->exec("SELECT 1");
        std::atomic<bool> done{false};
        std::mutex m;
        std::thread watcher([&] {
            auto start = Clock::now();
            bool released = false;
            while (!done) {
                auto locks = own_locks();
                {
                    std::lock_guard<std::mutex> g(m);
                    for (auto& l : locks)
                        if (std::find(seen.begin(), seen.end(), l) == seen.end()) seen.push_back(l);
                }
                if (!released && (!locks.empty() || ms_since(start) > 1500)) {
                    holder_->exec("COMMIT");
                    released = true;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
            if (!released) holder_->exec("COMMIT");
        });
        auto r = db_->exec(sql);
        done = true;
        watcher.join();
        return r;
    }

    bool run_migration(int file, Section section, const std::string& step) {
        const auto& f = project_->files[file];
        const Unit* unit = nullptr;
        for (const auto& u : f.units)
            if (u.section == section) unit = &u;
        MigrationTrace trace;
        trace.step = step;
        trace.name = std::filesystem::path(f.path).filename().string();
        auto start = Clock::now();
        if (!unit) {
            result_.traces.push_back(trace);
            return true;
        }
        const SourceText& src = unit->down_file ? f.down_source : f.source;
        const std::string& path = unit->down_file ? f.down_path : f.path;
        auto stmts = split(src.text(), unit->begin, unit->end);
        if (!stmts) {
            result_.failure = path + ": " + stmts.error().message;
            return false;
        }
        // Tables that exist before this migration runs.
        std::set<std::string> existing;
        if (auto r = db_->exec("SELECT relname FROM pg_class WHERE relkind IN ('r','p','m')")) {
            for (const auto& row : r->values) existing.insert(row[0]);
        }
        bool tx = runs_in_transaction(f, section, project_->config.pg_version);
        if (tx) db_->exec("BEGIN");
        std::vector<std::pair<std::string, std::string>> held;
        for (const auto& st : *stmts) {
            StatementTrace t;
            t.file = path;
            auto lc = src.locate(st.offset);
            t.line = lc.line;
            int last_line = src.locate(st.offset + st.sql.size() - 1).line;
            std::string first = st.sql.substr(st.sql.find_first_not_of(" \t\r\n"));
            first = first.substr(0, first.find('\n'));
            t.text = first.size() > 80 ? first.substr(0, 77) + "..." : first;
            std::vector<std::pair<std::string, std::string>> now;
            Result<pg::Rows> r = pg::Rows{};
            if (tx) {
                r = db_->exec(st.sql);
                if (r) now = own_locks();
            } else {
                r = run_observed(st.sql, now);
            }
            if (!r) {
                result_.failure = path + ":" + std::to_string(t.line) + ": " + r.error().message;
                if (tx) db_->exec("ROLLBACK");
                trace.statements.push_back(t);
                result_.traces.push_back(trace);
                return false;
            }
            for (const auto& l : now) {
                if (tx && std::find(held.begin(), held.end(), l) != held.end()) continue;  // from an earlier statement
                t.locks.push_back({l.first, l.second, existing.count(l.first) > 0});
            }
            if (tx) held = now;
            auto [table, mode] = static_lock(file, section, t.line, last_line);
            t.static_mode = mode;
            int best = 0;
            for (const auto& l : t.locks)
                if (l.relation == table && mode_rank(l.mode) > best) best = mode_rank(l.mode), t.observed_mode = l.mode;
            // In a transaction a weaker new lock is hidden by a stronger one held since earlier.
            if (tx && t.observed_mode.empty())
                for (const auto& l : now)
                    if (l.first == table && mode_rank(l.second) > best) best = mode_rank(l.second), t.observed_mode = l.second;
            if (!table.empty() && !t.observed_mode.empty() && !mode.empty() && mode_rank(t.observed_mode) != mode_rank(mode) &&
                !(tx && mode_rank(t.observed_mode) > mode_rank(mode)))
                result_.model_mismatches.push_back(path + ":" + std::to_string(t.line) + ": audit says " + mode + " on " + table +
                                                   ", PostgreSQL took " + t.observed_mode);
            trace.statements.push_back(std::move(t));
        }
        if (tx) {
            auto c = db_->exec("COMMIT");
            if (!c) {
                result_.failure = path + ": COMMIT: " + c.error().message;
                return false;
            }
        }
        trace.ms = ms_since(start);
        result_.traces.push_back(std::move(trace));
        return true;
    }

    void add_difference(const std::string& step, const std::string& msg) {
        bool dup = std::any_of(result_.differences.begin(), result_.differences.end(),
                               [&](const Difference& d) { return d.message == msg; });
        if (!dup) result_.differences.push_back({step, msg});
    }

    // Keys that belong to a table in `tables` (its columns, constraints, triggers, policies, indexes).
    static bool part_of(const std::string& key, const std::string& def, const std::set<std::string>& tables) {
        for (const auto& t : tables) {
            for (const char* kind : {"column ", "constraint ", "trigger ", "policy "})
                if (key.rfind(std::string(kind) + t + ".", 0) == 0) return true;
            if (key.rfind("index ", 0) == 0 && def.find(" ON " + t + " ") != std::string::npos) return true;
            if (key.rfind("index ", 0) == 0 && def.find(" ON ONLY " + t + " ") != std::string::npos) return true;
        }
        return false;
    }

    // After migration i's down: every object its up created must be gone.
    void check_step(size_t i, const Snapshot& after, const Snapshot& s0, const std::vector<Snapshot>& ups) {
        std::vector<std::pair<std::string, std::string>> left;
        std::set<std::string> left_tables;
        for (const auto& [key, def] : after) {
            if (s0.count(key) || creator(key, s0, ups) != name_of(i)) continue;
            left.emplace_back(key, def);
            if (key.rfind("table ", 0) == 0) left_tables.insert(key.substr(6));
        }
        for (const auto& [key, def] : left)
            if (!part_of(key, def, left_tables)) add_difference("down", "down of " + name_of(i) + " left " + object(key));
    }

    bool phase(const std::string& step, std::vector<Snapshot>& snapshots, const Snapshot* s0 = nullptr,
               const std::vector<Snapshot>* ups = nullptr) {
        auto start = Clock::now();
        size_t n = project_->files.size();
        bool down = step == "down";
        for (size_t k = 0; k < n; ++k) {
            int i = down ? static_cast<int>(n - 1 - k) : static_cast<int>(k);
            if (!project_->files[i].errors.empty()) {
                result_.failure = project_->files[i].path + ": " + project_->files[i].errors[0].message;
                return false;
            }
            bool ok = run_migration(i, down ? Section::Down : Section::Up, step);
            auto s = snap();
            if (!s) {
                result_.failure = s.error().message;
                return false;
            }
            if (down && s0 && ups && ok) check_step(static_cast<size_t>(i), *s, *s0, *ups);
            if (!ok) return false;
            snapshots.push_back(std::move(*s));
        }
        progress(fmt::format("{:<9} {} migrations ({:.0f} ms)", step, n, ms_since(start)));
        return true;
    }

    std::string name_of(size_t i) const { return std::filesystem::path(project_->files[i].path).filename().string(); }

    static std::string object(const std::string& key) {
        // "table public.orders" -> "table orders"
        std::string out = key;
        auto pos = out.find(" public.");
        if (pos != std::string::npos) out.erase(pos + 1, 7);
        return out;
    }

    // Which migration's up first made `key` appear.
    std::string creator(const std::string& key, const Snapshot& s0, const std::vector<Snapshot>& ups) const {
        const Snapshot* prev = &s0;
        for (size_t i = 0; i < ups.size(); ++i) {
            if (ups[i].count(key) && !prev->count(key)) return name_of(i);
            prev = &ups[i];
        }
        return {};
    }

    void compare_down(const Snapshot& s0, const std::vector<Snapshot>& ups, const std::vector<Snapshot>& downs, const Snapshot& d) {
        size_t n = project_->files.size();
        for (const auto& [key, def] : d) {
            auto base = s0.find(key);
            if (base != s0.end() && base->second == def) continue;
            if (base != s0.end()) {
                result_.differences.push_back({"down", object(key) + " differs from before the migrations: " + def});
                continue;
            }
            std::string who = creator(key, s0, ups);
            if (!who.empty()) {
                // Reported by the step check already (with its table collapsed) when it ran.
                bool known = std::any_of(result_.differences.begin(), result_.differences.end(),
                                         [&](const Difference& x) { return x.message.find("down of " + who + " left ") == 0; });
                if (!known) add_difference("down", "down of " + who + " left " + object(key));
            } else {
                // created by a down: find the step
                const Snapshot* prev = ups.empty() ? &s0 : &ups.back();
                for (size_t k = 0; k < downs.size(); ++k) {
                    if (downs[k].count(key) && !prev->count(key)) {
                        result_.differences.push_back({"down", "down of " + name_of(n - 1 - k) + " created " + object(key)});
                        break;
                    }
                    prev = &downs[k];
                }
            }
        }
        for (const auto& [key, def] : s0)
            if (!d.count(key)) {
                const Snapshot* prev = ups.empty() ? &s0 : &ups.back();
                std::string who;
                for (size_t k = 0; k < downs.size(); ++k) {
                    if (!downs[k].count(key) && prev->count(key)) who = name_of(n - 1 - k);
                    prev = &downs[k];
                }
                result_.differences.push_back({"down", (who.empty() ? std::string("the downs") : "down of " + who) + " dropped " +
                                                           object(key) + ", which existed before the migrations"});
            }
    }

    void compare_again(const Snapshot& s0, const std::vector<Snapshot>& ups, const Snapshot& s1, const Snapshot& s2) {
        for (const auto& [key, def] : s1) {
            auto it = s2.find(key);
            std::string who = creator(key, s0, ups);
            if (it == s2.end())
                result_.differences.push_back({"up again", object(key) + " is missing after down and up again" + (who.empty() ? "" : " (made by " + who + ")")});
            else if (it->second != def)
                result_.differences.push_back({"up again", object(key) + " differs after down and up again: " + def + " / " + it->second});
        }
        for (const auto& [key, def] : s2)
            if (!s1.count(key)) result_.differences.push_back({"up again", object(key) + " appears only after down and up again"});
    }
};

}  // namespace

bool interrupted() { return g_interrupted; }

Result<Result_> run(const std::string& path, const Options& options) {
    Verifier v(options);
    return v.run(path);
}

std::string render_text(const Result_& r) {
    std::string out = fmt::format("verify {}{} on {} (ready in {:.1f} s, total {:.1f} s)\n", r.project,
                                  r.bases.empty() ? "" : " (base: " + fmt::format("{}", fmt::join(r.bases, ", ")) + ")",
                                  r.private_server ? "a private PostgreSQL" : "a scratch database", r.startup_ms / 1000, r.total_ms / 1000);
    std::string last_step;
    for (const auto& m : r.traces) {
        if (m.step != last_step) {
            out += "\n" + m.step + ":\n";
            last_step = m.step;
        }
        // Per migration: the strongest lock on each table that existed before it.
        std::map<std::string, std::string> strongest;
        for (const auto& s : m.statements)
            for (const auto& l : s.locks)
                if (l.existed && mode_rank(l.mode) > mode_rank(strongest[l.relation])) strongest[l.relation] = l.mode;
        std::string summary;
        for (const auto& [t, mode] : strongest) summary += (summary.empty() ? "" : ", ") + mode + " " + t;
        out += fmt::format("  {} ({:.0f} ms){}\n", m.name, m.ms, summary.empty() ? "" : ": " + summary);
        if (m.step == "up")
            for (const auto& s : m.statements) {
                // The strongest mode per relation this statement took.
                std::map<std::string, std::string> per;
                for (const auto& l : s.locks)
                    if (mode_rank(l.mode) > mode_rank(per[l.relation])) per[l.relation] = l.mode;
                if (per.empty()) continue;
                std::string locks, top;
                for (const auto& [rel, mode] : per) {
                    locks += (locks.empty() ? "" : ", ") + mode + " " + rel;
                    if (mode_rank(mode) > mode_rank(top)) top = mode;
                }
                out += fmt::format("    {}: {}  [{}; blocks {}]\n", s.line, s.text, locks,
                                   blocks_description(parse_lock_mode(top).value_or(LockMode::None)));
            }
    }
    if (!r.model_mismatches.empty()) {
        out += "\nstatic model differs from the trace (a bug in audit's lock model):\n";
        for (const auto& m : r.model_mismatches) out += "  " + m + "\n";
    }
    if (!r.failure.empty()) out += "\nFAILED: " + r.failure + "\n";
    if (!r.differences.empty()) {
        out += "\ndifferences:\n";
        for (const auto& d : r.differences) out += "  [" + d.step + "] " + d.message + "\n";
    }
    bool clean = r.failure.empty() && r.differences.empty();
    out += clean ? "\nresult: clean (up, down and up again leave the catalog as expected)\n" : "\nresult: FAILED\n";
    return out;
}

std::string render_json(const Result_& r) {
    report::JsonWriter w;
    w.begin_object();
    w.field("schema_version", 1);
    w.field("project", r.project);
    w.key("bases").begin_array();
    for (const auto& b : r.bases) w.value(b);
    w.end_array();
    w.field("private_server", r.private_server);
    w.field("startup_ms", static_cast<long long>(r.startup_ms));
    w.field("total_ms", static_cast<long long>(r.total_ms));
    w.field("clean", r.failure.empty() && r.differences.empty());
    w.key("failure");
    if (r.failure.empty()) w.null();
    else w.value(r.failure);
    w.key("differences").begin_array();
    for (const auto& d : r.differences) {
        w.begin_object();
        w.field("step", d.step);
        w.field("message", d.message);
        w.end_object();
    }
    w.end_array();
    w.key("model_mismatches").begin_array();
    for (const auto& m : r.model_mismatches) w.value(m);
    w.end_array();
    w.key("migrations").begin_array();
    for (const auto& m : r.traces) {
        w.begin_object();
        w.field("step", m.step);
        w.field("name", m.name);
        w.field("ms", static_cast<long long>(m.ms));
        w.key("statements").begin_array();
        for (const auto& s : m.statements) {
            w.begin_object();
            w.field("file", s.file);
            w.field("line", s.line);
            w.field("statement", s.text);
            w.key("locks").begin_array();
            for (const auto& l : s.locks) {
                w.begin_object();
                w.field("relation", l.relation);
                w.field("mode", l.mode);
                w.field("existed", l.existed);
                w.field("blocks", blocks_description(parse_lock_mode(l.mode).value_or(LockMode::None)));
                w.end_object();
            }
            w.end_array();
            w.field("static_mode", s.static_mode);
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();
    w.end_object();
    return w.take();
}

}  // namespace migsafe::verify
