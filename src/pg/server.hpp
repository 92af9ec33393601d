// A private, throwaway PostgreSQL: initdb into a temp folder, unix socket only, a free port;
// as the `postgres` system user when run as root. Stopped and removed by the destructor.
#pragma once
#include <memory>
#include <string>

#include "util/result.hpp"

namespace migsafe::pg {

class TempServer {
public:
    static Result<std::unique_ptr<TempServer>> start();
    ~TempServer();
    TempServer(const TempServer&) = delete;
    TempServer& operator=(const TempServer&) = delete;

    // "host=/tmp/... port=N user=postgres dbname=postgres"
    std::string conninfo(const std::string& dbname = "postgres") const;
    const std::string& dir() const { return dir_; }
    int port() const { return port_; }
    void stop();

private:
    TempServer() = default;
    std::string dir_, bin_, run_as_;
    int port_ = 0;
    bool running_ = false;
};

// Where the server binaries are (initdb, pg_ctl): PG_BINDIR, else /usr/lib/postgresql/<v>/bin.
Result<std::string> find_server_bindir();

}  // namespace migsafe::pg
