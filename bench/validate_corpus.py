#!/usr/bin/env python3
"""Check that a generated corpus is valid PostgreSQL by running it on a scratch cluster.

    bench/validate_corpus.py bench/corpus/sql
    bench/validate_corpus.py bench/corpus/knex --node-modules DIR

Starts a throw-away PostgreSQL cluster (initdb + pg_ctl from PATH or
/usr/lib/postgresql/*/bin; as the postgres user when run as root) in a temporary
folder listening only on a Unix socket, then, like dbmate, applies every
`-- migrate:up` section oldest first (in a transaction unless the section says
transaction:false), then every `-- migrate:down` section newest first, and
finally checks that the downs left nothing behind. Exits non-zero naming the
first file and statement that failed. Standard library only; not part of the
benchmark timings.

A Knex project (a folder with knexfile.ts, from gen_corpus.py --flavour knex) is
checked with the real tools instead: a copy of it is type-checked and compiled
with `tsc -p tsconfig.json --checkJs` (strict), then knex's own CLI runs the
compiled knexfile's development environment against the scratch cluster
(`migrate:latest`, then `migrate:rollback --all`), and the same leftover check
follows. It needs knex 3, pg, typescript and @types/node in a node_modules folder,
given with --node-modules (default: the project's own node_modules), e.g.

    npm install --prefix /tmp/knex-tools knex@3 pg@8 typescript@5 @types/node@20
    bench/validate_corpus.py bench/corpus/knex --node-modules /tmp/knex-tools/node_modules
"""

import argparse
import glob
import os
import pwd
import re
import shutil
import subprocess
import sys
import tempfile

MARKER = re.compile(r"^[ \t]*--[ \t]*migrate:(up|down)\b(.*)$")


def find_bin(name):
    path = shutil.which(name)
    if path:
        return path
    cands = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if cands:
        return cands[-1]
    sys.exit(f"validate_corpus: {name} not found (install postgresql-15)")


def sections(text):
    """{'up': (opts, sql), 'down': (opts, sql)} from a dbmate migration."""
    out, cur, buf, opts = {}, None, [], ""
    for line in text.splitlines(keepends=True):
        m = MARKER.match(line)
        if m:
            if cur:
                out[cur] = (opts, "".join(buf))
            cur, opts, buf = m.group(1), m.group(2), []
        elif cur:
            buf.append(line)
    if cur:
        out[cur] = (opts, "".join(buf))
    return out


def script_for(files, direction):
    parts = ["\\set ON_ERROR_STOP 1\nSET client_min_messages = warning;\n"]
    for path in files:
        with open(path, encoding="utf-8") as f:
            secs = sections(f.read())
        if direction not in secs:
            sys.exit(f"validate_corpus: {path}: no migrate:{direction} section")
        opts, sql = secs[direction]
        parts.append(f"\\echo {direction} {os.path.basename(path)}\n")
        if "transaction:false" in opts:
            parts.append(sql + "\n")
        else:
            parts.append("BEGIN;\n" + sql + "\nCOMMIT;\n")
    return "".join(parts)


LEFTOVERS = (
    "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    "        WHERE n.nspname = 'public' AND c.relname NOT LIKE 'knex\\_migrations\\_bench%')"
    " + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
    "    WHERE n.nspname = 'public')"
    " + (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
    "    WHERE n.nspname = 'public' AND t.typname NOT LIKE '%knex\\_migrations\\_bench%')"
    " + (SELECT count(*) FROM pg_extension WHERE extname <> 'plpgsql')"
    " + (SELECT count(*) FROM pg_roles WHERE rolname = 'app_readonly')")


def compile_knex(project, node_modules, tmp):
    """Copies the Knex project to tmp/project, type-checks and compiles it; returns the copy's path."""
    proj = os.path.join(tmp, "project")
    os.mkdir(proj)
    for name in ("knexfile.ts", "tsconfig.json", "package.json"):
        shutil.copy(os.path.join(project, name), proj)
    shutil.copytree(os.path.join(project, "migrations"), os.path.join(proj, "migrations"))
    os.symlink(os.path.abspath(node_modules), os.path.join(proj, "node_modules"))
    tsc = os.path.join(proj, "node_modules", "typescript", "bin", "tsc")
    if not os.path.exists(tsc):
        sys.exit(f"validate_corpus: no typescript in {node_modules} (see --help)")
    r = subprocess.run(["node", tsc, "-p", "tsconfig.json", "--checkJs"], cwd=proj, capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(f"validate_corpus: tsc FAILED\n{r.stdout[-6000:]}{r.stderr[-2000:]}")
        return None
    n = len(glob.glob(os.path.join(proj, "dist", "migrations", "*.js")))
    print(f"validate_corpus: tsc --strict --checkJs: knexfile.ts and {n} migrations type-check and compile",
          file=sys.stderr)
    return proj


def run_knex(proj, env, nfiles):
    """knex migrate:latest, then migrate:rollback --all, with the compiled knexfile (development)."""
    cli = os.path.join(proj, "node_modules", "knex", "bin", "cli.js")
    for cmd, what in ((["migrate:latest"], "up"), (["migrate:rollback", "--all"], "down")):
        r = subprocess.run(["node", cli] + cmd + ["--knexfile", os.path.join("dist", "knexfile.js"),
                                                  "--env", "development"],
                           cwd=proj, env=env, capture_output=True, text=True)
        out = r.stdout + r.stderr
        if r.returncode != 0:
            sys.stderr.write(f"validate_corpus: knex {' '.join(cmd)} FAILED\n{out[-6000:]}")
            return False
        m = re.search(r"^Batch \d+ (?:run|rolled back): (\d+) migrations", out, re.M)
        print(f"validate_corpus: knex {' '.join(cmd)}: {m.group(0) if m else out.strip()[-500:]}", file=sys.stderr)
        if not m or int(m.group(1)) != nfiles:
            sys.stderr.write(f"validate_corpus: expected {nfiles} migrations {what}\n")
            return False
    return True


def main():
    ap = argparse.ArgumentParser(description="Apply a generated corpus up and down on a scratch PostgreSQL.")
    ap.add_argument("project", help="corpus folder (with db/migrations, or a Knex project with knexfile.ts) "
                                    "or a dbmate migrations folder itself")
    ap.add_argument("--node-modules", help="Knex projects: a node_modules with knex, pg, typescript, @types/node "
                                           "(default: PROJECT/node_modules)")
    ap.add_argument("--keep", action="store_true", help="keep the scratch cluster folder")
    args = ap.parse_args()

    knex = os.path.isfile(os.path.join(args.project, "knexfile.ts"))
    if knex:
        mdir = os.path.join(args.project, "migrations")
        files = sorted(glob.glob(os.path.join(mdir, "*.ts")) + glob.glob(os.path.join(mdir, "*.js")))
    else:
        mdir = os.path.join(args.project, "db", "migrations")
        if not os.path.isdir(mdir):
            mdir = args.project
        files = sorted(glob.glob(os.path.join(mdir, "*.sql")))
    if not files:
        sys.exit(f"validate_corpus: no migration files in {mdir}")

    initdb, pg_ctl, psql = find_bin("initdb"), find_bin("pg_ctl"), find_bin("psql")
    as_root = os.geteuid() == 0
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    tmp = tempfile.mkdtemp(prefix="migsafe-validate-")
    data, sock = os.path.join(tmp, "data"), os.path.join(tmp, "sock")
    os.mkdir(sock)
    if as_root:
        pw = pwd.getpwnam("postgres")
        for d in (tmp, sock):
            os.chown(d, pw.pw_uid, pw.pw_gid)
    port = "54329"
    env = dict(os.environ, PGHOST=sock, PGPORT=port, PGUSER="postgres", PGDATABASE="postgres")
    started = False
    try:
        proj = None
        if knex:
            proj = compile_knex(args.project, args.node_modules or os.path.join(args.project, "node_modules"), tmp)
            if proj is None:
                return 1
        subprocess.run(prefix + [initdb, "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
                                 "--locale=C", "--no-sync"], check=True, stdout=subprocess.DEVNULL)
        subprocess.run(prefix + [pg_ctl, "-D", data, "-w", "-l", os.path.join(tmp, "server.log"), "-o",
                                 f"-k {sock} -p {port} -c listen_addresses='' -c fsync=off "
                                 "-c synchronous_commit=off -c full_page_writes=off", "start"],
                       check=True, stdout=subprocess.DEVNULL)
        started = True
        if knex:
            if not run_knex(proj, dict(env, PGDATABASE="postgres"), len(files)):
                return 1
        for direction, order in (() if knex else (("up", files), ("down", list(reversed(files))))):
            script = script_for(order, direction)
            r = subprocess.run([psql, "-X", "-q", "-f", "-"], input=script, text=True, env=env,
                               capture_output=True)
            if r.returncode != 0:
                last = [l for l in r.stdout.splitlines() if l.startswith(direction + " ")]
                where = last[-1].split(" ", 1)[1] if last else "?"
                sys.stderr.write(f"validate_corpus: FAILED in {direction} section of {where}\n{r.stderr}")
                return 1
            print(f"validate_corpus: {len(files)} {direction} sections applied", file=sys.stderr)
        leftovers = subprocess.run(
            [psql, "-X", "-At", "-c", LEFTOVERS],
            env=env, check=True, capture_output=True, text=True).stdout.strip()
        if leftovers != "0":
            print(f"validate_corpus: downs left {leftovers} objects behind", file=sys.stderr)
            return 1
        print(f"validate_corpus: OK, {len(files)} {'Knex' if knex else 'dbmate'} migrations applied up and down on "
              f"{subprocess.run([find_bin('postgres'), '--version'], capture_output=True, text=True).stdout.strip()}",
              file=sys.stderr)
        return 0
    finally:
        if started:
            subprocess.run(prefix + [pg_ctl, "-D", data, "-m", "fast", "-w", "stop"], stdout=subprocess.DEVNULL)
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print(f"validate_corpus: cluster kept in {tmp}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
