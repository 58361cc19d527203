#!/usr/bin/env python3
"""Sequential GETs of the statistics endpoints over one keep-alive connection (an admin's dashboard: one request
at a time), WARMUP unmeasured then N measured per case; prints p50/p95/p99/max per case and checks each case's
last reply against the expected totals (counted straight from the source tables by run.sh).

usage: measure.py URL TOKEN CASES.tsv EXPECTED.json N WARMUP OUT_DIR [BUDGET_SECONDS]
A case stops early after BUDGET_SECONDS (default 60) of measured requests (warm-up: a sixth of it): the n column
says how many were measured.
CASES.tsv: "label<TAB>path?query<TAB>check" per line; check names what to compare (see CHECKS)."""
import http.client
import json
import sys
import time
import urllib.parse

url, token, cases_file, expected_file, n, warmup, out = sys.argv[1:8]
n, warmup = int(n), int(warmup)
budget = float(sys.argv[8]) if len(sys.argv) > 8 else 60.0
expected = json.load(open(expected_file))
u = urllib.parse.urlparse(url)
conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
headers = {"Authorization": "Bearer " + token}


def get(path):
    t0 = time.perf_counter()
    conn.request("GET", path, headers=headers)
    r = conn.getresponse()
    body = r.read()
    return r.status, (time.perf_counter() - t0) * 1000, body


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, int(round(p / 100 * len(xs) + 0.5)) - 1))]


def check(kind, d):
    """(ok, what): the reply's totals against the source's, for the scope the case names."""
    e = expected.get(kind)
    if kind.startswith("wishes"):
        got = {"posted": d["posted"], "CONFIRMED": d["byStatus"]["CONFIRMED"],
               "dailyPosted": sum(x["posted"] for x in d["daily"])}
        want = {"posted": e["posted"], "CONFIRMED": e["confirmed"], "dailyPosted": e["posted"]}
    elif kind.startswith("bookings"):
        t = d["total"]
        got = {k: t[k] for k in ("booked", "cancelled", "attended", "noShows")}
        want = {k: e[k] for k in ("booked", "cancelled", "attended", "noShows")}
    elif kind.startswith("riders"):
        got = {"checkins": d["checkins"], "verifiedRiders": d["verifiedRiders"]}
        want = {"checkins": e["checkins"], "verifiedRiders": e["verifiedRiders"]}
    elif kind == "rankings":
        got = {"rows": len(d["rows"]), "posted": sum(r["posted"] for r in d["rows"])}
        want = {"rows": e["rows"], "posted": e["posted"]}
    else:  # party, reports: nothing loaded (see README); the reply's shape only
        return True, "scope=%s %s..%s" % (d["scope"]["level"], d["from"], d["to"])
    # equal to the source, and the headline figure (the first) non-zero: a scope with nothing in it proves nothing
    ok = got == want and next(iter(want.values())) > 0
    return ok, "got %s want %s" % (got, want)


failed = 0
print("%-24s %5s %8s %8s %8s %8s %8s  check" % ("case", "n", "p50 ms", "p95 ms", "p99 ms", "max ms", "bytes"))
for line in open(cases_file):
    if not line.strip():
        continue
    label, path, kind = line.rstrip("\n").split("\t")
    t_end = time.monotonic() + budget / 6
    for _ in range(warmup):
        get(path)
        if time.monotonic() > t_end:
            break
    times, bad = [], 0
    t_end = time.monotonic() + budget
    for _ in range(n):
        if times and time.monotonic() > t_end:
            break
        status, ms, body = get(path)
        times.append(ms)
        bad += status != 200
    open("%s/%s.json" % (out, label), "wb").write(body)
    open("%s/%s.times" % (out, label), "w").write("\n".join("%.3f" % t for t in times) + "\n")
    if status != 200 or bad:
        ok, what = False, "HTTP %d (%d non-200): %s" % (status, bad, body[:200])
    else:
        ok, what = check(kind, json.loads(body)["data"])
    failed += not ok
    print("%-24s %5d %8.1f %8.1f %8.1f %8.1f %8d  %s %s" % (label, len(times), pct(times, 50), pct(times, 95), pct(times, 99),
                                                         max(times), len(body), "OK" if ok else "FAIL", what),
          flush=True)
sys.exit(1 if failed else 0)
