#!/usr/bin/env python3
"""Time a command and record its peak memory; print the benchmark table.

    measure.py run --results FILE --label LABEL [--corpus NAME] --files N --bytes B [--runs 3] [--ok 0,1] -- CMD ARGS...
    measure.py table --results FILE [--ratio NUM|DEN|TEXT]...

`run` executes CMD (an argument vector, no shell) RUNS times with stdout and
stderr sent to /dev/null, measures each run's wall time (time.perf_counter
around fork/exec/wait) and reads the child's peak resident set size and CPU time
from wait4()'s rusage. It appends one JSON line to FILE: best (minimum) wall
time, peak RSS (maximum over the runs), the CPU time of the best run, and every
run's wall time and the CPU time the rest of the machine used meanwhile (from
/proc/stat; a noisy-neighbour indicator, shown on stderr). The command's stderr goes to FILE.stderr (shown on failure).
An exit status outside --ok (or death by a signal) marks the row as an error
(the runs stop there).

`table` prints the Markdown table: tool | corpus | files | MB | wall s | files/s |
MB/s | peak RSS MB | CPU s, then the ratios the benchmark is about. Standard library only.
"""

import argparse
import json
import os
import signal
import sys
import time


def busy_seconds():
    """CPU seconds the whole machine has spent busy (Linux /proc/stat), or None."""
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    return (sum(v[:8]) - v[3] - v[4]) / os.sysconf("SC_CLK_TCK")


def run_once(argv, errfile):
    devnull = os.open(os.devnull, os.O_WRONLY)
    err = os.open(errfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    b0 = busy_seconds()
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # child
        try:
            os.dup2(devnull, 1)
            os.dup2(err, 2)
            os.execvp(argv[0], argv)
        except OSError as e:
            os.write(2, f"measure: cannot run {argv[0]}: {e}\n".encode())
        os._exit(127)
    _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    b1 = busy_seconds()
    os.close(devnull)
    os.close(err)
    if os.WIFSIGNALED(status):
        code = -os.WTERMSIG(status)
    else:
        code = os.WEXITSTATUS(status)
    cpu = ru.ru_utime + ru.ru_stime
    # CPU used by everything else on the machine meanwhile: a noisy-neighbour indicator.
    other = None if b0 is None or b1 is None else max(0.0, (b1 - b0) - cpu)
    # Linux reports ru_maxrss in KiB; MB here is 10^6 bytes, like the corpus size.
    return wall, ru.ru_maxrss * 1024 / 1e6, cpu, code, other


def cmd_run(a):
    argv = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    if not argv:
        sys.exit("measure: no command given")
    ok = {int(x) for x in a.ok.split(",") if x != ""}
    walls, rss, cpu_of, codes, others, error = [], 0.0, {}, [], [], None
    errfile = a.results + ".stderr"
    for i in range(a.runs):
        wall, maxrss, cpu, code, other = run_once(argv, errfile)
        others.append(other)
        codes.append(code)
        if code not in ok:
            how = f"killed by signal {signal.Signals(-code).name}" if code < 0 else f"exit {code}"
            error = f"{how} (expected exit {a.ok})"
            with open(errfile, encoding="utf-8", errors="replace") as f:
                tail = f.read()[-2000:]
            print(f"measure: {a.label}: run {i + 1}: {error}\n{tail}", file=sys.stderr)
            break
        walls.append(wall)
        cpu_of[wall] = cpu
        rss = max(rss, maxrss)
        noise = "" if other is None else f", other processes {other:.2f} cpu-s"
        print(f"measure: {a.label}: run {i + 1}: {wall:.3f} s, {maxrss:.1f} MB, cpu {cpu:.2f} s, exit {code}{noise}",
              file=sys.stderr)
    row = {"label": a.label, "corpus": a.corpus, "files": a.files, "bytes": a.bytes, "runs": walls,
           "exit_codes": codes,
           "other_cpu": others, "error": error}
    if walls and not error:
        best = min(walls)
        row.update(wall=best, rss_mb=rss, cpu=cpu_of[best])
    with open(a.results, "a", encoding="utf-8") as f:
        f.write(json.dumps(row) + "\n")


def cmd_table(a):
    rows = []
    with open(a.results, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
    out = ["| tool | corpus | files | MB | wall s | files/s | MB/s | peak RSS MB | CPU s |",
           "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    by_label = {}
    for r in rows:
        mb = r["bytes"] / 1e6
        corpus = r.get("corpus", "")
        if r.get("error"):
            out.append(f"| {r['label']} | {corpus} | {r['files']} | {mb:.2f} | ERROR: {r['error']} | | | | |")
            continue
        fps = r["files"] / r["wall"]
        by_label[r["label"]] = fps
        out.append(f"| {r['label']} | {corpus} | {r['files']} | {mb:.2f} | {r['wall']:.3f} | {fps:,.0f} | "
                   f"{mb / r['wall']:.2f} | {r['rss_mb']:.1f} | {r['cpu']:.2f} |")
    print("\n".join(out))
    notes = []
    ran = {r["label"] for r in rows}
    for spec in a.ratio or []:
        num, den, what = spec.split("|")
        if num not in ran or den not in ran:
            continue  # not part of this run
        if num in by_label and den in by_label:
            notes.append(f"- {what}: {by_label[num] / by_label[den]:.2f}x "
                         f"({by_label[num]:,.0f} vs {by_label[den]:,.0f} files/s)")
        else:
            notes.append(f"- {what}: n/a (a run failed)")
    if notes:
        print()
        print("\n".join(notes))


def main():
    ap = argparse.ArgumentParser(description="benchmark timing helper")
    sub = ap.add_subparsers(dest="what", required=True)
    r = sub.add_parser("run")
    r.add_argument("--results", required=True)
    r.add_argument("--label", required=True)
    r.add_argument("--corpus", default="", help="which corpus the command reads (shown in the table)")
    r.add_argument("--files", type=int, required=True)
    r.add_argument("--bytes", type=int, required=True)
    r.add_argument("--runs", type=int, default=3)
    r.add_argument("--ok", default="0", help="comma-separated exit codes that count as success")
    r.add_argument("cmd", nargs=argparse.REMAINDER)
    t = sub.add_parser("table")
    t.add_argument("--results", required=True)
    t.add_argument("--ratio", action="append", metavar="NUM|DEN|TEXT",
                   help="print files/s of row NUM over row DEN, described as TEXT")
    a = ap.parse_args()
    cmd_run(a) if a.what == "run" else cmd_table(a)


if __name__ == "__main__":
    main()
