#!/usr/bin/env bash
# Benchmark: migsafe audit vs squawk on the same generated corpus.
#
#   bench/run.sh [N]          (default N=2000)
#
# Environment: SEED (default 42), RUNS (default 3), MIGSAFE (default build/migsafe),
# MIGSAFE_FORMAT (default json), SQUAWK (path to squawk's native binary; found in
# node_modules by default, see find_squawk below).
#
# Generates N migrations into bench/corpus/ (gitignored), runs each command RUNS
# times, and prints a Markdown table with the best wall time and the peak RSS.
# Results also go to bench/out/ (gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-2000}
SEED=${SEED:-42}
RUNS=${RUNS:-3}
MIGSAFE=${MIGSAFE:-build/migsafe}
FORMAT=${MIGSAFE_FORMAT:-json}
CORPUS=bench/corpus
OUT=bench/out
RESULTS=$OUT/results-$N.jsonl

die() { echo "bench/run.sh: $*" >&2; exit 2; }

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
                "node_modules/@squawk-cli/$os-$arch/bin/$exe" \
                "node_modules/squawk-cli/node_modules/@squawk-cli/$os-$arch/bin/$exe"; do
        if [ -x "$cand" ]; then echo "$cand"; return; fi
    done
    die "squawk's native binary (@squawk-cli/$os-$arch) is not installed: run 'npm ci --ignore-scripts' in bench/"
}

[ -x "$MIGSAFE" ] || die "$MIGSAFE not found: build it first (scripts/build.sh)"
SQUAWK_BIN=$(find_squawk)
SQUAWK_VERSION=$("$SQUAWK_BIN" --version | awk '{print $2}')
PINNED=$(python3 -c 'import json; print(json.load(open("package.json"))["devDependencies"]["squawk-cli"])')
[ "$SQUAWK_VERSION" = "$PINNED" ] ||
    echo "bench/run.sh: warning: $SQUAWK_BIN is squawk $SQUAWK_VERSION, package.json pins $PINNED (run npm ci)" >&2
MIGSAFE_VERSION=$("$MIGSAFE" --version 2>/dev/null | awk '{print $NF}')
MIGSAFE_BUILD="$(git rev-parse --short HEAD 2>/dev/null || echo '?'), binary built $(date -u -r "$MIGSAFE" '+%Y-%m-%d %H:%M UTC')"

echo "== generating $N migrations (seed $SEED) into $CORPUS" >&2
rm -rf "$CORPUS"
python3 bench/gen_corpus.py --files "$N" --seed "$SEED" --out "$CORPUS"
shopt -s nullglob
FILES=("$CORPUS"/db/migrations/*.sql)
shopt -u nullglob
[ "${#FILES[@]}" -eq "$N" ] || die "expected $N files in $CORPUS/db/migrations, found ${#FILES[@]}"
BYTES=$(cat "${FILES[@]}" | wc -c)

mkdir -p "$OUT"
: >"$RESULTS"
CORES=$(nproc)
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
measure() { python3 bench/measure.py run --results "$RESULTS" --files "$N" --bytes "$BYTES" --runs "$RUNS" "$@"; }

# migsafe: exit 1 = findings at or above --fail-on (normal here), 2 = error.
# The report goes to stdout, discarded by measure.py (-o would write a temp file and rename it).
echo "== migsafe $MIGSAFE_VERSION audit --format $FORMAT (all $CORES cores)" >&2
measure --label "migsafe audit (-j$CORES, all cores)" --ok 0,1 -- "$MIGSAFE" audit "$CORPUS" --format "$FORMAT"
echo "== migsafe audit --format $FORMAT -j1" >&2
measure --label "migsafe audit (-j1)" --ok 0,1 -- "$MIGSAFE" audit "$CORPUS" --format "$FORMAT" -j1

# squawk: exit 1 = violations found (normal here). It also exits 1 on errors, so the
# run below checks, once and untimed, that it really linted every file.
checked=$({ "$SQUAWK_BIN" "${FILES[@]}" 2>&1 || true; } | sed -n 's/.*(checked \([0-9]*\) source files\?).*/\1/p' | tail -1)
[ "$checked" = "$N" ] || die "squawk checked '${checked:-?}' files, expected $N"
echo "== squawk $SQUAWK_VERSION --reporter json ($SQUAWK_BIN)" >&2
measure --label "squawk $SQUAWK_VERSION (--reporter json)" --ok 0,1 -- "$SQUAWK_BIN" --reporter json "${FILES[@]}"
echo "== squawk $SQUAWK_VERSION (default tty reporter)" >&2
measure --label "squawk $SQUAWK_VERSION (default reporter)" --ok 0,1 -- "$SQUAWK_BIN" "${FILES[@]}"

{
    echo "N=$N seed=$SEED, best of $RUNS runs; $CORES cores ($(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //')); load average before: $LOAD"
    echo "migsafe $MIGSAFE_VERSION ($MIGSAFE at $MIGSAFE_BUILD; --format $FORMAT, stdout to /dev/null); squawk $SQUAWK_VERSION ($SQUAWK_BIN)"
    echo
    python3 bench/measure.py table --results "$RESULTS" \
        --ratio "migsafe audit (-j$CORES, all cores)|squawk $SQUAWK_VERSION (--reporter json)|migsafe vs squawk --reporter json (target >= 2x)" \
        --ratio "migsafe audit (-j$CORES, all cores)|squawk $SQUAWK_VERSION (default reporter)|migsafe vs squawk default reporter" \
        --ratio "migsafe audit (-j$CORES, all cores)|migsafe audit (-j1)|migsafe parallel speed-up, -j$CORES vs -j1"
} | tee "$OUT/table-$N.md"
