#!/usr/bin/env bash
# GET /api/v1/admin/coverage over the whole city: 3,612 grids against 797 service stations (Jilin), then 10x
# (36,120 grids, 7,970 stations: ten cities at the same density), on the packaged jar (prod profile, actuator on
# the app's port) with the machine's MariaDB and Redis. Per size: the GEO path (pipelined GEOSEARCH per grid)
# for when=now|evening|holiday at city scope and one district, then the fallback (the GEO index held "not ready"
# by a foreign rebuild lease, so every request reads the stations from MySQL and measures in the JVM).
# Times are curl's time_total of sequential requests (one at a time: an admin's page, not a burst).
#
# Usage: bench/coverage/run.sh [requests per step, default 15]
# Needs the jar (./mvnw -q -B -DskipTests package), MariaDB on 127.0.0.1:3306 (root, no password), Redis on
# 127.0.0.1:6379, curl, python3. Drops and recreates the database doorstep_bench_coverage and flushes Redis db 10
# (only those).
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N=${1:-15}
JAR=${JAR:-$BENCH_DIR/../server/target/doorstep-server-0.1.0-SNAPSHOT.jar}
PORT=${PORT:-18110}
DB_NAME=${DB_NAME:-doorstep_bench_coverage}
REDIS_DB=${REDIS_DB:-10}
ADMIN=9200001
[[ "$DB_NAME" == doorstep_bench* ]] || { echo "refusing: DB_NAME must start with doorstep_bench (it is dropped)" >&2; exit 2; }
[[ "$REDIS_DB" != 0 ]] || { echo "refusing: REDIS_DB 0" >&2; exit 2; }
[[ -f "$JAR" ]] || { echo "no jar at $JAR: ./mvnw -q -B -DskipTests package" >&2; exit 2; }
for tool in java mariadb redis-cli curl python3; do
    command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 2; }
done
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$BENCH_DIR/results/coverage-$STAMP
mkdir -p "$OUT"
URL=http://127.0.0.1:$PORT
rcli() { redis-cli -n "$REDIS_DB" "$@"; }
READY='station:{map}:geo:ready'
LEASE='station:{map}:geo:rebuilding'

APP=
stop() { if [[ -n "$APP" ]]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; APP=; fi; }
trap stop EXIT

start() { # SIZE-NAME
    mariadb -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS \`$DB_NAME\`; CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
    rcli FLUSHDB >/dev/null
    DOORSTEP_DB_URL="jdbc:mysql://127.0.0.1:3306/$DB_NAME" DOORSTEP_DB_USER=root DOORSTEP_DB_PASSWORD= \
    DOORSTEP_REDIS_URL="redis://127.0.0.1:6379/$REDIS_DB" PORT=$PORT \
        java -Xms512m -Xmx512m -jar "$JAR" --spring.profiles.active=bench --springdoc.api-docs.enabled=false \
        --springdoc.swagger-ui.enabled=false --doorstep.wechat.api-host=https://api.weixin.qq.com \
        --logging.level.cn.doorstep.coverage=DEBUG "--doorstep.media.dir=$OUT/media" > "$OUT/app-$1.log" 2>&1 &
    APP=$!
    for _ in $(seq 300); do
        curl -sf "$URL/actuator/health/readiness" >/dev/null && return 0
        kill -0 "$APP" 2>/dev/null || { tail -30 "$OUT/app-$1.log"; exit 1; }
        sleep 1
    done
    echo "the app did not get ready" >&2; exit 1
}

TOKEN="$ADMIN.$(python3 -c 'import os; print(os.urandom(32).hex())')"
session() {
    local now_ms sha
    now_ms=$(python3 -c 'import time; print(int(time.time() * 1000))')
    sha=$(printf '%s' "$TOKEN" | sha256sum | cut -d' ' -f1)
    rcli SET "auth:{$ADMIN}:token:$sha" "$ADMIN|$now_ms" PX 86400000 >/dev/null
}

step() { # LABEL QUERY: N sequential requests, curl's time_total of each; prints min/median/p90/max in ms
    local label=$1 query=$2 i
    : > "$OUT/$label.times"
    for i in $(seq "$N"); do
        curl -s -o "$OUT/$label.json" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $TOKEN" \
            "$URL/api/v1/admin/coverage?$query" >> "$OUT/$label.times"
    done
    python3 - "$label" "$OUT/$label.times" "$OUT/$label.json" <<'PY'
import json, sys
label, times, body = sys.argv[1:4]
rows = [l.split() for l in open(times)]
bad = [r[0] for r in rows if r[0] != "200"]
ms = sorted(float(r[1]) * 1000 for r in rows)
d = json.load(open(body)).get("data") or {}
n = len(ms)
print("%-22s n=%-3d min %7.1f  median %7.1f  p90 %7.1f  max %7.1f ms   grids %s covered %s share %s gaps %s stations %s%s" % (
    label, n, ms[0], ms[n // 2], ms[min(n - 1, int(n * 0.9))], ms[-1], d.get("grids"), d.get("gridsCovered"),
    None if d.get("share") is None else round(d["share"], 4), len(d.get("gaps", [])), len(d.get("stations", [])),
    "  NON-200: %s" % bad if bad else ""))
PY
}

run_size() { # NAME CITIES
    local name=$1 cities=$2
    start "$name"
    python3 "$BENCH_DIR/coverage/gen_coverage.py" --cities "$cities" --admin "$ADMIN" --sql "$OUT/$name.sql" | tee -a "$OUT/summary.txt"
    mariadb -h127.0.0.1 -uroot "$DB_NAME" < "$OUT/$name.sql"
    rcli DEL 'station:{map}:holidays' >/dev/null   # the calendar's mirror reloads with the coming 元旦
    session
    # the index was built at start-up, empty: drop its flag, the next request rebuilds it from the loaded rows
    rcli DEL "$READY" >/dev/null
    curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "$URL/api/v1/admin/coverage?when=now"
    for _ in $(seq 120); do [[ "$(rcli EXISTS "$READY")" == 1 ]] && break; sleep 1; done
    grep -h "Station index rebuilt" "$OUT/app-$name.log" | tail -1 | sed 's/^.*Station index/  Station index/' | tee -a "$OUT/summary.txt"
    # warm-up: the JIT, the pools
    for _ in $(seq 5); do curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "$URL/api/v1/admin/coverage?when=now"; done
    {
        echo "== $name: GEO index (pipelined GEOSEARCH), sequential requests"
        step "$name-city-now" "when=now"
        step "$name-city-evening" "when=evening"
        step "$name-city-holiday" "when=holiday"
        step "$name-district-now" "districtId=1&when=now"
        step "$name-city-now-r500" "when=now&radius=500"
        echo "== $name: fallback (index not ready: stations from MySQL, distances in the JVM)"
        rcli SET "$LEASE" bench-holds-the-lease PX 600000 >/dev/null
        rcli DEL "$READY" >/dev/null
        step "$name-fallback-city-now" "when=now"
        step "$name-fallback-district-now" "districtId=1&when=now"
        rcli DEL "$LEASE" >/dev/null
        echo "== $name: where a city-wide request's time goes (the app's DEBUG lines, medians of the GEO and fallback steps)"
        grep -h "Coverage of $(sed -n 's/.*grids=\([0-9]*\).*/\1/p' "$OUT/summary.txt" | tail -1) grids" "$OUT/app-$name.log" | python3 -c '
import re, statistics, sys
rows = [list(map(int, re.findall(r"(\d+) ms", l))) for l in sys.stdin]
if rows:
    cols = list(zip(*rows))
    print("  grids read %d ms, stations and hours %d ms, search %d ms, the rest (tally, gaps) %d ms (medians of %d requests)"
          % (*[statistics.median(c) for c in cols], len(rows)))'
    } | tee -a "$OUT/summary.txt"
    stop
}

echo "coverage benchmark $STAMP, jar $(basename "$JAR"), $N requests per step" | tee "$OUT/summary.txt"
for size in ${SIZES:-1 10}; do
    run_size "x$size" "$size"
done
echo "summary: $OUT/summary.txt"
