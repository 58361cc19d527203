#!/usr/bin/env bash
# Issue 18 §1: two instances of the packaged jar behind nginx, on the machine's MariaDB and Redis, tested.
#
#   ops/cluster-test.sh              (as root: nginx's loopback config is run as nginx/check.sh runs it)
#
#   1. packages the jar (./mvnw -q -B package -DskipTests; SKIP_BUILD=1 uses the one in server/target)
#   2. a fresh schema doorstep_cluster (dropped first) on MariaDB at 127.0.0.1:3306 (root, empty password)
#      and Redis database 7 (flushed); Flyway by a first start; users with bearer sessions written
#      straight into MySQL and Redis (the prod jar has no dev login: as bench/ does), rewards, slots, wishes
#   3. instances A and B: the prod profile, the README's environment, ports 18181/18182 (actuator on
#      18191/18192), -Xmx512m, one media folder; ShedLock logging at DEBUG (every job round is logged)
#   4. nginx with nginx/nginx-loopback.conf (a copy in the run's folder: upstream = A and B, port 18443)
#   5. round "steady": the booking burst (1,000 residents, one slot of 50 seats), the redemption burst
#      (1,000 residents, a reward of 50), the wish-claim race (5 wishes, 20 volunteers each) and 200
#      parallel first awards (a platform admin's adjustments of brand-new users), mixed and sent at once
#      through nginx from 32 client threads (ops/cluster_load.py); then every invariant from MySQL
#   6. round "kill": the same on fresh rows, and instance A gets SIGKILL once 40 % are answered: no
#      invariant breaks, every reply the client saw as 200 is in MySQL, the survivor answers everything
#      sent 3 s after the kill; then no event publication stays incomplete (the survivor redelivers:
#      redelivery every 10 s of what is 20 s old here), the survivor takes the redelivery job over, and
#      no scheduled job ran on two instances at once
#   7. issue 18 §2, the part that fits here: B stopped too, nginx answers 502/504 itself in the app's error
#      envelope (code 10503)
# Prints each check as PASS/FAIL and a summary; exits 1 on any FAIL. Everything it starts is stopped at
# the end, whatever happens; logs and replies stay in server/target/cluster-test/<UTC time>/.
# Never touches the schemas doorstep or doorstep_test, nor Redis databases 0 and 5 (CI's).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_USER=${DB_USER:-root}
DB_PASSWORD=${DB_PASSWORD:-}
DB_NAME=doorstep_cluster
REDIS_HOST=${REDIS_HOST:-127.0.0.1}
REDIS_PORT=${REDIS_PORT:-6379}
REDIS_DB=7
PORT_A=18181; PORT_B=18182; MGMT_A=18191; MGMT_B=18192; NGINX_PORT=18443
JAR=$ROOT/server/target/doorstep-server-0.1.0-SNAPSHOT.jar
JAVA_OPTS="-Xms256m -Xmx512m"

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$ROOT/server/target/cluster-test/$STAMP
mkdir -p "$OUT/media" "$OUT/media-withdrawn"
STARTED=$(date +%s)
log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$OUT/run.log"; }

MYSQL=$(command -v mariadb || command -v mysql || true)
for tool in java "$MYSQL" redis-cli nginx python3 curl openssl; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 2; }
done
[[ $(id -u) == 0 ]] || { echo "run as root (nginx, as nginx/check.sh runs it)" >&2; exit 2; }
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in $PORT_A $PORT_B $MGMT_A $MGMT_B $NGINX_PORT; do
  if answers "$port"; then echo "port $port is in use" >&2; exit 2; fi
done
export MYSQL_PWD=$DB_PASSWORD
SQL_CMD="$MYSQL -h$DB_HOST -P$DB_PORT -u$DB_USER $DB_NAME"
sql() { $MYSQL -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" --batch --skip-column-names "$@"; }
rcli() { redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" -n "$REDIS_DB" "$@"; }

PID_A=; PID_B=; NGINX_UP=
stop_pid() { # PID: TERM, then KILL after 20 s
  local pid=$1
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  if [[ -n "$NGINX_UP" ]]; then nginx -p "$OUT/nginx/" -c nginx-loopback.conf -e stderr -s quit 2>/dev/null || true; fi
  stop_pid "$PID_A"; stop_pid "$PID_B"
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
log "fresh schema $DB_NAME, Redis db $REDIS_DB flushed"
sql -e "DROP DATABASE IF EXISTS \`$DB_NAME\`; CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
rcli FLUSHDB >/dev/null

start_instance() { # NAME PORT MGMT_PORT [more app arguments]: sets LAST_PID
  local name=$1 port=$2 mgmt=$3; shift 3
  # shellcheck disable=SC2086
  SPRING_PROFILES_ACTIVE=prod \
  DOORSTEP_DB_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$DB_NAME" DOORSTEP_DB_USER=$DB_USER DOORSTEP_DB_PASSWORD=$DB_PASSWORD \
  DOORSTEP_REDIS_URL="redis://$REDIS_HOST:$REDIS_PORT/$REDIS_DB" PORT=$port DOORSTEP_MANAGEMENT_PORT=$mgmt \
  DOORSTEP_WX_APPID=wx-cluster-test DOORSTEP_WX_SECRET=cluster-test-secret \
  DOORSTEP_MEDIA_DIR="$OUT/media" DOORSTEP_MEDIA_WITHDRAWN_DIR="$OUT/media-withdrawn" \
  DOORSTEP_MEDIA_BASE_URL="https://127.0.0.1:$NGINX_PORT/media" \
  DOORSTEP_EVENTS_REDELIVER_AFTER=20s \
    java $JAVA_OPTS -jar "$JAR" --doorstep.events.redeliver-every=PT10S \
      --logging.level.net.javacrumbs.shedlock=DEBUG "$@" > "$OUT/app-$name.log" 2>&1 &
  LAST_PID=$!
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
rcli FLUSHDB >/dev/null
rcli < "$OUT/sessions.redis" >/dev/null

# ---------- 3. two instances
log "starting instances A (:$PORT_A) and B (:$PORT_B), -Xmx512m, one media folder"
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
none=; (( archived + incomplete == 0 )) && none=" (these four flows publish no events: nothing to redeliver)"
check $([[ $incomplete == 0 ]] && echo 0 || echo 1) "no event publication stays incomplete" \
  "$incomplete incomplete after $(( i * 2 )) s or less, $archived completed$none"
log "the survivor takes the redelivery job over once the killed instance's lock has run out (lockAtLeastFor 20 s)"
python3 ops/cluster_load.py survivor "$OUT" "$OUT/app-B.log" events.redeliver 60 || FAILED=1

log "jobs: ShedLock rounds in both instances' logs"
python3 ops/cluster_load.py jobs "$OUT" "$OUT/app-A.log" "$OUT/app-B.log" || FAILED=1
locks=$(sql "$DB_NAME" -e "SELECT GROUP_CONCAT(CONCAT(name, '@', SUBSTRING_INDEX(locked_by, '.', 1)) ORDER BY name SEPARATOR ' ') FROM shedlock")
log "shedlock rows now: $locks"
log "$(grep -c " ERROR " "$OUT/app-B.log" || true) ERROR lines in the survivor's log (reported, not judged)"
rss_b=$(awk '/^VmRSS/{printf "%.0f", $2/1024}' "/proc/$PID_B/status" 2>/dev/null || echo "?")

# §2, the part that fits here: both instances down, nginx answers itself, in the app's error envelope
log "both instances down: stopping B"
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
echo "   $(nproc) cores, $($MYSQL --version | grep -o 'Distrib [^,]*\|[0-9.]*-MariaDB' | head -1), $(redis-cli --version | cut -d' ' -f1-2), $(nginx -v 2>&1 | sed 's/.*: //'), java $(java -version 2>&1 | head -1 | cut -d'"' -f2), -Xmx512m; survivor RSS ${rss_b} MB"
sed 's/^/   /' "$OUT/checks.txt"
if [[ $fail == 0 && $FAILED == 0 ]]; then echo "== PASS =="; exit 0; else echo "== FAIL =="; exit 1; fi
