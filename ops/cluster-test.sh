#!/usr/bin/env bash
# Issue 18 §1 and §2: two instances of the packaged jar behind nginx, on the machine's MariaDB and a Redis of
# the run's own, tested; then the faults production brings, with both instances up.
#
#   ops/cluster-test.sh              (as root: nginx's loopback config is run as nginx/check.sh runs it)
#
#   1. packages the jar (./mvnw -q -B package -DskipTests; SKIP_BUILD=1 uses the one in server/target)
#   2. a fresh schema doorstep_cluster (dropped first) on MariaDB at 127.0.0.1:3306 (root, empty password),
#      which the instances reach through a TCP relay the run can cut (socat on 13316); a Redis server of its
#      own (OS redis-server on 16390, no persistence: it can be restarted with its data lost); a stand-in for
#      WeChat's API on 18900 (ops/cluster_faults.py: answers, 500s or hangs, as told); Flyway by a first
#      start; users with bearer sessions written straight into MySQL and Redis (the prod jar has no dev
#      login: as bench/ does), a station, rewards, slots, wishes
#   3. instances A and B: the prod profile, the README's environment, ports 18181/18182 (actuator on
#      18191/18192), -Xmx512m, one media folder; ShedLock logging at DEBUG (every job round is logged)
#   4. nginx with nginx/nginx-loopback.conf (a copy in the run's folder: upstream = A and B, port 18443)
#   5. round "steady": the booking burst (1,000 residents, one slot of 50 seats), the redemption burst
#      (1,000 residents, a reward of 50), the wish-claim race (5 wishes, 20 volunteers each), 200
#      parallel first awards (a platform admin's adjustments of brand-new users) and 100 live-status
#      changes of the station (each a StationChanged event the map's listener handles), mixed and sent at
#      once through nginx from 32 client threads (ops/cluster_load.py); then every invariant from MySQL
#   6. round "kill": the same on fresh rows, and instance A gets SIGKILL once 40 % are answered: no
#      invariant breaks, every reply the client saw as 200 is in MySQL, the survivor answers everything
#      sent 3 s after the kill; then no event publication stays incomplete (the survivor redelivers:
#      redelivery every 10 s of what is 20 s old here), the survivor takes the redelivery job over, and
#      no scheduled job ran on two instances at once
#   7. issue 18 §2 with two instances (A started again): WeChat answering 500 or hanging → login 503 in
#      time; Redis killed and started empty in the middle of round "redis" (while WeChat is down) → no
#      invariant breaks, sessions end with 401 10100, claim notices wait and go once WeChat is back (exactly
#      once each); the residents sign in again and round "refill" sells the slot and the stock exactly out
#      (the gates rebuilt from MySQL), the map finds the station (GEO index rebuilt); MySQL cut → each
#      instance answers 503 within ~2 s, and 200 again once it is back, without a restart
#   8. B and A stopped, nginx answers 502/504 itself in the app's error envelope (code 10503)
#   RSS of each instance (-Xmx512m) is sampled every second and its maximum reported.
# Prints each check as PASS/FAIL and a summary; exits 1 on any FAIL. Everything it starts is stopped at
# the end, whatever happens; logs and replies stay in server/target/cluster-test/<UTC time>/.
# Never touches the schemas doorstep or doorstep_test, nor the machine's Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_USER=${DB_USER:-root}
DB_PASSWORD=${DB_PASSWORD:-}
DB_NAME=doorstep_cluster
REDIS_HOST=127.0.0.1
REDIS_PORT=16390          # the run's own redis-server
REDIS_DB=0
DB_RELAY_PORT=13316       # socat to MariaDB: the instances' only way to it, cut to take MySQL away
WECHAT_PORT=18900
PORT_A=18181; PORT_B=18182; MGMT_A=18191; MGMT_B=18192; NGINX_PORT=18443
JAR=$ROOT/server/target/doorstep-server-0.1.0-SNAPSHOT.jar
JAVA_OPTS="-Xms256m -Xmx512m"

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$ROOT/server/target/cluster-test/$STAMP
mkdir -p "$OUT/media" "$OUT/media-withdrawn"
STARTED=$(date +%s)
log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$OUT/run.log"; }

MYSQL=$(command -v mariadb || command -v mysql || true)
for tool in java "$MYSQL" redis-server redis-cli socat nginx python3 curl openssl; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 2; }
done
[[ $(id -u) == 0 ]] || { echo "run as root (nginx, as nginx/check.sh runs it)" >&2; exit 2; }
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in $PORT_A $PORT_B $MGMT_A $MGMT_B $NGINX_PORT $REDIS_PORT $DB_RELAY_PORT $WECHAT_PORT; do
  if answers "$port"; then echo "port $port is in use" >&2; exit 2; fi
done
export MYSQL_PWD=$DB_PASSWORD
SQL_CMD="$MYSQL -h$DB_HOST -P$DB_PORT -u$DB_USER $DB_NAME"
sql() { $MYSQL -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" --batch --skip-column-names "$@"; }
rcli() { redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" -n "$REDIS_DB" "$@"; }

PID_A=; PID_B=; NGINX_UP=; PID_RELAY=; PID_WECHAT=; SAMPLERS=()
stop_pid() { # PID: TERM, then KILL after 20 s
  local pid=$1
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
redis_start() {
  redis-server --port $REDIS_PORT --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --pidfile "$OUT/redis.pid" --logfile "$OUT/redis.log" --dir "$OUT" >/dev/null
  for _ in $(seq 50); do rcli PING 2>/dev/null | grep -q PONG && return 0; sleep 0.1; done
  echo "redis-server did not start" >&2; exit 1
}
redis_stop() { [[ -f "$OUT/redis.pid" ]] && kill -9 "$(cat "$OUT/redis.pid")" 2>/dev/null; rm -f "$OUT/redis.pid"; }
relay_start() { # the instances' road to MariaDB; its own process group, so that cutting it resets every connection
  setsid socat TCP-LISTEN:$DB_RELAY_PORT,bind=127.0.0.1,fork,reuseaddr TCP:$DB_HOST:$DB_PORT 2>>"$OUT/relay.log" &
  PID_RELAY=$!
  disown "$PID_RELAY"
  for _ in $(seq 50); do answers $DB_RELAY_PORT && return 0; sleep 0.1; done
}
relay_cut() { [[ -n "$PID_RELAY" ]] && kill -9 -- "-$PID_RELAY" 2>/dev/null; PID_RELAY=; }
sample_rss() { # NAME PID: the instance's RSS in MB, every second, while it lives
  ( while kill -0 "$2" 2>/dev/null; do awk '/^VmRSS/{printf "%.0f\n", $2/1024}' "/proc/$2/status" 2>/dev/null; sleep 1; done ) \
    > "$OUT/rss-$1.txt" & SAMPLERS+=($!)
}
rss_max() { awk '$1+0>m{m=$1+0} END{print m+0}' "$OUT/rss-$1.txt" 2>/dev/null || echo "?"; }
cleanup() {
  set +e  # stop everything, whatever is already gone (under -e a kill of an ended process would end the trap, exit 1)
  if [[ -n "$NGINX_UP" ]]; then nginx -p "$OUT/nginx/" -c nginx-loopback.conf -e stderr -s quit 2>/dev/null || true; fi
  stop_pid "$PID_A"; stop_pid "$PID_B"
  relay_cut; redis_stop
  [[ -n "$PID_WECHAT" ]] && kill "$PID_WECHAT" 2>/dev/null
  for pid in "${SAMPLERS[@]}"; do kill "$pid" 2>/dev/null; done
  echo "[$(date -u +%H:%M:%S)] stopped everything this run started; logs in ${OUT#$ROOT/}"
}
trap cleanup EXIT

: > "$OUT/checks.txt"
check() { # OK(0/1) NAME DETAIL
  local verdict=FAIL; [[ $1 == 0 ]] && verdict=PASS
  echo "$verdict $2: $3" | tee -a "$OUT/checks.txt"
}

# ---------- 1. the jar
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  log "packaging the jar (./mvnw -q -B package -DskipTests)"
  ./mvnw -q -B package -DskipTests > "$OUT/build.log" 2>&1 || { tail -40 "$OUT/build.log"; exit 1; }
fi
[[ -f "$JAR" ]] || { echo "no jar at $JAR" >&2; exit 1; }

# ---------- 2. database, Redis, data
log "fresh schema $DB_NAME; the run's Redis (:$REDIS_PORT), its relay to MariaDB (:$DB_RELAY_PORT), WeChat's stand-in (:$WECHAT_PORT)"
sql -e "DROP DATABASE IF EXISTS \`$DB_NAME\`; CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
redis_start
relay_start
mkdir -p "$OUT/wechat"; echo ok > "$OUT/wechat/mode"; : > "$OUT/wechat/requests.log"
python3 ops/cluster_faults.py wechat $WECHAT_PORT "$OUT/wechat" 2>>"$OUT/wechat/stderr.log" &
PID_WECHAT=$!
cat > "$OUT/redis-restart.sh" <<EOF
#!/usr/bin/env bash
# Redis dies (SIGKILL) and comes back empty, as a restart without persistence does
kill -9 \$(cat "$OUT/redis.pid")
while redis-cli -p $REDIS_PORT PING >/dev/null 2>&1; do sleep 0.05; done
redis-server --port $REDIS_PORT --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \\
  --pidfile "$OUT/redis.pid" --logfile "$OUT/redis.log" --dir "$OUT" >/dev/null
until redis-cli -p $REDIS_PORT PING 2>/dev/null | grep -q PONG; do sleep 0.05; done
EOF
chmod +x "$OUT/redis-restart.sh"

start_instance() { # NAME PORT MGMT_PORT [more app arguments]: sets LAST_PID
  local name=$1 port=$2 mgmt=$3; shift 3
  # shellcheck disable=SC2086
  SPRING_PROFILES_ACTIVE=prod \
  DOORSTEP_DB_URL="jdbc:mysql://127.0.0.1:$DB_RELAY_PORT/$DB_NAME" DOORSTEP_DB_USER=$DB_USER DOORSTEP_DB_PASSWORD=$DB_PASSWORD \
  DOORSTEP_REDIS_URL="redis://$REDIS_HOST:$REDIS_PORT/$REDIS_DB" PORT=$port DOORSTEP_MANAGEMENT_PORT=$mgmt \
  DOORSTEP_WX_APPID=wx-cluster-test DOORSTEP_WX_SECRET=cluster-test-secret \
  DOORSTEP_MEDIA_DIR="$OUT/media" DOORSTEP_MEDIA_WITHDRAWN_DIR="$OUT/media-withdrawn" \
  DOORSTEP_MEDIA_BASE_URL="https://127.0.0.1:$NGINX_PORT/media" \
  DOORSTEP_EVENTS_REDELIVER_AFTER=20s \
    java $JAVA_OPTS -jar "$JAR" --doorstep.events.redeliver-every=PT10S \
      --doorstep.wechat.api-host=http://127.0.0.1:$WECHAT_PORT --doorstep.notify.templates.WISH_CLAIMED=tpl-cluster-claimed \
      --logging.level.net.javacrumbs.shedlock=DEBUG "$@" > "$OUT/app-$name.log" 2>&1 &
  LAST_PID=$!
  sample_rss "$name" $LAST_PID
}
wait_ready() { # NAME PID MGMT_PORT
  local name=$1 pid=$2 mgmt=$3
  for _ in $(seq 240); do
    kill -0 "$pid" 2>/dev/null || { tail -40 "$OUT/app-$name.log"; echo "instance $name died on start-up" >&2; exit 1; }
    curl -sf "http://127.0.0.1:$mgmt/actuator/health/readiness" >/dev/null && return 0
    sleep 1
  done
  echo "instance $name not ready in 240 s" >&2; exit 1
}

log "first start (Flyway creates the schema), scheduling off"
start_instance migrate $PORT_A $MGMT_A --doorstep.scheduling.enabled=false; PID_A=$LAST_PID
wait_ready migrate "$PID_A" $MGMT_A
stop_pid "$PID_A"; PID_A=

log "loading users, sessions, slots, rewards, wishes"
python3 ops/cluster_load.py data "$OUT"
sql "$DB_NAME" < "$OUT/data.sql"

# ---------- 3. two instances
log "starting instances A (:$PORT_A) and B (:$PORT_B), -Xmx512m, one media folder"
rcli FLUSHDB >/dev/null; rcli < "$OUT/sessions.redis" >/dev/null
start_instance A $PORT_A $MGMT_A; PID_A=$LAST_PID
start_instance B $PORT_B $MGMT_B; PID_B=$LAST_PID
wait_ready A "$PID_A" $MGMT_A
wait_ready B "$PID_B" $MGMT_B
log "both ready ($(( $(date +%s) - STARTED )) s since the start)"

# ---------- 4. nginx, the repo's loopback config, on a copy
mkdir -p "$OUT/nginx"
cp -R nginx/*.conf nginx/snippets nginx/selfsigned.sh "$OUT/nginx/"
"$OUT/nginx/selfsigned.sh" >/dev/null 2>&1
python3 - "$OUT/nginx/nginx-loopback.conf" "$PORT_A" "$PORT_B" "$NGINX_PORT" "$OUT/media" <<'PY'
import re, sys
path, a, b, port, media = sys.argv[1:]
conf = open(path).read()
new = re.sub(r"server 127\.0\.0\.1:8080 (max_fails=\S+ fail_timeout=\S+);",
             lambda m: f"server 127.0.0.1:{a} {m.group(1)};\n        server 127.0.0.1:{b} {m.group(1)};", conf, count=1)
new = new.replace("listen      127.0.0.1:8443 ssl", f"listen      127.0.0.1:{port} ssl", 1)
new = new.replace("set $media_root loopback/media;", f"set $media_root {media};", 1)
assert new.count(f"127.0.0.1:{b}") == 1 and f":{port} ssl" in new and media in new, "nginx-loopback.conf changed shape"
open(path, "w").write(new)
PY
nginx -p "$OUT/nginx/" -c nginx-loopback.conf -e stderr -t -q
nginx -p "$OUT/nginx/" -c nginx-loopback.conf -e stderr
NGINX_UP=1
export URL="https://127.0.0.1:$NGINX_PORT" SQL="$SQL_CMD" THREADS=${THREADS:-32} KILL_AT=${KILL_AT:-0.4}
for _ in $(seq 50); do curl -sk -o /dev/null "$URL/api/v1/points/account" && break; sleep 0.2; done
code=$(curl -sk -o /dev/null -w '%{http_code}' "$URL/api/v1/points/account")
check $([[ $code == 401 ]] && echo 0 || echo 1) "nginx answers for the instances" "GET /api/v1/points/account without a session: $code (401 expected)"
act=$(curl -sk -o /dev/null -w '%{http_code}' "$URL/actuator/health")
check $([[ $act == 404 ]] && echo 0 || echo 1) "nginx keeps actuator private" "GET /actuator/health: $act"

# ---------- 5. steady
FAILED=0
log "round steady: both instances up"
python3 ops/cluster_load.py round "$OUT" steady || FAILED=1

# ---------- 6. kill
log "round kill: instance A (pid $PID_A) gets SIGKILL in the middle"
python3 ops/cluster_load.py round "$OUT" kill "$PID_A" || FAILED=1
wait "$PID_A" 2>/dev/null || true
kill -0 "$PID_A" 2>/dev/null && a_state=alive || a_state=gone
check $([[ $a_state == gone ]] && echo 0 || echo 1) "instance A is gone (SIGKILL)" "$a_state"
kill -0 "$PID_B" 2>/dev/null && b_state=alive || b_state=gone
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$MGMT_B/actuator/health/readiness")
check $([[ $b_state == alive && $code == 200 ]] && echo 0 || echo 1) "instance B survives and is ready" "$b_state, readiness $code"
PID_A=

log "waiting for the survivor to complete every event publication (redelivery of what is 20 s old, every 10 s)"
incomplete=
for i in $(seq 60); do
  incomplete=$(sql "$DB_NAME" -e "SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL")
  [[ $incomplete == 0 ]] && break
  (( i == 1 )) && log "$incomplete incomplete publications"
  sleep 2
done
archived=$(sql "$DB_NAME" -e "SELECT COUNT(*) FROM EVENT_PUBLICATION_ARCHIVE")
# completed 15 s or more after publication: not by the listener right after the commit, but by redelivery
late=$(sql "$DB_NAME" -e "SELECT COUNT(*) FROM EVENT_PUBLICATION_ARCHIVE WHERE COMPLETION_DATE >= PUBLICATION_DATE + INTERVAL 15 SECOND")
check $([[ $incomplete == 0 && $archived -gt 0 ]] && echo 0 || echo 1) "no event publication stays incomplete" \
  "$incomplete incomplete after $(( i * 2 )) s or less; $archived completed, $late of them late, by redelivery"
log "the survivor takes the redelivery job over once the killed instance's lock has run out (lockAtLeastFor 20 s)"
python3 ops/cluster_load.py survivor "$OUT" "$OUT/app-B.log" events.redeliver 60 || FAILED=1

log "$(grep -c " ERROR " "$OUT/app-B.log" || true) ERROR lines in the survivor's log (reported, not judged)"

# ---------- 7. faults with two instances (issue 18 §2)
log "faults: instance A started again"
start_instance A2 $PORT_A $MGMT_A; PID_A=$LAST_PID
wait_ready A2 "$PID_A" $MGMT_A
wx() { echo "$1" > "$OUT/wechat/mode"; log "WeChat's stand-in now answers: $1"; }
python3 ops/cluster_faults.py login "$OUT" answering 200 5 || FAILED=1
wx 500
python3 ops/cluster_faults.py login "$OUT" 5xx 503 2.5 || FAILED=1
wx hang
python3 ops/cluster_faults.py login "$OUT" hanging 503 8 || FAILED=1
wx 500

log "round redis: Redis killed and started empty once 3 % are answered (WeChat still answering 500)"
REDIS_RESTART="$OUT/redis-restart.sh" python3 ops/cluster_load.py round "$OUT" redis || FAILED=1
python3 ops/cluster_faults.py notices-failed "$OUT" 11 15 60 || FAILED=1
echo "mark back" >> "$OUT/wechat/requests.log"
wx ok
python3 ops/cluster_faults.py notices-sent "$OUT" 11 15 150 "$OUT/wechat" || FAILED=1

log "the residents sign in again (the mini-program does it silently on 401): their sessions written again"
rcli < "$OUT/sessions.redis" >/dev/null
log "round refill: round 3's slot and reward again, on gates rebuilt from MySQL"
python3 ops/cluster_load.py round "$OUT" refill || FAILED=1
RESIDENT_TOKEN=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['1'])" "$OUT/tokens.json")
python3 ops/cluster_faults.py nearby "$OUT" "$RESIDENT_TOKEN" || FAILED=1

log "MySQL cut (the relay killed: every connection reset, new ones refused)"
relay_cut
python3 ops/cluster_faults.py db-down "$OUT" "$RESIDENT_TOKEN" "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B" || FAILED=1
log "MySQL back"
relay_start
python3 ops/cluster_faults.py db-back "$OUT" "$RESIDENT_TOKEN" 30 "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B" || FAILED=1

log "jobs: ShedLock rounds in every instance's log"
python3 ops/cluster_load.py jobs "$OUT" "$OUT/app-A.log" "$OUT/app-B.log" "$OUT/app-A2.log" || FAILED=1
locks=$(sql "$DB_NAME" -e "SELECT GROUP_CONCAT(CONCAT(name, '@', SUBSTRING_INDEX(locked_by, '.', 1)) ORDER BY name SEPARATOR ' ') FROM shedlock")
log "shedlock rows now: $locks"

# ---------- 8. both instances down, nginx answers itself, in the app's error envelope
log "both instances down: stopping A and B"
stop_pid "$PID_A"; PID_A=
stop_pid "$PID_B"; PID_B=
reply=$(curl -sk -w ' %{http_code} %{content_type}' -H "Content-Type: application/json" -d '{"slotId":1}' "$URL/api/v1/bookings")
python3 - "$reply" <<'PY' && ok=0 || ok=1
import json, sys
body, status, ctype = sys.argv[1].rsplit(" ", 2)
reply = json.loads(body)
assert status in ("502", "504") and ctype.startswith("application/json") and reply["code"] == 10503 and reply["data"] is None
PY
check $ok "both instances down: nginx answers 502/504 in the envelope" "$reply"

elapsed=$(( $(date +%s) - STARTED ))
pass=$(grep -c '^PASS' "$OUT/checks.txt" || true); fail=$(grep -c '^FAIL' "$OUT/checks.txt" || true)
echo
echo "== Two instances behind nginx: $pass checks passed, $fail failed, $(( elapsed / 60 )) min $(( elapsed % 60 )) s =="
echo "   $(nproc) cores, $($MYSQL --version | grep -o 'Distrib [^,]*\|[0-9.]*-MariaDB' | head -1), $(redis-cli --version | cut -d' ' -f1-2), $(nginx -v 2>&1 | sed 's/.*: //'), java $(java -version 2>&1 | head -1 | cut -d'"' -f2), -Xmx512m"
echo "   RSS max under load (-Xmx512m): A $(rss_max A) MB, B $(rss_max B) MB, A again $(rss_max A2) MB"
sed 's/^/   /' "$OUT/checks.txt"
if [[ $fail == 0 && $FAILED == 0 ]]; then echo "== PASS =="; exit 0; else echo "== FAIL =="; exit 1; fi
