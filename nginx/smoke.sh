#!/usr/bin/env bash
# Tries the loopback variant for real, in a few seconds: a stand-in app (python3, answering JSON) on
# 127.0.0.1:8080, nginx with nginx-loopback.conf on 127.0.0.1:8443, then curl checks of what the
# config promises. Stops both afterwards. Needs nginx, curl, python3, openssl; not run by CI.
set -euo pipefail
cd "$(dirname "$0")/.."                     # the repository root
lb=nginx/loopback
base=https://127.0.0.1:8443

for cmd in nginx curl python3 openssl; do
  command -v "$cmd" >/dev/null || { echo "smoke.sh needs $cmd" >&2; exit 1; }
done
for port in 8080 8443; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "smoke.sh: 127.0.0.1:$port is in use (the app? another nginx?); stop it first" >&2; exit 1
  fi
done

nginx/selfsigned.sh >/dev/null
rm -f "$lb/access.log" "$lb/error.log"
mkdir -p "$lb/media/2025"
printf '\x89PNG\r\n\x1a\n' > "$lb/media/2025/smoke.png"
echo "not an image" > "$lb/media/notes.txt"

# The stand-in app: echoes what it received; /api/v1/big answers ~20 KB of JSON. It also sends
# headers nginx must hide (X-Powered-By) or replace (X-Frame-Options).
python3 - <<'PY' &
import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
class StandIn(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        data = {h: self.headers.get(h) for h in ("Host", "X-Forwarded-For", "X-Forwarded-Proto",
                                                  "X-Forwarded-Port", "Forwarded")}
        data["peerPort"] = self.client_address[1]   # the same for requests on one kept-alive connection
        if self.path.startswith("/api/v1/big"):
            data["filler"] = ["station %d" % i for i in range(2000)]
        body = json.dumps({"code": 0, "message": "ok", "data": data}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Powered-By", "stand-in")
        self.send_header("X-Frame-Options", "SAMEORIGIN")
        self.end_headers()
        self.wfile.write(body)
    do_GET = do_POST = answer
    def log_message(self, *args):
        pass
class Server(ThreadingHTTPServer):
    request_queue_size = 128   # the default backlog (5) stalls a burst for a second
Server(("127.0.0.1", 8080), StandIn).serve_forever()
PY
standin=$!
nginx_pid=
stop() {
  [[ -n $nginx_pid ]] && kill -QUIT "$nginx_pid" 2>/dev/null || true
  kill "$standin" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop EXIT

# In the foreground of a background job, so that this script owns (and stops) the master process.
nginx -p "$PWD/nginx/" -c nginx-loopback.conf -e stderr -g 'daemon off;' &
nginx_pid=$!
for port in 8080 8443; do
  for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
done
kill -0 "$nginx_pid" 2>/dev/null || { echo "smoke.sh: nginx did not start" >&2; exit 1; }

failures=0
check() {  # check <what> <command...>: the command's success is the check's
  local what=$1; shift
  if "$@"; then echo "ok    $what"; else echo "FAIL  $what" >&2; failures=$((failures + 1)); fi
}
has() { grep -qi -- "$2" <<<"$1"; }        # has <text> <regex>, case-insensitive
lacks() { ! grep -qi -- "$2" <<<"$1"; }
c() { curl -sk "$@"; }                      # -k: the certificate is self-signed

check "HTTP/2 over TLS" test "$(c --http2 -o /dev/null -w '%{http_version}' $base/api/v1/ping)" = 2
tls() { echo | openssl s_client -connect 127.0.0.1:8443 "$1" -cipher 'DEFAULT@SECLEVEL=0' 2>&1; }
check "TLS 1.2 accepted" has "$(tls -tls1_2)" "Protocol *: TLSv1.2"
check "TLS 1.1 refused (protocol version alert)" has "$(tls -tls1_1)" "alert protocol version"

h=$(c -D - -o /dev/null $base/api/v1/ping)
check "security headers" eval 'has "$h" "^strict-transport-security: max-age=31536000; includeSubDomains" &&
  has "$h" "^x-content-type-options: nosniff" && has "$h" "^referrer-policy: no-referrer" &&
  has "$h" "^content-security-policy: default-src .none.; frame-ancestors .none."'
check "one X-Frame-Options, nginx's" \
  test "$(grep -ci '^x-frame-options' <<<"$h")/$(grep -ci '^x-frame-options: DENY' <<<"$h")" = 1/1
check "no X-Powered-By, no version in Server" eval 'lacks "$h" "^x-powered-by" && has "$h" "^server: nginx.$"'

b=$(c -H 'X-Forwarded-For: 6.6.6.6' -H 'Forwarded: for=6.6.6.6' $base/api/v1/ping)
check "forwarding headers set by nginx, client's dropped" eval 'has "$b" "\"X-Forwarded-For\": \"127.0.0.1\"" &&
  has "$b" "\"X-Forwarded-Proto\": \"https\"" && has "$b" "\"Forwarded\": null" &&
  has "$b" "\"Host\": \"127.0.0.1\""'

peer() { c $base/api/v1/ping | sed 's/.*"peerPort": \([0-9]*\).*/\1/'; }
check "upstream connection kept alive" test "$(peer)" = "$(peer)"

gz() { c -H 'Accept-Encoding: gzip' -D - -o /dev/null "$base$1"; }
check "gzip for a large JSON" has "$(gz /api/v1/big)" "^content-encoding: gzip"
check "no gzip for a small one" lacks "$(gz /api/v1/ping)" "^content-encoding"

for path in /actuator/health /actuator/prometheus /v3/api-docs /swagger-ui.html /error; do
  check "$path not proxied: 404 JSON" test "$(c -w ' %{http_code} %{content_type}' $base$path)" = \
    '{"code":10400,"message":"Not found","data":null} 404 application/json'
done

big=$(head -c 70000 /dev/zero | tr '\0' 'x')
check "70 KB body: 413 JSON" test "$(c -w ' %{http_code}' -H 'Content-Type: application/json' \
    --data-binary "{\"x\":\"$big\"}" $base/api/v1/wishes)" = \
  '{"code":10002,"message":"The request body is larger than allowed","data":null} 413'
check "70 KB upload to /api/v1/media/ passes" test "$(c -o /dev/null -w '%{http_code}' \
    -F "file=@-;filename=a.png" $base/api/v1/media/images <<<"$big")" = 200
long=$(head -c 9000 /dev/zero | tr '\0' 'a')
check "9 KB URL: 414 JSON" test "$(c --http1.1 -w ' %{http_code}' "$base/api/v1/ping?q=$long")" = \
  '{"code":10003,"message":"The request line or headers are too large","data":null} 414'
check "9 KB header: 400 JSON" test "$(c --http1.1 -w ' %{http_code}' -H "X-Big: $long" $base/api/v1/ping)" = \
  '{"code":10003,"message":"The request line or headers are too large","data":null} 400'
check "malformed request line: 400 JSON" has "$(printf 'GARBAGE\r\n\r\n' |
  openssl s_client -quiet -connect 127.0.0.1:8443 2>/dev/null)" '"code":10003'
check "internal error URIs are not public" test "$(c -o /dev/null -w '%{http_code}' $base/_errors/400)" = 404

m=$(c -D - -o /dev/null $base/media/2025/smoke.png)
check "media: image served, cached, nosniff" eval 'has "$m" "^HTTP/2 200" && has "$m" "^content-type: image/png" &&
  has "$m" "^cache-control: public, max-age=31536000, immutable" && has "$m" "^x-content-type-options: nosniff"'
for path in /media/notes.txt /media/ /media/2025/ /media/missing.png /media/../nginx.conf; do
  check "media: $path is 404" test "$(c -o /dev/null -w '%{http_code}' --path-as-is $base$path)" = 404
done

# Login: 20/min, burst 10 -> of a burst, the first 11 pass and the rest get 429 with Retry-After.
# (One curl, many URLs: the options apply to each, -o is needed once per URL.)
many() { urls=(); for _ in $(seq "$1"); do urls+=(-o /dev/null "$2"); done; }
many 14 $base/api/v1/auth/wx-login
codes=$(c -X POST -H 'Content-Type: application/json' -d '{"code":"x"}' -w '%{http_code} ' "${urls[@]}")
check "login burst: 11 pass, then 429 ($codes)" \
  test "$codes" = "$(printf '200 %.0s' $(seq 11))$(printf '429 %.0s' $(seq 3))"
r=$(c -D - -X POST -d '{}' -H 'Content-Type: application/json' $base/api/v1/auth/wx-login)
check "429: JSON, Retry-After 3, security headers" eval 'has "$r" "^HTTP/2 429" && has "$r" "^retry-after: 3" &&
  has "$r" "^content-type: application/json" && has "$r" "^x-frame-options: DENY" &&
  has "$r" "{\"code\":10429,\"message\":\"Too many requests; retry after the Retry-After header.s seconds\",\"data\":null}"'

# Map search with a position and a token: 20/s, burst 40 -> of 60 at once (-Z), some get 429.
many 60 "$base/api/v1/stations/nearby?lat=43.8371&lng=126.5496"
h=$(c -Z --parallel-max 60 --no-progress-meter -D - -H 'Authorization: Bearer smoke-token-secret' "${urls[@]}")
check "map search burst: $(grep -c '^HTTP/2 200' <<<"$h") pass, $(grep -c '^HTTP/2 429' <<<"$h") get 429" \
  has "$h" "^HTTP/2 429"
check "map 429: Retry-After 1" has "$h" "^retry-after: 1"

sleep 0.2
log=$(cat "$lb/access.log")
check "access log has the search's path" has "$log" '"GET /api/v1/stations/nearby HTTP/2.0" 429'
check "access log: no position, no token" eval 'lacks "$log" "lat=" && lacks "$log" "43\.837" &&
  lacks "$log" "smoke-token" && lacks "$log" "bearer"'
check "error log: no position" lacks "$(cat "$lb/error.log")" "lat="

kill "$standin"; wait "$standin" 2>/dev/null || true
check "app down: 502 JSON" test "$(c -w ' %{http_code}' $base/api/v1/ping)" = \
  '{"code":10503,"message":"A service we depend on is unavailable; retry shortly","data":null} 502'

echo "-- last access log lines:"; tail -n 3 "$lb/access.log"
if (( failures )); then echo "$failures check(s) failed" >&2; exit 1; fi
echo "all checks passed"
