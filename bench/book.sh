#!/usr/bin/env bash
# The booking benchmark (see bench/README.md, "Booking burst"): 5,000 booking requests from 2,000
# users for one service slot with 50 seats, at full speed, against the packaged jar on the machine's
# MariaDB and Redis:
#   1. a fresh database $DB_NAME and Redis db $REDIS_DB (flushed), 2,000 users with sessions, slots
#   2. the jar with the Redis gate on: $WARMUPS warm-up bursts on their own slots, the measured burst, the floor
#      (GET /actuator/health/liveness on the management port, the same burst size and connections)
#   3. the jar with the gate off (MySQL's guards only): the warm-up bursts, the measured burst
#   4. after every burst: exactly 50 bookings in MySQL (rows and the slot's counter), and with the
#      gate on, Redis's seats left equal to MySQL's
# Builds nothing: uses server/target/doorstep-server-0.1.0-SNAPSHOT.jar. Writes bench/results/book-<stamp>.txt.
# It DROPS the database $DB_NAME and FLUSHES Redis db $REDIS_DB: both are for the benchmark only.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
JAR=${JAR:-$BENCH_DIR/../server/target/doorstep-server-0.1.0-SNAPSHOT.jar}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m}
PORT=${PORT:-18090}
MGMT_PORT=${MGMT_PORT:-18091}
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_NAME=${DB_NAME:-doorstep_book_bench}
DB_USER=${DB_USER:-root}
DB_PASSWORD=${DB_PASSWORD:-}
REDIS_HOST=${REDIS_HOST:-127.0.0.1}
REDIS_PORT=${REDIS_PORT:-6379}
REDIS_DB=${REDIS_DB:-3}
USERS=${USERS:-2000}
REQUESTS=${REQUESTS:-5000}
SEATS=${SEATS:-50}
THREADS=${THREADS:-2}
CONNS=${CONNS:-32}
WARMUPS=${WARMUPS:-8}           # warm-up bursts (each on its own slot, two hours apart) before each measured one: JIT on 2 cores is slow
WRK_SECONDS=${WRK_SECONDS:-30}   # wrk's -d: longer than a burst takes (each thread stops after its share)

[[ "$DB_NAME" == *_bench ]] || { echo "refusing: DB_NAME must end in _bench (it is dropped)" >&2; exit 2; }
[[ "$REDIS_DB" != 0 ]] || { echo "refusing: REDIS_DB 0 (it is flushed; CI's external tests use db 0)" >&2; exit 2; }
[[ -f "$JAR" ]] || { echo "no jar at $JAR: build it (./mvnw -q -B -DskipTests package) or set JAR=" >&2; exit 2; }
MYSQL=${MYSQL:-$(command -v mariadb || command -v mysql || true)}
for tool in "$JAVA" "$MYSQL" redis-cli wrk curl python3; do
    command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 2; }
done

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$BENCH_DIR/results
OUT=$RESULTS/book-$STAMP
SUMMARY=$RESULTS/book-$STAMP.txt
mkdir -p "$OUT"
URL=http://127.0.0.1:$PORT
MGMT_URL=http://127.0.0.1:$MGMT_PORT
export MYSQL_PWD=$DB_PASSWORD
sql() { "$MYSQL" -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" --batch --skip-column-names "$@"; }
rcli() { redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" -n "$REDIS_DB" "$@"; }
log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$OUT/run.log" >&2; }

APP_PID=
cleanup() { if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

start_app() { # NAME GATE(true|false)
    local name=$1 gate=$2 i
    # shellcheck disable=SC2086
    DOORSTEP_DB_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$DB_NAME" DOORSTEP_DB_USER=$DB_USER DOORSTEP_DB_PASSWORD=$DB_PASSWORD \
    DOORSTEP_REDIS_URL="redis://$REDIS_HOST:$REDIS_PORT/$REDIS_DB" PORT=$PORT DOORSTEP_MANAGEMENT_PORT=$MGMT_PORT \
    DOORSTEP_BOOKING_GATE=$gate \
        "$JAVA" $JAVA_OPTS -jar "$JAR" --doorstep.booking.generate-delay=PT1H > "$OUT/app-$name.log" 2>&1 &
    APP_PID=$!
    for i in $(seq 180); do
        kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$OUT/app-$name.log" >&2; echo "the app died on start-up" >&2; exit 1; }
        curl -sf "$MGMT_URL/actuator/health/readiness" >/dev/null && return 0
        sleep 1
    done
    echo "the app did not get ready in 180 s" >&2; exit 1
}
stop_app() {
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
}

burst() { # NAME SLOT [URL MODE]: one burst through wrk; its RESULT line goes to wrk-NAME.txt
    local name=$1 slot=$2 url=${3:-$URL} mode=${4:-book}
    BENCH_THREADS=$THREADS BENCH_MODE=$mode BENCH_TOKENS=$OUT/tokens.txt BENCH_SLOT=$slot BENCH_REQUESTS=$REQUESTS \
        wrk -t"$THREADS" -c"$CONNS" -d"${WRK_SECONDS}s" --timeout 10s -s "$BENCH_DIR/lua/book.lua" "$url" \
        > "$OUT/wrk-$name.txt" 2>&1
    grep RESULT "$OUT/wrk-$name.txt" | tee -a "$OUT/run.log" >&2
}
field() { sed -n "s/.*[ ]$2=\([^ ]*\).*/\1/p" "$OUT/wrk-$1.txt" | head -1; }

verify() { # NAME SLOT GATE: exactly $SEATS bookings; Redis agrees with MySQL when the gate is on
    local name=$1 slot=$2 gate=$3 rows booked redis_left="n/a" mysql_left
    rows=$(sql "$DB_NAME" -e "SELECT COUNT(*) FROM booking WHERE slot_id = $slot AND active_key = 1")
    booked=$(sql "$DB_NAME" -e "SELECT booked FROM booking_slot WHERE id = $slot")
    mysql_left=$(sql "$DB_NAME" -e "SELECT capacity - booked - held FROM booking_slot WHERE id = $slot")
    if [[ "$gate" == true ]]; then
        redis_left=$(( $(rcli GET "slot:$slot:seats") - $(rcli SCARD "slot:$slot:holders") ))
    fi
    local verdict=OK
    [[ "$rows" == "$SEATS" && "$booked" == "$SEATS" ]] || verdict=FAILED
    [[ "$gate" != true || "$redis_left" == "$mysql_left" ]] || verdict=FAILED
    echo "$name: bookings=$rows slot.booked=$booked seats_left mysql=$mysql_left redis=$redis_left $verdict" | tee -a "$OUT/verify.txt" >&2
    [[ $verdict == OK ]]
}

log "fresh database $DB_NAME, Redis db $REDIS_DB"
sql -e "DROP DATABASE IF EXISTS \`$DB_NAME\`; CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
rcli FLUSHDB >/dev/null

log "migrating (first start)"
start_app migrate true
stop_app

SLOTS=$(( 2 * WARMUPS + 2 ))
log "loading $USERS users with sessions, a service and $SLOTS slots of $SEATS seats"
python3 - "$OUT" "$USERS" <<'PY' > "$OUT/load.sql"
import hashlib, os, sys, time
out, users = sys.argv[1], int(sys.argv[2])
now = int(time.time() * 1000)
tokens, redis = [], []
print("SET @now = UTC_TIMESTAMP(3);")
rows = []
for i in range(1, users + 1):
    rows.append(f"({i}, 'bench-{i}', @now, @now)")
print("INSERT INTO app_user (id, openid, created_at, updated_at) VALUES " + ",".join(rows) + ";")
print("INSERT INTO user_role (user_id, role, scope_id, created_at) VALUES "
      + ",".join(f"({i}, 'RESIDENT', 0, @now)" for i in range(1, users + 1)) + ";")
for i in range(1, users + 1):
    token = os.urandom(32).hex()
    tokens.append(token)
    redis.append(f"SET auth:token:{hashlib.sha256(token.encode()).hexdigest()} {i}|{now} PX 86400000")
open(f"{out}/tokens.txt", "w").write("\n".join(tokens) + "\n")
open(f"{out}/sessions.redis", "w").write("\n".join(redis) + "\n")
PY
cat >> "$OUT/load.sql" <<SQL
INSERT INTO booking_service (id, station_id, name, kind, capacity, slot_minutes, weekly, horizon_days, min_notice_minutes,
    cancel_deadline_minutes, weekly_limit, audience, status, created_at, updated_at)
VALUES (1, 1, '义务理发', 'SERVICE', $SEATS, 60, '[]', 7, 0, 60, 10, 'RESIDENTS', 'ACTIVE', @now, @now);
-- gate on: slots 1..WARMUPS warm up, WARMUPS+1 is measured; gate off: the next WARMUPS warm up, the last is measured
INSERT INTO booking_slot (id, station_id, service_id, starts_at, ends_at, capacity, status, manual, created_at) VALUES
$(for i in $(seq "$SLOTS"); do printf " (%d, 1, 1, DATE_ADD(@now, INTERVAL %d HOUR), DATE_ADD(@now, INTERVAL %d HOUR), %d, 'OPEN', 1, @now)%s\n" \
    "$i" $((2 * i)) $((2 * i + 1)) "$SEATS" "$([[ $i == "$SLOTS" ]] && echo ';' || echo ',')"; done)
SQL
sql "$DB_NAME" < "$OUT/load.sql"
rcli < "$OUT/sessions.redis" > /dev/null

log "gate on"
start_app gate true
for i in $(seq "$WARMUPS"); do burst "gate-warmup$i" "$i"; done
burst gate $((WARMUPS + 1))
for i in $(seq "$WARMUPS"); do verify "gate-warmup$i" "$i" true; done
verify gate $((WARMUPS + 1)) true
for i in $(seq "$WARMUPS"); do burst "floor-warmup$i" 0 "$MGMT_URL/actuator/health/liveness" get; done
burst floor 0 "$MGMT_URL/actuator/health/liveness" get
stop_app

log "gate off (MySQL's guards only)"
start_app mysql false
for i in $(seq "$WARMUPS"); do burst "mysql-warmup$i" $((WARMUPS + 1 + i)); done
burst mysql "$SLOTS"
for i in $(seq "$WARMUPS"); do verify "mysql-warmup$i" $((WARMUPS + 1 + i)) false; done
verify mysql "$SLOTS" false
stop_app

{
    echo "Booking burst $STAMP: $REQUESTS POST /api/v1/bookings from $USERS users for one slot of $SEATS seats,"
    echo "wrk -t$THREADS -c$CONNS, each request its own Idempotency-Key; $(nproc) cores, $(sql -e 'SELECT VERSION()')"
    printf "%-22s %8s %6s %8s %6s %10s %9s %9s\n" run requests ok conflict other "req/s" "p50 ms" "p99 ms"
    for name in gate mysql floor; do
        printf "%-22s %8s %6s %8s %6s %10s %9s %9s\n" "$name" "$(field $name requests)" "$(field $name ok)" \
            "$(field $name conflict)" "$(field $name other)" "$(field $name rps)" "$(field $name p50_ms)" "$(field $name p99_ms)"
    done
    python3 - "$(field gate rps)" "$(field mysql rps)" "$(field floor rps)" "$(field gate p99_ms)" <<'PY'
import sys
gate, mysql, floor, p99 = map(float, sys.argv[1:])
print(f"gate / MySQL-only: {gate / mysql:.2f}x (target >= 2x)")
print(f"gate / floor:      {gate / floor * 100:.0f} % (target >= 50 %)")
print(f"gate p99:          {p99:.1f} ms (target < 150 ms)")
PY
    cat "$OUT/verify.txt"
} | tee "$SUMMARY"
