#!/usr/bin/env bash
# The booking benchmark (see bench/README.md, "Booking burst"): 5,000 booking requests from 2,000
# users for one service slot with 50 seats, at full speed, against the packaged jar on the machine's
# MariaDB and Redis:
#   1. a fresh database $DB_NAME and Redis db $REDIS_DB (flushed), 2,000 users with sessions, slots
#   2. the jar with the Redis gate on: $WARMUPS warm-up bursts on their own slots, $MEASURED measured
#      bursts (each on a fresh slot), then the floor (GET /actuator/health/liveness on the app's port,
#      bench/lib.sh) as many times, with the same burst size, threads and connections
#   3. the jar with the gate off (MySQL's guards only): the warm-up bursts, the measured bursts
#   4. after every burst: exactly 50 bookings in MySQL (rows and the slot's counter), and with the
#      gate on, Redis's seats left equal to MySQL's
# Each figure is the median of its measured bursts; all of them are in the summary.
# Builds nothing: uses server/target/doorstep-server-0.1.0-SNAPSHOT.jar. Writes bench/results/book-<stamp>.txt.
# It DROPS the database $DB_NAME and FLUSHES Redis db $REDIS_DB: both are for the benchmark only.
set -euo pipefail

DB_NAME=${DB_NAME:-doorstep_book_bench}
REDIS_DB=${REDIS_DB:-3}
USERS=${USERS:-2000}
REQUESTS=${REQUESTS:-5000}
SEATS=${SEATS:-50}
THREADS=${THREADS:-2}
CONNS=${CONNS:-32}
WARMUPS=${WARMUPS:-8}           # warm-up bursts (each on its own slot, two hours apart) before the measured ones: JIT on 2 cores is slow
MEASURED=${MEASURED:-3}         # measured bursts per path (and of the floor); the summary takes the median
BENCH_NAME=book
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

burst() { # NAME SLOT: one burst of REQUESTS bookings for the slot, each request its own Idempotency-Key
    local name=$1 slot=$2
    BENCH_THREADS=$THREADS BENCH_MODE=book BENCH_TOKENS=$OUT/tokens.txt BENCH_SLOT=$slot BENCH_TAG="$name-$STAMP" \
        BENCH_REQUESTS=$REQUESTS run_wrk "$name" "$THREADS" \
        -t"$THREADS" -c"$CONNS" -d120s --timeout 10s -s "$BENCH_DIR/lua/book.lua" "$URL"
}

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

fresh_database
log "migrating (first start)"
start_app migrate --doorstep.booking.generate-delay=PT1H
stop_app

PER_PATH=$(( WARMUPS + MEASURED ))
SLOTS=$(( 2 * PER_PATH ))
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
    token = f"{i}.{os.urandom(32).hex()}"  # a token starts with its user's id: the hash tag of the user's keys
    tokens.append(token)
    redis.append(f"SET auth:{{{i}}}:token:{hashlib.sha256(token.encode()).hexdigest()} {i}|{now} PX 86400000")
open(f"{out}/tokens.txt", "w").write("\n".join(tokens) + "\n")
open(f"{out}/sessions.redis", "w").write("\n".join(redis) + "\n")
PY
cat >> "$OUT/load.sql" <<SQL
INSERT INTO booking_service (id, station_id, name, kind, capacity, slot_minutes, weekly, horizon_days, min_notice_minutes,
    cancel_deadline_minutes, weekly_limit, audience, status, created_at, updated_at)
VALUES (1, 1, '义务理发', 'SERVICE', $SEATS, 60, '[]', 7, 0, 60, 10, 'RESIDENTS', 'ACTIVE', @now, @now);
-- gate on: slots 1..WARMUPS warm up, the next MEASURED are measured; gate off: the same again on the slots after them
INSERT INTO booking_slot (id, station_id, service_id, starts_at, ends_at, capacity, status, manual, created_at) VALUES
$(for i in $(seq "$SLOTS"); do printf " (%d, 1, 1, DATE_ADD(@now, INTERVAL %d HOUR), DATE_ADD(@now, INTERVAL %d HOUR), %d, 'OPEN', 1, @now)%s\n" \
    "$i" $((2 * i)) $((2 * i + 1)) "$SEATS" "$([[ $i == "$SLOTS" ]] && echo ';' || echo ',')"; done)
SQL
sql "$DB_NAME" < "$OUT/load.sql"
rcli < "$OUT/sessions.redis" > /dev/null

log "gate on"
start_app gate --doorstep.booking.generate-delay=PT1H --doorstep.booking.gate-enabled=true
for i in $(seq "$WARMUPS"); do burst "gate-warmup$i" "$i"; done
for i in $(seq "$MEASURED"); do burst "gate$i" $((WARMUPS + i)); done
for i in $(seq "$WARMUPS"); do verify "gate-warmup$i" "$i" true; done
for i in $(seq "$MEASURED"); do verify "gate$i" $((WARMUPS + i)) true; done
for i in $(seq "$WARMUPS"); do floor_burst "floor-warmup$i" "$REQUESTS" "$THREADS" "$CONNS"; done
for i in $(seq "$MEASURED"); do floor_burst "floor$i" "$REQUESTS" "$THREADS" "$CONNS"; done
stop_app

log "gate off (MySQL's guards only)"
start_app mysql --doorstep.booking.generate-delay=PT1H --doorstep.booking.gate-enabled=false
for i in $(seq "$WARMUPS"); do burst "mysql-warmup$i" $((PER_PATH + i)); done
for i in $(seq "$MEASURED"); do burst "mysql$i" $((PER_PATH + WARMUPS + i)); done
for i in $(seq "$WARMUPS"); do verify "mysql-warmup$i" $((PER_PATH + i)) false; done
for i in $(seq "$MEASURED"); do verify "mysql$i" $((PER_PATH + WARMUPS + i)) false; done
stop_app

GATE=$(median_run gate "$MEASURED" rps); MYSQL_RUN=$(median_run mysql "$MEASURED" rps); FLOOR=$(median_run floor "$MEASURED" rps)
{
    echo "Booking burst $STAMP: $REQUESTS POST /api/v1/bookings from $USERS users for one slot of $SEATS seats,"
    echo "wrk -t$THREADS -c$CONNS, each request its own Idempotency-Key; $WARMUPS warm-up bursts, then $MEASURED measured (medians below)"
    echo "$(nproc) cores, $(sql -e 'SELECT VERSION()'), jar sha256 $(sha256sum "$JAR" | cut -c1-12)"
    printf "%-22s %8s %6s %8s %6s %10s %9s %9s\n" run requests ok conflict other "req/s" "p50 ms" "p99 ms"
    for name in $(seq -f "gate%g" "$MEASURED") $(seq -f "mysql%g" "$MEASURED") $(seq -f "floor%g" "$MEASURED"); do
        printf "%-22s %8s %6s %8s %6s %10s %9s %9s\n" "$name" "$(result "$name" requests)" "$(result "$name" ok)" \
            "$(result "$name" conflict)" "$(result "$name" other)" "$(result "$name" rps)" "$(result "$name" p50_ms)" "$(result "$name" p99_ms)"
    done
    echo "medians: gate $GATE, MySQL-only $MYSQL_RUN, floor $FLOOR (GET /actuator/health/liveness on the app's port)"
    python3 - "$(result "$GATE" rps)" "$(result "$MYSQL_RUN" rps)" "$(result "$FLOOR" rps)" "$(result "$GATE" p99_ms)" <<'PY'
import sys
gate, mysql, floor, p99 = map(float, sys.argv[1:])
print(f"gate / MySQL-only: {gate / mysql:.2f}x (target >= 2x)")
print(f"gate / floor:      {gate / floor * 100:.0f} % (target >= 50 %)")
print(f"gate p99:          {p99:.1f} ms (target < 150 ms)")
PY
    cat "$OUT/verify.txt"
} | tee "$SUMMARY"
