#!/usr/bin/env bash
# Runner benchmark (issue 5): N small migrations applied by `migsafe migrate latest`, against the
# same SQL through psql -f (one file; and one psql per file), on a throwaway PostgreSQL cluster.
# Usage: bench/runner.sh [N=500]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-500}
BIN=/usr/lib/postgresql/15/bin
work=$(mktemp -d /tmp/migsafe-runner-bench.XXXXXX)
as_pg=()
if [ "$(id -u)" = 0 ]; then chown postgres "$work"; as_pg=(runuser -u postgres --); fi
cleanup() { "${as_pg[@]}" "$BIN/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
"${as_pg[@]}" "$BIN/initdb" -D "$work/data" -A trust -U postgres --no-sync >/dev/null
port=$((20000 + RANDOM % 20000))
"${as_pg[@]}" "$BIN/pg_ctl" -D "$work/data" -o "-c listen_addresses= -c unix_socket_directories=$work -p $port" -l "$work/log" -w start >/dev/null
psql=(psql -h "$work" -p "$port" -U postgres -X -q)
python3 - "$work" "$N" <<'PY'
import os, sys
work, n = sys.argv[1], int(sys.argv[2])
os.makedirs(f"{work}/svc/db/migrations"); os.makedirs(f"{work}/plain")
for i in range(n):
    up = (f"CREATE TABLE t_{i} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL,"
          f" created_at timestamptz NOT NULL DEFAULT now());\nCREATE INDEX idx_t_{i}_name ON t_{i} (name);\n")
    with open(f"{work}/svc/db/migrations/{20240101000000 + i}_create_t_{i}.sql", "w") as f:
        f.write(f"-- migrate:up\n{up}\n-- migrate:down\nDROP TABLE t_{i};\n")
    with open(f"{work}/plain/{20240101000000 + i}.sql", "w") as f:
        f.write("BEGIN;\nSET LOCAL lock_timeout = '5s';\n" + up + "COMMIT;\n")
PY
cat "$work"/plain/*.sql > "$work/all.sql"
for db in m p q; do "${psql[@]}" -c "CREATE DATABASE $db"; done
now() { date +%s.%N; }
t0=$(now); DATABASE_URL="postgresql:///m?host=$work&port=$port&user=postgres" build/migsafe migrate latest "$work/svc" 2>/dev/null; t1=$(now)
"${psql[@]}" -d p -f "$work/all.sql" >/dev/null; t2=$(now)
for f in "$work"/plain/*.sql; do "${psql[@]}" -d q -f "$f" >/dev/null; done; t3=$(now)
applied=$("${psql[@]}" -d m -tAc "SELECT count(*) FROM migsafe_migrations")
python3 - "$N" "$applied" "$t0" "$t1" "$t2" "$t3" <<'PY'
import sys
n, applied = int(sys.argv[1]), int(sys.argv[2])
t0, t1, t2, t3 = map(float, sys.argv[3:])
rows = [("migsafe migrate latest", t1 - t0), ("psql -f (one file, same SQL)", t2 - t1), ("psql -f per file", t3 - t2)]
print(f"{n} migrations, {applied} recorded by migsafe\n")
print("| how | wall s | migrations/s | ms per migration |")
print("|---|---:|---:|---:|")
for name, s in rows:
    print(f"| {name} | {s:.2f} | {n / s:.0f} | {1000 * s / n:.2f} |")
print(f"\nmigsafe's own cost per migration beyond psql -f of the same SQL: {1000 * ((t1 - t0) - (t2 - t1)) / n:+.2f} ms")
PY
