# Shared by the burst benchmarks (book.sh, redeem.sh): settings, the sql/rcli/log helpers, a fresh
# database and Redis db, starting and stopping the packaged jar, the stack's floor, and medians.
# Source it after setting DB_NAME, REDIS_DB and BENCH_NAME (the results' prefix).
#
# The jar runs with prod's settings given one by one and actuator left on the app's port (as
# bench/run.sh does for the map): the floor, GET /actuator/health/liveness, then goes through the same
# Tomcat connector, filter chain, security and observation as the endpoint measured against it. Prod
# proper moves actuator to a separate, lighter loopback Tomcat, which is not the stack's floor.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
JAR=${JAR:-$BENCH_DIR/../server/target/doorstep-server-0.1.0-SNAPSHOT.jar}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m}
PORT=${PORT:-18090}
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_USER=${DB_USER:-root}
DB_PASSWORD=${DB_PASSWORD:-}
REDIS_HOST=${REDIS_HOST:-127.0.0.1}
REDIS_PORT=${REDIS_PORT:-6379}

[[ "$DB_NAME" == *_bench ]] || { echo "refusing: DB_NAME must end in _bench (it is dropped)" >&2; exit 2; }
[[ "$REDIS_DB" != 0 ]] || { echo "refusing: REDIS_DB 0 (it is flushed; CI's external tests use db 0)" >&2; exit 2; }
[[ -f "$JAR" ]] || { echo "no jar at $JAR: build it (./mvnw -q -B -DskipTests package) or set JAR=" >&2; exit 2; }
MYSQL=${MYSQL:-$(command -v mariadb || command -v mysql || true)}
for tool in "$JAVA" "$MYSQL" redis-cli wrk curl python3; do
    command -v "$tool" >/dev/null || { echo "missing tool: $tool (wrk: apt-get install -y wrk)" >&2; exit 2; }
done

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$BENCH_DIR/results
OUT=$RESULTS/$BENCH_NAME-$STAMP
SUMMARY=$RESULTS/$BENCH_NAME-$STAMP.txt
mkdir -p "$OUT"
URL=http://127.0.0.1:$PORT
export MYSQL_PWD=$DB_PASSWORD
sql() { "$MYSQL" -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" --batch --skip-column-names "$@"; }
rcli() { redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" -n "$REDIS_DB" "$@"; }
log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$OUT/run.log" >&2; }

fresh_database() {
    log "fresh database $DB_NAME, Redis db $REDIS_DB (flushed)"
    sql -e "DROP DATABASE IF EXISTS \`$DB_NAME\`; CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
    rcli FLUSHDB >/dev/null
}

APP_PID=
cleanup() { if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

# prod's settings (application-prod.yml) one by one, actuator on the app's port
PROD_ON_APP_PORT=(--spring.profiles.active=bench --springdoc.api-docs.enabled=false --springdoc.swagger-ui.enabled=false
    --doorstep.wechat.api-host=https://api.weixin.qq.com "--doorstep.media.dir=$OUT/media")

start_app() { # NAME [app arguments...]
    local name=$1 i; shift
    # shellcheck disable=SC2086
    DOORSTEP_DB_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$DB_NAME" DOORSTEP_DB_USER=$DB_USER DOORSTEP_DB_PASSWORD=$DB_PASSWORD \
    DOORSTEP_REDIS_URL="redis://$REDIS_HOST:$REDIS_PORT/$REDIS_DB" PORT=$PORT \
        "$JAVA" $JAVA_OPTS -jar "$JAR" "${PROD_ON_APP_PORT[@]}" "$@" > "$OUT/app-$name.log" 2>&1 &
    APP_PID=$!
    for i in $(seq 300); do
        kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$OUT/app-$name.log" >&2; echo "the app died on start-up" >&2; exit 1; }
        curl -sf "$URL/actuator/health/readiness" >/dev/null && return 0
        sleep 1
    done
    echo "the app did not get ready in 300 s" >&2; exit 1
}

stop_app() {
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
}

# Runs wrk (the arguments after NAME and THREADS) until each of its THREADS threads has touched its file
# in the burst's done directory, as lua/book.lua and lua/redeem.lua do once their share is answered,
# then ends it with SIGINT instead of waiting out -d. Output in wrk-NAME.txt; its RESULT line is logged.
# A burst starts after PAUSE idle seconds: bursts are separate events (a slot opening at its hour), not
# one long load, and the JIT's compiler threads get to finish between them.
run_wrk() { # NAME THREADS wrk arguments...
    local name=$1 threads=$2 done_dir=$OUT/done-$1 pid; shift 2
    mkdir -p "$done_dir"
    sleep "${PAUSE:-3}"
    BENCH_DONE=$done_dir wrk "$@" > "$OUT/wrk-$name.txt" 2>&1 &
    pid=$!
    while kill -0 "$pid" 2>/dev/null && (( $(ls "$done_dir" | wc -l) < threads )); do sleep 0.1; done
    kill -INT "$pid" 2>/dev/null || true
    wait "$pid" || true
    log "$name: $(grep -m1 '^RESULT' "$OUT/wrk-$name.txt" | cut -d' ' -f2-)"
}

# One burst of GET /actuator/health/liveness: REQUESTS requests on THREADS threads and CONNS
# connections, the shape of the burst it is compared with.
floor_burst() { # NAME REQUESTS THREADS CONNS
    local name=$1 requests=$2 threads=$3 conns=$4
    BENCH_THREADS=$threads BENCH_MODE=get BENCH_REQUESTS=$requests run_wrk "$name" "$threads" \
        -t"$threads" -c"$conns" -d120s --timeout 10s -s "$BENCH_DIR/lua/book.lua" "$URL/actuator/health/liveness"
}

# The value of FIELD in the RESULT line of wrk-NAME.txt.
result() { grep -m1 '^RESULT' "$OUT/wrk-$1.txt" 2>/dev/null | tr ' ' '\n' | sed -n "s/^$2=//p"; }

# The median of the run NAME's measured bursts NAME1..NAMEn: the NAME1..n whose FIELD is the median.
median_run() { # NAME COUNT FIELD
    local name=$1 count=$2 field=$3 i
    for i in $(seq "$count"); do echo "$(result "$name$i" "$field") $name$i"; done | sort -g | sed -n "$(( (count + 1) / 2 ))p" | cut -d' ' -f2
}
