#!/usr/bin/env python3
"""Issue 18 §2 with two instances: what ops/cluster-test.sh does to WeChat, MySQL and the map; run by it.

  cluster_faults.py wechat PORT DIR             a stand-in for api.weixin.qq.com on 127.0.0.1:PORT, for the
                                                prod jar (which cannot use WireMock's test stubs): DIR/mode says
                                                how it answers ("ok", "500" or "hang"); every request is one
                                                line of DIR/requests.log: "<mode> <status> <method> <path>"
  cluster_faults.py login OUT NAME STATUS SECS  POST /auth/wx-login through nginx answers STATUS within SECS
  cluster_faults.py notices-failed OUT FIRST_WISH LAST_WISH WAIT
                                                the claim notices of those wishes were tried and failed (WeChat
                                                down): PENDING with an attempt recorded, none SENT
  cluster_faults.py notices-sent OUT FIRST_WISH LAST_WISH WAIT DIR
                                                ...and once WeChat is back, every one of them is SENT, and WeChat
                                                took exactly one successful send per SENT notice of the run
  cluster_faults.py nearby OUT TOKEN            the map answers from an index rebuilt from MySQL: the station
  cluster_faults.py db-down OUT TOKEN URL...    MySQL unreachable: each instance answers 503 within about 2 s
  cluster_faults.py db-back OUT TOKEN WAIT URL...
                                                MySQL back: each instance answers 200 again, without a restart

Environment: URL (nginx), SQL (the mysql command line). Checks print and append to OUT/checks.txt as
cluster_load.py's do.
"""
import http.server
import json
import os
import socketserver
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cluster_load import Client, STATION, STATION_LAT, STATION_LNG, check, one, sql  # noqa: E402


# ---------------------------------------------------------------- the WeChat stand-in

def serve_wechat(port, state_dir):
    log_lock = threading.Lock()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # the requests log below says all
            pass

        def answer(self):
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            try:
                mode = open(os.path.join(state_dir, "mode")).read().strip()
            except OSError:
                mode = "ok"
            path = urllib.parse.urlsplit(self.path).path
            if mode == "hang":
                status, body = 0, None
                self.record(mode, status, path)
                time.sleep(30)
                return
            if mode == "500":
                status, body = 500, b"<html>502 Bad Gateway</html>"
            else:
                status, body = 200, json.dumps(self.reply(path)).encode()
            self.record(mode, status, path)
            self.send_response(status)
            self.send_header("Content-Type", "application/json" if status == 200 else "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def reply(self, path):
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
            if path in ("/cgi-bin/token", "/cgi-bin/stable_token"):
                return {"access_token": "cluster-access-token", "expires_in": 7200}
            if path == "/sns/jscode2session":
                code = query.get("js_code", ["?"])[0]
                return {"openid": "cluster-wx-" + code, "session_key": "c2Vzc2lvbi1rZXktY2x1c3Rlcg=="}
            if path == "/wxa/msg_sec_check":
                return {"errcode": 0, "errmsg": "ok", "result": {"suggest": "pass", "label": 100}}
            return {"errcode": 0, "errmsg": "ok"}  # subscribe/send and the rest

        def record(self, mode, status, path):
            with log_lock, open(os.path.join(state_dir, "requests.log"), "a") as f:
                f.write(f"{mode} {status} {self.command} {path}\n")

        do_GET = answer
        do_POST = answer

    class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
        daemon_threads = True
        allow_reuse_address = True

    Server(("127.0.0.1", port), Handler).serve_forever()


# ---------------------------------------------------------------- checks

def login(out, name, expected, secs):
    client = Client()
    code = f"{name}-{time.time_ns()}"
    started = time.monotonic()
    status, payload = client.call("POST", "/api/v1/auth/wx-login", None, {"code": code})
    took = time.monotonic() - started
    envelope = isinstance(payload, dict) and "code" in payload and "message" in payload
    ok = status == expected and took <= secs and envelope and (status != 200 or payload["data"].get("token"))
    return check(out, ok, f"WeChat {name}: login answers {expected} within {secs} s",
                 f"{status} in {took:.2f} s, code {payload.get('code') if isinstance(payload, dict) else '?'}")


def claim_notices(first, last):
    keys = " OR ".join(f"o.dedupe_key LIKE 'wish-claimed:{w}:%'" for w in range(first, last + 1))  # wish-claimed:<wish>:<event>
    return sql(f"SELECT o.status, o.attempts, COALESCE(o.last_error, '') FROM notify_outbox o "
               f"WHERE o.kind = 'WISH_CLAIMED' AND ({keys})")


def notices_failed(out, first, last, wait):
    deadline = time.time() + wait
    while True:
        rows = claim_notices(first, last)
        tried = [r for r in rows if r[0] == "PENDING" and int(r[1]) >= 1]
        if rows and len(tried) == len(rows) or time.time() > deadline:
            break
        time.sleep(2)
    sent = [r for r in rows if r[0] == "SENT"]
    return check(out, bool(rows) and len(tried) == len(rows) and not sent,
                 "WeChat down: claim notices are kept for a later try, none lost or sent",
                 f"{len(rows)} notices: {len(tried)} PENDING after a failed try ({', '.join(sorted({r[2] for r in tried}))}), "
                 f"{len(sent)} SENT")


def notices_sent(out, first, last, wait, state_dir):
    deadline = time.time() + wait
    while True:
        rows = claim_notices(first, last)
        if rows and all(r[0] == "SENT" for r in rows) or time.time() > deadline:
            break
        time.sleep(2)
    done = [r for r in rows if r[0] == "SENT"]
    ok = check(out, bool(rows) and len(done) == len(rows), "WeChat back: every kept notice is sent",
               f"{len(done)} of {len(rows)} SENT within {wait} s, after {max(int(r[1]) for r in rows) if rows else 0} attempts at most")
    sent_total = int(one("SELECT COUNT(*) FROM notify_outbox WHERE status = 'SENT'"))
    delivered = sum(1 for line in open(os.path.join(state_dir, "requests.log"))
                    if line.split()[1] == "200" and line.rstrip().endswith("/cgi-bin/message/subscribe/send"))
    ok &= check(out, sent_total == delivered, "WeChat took each notice once (two instances' senders, no double send)",
                f"{delivered} successful sends, {sent_total} SENT rows")
    return ok


def nearby(out, token):
    client = Client()
    path = f"/api/v1/stations/nearby?lat={STATION_LAT}&lng={STATION_LNG}&radius=2000&page=1&size=20"
    found = False
    for _ in range(30):  # the index rebuild runs in the background once the loss is seen
        status, payload = client.call("GET", path, token, None)
        items = (payload.get("data") or {}).get("items", []) if isinstance(payload, dict) else []
        found = status == 200 and any(i.get("id") == STATION for i in items)
        if found:
            break
        time.sleep(1)
    return check(out, found, "Redis lost: the map finds the station again (GEO index rebuilt from MySQL)",
                 f"GET /stations/nearby: {status}, {len(items)} stations")


class Direct(Client):
    """A client of one instance's own port (plain HTTP), to see each instance, not nginx's choice."""

    def __init__(self, url):
        super().__init__()
        parts = urllib.parse.urlsplit(url)
        self.host, self.port = parts.hostname, parts.port

    def call(self, method, path, token, body, key=None):
        import http.client
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            conn.request(method, path, headers={"Authorization": "Bearer " + token})
            resp = conn.getresponse()
            raw = resp.read()
            try:
                return resp.status, json.loads(raw)
            except ValueError:
                return resp.status, {"raw": raw[:200].decode(errors="replace")}
        except OSError as e:
            return 0, {"error": repr(e)}
        finally:
            conn.close()


def db_down(out, token, urls):
    ok = True
    for url in urls:
        times = []
        replies = []
        for _ in range(3):
            started = time.monotonic()
            status, payload = Direct(url).call("GET", "/api/v1/points/account", token, None)
            times.append(time.monotonic() - started)
            replies.append((status, payload.get("code") if isinstance(payload, dict) else None))
        worst = max(times)
        ok &= check(out, all(s == 503 for s, _ in replies) and worst <= 3.0,
                    f"MySQL down: {url} answers 503 within about 2 s",
                    f"{replies}, slowest {worst:.2f} s")
    return ok


def db_back(out, token, wait, urls):
    ok = True
    for url in urls:
        deadline = time.time() + wait
        started = time.time()
        while True:
            status, payload = Direct(url).call("GET", "/api/v1/points/account", token, None)
            if status == 200 or time.time() > deadline:
                break
            time.sleep(0.5)
        ok &= check(out, status == 200, f"MySQL back: {url} answers 200 again, no restart",
                    f"{status} after {time.time() - started:.1f} s")
    return ok


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "wechat":
        serve_wechat(int(sys.argv[2]), sys.argv[3])
    else:
        out = sys.argv[2]
        if cmd == "login":
            passed = login(out, sys.argv[3], int(sys.argv[4]), float(sys.argv[5]))
        elif cmd == "notices-failed":
            passed = notices_failed(out, int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
        elif cmd == "notices-sent":
            passed = notices_sent(out, int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6])
        elif cmd == "nearby":
            passed = nearby(out, sys.argv[3])
        elif cmd == "db-down":
            passed = db_down(out, sys.argv[3], sys.argv[4:])
        elif cmd == "db-back":
            passed = db_back(out, sys.argv[3], int(sys.argv[4]), sys.argv[5:])
        else:
            raise SystemExit(f"unknown command {cmd}")
        sys.exit(0 if passed else 1)
