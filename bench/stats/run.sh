#!/usr/bin/env bash
# The statistics benchmark (issue 19 §1, see bench/README.md "Statistics"): a city's year — Jilin's regions and
# 797 stations (bench/coverage/gen_coverage.py), ~1,000,000 wishes, bookings and rider check-ins
# (bench/stats/gen_city_year.py) — loaded into a fresh schema with LOAD DATA, folded into stats_daily by
# POST /api/v1/admin/stats/rebuild for the 365 China days ending yesterday (timed), then every statistics
# endpoint for the whole city, one district and one community over that year (period=custom), and the district's
# ranking of the last whole week, measured with sequential requests (p50/p95/p99 per endpoint), each reply's
# totals checked against COUNT(*)s of the source tables; then the heaviest statements timed straight in MariaDB.
#
# Usage: bench/stats/run.sh            (SKIP_BUILD=1 reuses server/target's jar; SCALE=0.1 loads a tenth)
# Needs MariaDB on 127.0.0.1:3306 (root, no password, local_infile ON), Redis on 127.0.0.1:6379, java, python3,
# curl, redis-cli. Drops and recreates the database doorstep_bench_stats and flushes Redis db 9 (only those).
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
JAR=${JAR:-$ROOT/server/target/doorstep-server-0.1.0-SNAPSHOT.jar}
PORT=${PORT:-18120}
DB_NAME=${DB_NAME:-doorstep_bench_stats}
REDIS_DB=${REDIS_DB:-9}
SCALE=${SCALE:-1}          # 1 = a million wishes, bookings and check-ins
N=${N:-200}                # measured requests per case
WARMUP=${WARMUP:-30}       # unmeasured requests per case before them
BUDGET=${BUDGET:-60}       # seconds of measured requests at most per case (a slow case ends with fewer than N)
ADMIN=9200001
[[ "$DB_NAME" == doorstep_bench* ]] || { echo "refusing: DB_NAME must start with doorstep_bench (it is dropped)" >&2; exit 2; }
[[ "$REDIS_DB" != 0 ]] || { echo "refusing: REDIS_DB 0" >&2; exit 2; }
for tool in java mariadb redis-cli curl python3; do
    command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 2; }
done
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then (cd "$ROOT" && ./mvnw -q -B -DskipTests package); fi
[[ -f "$JAR" ]] || { echo "no jar at $JAR: ./mvnw -q -B -DskipTests package" >&2; exit 2; }
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$BENCH_DIR/results/stats-$STAMP
DATA=$OUT/data
mkdir -p "$DATA"
URL=http://127.0.0.1:$PORT
SUMMARY=$OUT/summary.txt
sql() { mariadb -h127.0.0.1 -uroot --batch --skip-column-names "$DB_NAME" "$@"; }
rcli() { redis-cli -n "$REDIS_DB" "$@"; }
log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$SUMMARY" >&2; }
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

APP=
stop() { if [[ -n "$APP" ]]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; APP=; fi; }
trap stop EXIT
start() { # LOG-NAME
    DOORSTEP_DB_URL="jdbc:mysql://127.0.0.1:3306/$DB_NAME" DOORSTEP_DB_USER=root DOORSTEP_DB_PASSWORD= \
    DOORSTEP_REDIS_URL="redis://127.0.0.1:6379/$REDIS_DB" PORT=$PORT \
        java -Xms512m -Xmx512m -jar "$JAR" --spring.profiles.active=bench --springdoc.api-docs.enabled=false \
        --springdoc.swagger-ui.enabled=false --doorstep.wechat.api-host=https://api.weixin.qq.com \
        "--doorstep.media.dir=$OUT/media" > "$OUT/app-$1.log" 2>&1 &
    APP=$!
    for _ in $(seq 300); do
        curl -sf "$URL/actuator/health/readiness" >/dev/null && return 0
        kill -0 "$APP" 2>/dev/null || { tail -30 "$OUT/app-$1.log"; exit 1; }
        sleep 1
    done
    echo "the app did not get ready" >&2; exit 1
}

LAST=$(TZ=Asia/Shanghai date -d yesterday +%F)          # the year: 365 China days ending yesterday
FIRST=$(TZ=Asia/Shanghai date -d "$LAST - 364 days" +%F)
log "statistics benchmark $STAMP: jar $(basename "$JAR") ($(date -u -r "$JAR" +%FT%TZ)), scale $SCALE, year $FIRST..$LAST"
log "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg) (shared with other work)"

# 1. the schema: a fresh database, Flyway on the app's first start
mariadb -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS \`$DB_NAME\`; CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
rcli FLUSHDB >/dev/null
start schema
stop

# 2. the city (regions, stations, the platform admin) and its year
python3 "$BENCH_DIR/coverage/gen_coverage.py" --cities 1 --admin "$ADMIN" --sql "$DATA/city.sql" | tee -a "$SUMMARY"
sql < "$DATA/city.sql"
sql -e "SELECT id, community_id, kinds FROM station ORDER BY id" > "$DATA/stations.tsv"
sql -e "SELECT id FROM community ORDER BY id" > "$DATA/stations.tsv.communities"
scaled() { python3 -c "print(int($1 * $SCALE))"; }
t0=$(date +%s%N)
python3 "$BENCH_DIR/stats/gen_city_year.py" --stations "$DATA/stations.tsv" --last "$LAST" --out "$DATA" \
    --wishes "$(scaled 1000000)" --bookings "$(scaled 1000000)" --checkins "$(scaled 1000000)" \
    --residents "$(scaled 100000)" --riders "$(python3 -c "print(max(600, int(6000 * $SCALE)))")" | tee -a "$SUMMARY"
log "generated in $(ms_since "$t0") ms"
t0=$(date +%s%N)
mariadb -h127.0.0.1 -uroot --local-infile=1 -vvv "$DB_NAME" < "$DATA/load.sql" > "$OUT/load.txt"
log "loaded in $(ms_since "$t0") ms: $(grep -E '^Query OK|^Records' "$OUT/load.txt" | grep -o 'Query OK, [0-9]* rows affected ([^)]*)' | sed 's/Query OK, //' | paste -sd';')"
sql -e "ANALYZE TABLE wish, booking, booking_slot, rider, rider_checkin, app_user" >/dev/null

# 3. the app on the loaded data, a platform admin's session (as bench/coverage/run.sh writes one)
rcli FLUSHDB >/dev/null
start bench
TOKEN="$ADMIN.$(python3 -c 'import os; print(os.urandom(32).hex())')"
sha=$(printf '%s' "$TOKEN" | sha256sum | cut -d' ' -f1)
rcli SET "auth:{$ADMIN}:token:$sha" "$ADMIN|$(python3 -c 'import time; print(int(time.time() * 1000))')" PX 86400000 >/dev/null

# 4. the rebuild of the year, timed
t0=$(date +%s%N)
code=$(curl -s -o "$OUT/rebuild.json" -w '%{http_code}' --max-time 7200 -X POST -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d "{\"from\":\"$FIRST\",\"to\":\"$LAST\"}" "$URL/api/v1/admin/stats/rebuild")
REBUILD_MS=$(ms_since "$t0")
log "rebuild $FIRST..$LAST: HTTP $code in $REBUILD_MS ms: $(cat "$OUT/rebuild.json"); stats_daily rows: $(sql -e 'SELECT COUNT(*) FROM stats_daily'), by family: $(sql -e "SELECT SUBSTRING_INDEX(metric, '.', 1), COUNT(*) FROM stats_daily GROUP BY 1" | tr '\t\n' '= ')"
[[ "$code" == 200 ]] || exit 1

# 5. the cases and what their totals must be (straight from the source tables: every loaded fact is in the year)
DISTRICT=1
COMMUNITY=$(sql -e "SELECT community_id FROM station WHERE kinds LIKE '%WARM%' GROUP BY community_id ORDER BY COUNT(*) DESC, community_id LIMIT 1")
WEEK=$(python3 -c "import datetime as d; y, w, _ = (d.date.fromisoformat('$LAST') - d.timedelta(days=6)).isocalendar(); print('%d-W%02d' % (y, w))")
MONDAY=$(python3 -c "import datetime as d; print(d.datetime.strptime('$WEEK-1', '%G-W%V-%u').date())")
DIST_COMMS="SELECT c.id FROM community c JOIN street s ON s.id = c.street_id WHERE s.district_id = $DISTRICT"
expect() { # NAME COMMUNITY-FILTER (SQL over community ids, or TRUE)
    local c=$2
    sql -e "SELECT JSON_OBJECT(
        'posted', (SELECT COUNT(*) FROM wish WHERE $(sed 's/@/community_id/' <<<"$c")),
        'confirmed', (SELECT COUNT(*) FROM wish WHERE status = 'CONFIRMED' AND $(sed 's/@/community_id/' <<<"$c")),
        'booked', (SELECT COUNT(*) FROM booking b JOIN station s ON s.id = b.station_id WHERE $(sed 's/@/s.community_id/' <<<"$c")),
        'cancelled', (SELECT COUNT(*) FROM booking b JOIN station s ON s.id = b.station_id WHERE b.status = 'CANCELLED' AND $(sed 's/@/s.community_id/' <<<"$c")),
        'attended', (SELECT COUNT(*) FROM booking b JOIN station s ON s.id = b.station_id WHERE b.status = 'CHECKED_IN' AND $(sed 's/@/s.community_id/' <<<"$c")),
        'noShows', (SELECT COUNT(*) FROM booking b JOIN station s ON s.id = b.station_id WHERE b.status = 'NO_SHOW' AND $(sed 's/@/s.community_id/' <<<"$c")),
        'checkins', (SELECT COUNT(*) FROM rider_checkin k JOIN station s ON s.id = k.station_id WHERE $(sed 's/@/s.community_id/' <<<"$c")),
        'verifiedRiders', (SELECT COUNT(*) FROM rider WHERE status = 'VERIFIED' AND $(sed 's/@/home_community_id/' <<<"$c")))"
}
{
    echo "{"
    for scope in city district community; do
        case $scope in
            city) f="TRUE" ;; district) f="@ IN ($DIST_COMMS)" ;; community) f="@ = $COMMUNITY" ;;
        esac
        e=$(expect "$scope" "$f")
        for kind in wishes bookings riders; do echo "\"$kind-$scope\": $e,"; done
    done
    echo "\"rankings\": $(sql -e "SELECT JSON_OBJECT('rows', (SELECT COUNT(*) FROM ($DIST_COMMS) x),
        'posted', (SELECT COUNT(*) FROM wish WHERE community_id IN ($DIST_COMMS)
                   AND created_at >= '$MONDAY' - INTERVAL 8 HOUR AND created_at < '$MONDAY' + INTERVAL 7 DAY - INTERVAL 8 HOUR))")"
    echo "}"
} > "$OUT/expected.json"
Y="period=custom&from=$FIRST&to=$LAST"
{
    for scope in city district community; do
        case $scope in city) q="" ;; district) q="&districtId=$DISTRICT" ;; community) q="&communityId=$COMMUNITY" ;; esac
        for kind in wishes bookings riders party reports; do
            printf '%s\t%s\t%s\n' "$kind-$scope" "/api/v1/admin/stats/$kind?$Y$q" "$kind-$scope"
        done
    done
    printf '%s\t%s\t%s\n' "rankings-district-week" "/api/v1/admin/stats/rankings?districtId=$DISTRICT&week=$WEEK" rankings
} > "$OUT/cases.tsv"
log "scopes: city; district $DISTRICT ($(sql -e "$DIST_COMMS" | wc -l) communities); community $COMMUNITY ($(sql -e "SELECT COUNT(*) FROM station WHERE community_id = $COMMUNITY") stations); rankings week $WEEK"

# 6. the measurement: N sequential requests per case after WARMUP
log "measuring: $WARMUP warm-up + $N measured sequential requests per case (one keep-alive connection)"
set +e
python3 "$BENCH_DIR/stats/measure.py" "$URL" "$TOKEN" "$OUT/cases.tsv" "$OUT/expected.json" "$N" "$WARMUP" "$OUT" "$BUDGET" | tee -a "$SUMMARY"
rc=${PIPESTATUS[0]}
set -e
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# 7. where a city-year reply's time goes: the statistics' heaviest statements run straight in MariaDB (best of 3)
raw() { # LABEL SQL
    local best=999999 i t0 ms rows
    for i in 1 2 3; do t0=$(date +%s%N); rows=$(sql -e "$2" | wc -l); ms=$(ms_since "$t0"); (( ms < best )) && best=$ms; done
    log "raw SQL $1: $best ms (best of 3), $rows groups from $(sql -e "SELECT COUNT(*) FROM stats_daily WHERE metric IN ($3) AND day >= '$FIRST' AND day <= '$LAST'") rows"
}
W="'wish.status','wish.category','wish.claim_min','wish.confirm_min','wish.rating_sum','wish.rated'"
raw "wishes-city sums" "SELECT metric, dimension, SUM(value) FROM stats_daily WHERE metric IN ($W) AND day >= '$FIRST' AND day <= '$LAST' GROUP BY metric, dimension" "$W"
raw "wishes-city by day" "SELECT metric, day, SUM(value) FROM stats_daily WHERE metric IN ('wish.posted','wish.confirmed') AND day >= '$FIRST' AND day <= '$LAST' GROUP BY metric, day" "'wish.posted','wish.confirmed'"
raw "bookings-city by station" "SELECT metric, station_id, dimension, SUM(value) FROM stats_daily WHERE metric = 'booking.status' AND day >= '$FIRST' AND day <= '$LAST' GROUP BY metric, station_id, dimension" "'booking.status'"
echo "summary: $SUMMARY"
exit "$rc"
