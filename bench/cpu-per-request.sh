#!/usr/bin/env bash
# CPU the app spends per request, for the map search, a refused booking (a full slot), a refused
# redemption (a sold-out reward) and the stack's floor (liveness), on the benchmark's data. On a machine shared with other work, throughput moves with the neighbours; the
# app's own CPU time per request barely does, and the ratio of the two endpoints' CPU per request is
# what the throughput ratio converges to when the app is CPU-bound. A quick check while optimising;
# bench/run.sh stays the measurement of record.
#
# Usage: bench/cpu-per-request.sh [seconds per step, default 20]
# Needs what bench/run.sh needs, and the data it loads (run bench/run.sh once, or set LOAD=1 to
# generate and load it here). Uses the database doorstep_bench and Redis db 1, like bench/run.sh.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SECONDS_PER_STEP=${1:-20}
JAR=${JAR:-$BENCH_DIR/../server/target/doorstep-server-0.1.0-SNAPSHOT.jar}
PORT=${PORT:-18080}
# actuator on the app's port by default, as bench/run.sh and bench/book.sh have it: the floor then goes
# through the same connector, filters and observation as the requests compared with it
MGMT_PORT=${MGMT_PORT:-$PORT}
DB_NAME=${DB_NAME:-doorstep_bench}
REDIS_DB=${REDIS_DB:-1}
CONNS=${CONNS:-16}
WORK=$(mktemp -d -t cpu-per-request.XXXX)
[[ "$DB_NAME" == *_bench ]] || { echo "refusing: DB_NAME must end in _bench" >&2; exit 2; }
[[ "$REDIS_DB" != 0 ]] || { echo "refusing: REDIS_DB 0" >&2; exit 2; }

python3 "$BENCH_DIR/gen_stations.py" --count 100000 --seed 20251130 --sql "$WORK/stations.sql" --queries "$WORK/queries.txt" >/dev/null
if [[ "${LOAD:-0}" == 1 ]]; then
    mariadb -uroot -e "DROP DATABASE IF EXISTS \`$DB_NAME\`; CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
fi
redis-cli -n "$REDIS_DB" FLUSHDB >/dev/null

# prod's settings; with actuator on the app's port, given one by one (as bench/lib.sh does), since the
# prod profile binds actuator to its own loopback port
if [[ "$MGMT_PORT" == "$PORT" ]]; then
    PROFILE_ARGS=(--spring.profiles.active=bench --springdoc.api-docs.enabled=false --springdoc.swagger-ui.enabled=false
        --doorstep.wechat.api-host=https://api.weixin.qq.com "--doorstep.media.dir=$WORK/media")
else
    PROFILE_ARGS=()
fi
start() {
    DOORSTEP_DB_URL="jdbc:mysql://127.0.0.1:3306/$DB_NAME" DOORSTEP_DB_USER=root DOORSTEP_DB_PASSWORD= \
    DOORSTEP_REDIS_URL="redis://127.0.0.1:6379/$REDIS_DB" PORT=$PORT DOORSTEP_MANAGEMENT_PORT=$MGMT_PORT \
        java -Xms512m -Xmx512m -jar "$JAR" "${PROFILE_ARGS[@]}" --doorstep.limits.map-searches-per-minute=2000000000 \
        > "$WORK/app.log" 2>&1 &
    APP=$!
    for _ in $(seq 300); do
        curl -sf "http://127.0.0.1:$MGMT_PORT/actuator/health/readiness" >/dev/null && return 0
        kill -0 "$APP" 2>/dev/null || { tail -30 "$WORK/app.log"; exit 1; }
        sleep 1
    done
    echo "not ready in 300 s" >&2; exit 1
}
stop() { kill "$APP" 2>/dev/null; wait "$APP" 2>/dev/null || true; }
trap stop EXIT

start
if [[ "${LOAD:-0}" == 1 ]]; then
    stop; mariadb -uroot "$DB_NAME" < "$WORK/stations.sql"; redis-cli -n "$REDIS_DB" FLUSHDB >/dev/null; start
fi
ticks() { awk '{print $14 + $15}' "/proc/$APP/stat"; }   # utime + stime, in clock ticks
hz=$(getconf CLK_TCK)
# One measured step: SCRIPT (a wrk script of lua/) against URL, its settings in the environment.
step() { # NAME URL SCRIPT
    local t0 t1 n
    wrk -t1 -c"$CONNS" -d5s -s "$BENCH_DIR/lua/$3" "$2" >/dev/null 2>&1   # settle
    t0=$(ticks)
    wrk -t1 -c"$CONNS" -d"${SECONDS_PER_STEP}s" -s "$BENCH_DIR/lua/$3" "$2" > "$WORK/$1.txt" 2>&1
    t1=$(ticks)
    n=$(grep -m1 '^RESULT' "$WORK/$1.txt" | tr ' ' '\n' | sed -n 's/^requests=//p')
    awk -v n="$n" -v d="$((t1 - t0))" -v hz="$hz" -v name="$1" -v rps="$(grep -m1 '^RESULT' "$WORK/$1.txt" | tr ' ' '\n' | sed -n 's/^rps=//p')" \
        'BEGIN { printf "%-10s %8d requests  %8.1f req/s  %7.1f us CPU per request\n", name, n, rps, d / hz * 1e6 / n }'
    grep -m1 '^RESULT' "$WORK/$1.txt" | sed "s/^RESULT/  $1:/" >&2
}

# The refusals' fixtures (idempotent, ids far above the map's): residents with sessions, a slot of one
# seat at station 1 (the first booking in the settle run takes it; every later one is refused FULL by the
# seat gate) and a reward of station 1 with no stock (refused SOLD_OUT by the stock gate).
refusal_fixtures() {
    local now_ms community
    now_ms=$(( $(date +%s) * 1000 ))
    community=$(mariadb -uroot "$DB_NAME" --batch --skip-column-names -e "SELECT community_id FROM station WHERE id = 1")
    python3 - "$WORK" "$now_ms" <<'PY'
import hashlib, os, sys
work, now = sys.argv[1], sys.argv[2]
tokens = [f"{9000001 + i}.{os.urandom(32).hex()}" for i in range(200)]
open(f"{work}/tokens.txt", "w").write("\n".join(tokens) + "\n")
open(f"{work}/sessions.redis", "w").write("\n".join(
    f"SET auth:{{{9000001 + i}}}:token:{hashlib.sha256(t.encode()).hexdigest()} {9000001 + i}|{now} PX 86400000"
    for i, t in enumerate(tokens)) + "\n")
users = ",".join(f"({9000001 + i}, 'cpu-{i}', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))" for i in range(200))
roles = ",".join(f"({9000001 + i}, 'RESIDENT', 0, UTC_TIMESTAMP(3))" for i in range(200))
open(f"{work}/fixtures.sql", "w").write(
    f"INSERT IGNORE INTO app_user (id, openid, created_at, updated_at) VALUES {users};\n"
    f"INSERT IGNORE INTO user_role (user_id, role, scope_id, created_at) VALUES {roles};\n")
PY
    cat >> "$WORK/fixtures.sql" <<SQL
INSERT IGNORE INTO booking_service (id, station_id, name, kind, capacity, slot_minutes, weekly, horizon_days,
    min_notice_minutes, cancel_deadline_minutes, weekly_limit, audience, status, created_at, updated_at)
VALUES (900001, 1, '义务理发', 'SERVICE', 1, 60, '[]', 7, 0, 60, 10, 'RESIDENTS', 'ACTIVE', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3));
DELETE FROM booking WHERE slot_id = 900001;
DELETE FROM booking_slot WHERE id = 900001;
INSERT INTO booking_slot (id, station_id, service_id, starts_at, ends_at, capacity, status, manual, created_at)
VALUES (900001, 1, 900001, DATE_ADD(UTC_TIMESTAMP(3), INTERVAL 2 DAY), DATE_ADD(UTC_TIMESTAMP(3), INTERVAL 49 HOUR),
    1, 'OPEN', 1, UTC_TIMESTAMP(3));
INSERT IGNORE INTO reward (id, community_id, station_id, kind, name, points_price, stock, status, created_by, created_at, updated_at)
VALUES (900001, $community, 1, 'GOODS', '大米', 10, 0, 'ACTIVE', 9000001, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3));
SQL
    mariadb -uroot "$DB_NAME" < "$WORK/fixtures.sql"
    redis-cli -n "$REDIS_DB" < "$WORK/sessions.redis" >/dev/null
    redis-cli -n "$REDIS_DB" DEL slot:900001:seats slot:900001:holders >/dev/null
}

echo "0 0 /actuator/health/liveness" > "$WORK/liveness.txt"
refusal_fixtures
echo "warming up (60 s)"
BENCH_QUERIES=$WORK/queries.txt wrk -t1 -c"$CONNS" -d60s -s "$BENCH_DIR/lua/nearby.lua" "http://127.0.0.1:$PORT" >/dev/null 2>&1
BENCH_QUERIES=$WORK/liveness.txt wrk -t1 -c"$CONNS" -d15s -s "$BENCH_DIR/lua/nearby.lua" "http://127.0.0.1:$MGMT_PORT" >/dev/null 2>&1
export BENCH_TOKENS=$WORK/tokens.txt
BENCH_PATH=/api/v1/bookings BENCH_BODY='{"slotId":900001}' \
    wrk -t1 -c"$CONNS" -d15s -s "$BENCH_DIR/lua/post.lua" "http://127.0.0.1:$PORT" >/dev/null 2>&1
BENCH_PATH=/api/v1/redemptions BENCH_BODY='{"rewardId":900001,"quantity":1}' \
    wrk -t1 -c"$CONNS" -d15s -s "$BENCH_DIR/lua/post.lua" "http://127.0.0.1:$PORT" >/dev/null 2>&1
BENCH_QUERIES=$WORK/queries.txt step nearby "http://127.0.0.1:$PORT" nearby.lua | tee "$WORK/summary"
BENCH_QUERIES=$WORK/liveness.txt step floor "http://127.0.0.1:$MGMT_PORT" nearby.lua | tee -a "$WORK/summary"
BENCH_PATH=/api/v1/bookings BENCH_BODY='{"slotId":900001}' \
    step booking "http://127.0.0.1:$PORT" post.lua | tee -a "$WORK/summary"
BENCH_PATH=/api/v1/redemptions BENCH_BODY='{"rewardId":900001,"quantity":1}' \
    step redemption "http://127.0.0.1:$PORT" post.lua | tee -a "$WORK/summary"
awk '/^nearby/ {n = $(NF-4)} /^floor/ {f = $(NF-4)} /^booking/ {b = $(NF-4)} /^redemption/ {r = $(NF-4)} END {
    printf "floor/nearby CPU per request: %.1f %%\n", f / n * 100
    printf "refused booking / floor:      %.2fx (target <= 2x)\n", b / f
    printf "refused redemption / floor:   %.2fx (target <= 2x)\n", r / f }' "$WORK/summary"
