// migsafe migrate / status: applies SQL migrations with the safeguards built in.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "model/project.hpp"
#include "pg/connection.hpp"
#include "runner/settings.hpp"
#include "util/result.hpp"

namespace migsafe::runner {

struct Options {
    bool dry_run = false;
    bool allow_edited = false;
    std::function<void(const std::string&)> progress;  // one line per migration (stderr)
    std::function<void(const std::string&)> out;       // dry-run listing (stdout)
};

struct AppliedRow {
    std::string name;
    int batch = 0;
    std::string time;
    std::string checksum;
    bool dirty = false;
    std::string failed_statement;
};

struct StatusReport {
    std::vector<AppliedRow> applied;
    std::vector<std::string> pending;
    std::vector<std::string> missing;  // applied, no file on disk
    std::vector<std::string> edited;   // applied, file changed since
    std::vector<std::string> dirty;
};

class Runner {
public:
    static Result<std::unique_ptr<Runner>> open(const Project& project, const Settings& settings, const Options& options);
    ~Runner();

    Result<int> latest();                // all pending, one batch
    Result<int> up();                    // the next pending one
    Result<int> down();                  // the last applied one
    Result<int> rollback(bool all);      // the last batch, or everything
    Result<int> redo();                  // down + up of the last applied one
    Result<int> repair();                // forget dirty records
    Result<StatusReport> status();

private:
    Runner(const Project& p, Settings s, Options o) : project_(p), settings_(std::move(s)), options_(std::move(o)) {}
    Result<bool> lock();
    Result<bool> ensure_table();
    Result<std::vector<AppliedRow>> applied();
    Result<bool> refuse_if_unsafe(const std::vector<AppliedRow>& rows);
    // The applied rows, or the reason to refuse running (a dirty or edited migration).
    Result<std::vector<AppliedRow>> safe_applied();
    Result<bool> apply(int file, Section section, int batch);
    Result<bool> run_unit(int file, Section section, const std::function<std::string()>& bookkeeping);
    std::string blockers(int file, Section section);
    std::string checksum(int file) const;
    std::string name(int file) const;
    std::string table() const;
    int file_index(const std::string& name) const;

    const Project& project_;
    Settings settings_;
    Options options_;
    std::unique_ptr<pg::Connection> db_, lock_conn_;
};

// Writes a new timestamped migration file with both sections; returns its path.
Result<std::string> make_migration(const Project& project, const std::string& name);

}  // namespace migsafe::runner
