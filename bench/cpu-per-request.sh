#!/usr/bin/env bash
# CPU the app spends per request, for the map search and for the stack's floor (liveness), on the
# benchmark's data. On a machine shared with other work, throughput moves with the neighbours; the
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
MGMT_PORT=${MGMT_PORT:-18081}
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

start() {
    DOORSTEP_DB_URL="jdbc:mysql://127.0.0.1:3306/$DB_NAME" DOORSTEP_DB_USER=root DOORSTEP_DB_PASSWORD= \
    DOORSTEP_REDIS_URL="redis://127.0.0.1:6379/$REDIS_DB" PORT=$PORT DOORSTEP_MANAGEMENT_PORT=$MGMT_PORT \
        java -Xms512m -Xmx512m -jar "$JAR" --doorstep.limits.map-searches-per-minute=2000000000 > "$WORK/app.log" 2>&1 &
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
step() { # NAME URL QUERIES
    local t0 t1 n
    BENCH_QUERIES=$3 wrk -t1 -c"$CONNS" -d5s -s "$BENCH_DIR/lua/nearby.lua" "$2" >/dev/null 2>&1   # settle
    t0=$(ticks)
    BENCH_QUERIES=$3 wrk -t1 -c"$CONNS" -d"${SECONDS_PER_STEP}s" -s "$BENCH_DIR/lua/nearby.lua" "$2" > "$WORK/$1.txt" 2>&1
    t1=$(ticks)
    n=$(grep -m1 '^RESULT' "$WORK/$1.txt" | tr ' ' '\n' | sed -n 's/^requests=//p')
    awk -v n="$n" -v d="$((t1 - t0))" -v hz="$hz" -v name="$1" -v rps="$(grep -m1 '^RESULT' "$WORK/$1.txt" | tr ' ' '\n' | sed -n 's/^rps=//p')" \
        'BEGIN { printf "%-9s %8d requests  %8.1f req/s  %7.1f us CPU per request\n", name, n, rps, d / hz * 1e6 / n }'
}
echo "0 0 /actuator/health/liveness" > "$WORK/liveness.txt"
echo "warming up (60 s)"
BENCH_QUERIES=$WORK/queries.txt wrk -t1 -c"$CONNS" -d60s -s "$BENCH_DIR/lua/nearby.lua" "http://127.0.0.1:$PORT" >/dev/null 2>&1
BENCH_QUERIES=$WORK/liveness.txt wrk -t1 -c"$CONNS" -d15s -s "$BENCH_DIR/lua/nearby.lua" "http://127.0.0.1:$MGMT_PORT" >/dev/null 2>&1
step nearby "http://127.0.0.1:$PORT" "$WORK/queries.txt" | tee "$WORK/summary"
step floor "http://127.0.0.1:$MGMT_PORT" "$WORK/liveness.txt" | tee -a "$WORK/summary"
awk '/^nearby/ {n = $(NF-4)} /^floor/ {f = $(NF-4)} END { printf "floor/nearby CPU per request: %.1f %%\n", f / n * 100 }' "$WORK/summary"
