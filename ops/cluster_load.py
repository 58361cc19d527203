#!/usr/bin/env python3
"""The traffic and the checks of ops/cluster-test.sh (issue 18 §1); run by it, not by hand.

  cluster_load.py data OUT                     writes OUT/data.sql, OUT/sessions.redis and OUT/tokens.json
  cluster_load.py round OUT NAME [KILL_PID]    one round through nginx: the booking burst, the redemption
                                               burst, the wish-claim race and the parallel first awards,
                                               mixed and sent at once from THREADS client threads; with
                                               KILL_PID, that instance gets SIGKILL once KILL_AT of the
                                               requests are answered. Then the round's invariants, from MySQL.
  cluster_load.py survivor OUT LOG JOB WAIT    the survivor (LOG) starts a round of JOB within WAIT s of the kill
  cluster_load.py jobs OUT LOG...              no scheduled job ran on two instances at once (ShedLock's
                                               DEBUG lines of every instance's log)

Each check prints one line "PASS name: detail" or "FAIL name: detail" and is appended to OUT/checks.txt.
Environment: URL (nginx), SQL (the mysql command line, a shell string), THREADS, KILL_AT.
"""
import hashlib
import http.client
import json
import os
import random
import re
import secrets
import signal
import ssl
import subprocess
import sys
import threading
import time
import urllib.parse
from datetime import datetime

# The data: one set per round (round 1 without a kill, round 2 with one).
RESIDENTS = 1000          # users 1..1000: 1,000 points each; they book and redeem
SEATS = 50                # each round's slot
STOCK = 50                # each round's reward
PRICE = 10
POINTS = 1000
WISHES = 5                # wishes per round, each raced by VOLUNTEERS_PER_WISH volunteers
VOLUNTEERS_PER_WISH = 20
VOLUNTEER0 = 1001         # volunteers 1001..1100 (a volunteer races one wish a round)
AWARDED = 200             # brand-new users a round: one first award (an admin adjustment) each, all at once
AWARD0 = 1101             # round 1: 1101..1300, round 2: 1301..1500, round 3: 1501..1700
ADMIN = 1701              # platform admin: the awards
POSTER = 1702             # posts every wish (and is told of each claim: a WeChat subscribe message)
STAFF = 1703              # the station's staff: live-status changes, each a StationChanged event the map handles
AWARD = 25
COMMUNITY = 1
STATION = 1               # at Jilin's centre, GCJ-02
STATION_LAT, STATION_LNG = 43.8378, 126.5496
STATUS_CHANGES = 100      # live-status changes a round
# Round 3 loses Redis in the middle (ops/cluster-test.sh, issue 18 §2); "refill" is round 3 again after
# the residents signed in again: only bookings and redemptions, which must fill the slot and empty the stock.
ROUNDS = {"steady": 1, "kill": 2, "redis": 3, "refill": 3}


def award_users(rnd):
    first = AWARD0 + (rnd - 1) * AWARDED
    return list(range(first, first + AWARDED))


def wish_ids(rnd):
    return list(range((rnd - 1) * WISHES + 1, rnd * WISHES + 1))


def data(out):
    now = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())
    until = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(time.time() + 300 * 86400))
    ms = int(time.time() * 1000)
    tokens = {}
    with open(f"{out}/data.sql", "w") as s, open(f"{out}/sessions.redis", "w") as r:
        s.write("SET autocommit=0;\nSET @now = UTC_TIMESTAMP(3);\n")
        s.write("INSERT IGNORE INTO district (id, name, adcode) VALUES (1, '昌邑区', '220202');\n"
                "INSERT IGNORE INTO street (id, district_id, name) VALUES (1, 1, '延安街道');\n"
                f"INSERT IGNORE INTO community (id, street_id, name) VALUES ({COMMUNITY}, 1, '集群测试社区');\n")
        s.write(f"INSERT INTO station (id, community_id, name, kinds, service_level, address, lat, lng, photos, amenities, "
                f"weekly_hours, holiday_policy, live_status, checkin_code, status, created_at, updated_at) VALUES ({STATION}, "
                f"{COMMUNITY}, '集群测试党群服务站', 'SERVICE,WARM', 'COMMUNITY', '昌邑区延安街道 1 号', {STATION_LAT}, {STATION_LNG}, "
                f"'[]', 'WATER,CHARGING', '[]', 'IGNORE_CALENDAR', 'OPEN', 'CLUSTER0000000001', 'ACTIVE', '{now}', '{now}');\n")
        for u in range(1, STAFF + 1):
            s.write(f"INSERT INTO app_user (id, openid, nickname, community_id, created_at, updated_at) "
                    f"VALUES ({u}, 'cluster-{u}', 'cluster{u}', {COMMUNITY}, '{now}', '{now}');\n")
            s.write(f"INSERT INTO user_role (user_id, role, scope_id, created_at) VALUES ({u}, 'RESIDENT', 0, '{now}');\n")
            token = f"{u}." + secrets.token_urlsafe(32)  # a token starts with its user's id (the hash tag of the user's keys)
            tokens[u] = token
            r.write(f"SET auth:{{{u}}}:token:{hashlib.sha256(token.encode()).hexdigest()} {u}|{ms} PX 86400000\n")
            if u <= RESIDENTS:
                s.write(f"INSERT INTO points_account (user_id, balance, earned, spent, expired, member_code, created_at, updated_at) "
                        f"VALUES ({u}, {POINTS}, {POINTS}, 0, 0, 'C{u:07d}', '{now}', '{now}');\n")
                s.write(f"INSERT INTO points_ledger (id, user_id, delta, balance_after, reason, ref_type, ref_id, community_id, memo, created_at) "
                        f"VALUES ({u}, {u}, {POINTS}, {POINTS}, 'ADJUSTMENT', 'cluster', 'seed', {COMMUNITY}, 'cluster', '{now}');\n")
                s.write(f"INSERT INTO points_lot (user_id, ledger_id, amount, remaining, expires_at) "
                        f"VALUES ({u}, {u}, {POINTS}, {POINTS}, '{until}');\n")
            elif u < AWARD0:
                s.write(f"INSERT INTO user_role (user_id, role, scope_id, created_at) VALUES ({u}, 'VOLUNTEER', {COMMUNITY}, '{now}');\n")
            elif u == ADMIN:
                s.write(f"INSERT INTO user_role (user_id, role, scope_id, created_at) VALUES ({u}, 'PLATFORM', 0, '{now}');\n")
            elif u == STAFF:
                s.write(f"INSERT INTO user_role (user_id, role, scope_id, created_at) VALUES ({u}, 'STAFF', {STATION}, '{now}');\n")
            elif u == POSTER:  # consented to be told of claims (one-time subscriptions, counted)
                s.write(f"INSERT INTO notify_consent (user_id, kind, remaining, updated_at) VALUES ({u}, 'WISH_CLAIMED', 1000, '{now}');\n")
        for rnd in sorted(set(ROUNDS.values())):
            s.write(f"INSERT INTO reward (id, community_id, station_id, kind, name, points_price, stock, status, created_by, created_at, updated_at) "
                    f"VALUES ({rnd}, {COMMUNITY}, 1, 'GOODS', 'cluster reward {rnd}', {PRICE}, {STOCK}, 'ACTIVE', {ADMIN}, '{now}', '{now}');\n")
            s.write(f"INSERT INTO reward_stock_in (reward_id, quantity, reason, ref, operator_id, created_at) "
                    f"VALUES ({rnd}, {STOCK}, 'INITIAL', 'initial', {ADMIN}, '{now}');\n")
            s.write(f"INSERT INTO booking_slot (id, station_id, service_id, starts_at, ends_at, capacity, status, manual, created_at) "
                    f"VALUES ({rnd}, 1, 1, DATE_ADD(@now, INTERVAL {2 * rnd} HOUR), DATE_ADD(@now, INTERVAL {2 * rnd + 1} HOUR), "
                    f"{SEATS}, 'OPEN', 1, @now);\n")
            for w in wish_ids(rnd):
                s.write(f"INSERT INTO wish (id, poster_id, community_id, title, body, category, urgency, contact_name, address, "
                        f"status, check_result, published_at, created_at, updated_at) VALUES ({w}, {POSTER}, {COMMUNITY}, "
                        f"'帮忙买菜 {w}', '腿脚不便，请帮忙买些青菜。', 'DAILY_HELP', 'NORMAL', '王阿姨', '昌邑区 1 号楼', "
                        f"'OPEN', 'PASS', '{now}', '{now}', '{now}');\n")
        s.write(f"INSERT INTO booking_service (id, station_id, name, kind, capacity, slot_minutes, weekly, horizon_days, "
                f"min_notice_minutes, cancel_deadline_minutes, weekly_limit, audience, status, created_at, updated_at) "
                f"VALUES (1, 1, '义务理发', 'SERVICE', {SEATS}, 60, '[]', 7, 0, 60, 10, 'RESIDENTS', 'ACTIVE', @now, @now);\n")
        s.write("COMMIT;\n")
    with open(f"{out}/tokens.json", "w") as t:
        json.dump(tokens, t)


# ---------------------------------------------------------------- the client

def sql(query):
    out = subprocess.run(os.environ["SQL"] + " --batch --skip-column-names", shell=True, input=query,
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"SQL failed: {out.stderr.strip()}")
    return [line.split("\t") for line in out.stdout.splitlines()]


def one(query):
    rows = sql(query)
    return rows[0][0] if rows else None


class Client(threading.local):
    """One keep-alive HTTPS connection per thread to nginx (self-signed certificate: not verified)."""

    def __init__(self):
        url = urllib.parse.urlsplit(os.environ["URL"])
        self.host, self.port = url.hostname, url.port
        self.conn = None

    def call(self, method, path, token, body, key=None):
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = "Bearer " + token
        if key:
            headers["Idempotency-Key"] = key
        for attempt in (1, 2):  # only a connection nginx had closed while idle is opened again
            if self.conn is None:
                ctx = ssl.create_default_context()
                ctx.check_hostname = False
                ctx.verify_mode = ssl.CERT_NONE
                self.conn = http.client.HTTPSConnection(self.host, self.port, context=ctx, timeout=30)
            try:
                self.conn.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
                resp = self.conn.getresponse()
                raw = resp.read()
                if resp.getheader("Connection", "").lower() == "close":
                    self.conn.close(); self.conn = None
                try:
                    payload = json.loads(raw)
                except ValueError:
                    payload = {"raw": raw[:200].decode(errors="replace")}
                return resp.status, payload
            except (http.client.RemoteDisconnected, BrokenPipeError) as e:  # an idle connection nginx closed
                self.conn.close(); self.conn = None
                if attempt == 2:
                    return 0, {"error": repr(e)}
            except (http.client.HTTPException, OSError) as e:  # e.g. a reply cut off when its instance died
                self.conn.close(); self.conn = None
                return 0, {"error": repr(e)}


def requests_of(rnd, tokens, refill=False):
    """The round's requests: (kind, user, method, path, body, idempotency key, subject)."""
    tag = f"r{rnd}-{secrets.token_hex(4)}"
    reqs = []
    for u in range(1, RESIDENTS + 1):
        reqs.append(("booking", u, "POST", "/api/v1/bookings", {"slotId": rnd}, f"{tag}-b-{u}", rnd))
        reqs.append(("redemption", u, "POST", "/api/v1/redemptions", {"rewardId": rnd, "quantity": 1}, f"{tag}-r-{u}", rnd))
    for i in range(STATUS_CHANGES):
        reqs.append(("status", STAFF, "PUT", f"/api/v1/staff/stations/{STATION}/live-status",
                     {"status": "BUSY" if i % 2 == 0 else "OPEN", "note": f"集群测试 {rnd}-{i}"}, None, STATION))
    if refill:
        random.shuffle(reqs)
        return reqs
    for i, w in enumerate(wish_ids(rnd)):
        for v in range(VOLUNTEER0 + i * VOLUNTEERS_PER_WISH, VOLUNTEER0 + (i + 1) * VOLUNTEERS_PER_WISH):
            reqs.append(("claim", v, "POST", f"/api/v1/wishes/{w}/claim", {}, f"{tag}-c-{w}-{v}", w))
    for u in award_users(rnd):
        reqs.append(("award", ADMIN, "POST", "/api/v1/admin/points/adjustments",
                     {"userId": u, "delta": AWARD, "reason": "集群测试首次奖励"}, f"{tag}-a-{u}", u))
    random.shuffle(reqs)
    return reqs


def check(out, ok, name, detail):
    line = f"{'PASS' if ok else 'FAIL'} {name}: {detail}"
    print(line, flush=True)
    with open(f"{out}/checks.txt", "a") as f:
        f.write(line + "\n")
    return ok


def run_round(out, name, kill_pid):
    """One round. "steady": nothing happens to the servers; "kill": instance KILL_PID gets SIGKILL once KILL_AT of
    the answers are in; "redis": Redis loses everything then (the shell command REDIS_RESTART kills it and
    starts it again empty) while WeChat answers 500; "refill": round 3 again once everyone signed in again."""
    rnd = ROUNDS[name]
    tokens = {int(k): v for k, v in json.load(open(f"{out}/tokens.json")).items()}
    reqs = requests_of(rnd, tokens, refill=(name == "refill"))
    threads = int(os.environ.get("THREADS", "32"))
    faulty = name in ("kill", "redis")
    # The kill comes once 40 % are answered; Redis goes once 3 % are, while seats and stock remain, so that
    # round "refill" sells the rest on gates rebuilt from MySQL.
    fault_at = float(os.environ.get("KILL_AT", "0.4")) if name == "kill" else float(os.environ.get("REDIS_AT", "0.03"))
    fault_after = int(len(reqs) * fault_at) if faulty else None
    results = [None] * len(reqs)
    lock = threading.Lock()
    state = {"next": 0, "answered": 0, "fault_at": None}
    client = Client()

    def fault():
        if name == "kill":
            os.kill(kill_pid, signal.SIGKILL)
            what = f"SIGKILL to instance pid {kill_pid}"
        else:
            subprocess.run(os.environ["REDIS_RESTART"], shell=True, check=True)
            what = "Redis killed and started again empty"
        state["fault_at"] = time.monotonic()
        with open(f"{out}/{'killed' if name == 'kill' else 'redis-lost'}-at", "w") as f:
            f.write(f"{time.time():.3f}\n")
        print(f"  {what} after {state['answered']} of {len(reqs)} answers", flush=True)

    def worker():
        while True:
            with lock:
                i = state["next"]
                if i >= len(reqs):
                    return
                state["next"] += 1
            kind, user, method, path, body, key, subject = reqs[i]
            sent = time.monotonic()
            try:
                status, payload = client.call(method, path, tokens[user], body, key)
            except Exception as e:  # never lose a request's record
                status, payload = 0, {"error": repr(e)}
            results[i] = (kind, user, subject, status, payload, sent, time.monotonic())
            with lock:
                state["answered"] += 1
                if fault_after is not None and state["fault_at"] is None and state["answered"] >= fault_after:
                    fault()

    started = time.monotonic()
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    took = time.monotonic() - started
    with open(f"{out}/replies-{name}.jsonl", "w") as f:
        for r in results:
            f.write(json.dumps({"kind": r[0], "user": r[1], "subject": r[2], "status": r[3], "body": r[4]},
                               ensure_ascii=False) + "\n")

    def count(kind, pred):
        return sum(1 for r in results if r[0] == kind and pred(r[3]))

    summary = {k: {"200": count(k, lambda s: s == 200), "4xx": count(k, lambda s: 400 <= s < 500),
                   "5xx": count(k, lambda s: s >= 500), "no answer": count(k, lambda s: s == 0)}
               for k in ("booking", "redemption", "claim", "award", "status")}
    print(f"  {len(reqs)} requests in {took:.1f} s ({len(reqs) / took:.0f}/s) from {threads} threads: "
          + "; ".join(f"{k} " + " ".join(f"{c}={n}" for c, n in v.items() if n) for k, v in summary.items() if any(v.values())),
          flush=True)

    ok = True
    p = f"{name}:"
    full = name in ("steady", "refill")  # nothing went wrong: every seat and every unit of stock must go
    # booking: never over capacity, the slot's counter equals its bookings, every 200 is a row
    booked, capacity = sql(f"SELECT booked, capacity FROM booking_slot WHERE id = {rnd}")[0]
    rows = int(one(f"SELECT COUNT(*) FROM booking WHERE slot_id = {rnd} AND active_key = 1"))
    ok &= check(out, int(booked) <= int(capacity) and int(booked) == rows, f"{p} seats booked <= capacity, = bookings",
                f"slot {rnd}: booked {booked}, capacity {capacity}, booking rows {rows}")
    if full:
        ok &= check(out, rows == SEATS, f"{p} every seat sold" + (" (the seat gate rebuilt from MySQL)" if name == "refill" else ""),
                    f"{rows} of {SEATS}, {count('booking', lambda s: s == 200)} of them in this round")
    ok &= rows_present(out, p, "booking", results, "booking", f"slot_id = {rnd} AND active_key = 1")
    # redemption: stock + redeemed = initial, points spent = redemptions, every 200 is a row
    stock = int(one(f"SELECT stock FROM reward WHERE id = {rnd}"))
    redeemed = int(one(f"SELECT COUNT(*) FROM redemption WHERE reward_id = {rnd}"))
    ok &= check(out, stock >= 0 and stock + redeemed == STOCK, f"{p} stock + redeemed = initial",
                f"reward {rnd}: stock {stock} + redemptions {redeemed} = {stock + redeemed}, initial {STOCK}")
    if full:
        ok &= check(out, redeemed == STOCK, f"{p} all stock redeemed" + (" (the stock gate rebuilt from MySQL)" if name == "refill" else ""),
                    f"{redeemed} of {STOCK}, {count('redemption', lambda s: s == 200)} of them in this round")
    spent = int(one(f"SELECT COALESCE(-SUM(l.delta), 0) FROM points_ledger l JOIN redemption d ON l.ref_type = 'redemption' "
                    f"AND l.ref_id = CAST(d.id AS CHAR) AND l.user_id = d.user_id WHERE d.reward_id = {rnd} AND l.reason = 'REDEEM'"))
    ok &= check(out, spent == redeemed * PRICE, f"{p} points spent = redemptions x price", f"{spent} = {redeemed} x {PRICE}")
    ok &= rows_present(out, p, "redemption", results, "redemption", f"reward_id = {rnd}")
    # points: every balance is its ledger and its lots, never negative (all accounts)
    mismatched = int(one("SELECT COUNT(*) FROM points_account a WHERE a.balance <> (SELECT COALESCE(SUM(delta), 0) "
                         "FROM points_ledger l WHERE l.user_id = a.user_id) OR a.balance <> (SELECT COALESCE(SUM(remaining), 0) "
                         "FROM points_lot t WHERE t.user_id = a.user_id) OR a.balance < 0"))
    accounts = one("SELECT COUNT(*) FROM points_account")
    ok &= check(out, mismatched == 0, f"{p} points ledger sums = balances", f"{mismatched} of {accounts} accounts differ")
    if name != "refill":
        ok &= awards_and_claims(out, p, rnd, results, name == "steady")
    status_ok = count("status", lambda s: s == 200)
    if full:
        ok &= check(out, status_ok == STATUS_CHANGES, f"{p} every live-status change answered 200",
                    f"{status_ok} of {STATUS_CHANGES} (each publishes a StationChanged event)")
    # nothing but the expected answers
    if full:
        odd = [r for r in results if r[3] >= 500 or r[3] == 0]
        ok &= check(out, not odd, f"{p} no 5xx or lost answers", f"{len(odd)}" + (f", e.g. {odd[0][3]} {odd[0][4]}" if odd else ""))
    elif name == "kill":
        later = [r for r in results if r[5] >= state["fault_at"] + 3]
        failed = [r for r in later if r[3] >= 500 or r[3] == 0]
        served = sum(1 for r in later if r[3] == 200)
        ok &= check(out, later and not failed and served > 0, f"{p} the survivor serves the rest",
                    f"{len(later)} requests sent 3 s or more after the kill: {served} answered 200, {len(failed)} 5xx/lost"
                    + (f", e.g. {failed[0][3]} {failed[0][4]}" if failed else ""))
        lost = sum(1 for r in results if r[3] >= 500 or r[3] == 0)
        print(f"  {lost} requests answered 5xx or not at all (in flight on the killed instance)", flush=True)
    else:  # redis: the sessions went with it; every later request is told to sign in again, in the envelope
        later = [r for r in results if r[5] >= state["fault_at"] + 3]
        signed_out = [r for r in later if r[3] == 401 and isinstance(r[4], dict) and r[4].get("code") == 10100]
        other = [r for r in later if r not in signed_out]
        early_5xx = [r for r in results if r[5] < state["fault_at"] + 3 and (r[3] >= 500 or r[3] == 0)]
        ok &= check(out, later and not other, f"{p} sessions end cleanly: 401 code 10100 (the mini-program signs in again)",
                    f"{len(later)} requests sent 3 s or more after the loss: {len(signed_out)} answered 401/10100"
                    + (f", {len(other)} otherwise, e.g. {other[0][3]} {other[0][4]}" if other else "")
                    + f"; {len(early_5xx)} 5xx/lost around the restart")
    return ok


def awards_and_claims(out, p, rnd, results, steady):
    ok = True
    # first awards: each awarded user exactly AWARD (one ledger entry), every 200 in MySQL
    users = award_users(rnd)
    got = {int(u): (int(b), int(n)) for u, b, n in sql(
        f"SELECT a.user_id, a.balance, (SELECT COUNT(*) FROM points_ledger l WHERE l.user_id = a.user_id) "
        f"FROM points_account a WHERE a.user_id BETWEEN {users[0]} AND {users[-1]}")}
    awarded_ok = [r[2] for r in results if r[0] == "award" and r[3] == 200]
    # The account is opened in a short transaction of its own before the award's (so that parallel first
    # awards do not deadlock on gap locks): an award cut off by a fault may leave it open and empty.
    # Nobody was told that one succeeded; a retry awards it.
    empty = [u for u, (b, n) in got.items() if (b, n) == (0, 0) and u not in awarded_ok]
    wrong = [u for u, (b, n) in got.items() if (b, n) != (AWARD, 1) and u not in empty]
    missing = [u for u in awarded_ok if u not in got]
    if steady:
        wrong += empty
    ok &= check(out, not wrong and not missing, f"{p} first awards: one entry of {AWARD} each, every 200 in MySQL",
                f"{len(got)} accounts, {len(awarded_ok)} answered 200, {len(wrong)} wrong, {len(missing)} missing"
                + (f", {len(empty)} opened but not awarded (cut off, not answered 200)" if empty else ""))
    if steady:
        ok &= check(out, len(awarded_ok) == AWARDED, f"{p} every first award answered 200", f"{len(awarded_ok)} of {AWARDED}")
    # wish claims: exactly one claimer per wish, the one told 200 (at most one 200 per wish)
    bad = []
    for w in wish_ids(rnd):
        status, claimer = sql(f"SELECT status, COALESCE(claimer_id, 0) FROM wish WHERE id = {w}")[0]
        steps = int(one(f"SELECT COUNT(*) FROM wish_event WHERE wish_id = {w} AND step = 'CLAIMED'"))
        winners = [r[1] for r in results if r[0] == "claim" and r[2] == w and r[3] == 200]
        if (status == "CLAIMED") != (int(claimer) != 0) or steps != (1 if status == "CLAIMED" else 0) or len(winners) > 1 \
                or any(v != int(claimer) for v in winners) or (steady and (len(winners) != 1 or status != "CLAIMED")):
            bad.append(f"wish {w}: {status}, claimer {claimer}, CLAIMED steps {steps}, told 200: {winners}")
    claimed = int(one(f"SELECT COUNT(*) FROM wish WHERE id BETWEEN {wish_ids(rnd)[0]} AND {wish_ids(rnd)[-1]} AND status = 'CLAIMED'"))
    ok &= check(out, not bad, f"{p} at most one claimer per wish, the one told 200" + ("; every wish claimed" if steady else ""),
                "; ".join(bad) if bad else f"{WISHES} wishes ({claimed} claimed), {VOLUNTEERS_PER_WISH} volunteers each")
    return ok


def rows_present(out, p, kind, results, table, where):
    ids = [r[4]["data"]["id"] for r in results if r[0] == kind and r[3] == 200]
    present = {int(x[0]) for x in sql(f"SELECT id FROM {table} WHERE {where}")} if ids else set()
    missing = [i for i in ids if i not in present]
    return check(out, not missing, f"{p} every {kind} answered 200 is in MySQL",
                 f"{len(ids)} answered 200, {len(missing)} missing")


# ---------------------------------------------------------------- jobs

LOCKED = re.compile(r"^(\S+)\s.*Locked '([^']+)'")
FINISHED = re.compile(r"^(\S+)\s.*Task finished, lock '([^']+)'")


def jobs(out, logs):
    """Every job round of every instance (ShedLock's DEBUG lines): no two rounds of one job overlap."""
    runs = {}
    for n, path in enumerate(logs):
        open_at = {}
        for line in open(path, errors="replace"):
            m = LOCKED.match(line)
            if m:
                open_at[m.group(2)] = stamp(m.group(1))
                continue
            m = FINISHED.match(line)
            if m and m.group(2) in open_at:
                runs.setdefault(m.group(2), []).append((open_at.pop(m.group(2)), stamp(m.group(1)), n))
        for job, start in open_at.items():  # killed while running, or still running
            runs.setdefault(job, []).append((start, float("inf"), n))
    overlaps = []
    for job, rs in runs.items():
        rs.sort()
        for a, b in zip(rs, rs[1:]):
            if b[0] < a[1]:
                overlaps.append(f"{job}: instance {a[2]} {a[0]:.3f}-{a[1]:.3f}, instance {b[2]} from {b[0]:.3f}")
    total = sum(len(r) for r in runs.values())
    by = ", ".join(f"{j} {len(r)}" for j, r in sorted(runs.items()))
    return check(out, total > 0 and not overlaps, "no scheduled job ran on two instances at once",
                 f"{total} job rounds ({by})" + (f"; overlaps: {'; '.join(overlaps)}" if overlaps else ""))


def survivor(out, log, job, wait):
    """The survivor takes the job over: a round of it starts in its log after the kill (within WAIT s)."""
    killed = float(open(f"{out}/killed-at").read())
    deadline = time.time() + wait
    while True:
        starts = [stamp(m.group(1)) for m in map(LOCKED.match, open(log, errors="replace"))
                  if m and m.group(2) == job and stamp(m.group(1)) > killed]
        if starts or time.time() > deadline:
            break
        time.sleep(2)
    return check(out, bool(starts), f"the survivor runs {job} after the kill",
                 f"first round {starts[0] - killed:.1f} s after the SIGKILL" if starts else f"none within {wait} s")


def stamp(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()


if __name__ == "__main__":
    cmd, out = sys.argv[1], sys.argv[2]
    if cmd == "data":
        data(out)
    elif cmd == "round":
        try:
            passed = run_round(out, sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else None)
        except Exception as e:  # a check that cannot run is a failed check
            passed = check(out, False, f"{sys.argv[3]}: the round ran to its end", repr(e))
            raise
        sys.exit(0 if passed else 1)
    elif cmd == "survivor":
        sys.exit(0 if survivor(out, sys.argv[3], sys.argv[4], int(sys.argv[5])) else 1)
    elif cmd == "jobs":
        sys.exit(0 if jobs(out, sys.argv[3:]) else 1)
