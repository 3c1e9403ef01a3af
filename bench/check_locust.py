"""Reads Locust's CSV output (`--csv PREFIX`): prints the checkout table for BENCHMARKS.md, then
fails (exit 1) if any request failed or any user raised, naming the statuses that did.

A load run whose requests fail measures the failures, not the platform: when the first rate
limits came in, 48,776 of 48,848 `POST /cart/add` got 429 and the run still looked fine. So no
failure is tolerated here; a limit the load trips must be lifted for the run (bench/checkout).

    python3 bench/check_locust.py $MK_CACHE/bench/checkout
"""

import csv
import os
import sys

ROWS = ["checkout (add + place + pay)", "/cart/add", "/orders", "/payments"]
FLOW = ROWS[0]


def read(path):
    if not os.path.exists(path):
        return []
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def main(prefix):
    stats = read(f"{prefix}_stats.csv")
    if not stats:
        print(f"no Locust statistics at {prefix}_stats.csv", file=sys.stderr)
        return 1
    rows = {r["Name"]: r for r in stats}
    print("| request | requests/s | p50 ms | p99 ms | failures |")
    print("|---|---|---|---|---|")
    for name in ROWS:
        r = rows.get(name)
        if r is None:
            print(f"| {name} | - | - | - | never sent |")
            continue
        print(f"| {name} | {float(r['Requests/s']):.1f} | {r['50%']} | {r['99%']} "
              f"| {r['Failure Count']} of {r['Request Count']} |")

    problems = []
    for r in stats:
        if r["Name"] == "Aggregated":
            continue
        failed = int(r["Failure Count"])
        if failed:
            problems.append(f"{r['Type']} {r['Name']}: {failed} of {r['Request Count']} failed")
    for r in read(f"{prefix}_failures.csv"):
        problems.append(f"  {r['Occurrences']} x {r['Method']} {r['Name']}: {r['Error'][:200]}")
    for r in read(f"{prefix}_exceptions.csv"):
        problems.append(f"  {r['Count']} x exception: {r['Message'][:200]}")
    if FLOW not in rows or int(rows[FLOW]["Request Count"]) == 0:
        problems.append("no checkout completed")
    if problems:
        print("\nthe load failed:", file=sys.stderr)
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
