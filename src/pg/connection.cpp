#include "pg/connection.hpp"

#include <libpq-fe.h>

#include "parse/config/migsafe_toml.hpp"

namespace migsafe::pg {
namespace {

// libpq's messages span lines ("...failed: Connection refused\n\tIs the server running...");
// errors are printed on one line.
std::string first_line(const char* msg) {
    std::string s = msg ? msg : "", out;
    bool space = false;
    for (char c : s) {
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

}  // namespace

Result<std::unique_ptr<Connection>> Connection::open(const std::string& conninfo) {
    PGconn* c = PQconnectdb(conninfo.c_str());
    if (!c || PQstatus(c) != CONNECTION_OK) {
        std::string msg = c ? first_line(PQerrorMessage(c)) : "out of memory";
        if (c) PQfinish(c);
        // libpq's own message may echo parts of the connection string: mask it.
        return Error{"", 0, "cannot connect to " + config::mask_connection_string(conninfo) + ": " +
                                config::mask_connection_string(msg)};
    }
    PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);
    return std::unique_ptr<Connection>(new Connection(c));
}

Connection::~Connection() { PQfinish(conn_); }

int Connection::backend_pid() const { return PQbackendPID(conn_); }

static Result<Rows> collect(PGconn* conn, PGresult* last, std::string& sqlstate) {
    Rows rows;
    sqlstate.clear();
    auto status = PQresultStatus(last);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
        const char* state = PQresultErrorField(last, PG_DIAG_SQLSTATE);
        sqlstate = state ? state : "";
        std::string msg = first_line(PQresultErrorMessage(last));
        if (msg.rfind("ERROR:  ", 0) == 0) msg = msg.substr(8);
        PQclear(last);
        return Error{"", 0, msg.empty() ? first_line(PQerrorMessage(conn)) : msg};
    }
    int nf = PQnfields(last), nt = PQntuples(last);
    for (int i = 0; i < nf; ++i) rows.columns.emplace_back(PQfname(last, i));
    for (int r = 0; r < nt; ++r) {
        std::vector<std::string> row;
        for (int i = 0; i < nf; ++i) row.emplace_back(PQgetisnull(last, r, i) ? "" : PQgetvalue(last, r, i));
        rows.values.push_back(std::move(row));
    }
    rows.command_status = PQcmdStatus(last);
    PQclear(last);
    return rows;
}

Result<Rows> Connection::exec(const std::string& sql) {
    // PQexec returns the last statement's result; on error, the failing one.
    PGresult* res = PQexec(conn_, sql.c_str());
    if (!res) return Error{"", 0, first_line(PQerrorMessage(conn_))};
    return collect(conn_, res, sqlstate_);
}

Result<Rows> Connection::exec_params(const std::string& sql, const std::vector<std::string>& params) {
    std::vector<const char*> values;
    for (const auto& p : params) values.push_back(p.c_str());
    PGresult* res = PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                                 nullptr, 0);
    if (!res) return Error{"", 0, first_line(PQerrorMessage(conn_))};
    return collect(conn_, res, sqlstate_);
}

}  // namespace migsafe::pg
