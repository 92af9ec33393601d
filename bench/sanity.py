#!/usr/bin/env python3
"""Untimed sanity check of a migsafe JSON report before benchmarking a corpus.

    migsafe audit CORPUS --format json | bench/sanity.py --layout knex --files N

Fails (exit 1, one line per problem on stderr) unless the report has the expected
layout, counts N migration files, and `syntax-error` (every file parses) is PASS;
for a Knex corpus `awaited-knex-calls` must be PASS too. Standard library only.
"""

import argparse
import json
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--layout", required=True, help="expected report layout (dbmate, knex, ...)")
    ap.add_argument("--files", type=int, required=True, help="expected number of migration files")
    a = ap.parse_args()
    r = json.load(sys.stdin)
    checks = {c["id"]: c for c in r["checks"]}
    want = ["syntax-error"] + (["awaited-knex-calls"] if a.layout == "knex" else [])
    bad = []
    if r.get("layout") != a.layout:
        bad.append(f"layout is {r.get('layout')!r}, expected {a.layout!r}")
    files = r["inventory"]["totals"]["files"]
    if files != a.files:
        bad.append(f"{files} files audited, expected {a.files}")
    for cid in want:
        if checks[cid]["status"] != "PASS":
            bad.append(f"{cid} is {checks[cid]['status']}: {checks[cid]['summary']}")
    for b in bad:
        print(f"sanity: {b}", file=sys.stderr)
    print(f"sanity: layout {r.get('layout')}, {files} files, " +
          ", ".join(f"{cid} {checks[cid]['status']} ({checks[cid]['summary']})" for cid in want), file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
