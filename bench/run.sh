#!/usr/bin/env bash
# The nearby-stations benchmark, end to end, in one run (see bench/README.md):
#   1. a fresh database with 100,000 generated stations, Redis db 1 emptied
#   2. the packaged jar in GEO mode: warm-up, wrk at fixed rates (1000 and 2000 req/s), closed loop
#      (maximum throughput), fixed rates at 25/50/75 % of that maximum, and the stack's floor (liveness)
#   3. the same jar in SQL-scan mode (the baseline): closed loop
#   4. raw GEOSEARCH from Java (Lettuce) against the same Redis, same query points
# and heap/RSS/GC and per-process CPU sampled during each measurement. Prints a summary and writes it
# to bench/results/<UTC timestamp>.txt (raw outputs in bench/results/<UTC timestamp>/).
#
# Usage: bench/run.sh            (everything is a variable below; e.g. JAR=/path/app.jar bench/run.sh)
# It DROPS the database $DB_NAME and FLUSHES Redis db $REDIS_DB: both are for the benchmark only.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
JAR=${JAR:-$BENCH_DIR/../server/target/doorstep-server-0.1.0-SNAPSHOT.jar}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m}
PORT=${PORT:-18080}
MGMT_PORT=${MGMT_PORT:-18081}   # the prod profile serves actuator on its own port, on loopback
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_NAME=${DB_NAME:-doorstep_bench}
DB_USER=${DB_USER:-root}
DB_PASSWORD=${DB_PASSWORD:-}
REDIS_HOST=${REDIS_HOST:-127.0.0.1}
REDIS_PORT=${REDIS_PORT:-6379}
REDIS_DB=${REDIS_DB:-1}
STATIONS=${STATIONS:-100000}
SEED=${SEED:-20251130}
WARMUP=${WARMUP:-120}           # seconds of closed-loop load before measuring (JIT on 2 cores is slow; detail cache)
MAX_DURATION=${MAX_DURATION:-30}  # closed loop (maximum throughput), GEO mode
DURATION=${DURATION:-20}        # seconds per fixed-rate step
RATES=${RATES:-1000 2000}  # fixed rates, req/s (the issue's target, 2000, and 1000)
FRACTIONS=${FRACTIONS:-0.25 0.5 0.75}  # more fixed rates: these fractions of the measured maximum
RATE_CONNS=${RATE_CONNS:-32}    # fixed rate: wrk threads = connections (one connection per thread)
MAX_CONNS=${MAX_CONNS:-32}      # closed loop, GEO mode
SQL_CONNS=${SQL_CONNS:-8}       # closed loop, SQL mode
SQL_DURATION=${SQL_DURATION:-20}
RAW_DURATION=${RAW_DURATION:-10}
PROFILE=${PROFILE:-0}           # 1: also record JFR (start-up rebuild + 20 s of closed-loop load) and summarise it
QUIET_WAIT=${QUIET_WAIT:-120}   # wait up to this many seconds for an idle machine before each measured step
NOISE_LIMIT=${NOISE_LIMIT:-0.15}  # a step during which other processes used more cores than this is repeated...
RETRIES=${RETRIES:-2}           # ...at most this many times (then kept and flagged "disturbed")

[[ "$DB_NAME" == *_bench ]] || { echo "refusing: DB_NAME must end in _bench (it is dropped)" >&2; exit 2; }
[[ "$REDIS_DB" != 0 ]] || { echo "refusing: REDIS_DB 0 (it is flushed; CI's external tests use db 0)" >&2; exit 2; }
[[ -f "$JAR" ]] || { echo "no jar at $JAR: build it (./mvnw -q -B -DskipTests package) or set JAR=" >&2; exit 2; }
JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
MYSQL=${MYSQL:-$(command -v mariadb || command -v mysql || true)}
[[ -n "$MYSQL" ]] || { echo "missing tool: the mariadb (or mysql) client" >&2; exit 2; }
for tool in "$JAVA" jcmd jstat python3 curl redis-cli redis-benchmark ss /usr/bin/time "$MYSQL"; do
    command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 2; }
done
[[ "$PROFILE" != 1 ]] || command -v jfr >/dev/null || { echo "missing tool: jfr (PROFILE=1)" >&2; exit 2; }
if ! command -v wrk >/dev/null; then
    if [[ $(id -u) == 0 ]]; then { apt-get update -qq || true; } && apt-get install -y wrk >/dev/null; else echo "missing wrk (apt-get install wrk)" >&2; exit 2; fi
fi

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$BENCH_DIR/results
OUT=$RESULTS/$STAMP
DATA=$RESULTS/data
LIB=$RESULTS/lib
SUMMARY=$RESULTS/$STAMP.txt
mkdir -p "$OUT" "$DATA" "$LIB"
QUERIES=$DATA/queries.txt
URL=http://127.0.0.1:$PORT
MGMT_URL=http://127.0.0.1:$MGMT_PORT
export MYSQL_PWD=$DB_PASSWORD
sql() { "$MYSQL" -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" --batch --skip-column-names "$@"; }
rcli() { redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" -n "$REDIS_DB" "$@"; }
log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$OUT/run.log" >&2; }

APP_PID= ; SAMPLER_PIDS=()
cleanup() {
    stop_samplers
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

# ---------- CPU accounting (clock ticks, from /proc) ----------
HZ=$(getconf CLK_TCK)
busy_ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat; }
proc_ticks() { if [[ -n "${1:-}" && -r /proc/$1/stat ]]; then sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12+$13}'; else echo 0; fi; }
port_pid() { ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1; }
REDIS_PID=$(port_pid "$REDIS_PORT"); DB_PID=$(port_pid "$DB_PORT")

# Waits (up to QUIET_WAIT s) for 2 s in which everything but the app (if running) used less than 1/4 of a core.
wait_quiet() {
    local deadline=$((SECONDS + QUIET_WAIT)) b0 b1 a0 a1 busy waited=0
    while :; do
        b0=$(busy_ticks); a0=$(proc_ticks "$APP_PID"); sleep 2; b1=$(busy_ticks); a1=$(proc_ticks "$APP_PID")
        busy=$(( (b1 - b0) - (a1 - a0) ))
        if (( busy * 100 < 2 * HZ * 25 )); then break; fi
        if (( SECONDS >= deadline )); then log "WARNING: machine still busy ($(( busy * 100 / (2 * HZ) ))% of a core, not the app) after ${QUIET_WAIT}s; measuring anyway"; break; fi
        (( waited == 0 )) && log "machine busy ($(( busy * 100 / (2 * HZ) ))% of a core, not the app): waiting for it to go quiet"
        waited=1
    done
}

phase_begin() { P_T0=$(date +%s%N); P_BUSY=$(busy_ticks); P_APP=$(proc_ticks "$APP_PID"); P_REDIS=$(proc_ticks "$REDIS_PID"); P_DB=$(proc_ticks "$DB_PID"); }
# phase_end NAME CLIENT_TIME_FILE: CPU used during the phase, in cores (1.00 = one core busy)
phase_end() {
    local secs busy app redis db client other
    secs=$(( ($(date +%s%N) - P_T0) / 1000000 ))
    busy=$(( $(busy_ticks) - P_BUSY )); app=$(( $(proc_ticks "$APP_PID") - P_APP ))
    redis=$(( $(proc_ticks "$REDIS_PID") - P_REDIS )); db=$(( $(proc_ticks "$DB_PID") - P_DB ))
    client=$(awk -v hz="$HZ" 'NF>=2{printf "%d", ($1+$2)*hz}' "$2" 2>/dev/null || echo 0); client=${client:-0}
    other=$(( busy - app - redis - db - client )); (( other < 0 )) && other=0
    awk -v s="$secs" -v hz="$HZ" -v b="$busy" -v a="$app" -v r="$redis" -v d="$db" -v c="$client" -v o="$other" \
        'BEGIN{f=1000/(s*hz); printf "cpu_cores total=%.2f app=%.2f redis=%.2f mariadb=%.2f client=%.2f other=%.2f\n", b*f, a*f, r*f, d*f, c*f, o*f}' \
        > "$OUT/cpu-$1.txt"
}

# ---------- heap / RSS / GC samplers ----------
start_samplers() {
    local name=$1
    jstat -gc "$APP_PID" 1000 > "$OUT/jstat-$name.txt" 2>&1 & SAMPLER_PIDS+=($!)
    ( while kill -0 "$APP_PID" 2>/dev/null; do awk '/^VmRSS/{print $2}' "/proc/$APP_PID/status"; sleep 1; done ) > "$OUT/rss-$name.txt" 2>/dev/null & SAMPLER_PIDS+=($!)
    sleep 2 # jstat's own JVM starts before the load does
}
stop_samplers() {
    local p
    for p in "${SAMPLER_PIDS[@]:-}"; do [[ -n "$p" ]] && kill "$p" 2>/dev/null || true; done
    for p in "${SAMPLER_PIDS[@]:-}"; do [[ -n "$p" ]] && wait "$p" 2>/dev/null || true; done
    SAMPLER_PIDS=()
}
mem_stats() { # NAME -> "heap_used_max_mb=.. heap_committed_mb=.. old_used_end_mb=.. young_gcs=.. full_gcs=.. gc_ms=.. rss_max_mb=.."
    local rss
    rss=$(awk '$1+0>m{m=$1+0} END{printf "%.0f", m/1024}' "$OUT/rss-$1.txt")
    awk -v rss="$rss" 'NR==1{for(i=1;i<=NF;i++)h[$i]=i; next}
        $1 ~ /^[0-9.]+$/ {u=$h["S0U"]+$h["S1U"]+$h["EU"]+$h["OU"]; c=$h["S0C"]+$h["S1C"]+$h["EC"]+$h["OC"];
            if(u>mu)mu=u; if(c>mc)mc=c; if(!n){y0=$h["YGC"]; f0=$h["FGC"]; g0=$h["GCT"]; e0=$h["EU"]; t0=$1}
            # allocation: eden filled since the previous sample (a young GC in between: what was left + what is new)
            if(n){ if($h["YGC"]>py) al+=(pec-peu)+$h["EU"]+($h["YGC"]-py-1)*$h["EC"]; else al+=$h["EU"]-peu }
            py=$h["YGC"]; peu=$h["EU"]; pec=$h["EC"]; y=$h["YGC"]; f=$h["FGC"]; g=$h["GCT"]; ou=$h["OU"]; n++}
        END{printf "heap_used_max_mb=%.0f heap_committed_mb=%.0f old_used_end_mb=%.0f young_gcs=%d full_gcs=%d gc_ms=%.0f alloc_mb_per_s=%.0f rss_max_mb=%s\n",
            mu/1024, mc/1024, ou/1024, y-y0, f-f0, (g-g0)*1000, (n>1 ? al/1024/(n-1) : 0), rss}' "$OUT/jstat-$1.txt"
}

# ---------- the app ----------
# The load comes from one address: the per-address search limit is lifted.
# The floor (liveness) is measured on the app's own port, through the same Tomcat connector, filter
# chain, security and observation as the map search: that is the stack's floor the map's targets are
# set against. The prod profile moves actuator to a loopback management port, a separate and lighter
# Tomcat without the app's filters (Spring Boot refuses a management address on the app's port), so
# the GEO jar runs with prod's settings given one by one and actuator left on the app's port. The
# SQL-mode jar runs as prod proper; the management port's floor is measured there, for comparison.
APP_PORT_ACTUATOR_ARGS="--spring.profiles.active=bench --springdoc.api-docs.enabled=false --springdoc.swagger-ui.enabled=false --doorstep.wechat.api-host=https://api.weixin.qq.com --doorstep.media.dir=$RESULTS/media"
start_app() { # MODE LOGNAME [extra JVM options] [extra app arguments]
    local mode=$1 name=$2 extra=${3:-} args=${4:-} i probe=$MGMT_URL
    [[ "$args" == *--spring.profiles.active=bench* ]] && probe=$URL
    rcli DEL station:{map}:geo:rebuilding >/dev/null
    # shellcheck disable=SC2086
    DOORSTEP_DB_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$DB_NAME" DOORSTEP_DB_USER=$DB_USER DOORSTEP_DB_PASSWORD=$DB_PASSWORD \
    DOORSTEP_REDIS_URL="redis://$REDIS_HOST:$REDIS_PORT/$REDIS_DB" PORT=$PORT DOORSTEP_MANAGEMENT_PORT=$MGMT_PORT \
        "$JAVA" $JAVA_OPTS $extra -jar "$JAR" --doorstep.station.search-mode="$mode" \
        --doorstep.limits.map-searches-per-minute=2000000000 $args \
        > "$OUT/app-$name.log" 2>&1 &
    APP_PID=$!
    for i in $(seq 300); do
        kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$OUT/app-$name.log" >&2; echo "the app died on start-up" >&2; exit 1; }
        if grep -q "Station index rebuilt from MySQL" "$OUT/app-$name.log" \
            && curl -sf "$probe/actuator/health/readiness" >/dev/null; then
            return 0
        fi
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

# run_wrk NAME THREADS CONNS SECONDS [RATE]: the nearby queries through wrk; RESULT line in wrk-NAME.txt
run_wrk() {
    local name=$1 t=$2 c=$3 d=$4 rate=${5:-}
    local args=()
    [[ -n "$rate" ]] && args=(-- "$rate" "$t")
    BENCH_QUERIES=${WRK_QUERIES:-$QUERIES} /usr/bin/time -f "%U %S" -o "$OUT/time-$name.txt" \
        wrk -t"$t" -c"$c" -d"${d}s" --timeout 10s -s "$BENCH_DIR/lua/nearby.lua" "${WRK_URL:-$URL}" "${args[@]}" > "$OUT/wrk-$name.txt" 2>&1
}
# measure NAME COMMAND...: one measured step, with CPU accounting and (when the app runs) heap/RSS/GC
# sampling; COMMAND writes its CPU time to $OUT/time-NAME.txt. Repeated when other processes disturbed it.
measure() {
    local name=$1 attempt other; shift
    rm -f "$OUT/disturbed-$name"
    for attempt in $(seq 0 "$RETRIES"); do
        wait_quiet
        [[ -n "$APP_PID" ]] && start_samplers "$name"
        phase_begin
        "$@"
        phase_end "$name" "$OUT/time-$name.txt"
        if [[ -n "$APP_PID" ]]; then
            stop_samplers
            mem_stats "$name" > "$OUT/mem-$name.txt"
            jcmd "$APP_PID" GC.heap_info > "$OUT/heapinfo-$name.txt" 2>&1 || true
        fi
        other=$(get "$OUT/cpu-$name.txt" other)
        if awk -v o="$other" -v l="$NOISE_LIMIT" 'BEGIN{exit !(o <= l)}'; then break; fi
        if (( attempt < RETRIES )); then
            log "$name: other processes used $other cores during the step: repeating it"
        else
            log "$name: WARNING: other processes used $other cores during the step (shared machine): kept, flagged"
            echo "$other" > "$OUT/disturbed-$name"
        fi
    done
}
measure_wrk() { # NAME THREADS CONNS SECONDS [RATE]
    measure "$1" run_wrk "$@"
    log "$1: $(grep -m1 '^RESULT' "$OUT/wrk-$1.txt" | cut -d' ' -f2-) | $(cat "$OUT/mem-$1.txt") | $(cat "$OUT/cpu-$1.txt")"
}
run_raw() { # NAME CONNECTIONS INFLIGHT
    /usr/bin/time -f "%U %S" -o "$OUT/time-$1.txt" "$JAVA" -cp "$LIB/*" "$BENCH_DIR/src/GeoSearchBench.java" \
        uri="redis://$REDIS_HOST:$REDIS_PORT/$REDIS_DB" key=station:{map}:geo:WARM queries="$QUERIES" \
        connections="$2" inflight="$3" warmup=5 duration="$RAW_DURATION" > "$OUT/$1.txt" 2> "$OUT/$1.err"
}
get() { tr ' ' '\n' < "$1" 2>/dev/null | sed -n "s/^$2=//p" | head -1; }           # FILE KEY
res() { grep -m1 '^RESULT' "$1" 2>/dev/null | tr ' ' '\n' | sed -n "s/^$2=//p"; }   # FILE KEY (a RESULT line)

# =====================================================================================
log "results: $OUT"
log "jar: $JAR"

# 1. data
log "generating $STATIONS stations (seed $SEED)"
python3 "$BENCH_DIR/gen_stations.py" --count "$STATIONS" --seed "$SEED" --sql "$DATA/stations.sql" --queries "$QUERIES"
log "dropping and creating database $DB_NAME; flushing Redis db $REDIS_DB"
sql -e "DROP DATABASE IF EXISTS \`$DB_NAME\`; CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
rcli FLUSHDB >/dev/null
log "first start of the jar: Flyway creates the schema"
start_app geo migrate
stop_app
log "loading stations"
t0=$(date +%s%N)
sql "$DB_NAME" < "$DATA/stations.sql"
LOAD_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
read -r N_ALL N_WARM N_SERVICE N_BOTH < <(sql "$DB_NAME" -e "SELECT COUNT(*), SUM(kinds='WARM'), SUM(kinds='SERVICE'), SUM(kinds='SERVICE,WARM') FROM station")
log "loaded $N_ALL stations in $LOAD_MS ms (WARM $N_WARM, SERVICE $N_SERVICE, both $N_BOTH)"
rcli FLUSHDB >/dev/null

# 2. GEO mode
log "starting the jar in GEO mode ($JAVA_OPTS)"
extra=
[[ "$PROFILE" == 1 ]] && extra="-XX:StartFlightRecording=name=startup,settings=profile,filename=$OUT/startup.jfr"
start_app geo geo "$extra" "$APP_PORT_ACTUATOR_ARGS"
[[ "$PROFILE" == 1 ]] && { jcmd "$APP_PID" JFR.stop name=startup >/dev/null 2>&1 || true; }
REBUILD_GEO=$(grep -m1 -o "Station index rebuilt from MySQL: .*" "$OUT/app-geo.log")
STARTED_GEO=$(grep -m1 -o "Started DoorstepApplication in [0-9.]* seconds" "$OUT/app-geo.log" || true)
log "$REBUILD_GEO; $STARTED_GEO"
log "index: WARM $(rcli ZCARD station:{map}:geo:WARM), SERVICE $(rcli ZCARD station:{map}:geo:SERVICE), facets $(rcli HLEN station:{map}:facets)"
log "warm-up: ${WARMUP}s closed loop"
run_wrk warmup 1 "$MAX_CONNS" "$WARMUP"
log "warm-up: $(grep -m1 '^RESULT' "$OUT/wrk-warmup.txt" | cut -d' ' -f2-)"
# the issue's rates first (overloaded on this machine, they warm the JIT further), then the maximum,
# then fractions of the maximum
for r in $RATES; do
    measure_wrk "fixed$r" "$RATE_CONNS" "$RATE_CONNS" "$DURATION" "$r"
done
measure_wrk max 1 "$MAX_CONNS" "$MAX_DURATION"
MAX_RPS=$(res "$OUT/wrk-max.txt" rps)
AUTO_RATES=$(for f in $FRACTIONS; do awk -v m="$MAX_RPS" -v f="$f" 'BEGIN{r=int(m*f/10+0.5)*10; if (r >= 10) print r}'; done | tr '\n' ' ')
log "fixed rates below the maximum ($MAX_RPS req/s): $AUTO_RATES"
for r in $AUTO_RATES; do
    [[ -f "$OUT/wrk-fixed$r.txt" ]] || measure_wrk "fixed$r" "$RATE_CONNS" "$RATE_CONNS" "$DURATION" "$r"
done
ALL_RATES=$(echo $AUTO_RATES $RATES | tr ' ' '\n' | sort -n | uniq | tr '\n' ' ')
# the floor of the HTTP stack on this machine: the same port, filters, security and observation, no work
echo "0 0 /actuator/health/liveness" > "$DATA/liveness.txt"
WRK_QUERIES=$DATA/liveness.txt measure_wrk liveness 1 "$MAX_CONNS" 15
if [[ "$PROFILE" == 1 ]]; then
    log "profiling: JFR over 20 s of closed-loop load"
    jcmd "$APP_PID" JFR.start name=load settings=profile filename="$OUT/load.jfr" >/dev/null
    run_wrk profile 1 "$MAX_CONNS" 20
    jcmd "$APP_PID" JFR.stop name=load >/dev/null
fi
stop_app

# 3. SQL mode (baseline)
log "starting the jar in SQL-scan mode"
start_app sql sql
REBUILD_SQL=$(grep -m1 -o "Station index rebuilt from MySQL: .*" "$OUT/app-sql.log")
log "warm-up: 5 s"
run_wrk sqlwarmup 1 "$SQL_CONNS" 5
measure_wrk sql 1 "$SQL_CONNS" "$SQL_DURATION"
# for comparison: liveness on prod's own loopback management port (its own Tomcat, not the app's filters)
WRK_URL=$MGMT_URL WRK_QUERIES=$DATA/liveness.txt run_wrk mgmtwarmup 1 "$MAX_CONNS" 20
WRK_URL=$MGMT_URL WRK_QUERIES=$DATA/liveness.txt measure_wrk liveness-mgmt 1 "$MAX_CONNS" 15
stop_app

# 4. raw GEOSEARCH from Java (the app is stopped: the client and Redis have the machine)
log "raw GEOSEARCH: extracting Lettuce, Netty, Reactor and HdrHistogram from the jar"
python3 - "$JAR" "$LIB" <<'EOF'
import os, re, sys, zipfile
jar, lib = sys.argv[1], sys.argv[2]
for f in os.listdir(lib):
    os.remove(os.path.join(lib, f))
want = re.compile(r"BOOT-INF/lib/(lettuce-core|netty-[a-z-]+|reactor-core|reactive-streams|HdrHistogram|slf4j-api)-[0-9][^/]*\.jar$")
with zipfile.ZipFile(jar) as z:
    for n in z.namelist():
        if want.match(n):
            with open(os.path.join(lib, os.path.basename(n)), "wb") as out:
                out.write(z.read(n))
EOF
rcli PING >/dev/null
for cfg in "1 32" "4 16"; do
    read -r conns inflight <<< "$cfg"
    name=raw-${conns}x$inflight
    measure "$name" run_raw "$name" "$conns" "$inflight"
    log "$name: $(grep -m1 '^RESULT' "$OUT/$name.txt" | cut -d' ' -f2-) | $(cat "$OUT/cpu-$name.txt")"
done
read -r RB_LAT RB_LNG _ < <(head -1 "$QUERIES")
wait_quiet
redis-benchmark -h "$REDIS_HOST" -p "$REDIS_PORT" --dbnum "$REDIS_DB" -n 200000 -c 32 -q \
    GEOSEARCH station:{map}:geo:WARM FROMLONLAT "$RB_LNG" "$RB_LAT" BYRADIUS 3000 m ASC WITHDIST COUNT 2000 2>&1 \
    | tr '\r' '\n' | grep -a "requests per second" | tail -1 > "$OUT/redis-benchmark.txt" || true
RB_RPS=$(grep -o '[0-9.]* requests per second' "$OUT/redis-benchmark.txt" | cut -d' ' -f1)
# machine calibration: Redis PING over loopback (syscall and context-switch cost of this machine)
redis-benchmark -h "$REDIS_HOST" -p "$REDIS_PORT" -t ping_mbulk -n 200000 -c 32 -q 2>&1 | tr '\r' '\n' \
    | grep -a "requests per second" | tail -1 > "$OUT/redis-ping.txt" || true
PING_RPS=$(grep -o '[0-9.]* requests per second' "$OUT/redis-ping.txt" | cut -d' ' -f1)
log "redis-benchmark (C client, one point $RB_LAT,$RB_LNG): $RB_RPS GEOSEARCH/s"

# ---------- summary ----------
div() { awk -v a="${1:-0}" -v b="${2:-0}" 'BEGIN{if (b+0 == 0) print "n/a"; else printf "%.1f", a/b}'; }
pct() { awk -v a="${1:-0}" -v b="${2:-0}" 'BEGIN{if (b+0 == 0) print "n/a"; else printf "%.1f%%", 100*a/b}'; }
SQL_RPS=$(res "$OUT/wrk-sql.txt" rps)
RAW1=$(res "$OUT/raw-1x32.txt" ops_per_s); RAW4=$(res "$OUT/raw-4x16.txt" ops_per_s)
RAW_BEST=$(awk -v a="${RAW1:-0}" -v b="${RAW4:-0}" 'BEGIN{print (a>b)?a:b}')
BEST_RPS=$(for r in $ALL_RATES; do res "$OUT/wrk-fixed$r.txt" rps; done; echo "$MAX_RPS")
BEST_RPS=$(echo "$BEST_RPS" | sort -g | tail -1)
RATIO_SQL=$(div "$MAX_RPS" "$SQL_RPS")
P99_2000=$(res "$OUT/wrk-fixed2000.txt" p99_ms); RPS_2000=$(res "$OUT/wrk-fixed2000.txt" rps)
FLOOR_RPS=$(res "$OUT/wrk-liveness.txt" rps)
verdict_floor=$(awk -v m="$MAX_RPS" -v f="$FLOOR_RPS" 'BEGIN{print (f+0 > 0 && m / f >= 0.6) ? "MET" : "MISSED"}')
verdict_sql=$(awk -v r="$RATIO_SQL" 'BEGIN{print (r != "n/a" && r+0 >= 20) ? "MET" : "MISSED"}')
verdict_p99=$(awk -v p="${P99_2000:-}" -v r="${RPS_2000:-0}" 'BEGIN{print (p != "" && p+0 < 20 && r+0 >= 1960) ? "MET" : "MISSED"}')
{
echo "Doorstep GET /stations/nearby benchmark — run $STAMP"
echo
echo "machine     : $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -m | awk '/^Mem:/{printf "%.1f GiB", $2/1024}') RAM, $(uname -sr)"
echo "software    : $("$JAVA" -version 2>&1 | head -1); MariaDB $(sql -e 'SELECT VERSION()'); Redis $(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" INFO server | sed -n 's/^redis_version:\(.*\)\r*$/\1/p' | tr -d '\r'); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "jar         : $JAR (sha256 $(sha256sum "$JAR" | cut -c1-12))"
echo "JVM options : $JAVA_OPTS (GC: JVM default for the machine)"
echo "data        : $N_ALL stations (WARM $N_WARM, SERVICE $N_SERVICE, both $N_BOTH), seed $SEED, loaded in $LOAD_MS ms"
echo "queries     : $(wc -l < "$QUERIES") = 100 points x 4 filter variants; kind=WARM radius=3000 page=1 size=20"
echo "index       : GEO start: $REBUILD_GEO ($STARTED_GEO); SQL start: $REBUILD_SQL"
echo
echo "(a) HTTP GET /api/v1/stations/nearby, GEO mode (wrk; latencies in ms)"
printf "    %-28s %8s %8s %8s %8s %8s %8s  %s\n" step "req/s" p50 p90 p99 p99.9 max "notes"
row() { # LABEL NAME
    local w=$OUT/wrk-$2.txt notes
    notes="non200=$(res "$w" non200) socket_errors=$(res "$w" socket_errors)"
    [[ "$(res "$w" mode)" == fixed ]] && notes="$notes; from send: p50 $(res "$w" svc_p50_ms) p99 $(res "$w" svc_p99_ms)"
    [[ -f "$OUT/disturbed-$2" ]] && notes="$notes; DISTURBED (other processes: $(cat "$OUT/disturbed-$2") cores)"
    printf "    %-28s %8s %8s %8s %8s %8s %8s  %s\n" "$1" "$(res "$w" rps)" "$(res "$w" p50_ms)" "$(res "$w" p90_ms)" \
        "$(res "$w" p99_ms)" "$(res "$w" p999_ms)" "$(res "$w" max_ms)" "$notes"
}
echo "    (after ${WARMUP} s of closed-loop warm-up, which averaged $(res "$OUT/wrk-warmup.txt" rps) req/s)"
row "closed loop, $MAX_CONNS conns" max
for r in $ALL_RATES; do row "fixed $r req/s, $RATE_CONNS conns" "fixed$r"; done
echo "    stations matched per query (WARM, after filters): avg $(res "$OUT/wrk-max.txt" avg_matched)"
echo "    floor of the HTTP stack (GET /actuator/health/liveness on the app's port: same connector, filters, security, observation; no work):"
row "  liveness, closed loop" liveness
echo "    for comparison, liveness on prod's loopback management port (own Tomcat, none of the app's filters; SQL-mode jar):"
row "  liveness (mgmt), closed" liveness-mgmt
echo "    fixed-rate latencies count from each request's intended send time (coordinated omission corrected);"
echo "    'from send' is the time from the actual send. A fixed rate above the maximum cannot be sustained: its"
echo "    req/s falls short and its latencies grow with the backlog for the whole step."
echo
echo "(b) the same endpoint in SQL-scan mode (--doorstep.station.search-mode=sql)"
row "closed loop, $SQL_CONNS conns" sql
echo
echo "(c) raw GEOSEARCH from Java (Lettuce 'async', app stopped), GEOSEARCH station:{map}:geo:WARM FROMLONLAT .. BYRADIUS 3000 m WITHDIST COUNT 2000 ASC"
for name in raw-1x32 raw-4x16; do
    w=$OUT/$name.txt
    printf "    %-24s %9s ops/s  p50 %s  p99 %s  p99.9 %s ms  avg members %s  errors %s%s\n" \
        "$(res "$w" connections) conn x $(res "$w" inflight) in flight" "$(res "$w" ops_per_s)" "$(res "$w" p50_ms)" "$(res "$w" p99_ms)" \
        "$(res "$w" p999_ms)" "$(res "$w" avg_members)" "$(res "$w" errors)" \
        "$([[ -f "$OUT/disturbed-$name" ]] && echo "  DISTURBED (other processes: $(cat "$OUT/disturbed-$name") cores)")"
done
echo "    redis-benchmark (C, 32 conns, one point only): ${RB_RPS:-n/a} ops/s; calibration, redis-benchmark PING: ${PING_RPS:-n/a} ops/s"
echo
echo "Ratios (same run)"
echo "    nearby / floor of the stack      : $(pct "$MAX_RPS" "$FLOOR_RPS") (closed loop $MAX_RPS / liveness on the app's port $FLOOR_RPS req/s; target >= 60%: $verdict_floor)"
echo "    nearby GEO / SQL scan throughput : ${RATIO_SQL}x   (closed loop $MAX_RPS / $SQL_RPS req/s; target >= 20x: $verdict_sql)"
echo "    p99 at fixed 2000 req/s          : ${P99_2000:-n/a} ms at ${RPS_2000:-n/a} req/s achieved   (target < 20 ms: $verdict_p99)"
echo "    HTTP nearby / raw GEOSEARCH      : $(pct "$MAX_RPS" "$RAW_BEST") (closed loop $MAX_RPS / best raw $RAW_BEST ops/s);" \
     "$(pct "$MAX_RPS" "$RAW1") of raw over one shared connection, as the app uses"
echo "    highest nearby req/s in any GEO step: $BEST_RPS ($(pct "$BEST_RPS" "$RAW_BEST") of raw, $(div "$BEST_RPS" "$SQL_RPS")x the SQL scan)"
echo
echo "Memory and GC of the app during each measured step (JVM: $JAVA_OPTS)"
for name in max $(for r in $ALL_RATES; do echo "fixed$r"; done) sql; do
    printf "    %-10s %s\n" "$name" "$(cat "$OUT/mem-$name.txt" 2>/dev/null)"
done
echo "    allocation per request in the closed-loop step: $(awk -v a="$(get "$OUT/mem-max.txt" alloc_mb_per_s)" -v r="$MAX_RPS" 'BEGIN{if (r+0 > 0) printf "%.2f MB", a/r; else print "n/a"}')"
echo
echo "CPU during each measured step, in cores of $(nproc) (client = wrk or the Java GEOSEARCH client; other = everything else, incl. kernel softirq)"
for name in max $(for r in $ALL_RATES; do echo "fixed$r"; done) liveness liveness-mgmt sql raw-1x32 raw-4x16; do
    printf "    %-10s %s%s\n" "$name" "$(cut -d' ' -f2- "$OUT/cpu-$name.txt" 2>/dev/null)" \
        "$([[ -f "$OUT/disturbed-$name" ]] && echo "   <- DISTURBED by other processes")"
done
if [[ "$PROFILE" == 1 ]]; then
    echo
    echo "Profile (JFR) of 20 s of closed-loop load, GEO mode"
    jfr print --stack-depth 256 --events jdk.ExecutionSample "$OUT/load.jfr" > "$OUT/load-samples.txt" 2>/dev/null || true
    python3 "$BENCH_DIR/jfr_summary.py" "$OUT/load-samples.txt" | sed 's/^/    /'
    echo
    echo "Profile (JFR) of the start-up index rebuild (samples under StationIndex.rebuild)"
    jfr print --stack-depth 256 --events jdk.ExecutionSample "$OUT/startup.jfr" > "$OUT/startup-samples.txt" 2>/dev/null || true
    python3 "$BENCH_DIR/jfr_summary.py" --within StationIndex.rebuild "$OUT/startup-samples.txt" | sed 's/^/    /'
fi
echo
echo "raw outputs: $OUT"
} > "$SUMMARY"
cat "$SUMMARY"
log "summary written to $SUMMARY"
