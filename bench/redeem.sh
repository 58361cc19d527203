#!/usr/bin/env bash
# The redemption benchmark (see bench/README.md, "Redemption burst"), end to end, in one run:
#   1. a fresh database (Flyway by the jar's first start), USERS users with POINTS points each and
#      bearer sessions written straight into MariaDB and Redis (the prod jar has no dev login), and
#      four rewards of STOCK units (a warm-up and a measured one for each mode)
#   2. the packaged jar, Redis gate ON: warm-up bursts, the measured burst (REQUESTS requests from
#      USERS users, CONNS connections), the stack's floor (GET /actuator/health/liveness)
#   3. the jar again with --doorstep.reward.gate=false (MySQL's guards only): warm-ups, measured burst
#   4. after each burst the invariants, by SQL and Redis: exactly STOCK redemptions, stock 0 in MySQL
#      (and Redis, gate on), the points spent equal to the redemptions, every balance equal to its
#      ledger and lots and never negative, and the app's own consistency report
# Prints a summary and writes it to bench/results/redeem-<UTC time>.txt (raw output beside it).
#
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
DB_NAME=${DB_NAME:-doorstep_reward_bench}
DB_USER=${DB_USER:-root}
DB_PASSWORD=${DB_PASSWORD:-}
REDIS_HOST=${REDIS_HOST:-127.0.0.1}
REDIS_PORT=${REDIS_PORT:-6379}
REDIS_DB=${REDIS_DB:-2}
USERS=${USERS:-1000}
REQUESTS=${REQUESTS:-3000}
STOCK=${STOCK:-100}
PRICE=${PRICE:-10}
POINTS=${POINTS:-1000}
CONNS=${CONNS:-32}              # one wrk thread per connection (a response belongs to the request just sent)
FLOOR_SECONDS=${FLOOR_SECONDS:-10}
BURST_LIMIT=${BURST_LIMIT:-120} # seconds a burst may take at most
WARMUPS=${WARMUPS:-3}           # warm-up bursts (on a reward of their own, sold out after the first) per JVM

[[ "$DB_NAME" == *_bench ]] || { echo "refusing: DB_NAME must end in _bench (it is dropped)" >&2; exit 2; }
[[ "$REDIS_DB" != 0 ]] || { echo "refusing: REDIS_DB 0 (it is flushed; CI's external tests use db 0)" >&2; exit 2; }
[[ -f "$JAR" ]] || { echo "no jar at $JAR: build it (./mvnw -q -B -DskipTests package) or set JAR=" >&2; exit 2; }
MYSQL=${MYSQL:-$(command -v mariadb || command -v mysql || true)}
for tool in "$JAVA" python3 curl redis-cli wrk "$MYSQL"; do
    command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 2; }
done

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$BENCH_DIR/results
OUT=$RESULTS/redeem-$STAMP
SUMMARY=$RESULTS/redeem-$STAMP.txt
mkdir -p "$OUT"
URL=http://127.0.0.1:$PORT
MGMT_URL=http://127.0.0.1:$MGMT_PORT
export MYSQL_PWD=$DB_PASSWORD
sql() { "$MYSQL" -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" --batch --skip-column-names "$@"; }
rcli() { redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" -n "$REDIS_DB" "$@"; }
log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$OUT/run.log" >&2; }

APP_PID=
cleanup() { if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

start_app() { # NAME [extra args]
    local name=$1 i; shift
    DOORSTEP_DB_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$DB_NAME" DOORSTEP_DB_USER=$DB_USER DOORSTEP_DB_PASSWORD=$DB_PASSWORD \
    DOORSTEP_REDIS_URL="redis://$REDIS_HOST:$REDIS_PORT/$REDIS_DB" PORT=$PORT DOORSTEP_MANAGEMENT_PORT=$MGMT_PORT \
        "$JAVA" $JAVA_OPTS -jar "$JAR" "$@" > "$OUT/app-$name.log" 2>&1 &
    APP_PID=$!
    for i in $(seq 300); do
        kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$OUT/app-$name.log" >&2; echo "the app died on start-up" >&2; exit 1; }
        curl -sf "$MGMT_URL/actuator/health/readiness" >/dev/null && return 0
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
res() { grep -m1 '^RESULT' "$1" 2>/dev/null | tr ' ' '\n' | sed -n "s/^$2=//p"; }

burst() { # NAME REWARD_ID: exactly REQUESTS redemptions of the reward, then wrk is told to stop
    local name=$1 reward=$2 done_dir=$OUT/done-$1 pid i
    mkdir -p "$done_dir"
    BENCH_TOKENS=$OUT/tokens.txt BENCH_REWARD=$reward BENCH_TAG="$name-$STAMP" BENCH_DONE=$done_dir \
        wrk -t"$CONNS" -c"$CONNS" -d"${BURST_LIMIT}s" --timeout 10s -s "$BENCH_DIR/lua/redeem.lua" "$URL" -- "$CONNS" "$REQUESTS" \
        > "$OUT/wrk-$name.txt" 2>&1 &
    pid=$!
    for i in $(seq $((BURST_LIMIT * 10))); do
        (( $(ls "$done_dir" | wc -l) >= CONNS )) && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -INT "$pid" 2>/dev/null || true
    wait "$pid" || true
    log "$name: $(grep -m1 '^RESULT' "$OUT/wrk-$name.txt" | cut -d' ' -f2-)"
}

# The invariants after a burst, by SQL and Redis; writes "NAME: ok" or the failures, and counts them.
FAILED=0
verify() { # NAME REWARD_ID GATE(1/0)
    local name=$1 reward=$2 gate=$3 problems=() n stock redis_stock spent mismatched negative consistent
    n=$(sql "$DB_NAME" -e "SELECT COUNT(*) FROM redemption WHERE reward_id = $reward")
    stock=$(sql "$DB_NAME" -e "SELECT stock FROM reward WHERE id = $reward")
    spent=$(sql "$DB_NAME" -e "SELECT COALESCE(-SUM(l.delta), 0) FROM points_ledger l JOIN redemption d
            ON l.ref_type = 'redemption' AND l.ref_id = CAST(d.id AS CHAR) AND l.user_id = d.user_id
            WHERE d.reward_id = $reward AND l.reason = 'REDEEM'")
    mismatched=$(sql "$DB_NAME" -e "SELECT COUNT(*) FROM points_account a WHERE a.balance <>
            (SELECT COALESCE(SUM(delta), 0) FROM points_ledger l WHERE l.user_id = a.user_id) OR a.balance <>
            (SELECT COALESCE(SUM(remaining), 0) FROM points_lot t WHERE t.user_id = a.user_id)")
    negative=$(sql "$DB_NAME" -e "SELECT COUNT(*) FROM points_ledger WHERE balance_after < 0")
    redis_stock=$(rcli GET "reward:$reward:stock")
    consistent=$(curl -s "$URL/api/v1/admin/points/consistency" -H "Authorization: Bearer $(cat "$OUT/admin-token.txt")" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["consistent"])' 2>/dev/null || echo "no answer")
    [[ "$n" == "$STOCK" ]] || problems+=("redemptions $n, expected $STOCK")
    [[ "$stock" == 0 ]] || problems+=("MySQL stock $stock")
    [[ "$gate" == 0 || "$redis_stock" == 0 ]] || problems+=("Redis stock '$redis_stock'")
    [[ "$spent" == $((STOCK * PRICE)) ]] || problems+=("points spent $spent, expected $((STOCK * PRICE))")
    [[ "$mismatched" == 0 ]] || problems+=("$mismatched accounts whose balance is not their ledger and lots")
    [[ "$negative" == 0 ]] || problems+=("$negative ledger entries with a negative balance")
    [[ "$consistent" == True ]] || problems+=("consistency report: $consistent")
    if (( ${#problems[@]} == 0 )); then
        echo "$name: ok (redemptions $n, MySQL stock $stock, Redis stock ${redis_stock:-none}, points spent $spent, report consistent)" > "$OUT/verify-$name.txt"
    else
        echo "$name: FAILED: ${problems[*]}" > "$OUT/verify-$name.txt"; FAILED=$((FAILED + 1))
    fi
    log "$(cat "$OUT/verify-$name.txt")"
}

log "results: $OUT"
log "dropping and creating database $DB_NAME; flushing Redis db $REDIS_DB"
sql -e "DROP DATABASE IF EXISTS \`$DB_NAME\`; CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
rcli FLUSHDB >/dev/null
log "first start of the jar: Flyway creates the schema"
start_app migrate
stop_app

log "loading $USERS users with $POINTS points each, an admin, 4 rewards of $STOCK at $PRICE points; sessions into Redis"
python3 - "$OUT" "$USERS" "$POINTS" "$STOCK" "$PRICE" <<'PY'
import hashlib, os, secrets, sys, time
out, users, points, stock, price = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
admin = users + 1
now = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())
until = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(time.time() + 300 * 86400))
ms = int(time.time() * 1000)
with open(f"{out}/data.sql", "w") as s, open(f"{out}/redis.txt", "w") as r, open(f"{out}/tokens.txt", "w") as t:
    s.write("SET autocommit=0;\n")
    for u in range(1, admin + 1):
        s.write(f"INSERT INTO app_user (id, openid, nickname, created_at, updated_at) VALUES ({u}, 'bench-{u}', 'bench{u}', '{now}', '{now}');\n")
        s.write(f"INSERT INTO user_role (user_id, role, scope_id, created_at) VALUES ({u}, 'RESIDENT', 0, '{now}');\n")
        token = secrets.token_urlsafe(32)
        digest = hashlib.sha256(token.encode()).hexdigest()
        r.write(f"SET auth:token:{digest} {u}|{ms} PX 86400000\n")
        if u == admin:
            s.write(f"INSERT INTO user_role (user_id, role, scope_id, created_at) VALUES ({u}, 'ADMIN', 1, '{now}');\n")
            open(f"{out}/admin-token.txt", "w").write(token)
            continue
        t.write(token + "\n")
        s.write(f"INSERT INTO points_account (user_id, balance, earned, spent, expired, member_code, created_at, updated_at) "
                f"VALUES ({u}, {points}, {points}, 0, 0, 'B{u:07d}', '{now}', '{now}');\n")
        s.write(f"INSERT INTO points_ledger (id, user_id, delta, balance_after, reason, ref_type, ref_id, community_id, memo, created_at) "
                f"VALUES ({u}, {u}, {points}, {points}, 'ADJUSTMENT', 'bench', 'seed', 1, 'bench', '{now}');\n")
        s.write(f"INSERT INTO points_lot (user_id, ledger_id, amount, remaining, expires_at) VALUES ({u}, {u}, {points}, {points}, '{until}');\n")
    for rid in range(1, 5):
        s.write(f"INSERT INTO reward (id, community_id, station_id, kind, name, points_price, stock, status, created_by, created_at, updated_at) "
                f"VALUES ({rid}, 1, 1, 'GOODS', 'bench reward {rid}', {price}, {stock}, 'ACTIVE', {admin}, '{now}', '{now}');\n")
        s.write(f"INSERT INTO reward_stock_in (reward_id, quantity, reason, ref, operator_id, created_at) "
                f"VALUES ({rid}, {stock}, 'INITIAL', 'initial', {admin}, '{now}');\n")
    s.write("COMMIT;\n")
PY
sql "$DB_NAME" < "$OUT/data.sql"
rcli FLUSHDB >/dev/null
rcli < "$OUT/redis.txt" > /dev/null

log "starting the jar, Redis gate ON"
start_app gate
for w in $(seq "$WARMUPS"); do burst "warmup$w-gate" 1; done
burst gate 2
verify gate 2 1
echo "0 0 /actuator/health/liveness" > "$OUT/liveness.txt"
BENCH_QUERIES=$OUT/liveness.txt wrk -t1 -c"$CONNS" -d"${FLOOR_SECONDS}s" --timeout 10s -s "$BENCH_DIR/lua/nearby.lua" "$MGMT_URL" \
    > "$OUT/wrk-floor-warmup.txt" 2>&1
BENCH_QUERIES=$OUT/liveness.txt wrk -t1 -c"$CONNS" -d"${FLOOR_SECONDS}s" --timeout 10s -s "$BENCH_DIR/lua/nearby.lua" "$MGMT_URL" \
    > "$OUT/wrk-floor.txt" 2>&1
log "floor: $(grep -m1 '^RESULT' "$OUT/wrk-floor.txt" | cut -d' ' -f2-)"
stop_app

log "starting the jar, Redis gate OFF (MySQL's guards only)"
start_app mysql --doorstep.reward.gate=false
for w in $(seq "$WARMUPS"); do burst "warmup$w-mysql" 3; done
burst mysql 4
verify mysql 4 0
stop_app

div() { awk -v a="${1:-0}" -v b="${2:-0}" 'BEGIN{if (b+0 == 0) print "n/a"; else printf "%.2f", a/b}'; }
GATE_RPS=$(res "$OUT/wrk-gate.txt" rps); MYSQL_RPS=$(res "$OUT/wrk-mysql.txt" rps); FLOOR_RPS=$(res "$OUT/wrk-floor.txt" rps)
VS_MYSQL=$(div "$GATE_RPS" "$MYSQL_RPS"); VS_FLOOR=$(div "$GATE_RPS" "$FLOOR_RPS")
verdict() { awk -v r="$1" -v t="$2" 'BEGIN{print (r != "n/a" && r+0 >= t) ? "MET" : "MISSED"}'; }
{
echo "Doorstep redemption burst benchmark — run $STAMP"
echo
echo "machine  : $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(uname -sr)"
echo "software : $("$JAVA" -version 2>&1 | head -1); MariaDB $(sql -e 'SELECT VERSION()'); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "jar      : $JAR (sha256 $(sha256sum "$JAR" | cut -c1-12)); JVM $JAVA_OPTS"
echo "burst    : $REQUESTS x POST /api/v1/redemptions from $USERS users (each its own Idempotency-Key), reward stock $STOCK,"
echo "           $CONNS connections, closed loop; $WARMUPS warm-up bursts on another reward first in each JVM"
echo
printf "  %-34s %9s %9s %9s %9s %9s %6s %6s %6s\n" step "answers/s" p50_ms p90_ms p99_ms max_ms "200" "409" other
for n in gate mysql; do
    w=$OUT/wrk-$n.txt
    label=$([[ $n == gate ]] && echo "Redis gate + MySQL guards" || echo "MySQL guards only (gate=false)")
    printf "  %-34s %9s %9s %9s %9s %9s %6s %6s %6s\n" "$label" "$(res "$w" rps)" "$(res "$w" p50_ms)" "$(res "$w" p90_ms)" \
        "$(res "$w" p99_ms)" "$(res "$w" max_ms)" "$(res "$w" ok)" "$(res "$w" conflict)" "$(res "$w" other)"
done
printf "  %-34s %9s %9s %9s %9s\n" "floor: GET /actuator/health/liveness" "$FLOOR_RPS" "$(res "$OUT/wrk-floor.txt" p50_ms)" \
    "$(res "$OUT/wrk-floor.txt" p90_ms)" "$(res "$OUT/wrk-floor.txt" p99_ms)"
echo
echo "targets:"
echo "  gate path >= 2x the MySQL-only path : $VS_MYSQL x  $(verdict "$VS_MYSQL" 2)"
echo "  gate path >= 50 % of the floor      : $(awk -v r="$VS_FLOOR" 'BEGIN{if (r=="n/a") print r; else printf "%.0f %%", 100*r}')  $(verdict "$VS_FLOOR" 0.5)"
echo
echo "invariants after each measured burst:"
cat "$OUT/verify-gate.txt" "$OUT/verify-mysql.txt" | sed 's/^/  /'
} | tee "$SUMMARY"
exit $(( FAILED > 0 ))
