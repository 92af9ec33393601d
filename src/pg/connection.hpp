// libpq, RAII. Errors come back as Error with the connection string masked.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "util/result.hpp"

struct pg_conn;

namespace migsafe::pg {

struct Rows {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> values;  // NULL -> ""
    std::string command_status;
};

class Connection {
public:
    static Result<std::unique_ptr<Connection>> open(const std::string& conninfo);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Runs one query string (simple protocol). A multi-statement string runs as PostgreSQL
    // runs it: one implicit transaction.
    Result<Rows> exec(const std::string& sql);
    Result<Rows> exec_params(const std::string& sql, const std::vector<std::string>& params);
    int backend_pid() const;
    // The SQLSTATE of the last error ("55P03" lock_not_available), empty when none.
    const std::string& last_sqlstate() const { return sqlstate_; }

private:
    explicit Connection(pg_conn* c) : conn_(c) {}
    pg_conn* conn_;
    std::string sqlstate_;
};

}  // namespace migsafe::pg
