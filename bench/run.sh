#!/usr/bin/env bash
# Benchmark: migsafe audit vs squawk on the same generated SQL corpus, and migsafe
# audit on a generated Knex (TypeScript/JavaScript) corpus of the same size.
#
#   bench/run.sh [N]          (default N=2000)
#
# Environment: SEED (default 42), RUNS (default 3), MIGSAFE (default build/migsafe),
# MIGSAFE_FORMAT (default json), SQUAWK (path to squawk's native binary; found in
# bench/node_modules by default, see find_squawk below), FLAVOURS (default "sql knex").
#
# Generates N dbmate migrations into bench/corpus/sql/ and N Knex migrations into
# bench/corpus/knex/ (both gitignored), runs each command RUNS times, and prints a
# Markdown table with the best wall time and the peak RSS. Results also go to
# bench/out/ (gitignored). squawk reads only SQL, so the Knex corpus has migsafe rows only.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-2000}
SEED=${SEED:-42}
RUNS=${RUNS:-3}
MIGSAFE=${MIGSAFE:-build/migsafe}
FORMAT=${MIGSAFE_FORMAT:-json}
FLAVOURS=${FLAVOURS:-sql knex}
SQL_CORPUS=bench/corpus/sql
KNEX_CORPUS=bench/corpus/knex
OUT=bench/out
RESULTS=$OUT/results-$N.jsonl

die() { echo "bench/run.sh: $*" >&2; exit 2; }
has() { case " $FLAVOURS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

# squawk-cli (npm) is a node wrapper; the real linter is a native binary shipped in
# a platform package, an optionalDependency of squawk-cli:
#   node_modules/@squawk-cli/<os>-<arch>/bin/squawk   (squawk.exe on Windows)
# <os>-<arch> is node's process.platform-process.arch (linux-x64, linux-arm64,
# darwin-x64, darwin-arm64, win32-x64). This is the path squawk-cli's own
# js/index.js resolves; we exec it directly, without node.
find_squawk() {
    if [ -n "${SQUAWK:-}" ]; then echo "$SQUAWK"; return; fi
    local os arch exe=squawk cand
    case "$(uname -s)" in
        Linux) os=linux ;; Darwin) os=darwin ;; MINGW* | MSYS* | CYGWIN*) os=win32 exe=squawk.exe ;;
        *) die "no squawk binary for $(uname -s)" ;;
    esac
    case "$(uname -m)" in
        x86_64 | amd64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;;
        *) die "no squawk binary for $(uname -m)" ;;
    esac
    for cand in "bench/node_modules/@squawk-cli/$os-$arch/bin/$exe" \
                "bench/node_modules/squawk-cli/node_modules/@squawk-cli/$os-$arch/bin/$exe" \
                "node_modules/@squawk-cli/$os-$arch/bin/$exe" \
                "node_modules/squawk-cli/node_modules/@squawk-cli/$os-$arch/bin/$exe"; do
        if [ -x "$cand" ]; then echo "$cand"; return; fi
    done
    die "squawk's native binary (@squawk-cli/$os-$arch) is not installed: run 'npm ci --ignore-scripts' in bench/"
}

# One untimed audit of a corpus: migsafe must read every file (no syntax-error
# finding) and, for the Knex corpus, see a Knex project whose calls are all awaited.
sanity() {  # sanity CORPUS LAYOUT
    local rc=0
    "$MIGSAFE" audit "$1" --format json >"$OUT/sanity.json" || rc=$?
    [ "$rc" -le 1 ] || die "migsafe audit $1 exited $rc"
    python3 bench/sanity.py --layout "$2" --files "$N" <"$OUT/sanity.json" ||
        die "migsafe's audit of $1 failed the sanity check (report: $OUT/sanity.json)"
    rm -f "$OUT/sanity.json"
}

[ -x "$MIGSAFE" ] || die "$MIGSAFE not found: build it first (scripts/build.sh)"
if has sql; then
    SQUAWK_BIN=$(find_squawk)
    SQUAWK_VERSION=$("$SQUAWK_BIN" --version | awk '{print $2}')
    PINNED=$(python3 -c 'import json; print(json.load(open("bench/package.json"))["devDependencies"]["squawk-cli"])')
    [ "$SQUAWK_VERSION" = "$PINNED" ] ||
        echo "bench/run.sh: warning: $SQUAWK_BIN is squawk $SQUAWK_VERSION, bench/package.json pins $PINNED (run npm ci --ignore-scripts in bench/)" >&2
fi
MIGSAFE_VERSION=$("$MIGSAFE" --version 2>/dev/null | awk '{print $NF}')
MIGSAFE_BUILD="$(git rev-parse --short HEAD 2>/dev/null || echo '?'), binary built $(date -u -r "$MIGSAFE" '+%Y-%m-%d %H:%M UTC')"
CORES=$(nproc)

mkdir -p "$OUT"
: >"$RESULTS"
rm -rf bench/corpus/db   # the SQL corpus's location before the Knex flavour existed
measure() { python3 bench/measure.py run --results "$RESULTS" --runs "$RUNS" "$@"; }
shopt -s nullglob

if has sql; then
    echo "== generating $N SQL (dbmate) migrations (seed $SEED) into $SQL_CORPUS" >&2
    rm -rf "$SQL_CORPUS"
    python3 bench/gen_corpus.py --flavour sql --files "$N" --seed "$SEED" --out "$SQL_CORPUS"
    SQL_FILES=("$SQL_CORPUS"/db/migrations/*.sql)
    [ "${#SQL_FILES[@]}" -eq "$N" ] || die "expected $N files in $SQL_CORPUS/db/migrations, found ${#SQL_FILES[@]}"
    SQL_BYTES=$(cat "${SQL_FILES[@]}" | wc -c)
fi
if has knex; then
    echo "== generating $N Knex migrations (seed $SEED) into $KNEX_CORPUS" >&2
    rm -rf "$KNEX_CORPUS"
    python3 bench/gen_corpus.py --flavour knex --files "$N" --seed "$SEED" --out "$KNEX_CORPUS"
    KNEX_FILES=("$KNEX_CORPUS"/migrations/*.ts "$KNEX_CORPUS"/migrations/*.js)
    [ "${#KNEX_FILES[@]}" -eq "$N" ] || die "expected $N files in $KNEX_CORPUS/migrations, found ${#KNEX_FILES[@]}"
    KNEX_BYTES=$(cat "${KNEX_FILES[@]}" | wc -c)
fi
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)

# migsafe: exit 1 = findings at or above --fail-on (normal here), 2 = error.
# The report goes to stdout, discarded by measure.py (-o would write a temp file and rename it).
if has sql; then
    sanity "$SQL_CORPUS" dbmate
    sql() { measure --corpus sql --files "$N" --bytes "$SQL_BYTES" "$@"; }
    echo "== migsafe $MIGSAFE_VERSION audit $SQL_CORPUS --format $FORMAT (all $CORES cores)" >&2
    sql --label "migsafe audit sql (-j$CORES, all cores)" --ok 0,1 -- "$MIGSAFE" audit "$SQL_CORPUS" --format "$FORMAT"
    echo "== migsafe audit $SQL_CORPUS --format $FORMAT -j1" >&2
    sql --label "migsafe audit sql (-j1)" --ok 0,1 -- "$MIGSAFE" audit "$SQL_CORPUS" --format "$FORMAT" -j1
    echo "== migsafe audit $SQL_CORPUS --format text" >&2
    sql --label "migsafe audit sql --format text (-j$CORES)" --ok 0,1 -- "$MIGSAFE" audit "$SQL_CORPUS" --format text

    # squawk: exit 1 = violations found (normal here). It also exits 1 on errors, so the
    # run below checks, once and untimed, that it really linted every file.
    checked=$({ "$SQUAWK_BIN" "${SQL_FILES[@]}" 2>&1 || true; } | sed -n 's/.*(checked \([0-9]*\) source files\?).*/\1/p' | tail -1)
    [ "$checked" = "$N" ] || die "squawk checked '${checked:-?}' files, expected $N"
    echo "== squawk $SQUAWK_VERSION --reporter json ($SQUAWK_BIN)" >&2
    sql --label "squawk $SQUAWK_VERSION (--reporter json)" --ok 0,1 -- "$SQUAWK_BIN" --reporter json "${SQL_FILES[@]}"
    echo "== squawk $SQUAWK_VERSION (default tty reporter)" >&2
    sql --label "squawk $SQUAWK_VERSION (default reporter)" --ok 0,1 -- "$SQUAWK_BIN" "${SQL_FILES[@]}"
fi
if has knex; then
    sanity "$KNEX_CORPUS" knex
    knex() { measure --corpus knex --files "$N" --bytes "$KNEX_BYTES" "$@"; }
    echo "== migsafe audit $KNEX_CORPUS --format $FORMAT (all $CORES cores)" >&2
    knex --label "migsafe audit knex (-j$CORES, all cores)" --ok 0,1 -- "$MIGSAFE" audit "$KNEX_CORPUS" --format "$FORMAT"
    echo "== migsafe audit $KNEX_CORPUS --format $FORMAT -j1" >&2
    knex --label "migsafe audit knex (-j1)" --ok 0,1 -- "$MIGSAFE" audit "$KNEX_CORPUS" --format "$FORMAT" -j1
    echo "== migsafe audit $KNEX_CORPUS --format text" >&2
    knex --label "migsafe audit knex --format text (-j$CORES)" --ok 0,1 -- "$MIGSAFE" audit "$KNEX_CORPUS" --format text
fi

{
    echo "N=$N seed=$SEED, best of $RUNS runs; $CORES cores ($(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //')); load average before: $LOAD"
    echo "migsafe $MIGSAFE_VERSION ($MIGSAFE at $MIGSAFE_BUILD; --format $FORMAT unless the row says text, stdout to /dev/null)${SQUAWK_VERSION:+; squawk $SQUAWK_VERSION ($SQUAWK_BIN)}"
    echo
    python3 bench/measure.py table --results "$RESULTS" \
        --ratio "migsafe audit sql (-j$CORES, all cores)|squawk ${SQUAWK_VERSION:-?} (--reporter json)|migsafe vs squawk --reporter json (target >= 2x)" \
        --ratio "migsafe audit sql (-j$CORES, all cores)|squawk ${SQUAWK_VERSION:-?} (default reporter)|migsafe vs squawk default reporter" \
        --ratio "migsafe audit sql (-j$CORES, all cores)|migsafe audit sql (-j1)|migsafe parallel speed-up on SQL, -j$CORES vs -j1" \
        --ratio "migsafe audit knex (-j$CORES, all cores)|migsafe audit knex (-j1)|migsafe parallel speed-up on Knex, -j$CORES vs -j1" \
        --ratio "migsafe audit knex (-j$CORES, all cores)|migsafe audit sql (-j$CORES, all cores)|migsafe files/s, Knex corpus vs SQL corpus ($FORMAT)"
} | tee "$OUT/table-$N.md"
