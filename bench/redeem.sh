#!/usr/bin/env bash
# The redemption benchmark (see bench/README.md, "Redemption burst"), end to end, in one run:
#   1. a fresh database (Flyway by the jar's first start), USERS users with POINTS points each and
#      bearer sessions written straight into MariaDB and Redis (the prod jar has no dev login), and
#      rewards of STOCK units (a warm-up one and MEASURED measured ones for each mode)
#   2. the packaged jar, Redis gate ON: warm-up bursts, MEASURED measured bursts (REQUESTS requests
#      from USERS users, CONNS connections, each on a fresh reward), then the stack's floor
#      (GET /actuator/health/liveness on the app's port, bench/lib.sh) in the same burst shape
#   3. the jar again with --doorstep.reward.gate=false (MySQL's guards only): warm-ups, measured bursts
#   4. after each measured burst the invariants, by SQL and Redis: exactly STOCK redemptions, stock 0
#      in MySQL (and Redis, gate on), the points spent equal to the redemptions, every balance equal
#      to its ledger and lots and never negative, and the app's own consistency report
# Each figure is the median of its measured bursts. Prints a summary and writes it to
# bench/results/redeem-<UTC time>.txt (raw output beside it).
#
# It DROPS the database $DB_NAME and FLUSHES Redis db $REDIS_DB: both are for the benchmark only.
set -euo pipefail

DB_NAME=${DB_NAME:-doorstep_reward_bench}
REDIS_DB=${REDIS_DB:-2}
USERS=${USERS:-1000}
REQUESTS=${REQUESTS:-3000}
STOCK=${STOCK:-100}
PRICE=${PRICE:-10}
POINTS=${POINTS:-1000}
CONNS=${CONNS:-32}              # one wrk thread per connection (a response belongs to the request just sent)
WARMUPS=${WARMUPS:-8}           # warm-up bursts (on a reward of their own, sold out after the first) per JVM
MEASURED=${MEASURED:-3}         # measured bursts per mode (and of the floor), each on a fresh reward; the summary takes the median
BENCH_NAME=redeem
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

burst() { # NAME REWARD_ID: exactly REQUESTS redemptions of the reward
    local name=$1 reward=$2
    BENCH_TOKENS=$OUT/tokens.txt BENCH_REWARD=$reward BENCH_TAG="$name-$STAMP" run_wrk "$name" "$CONNS" \
        -t"$CONNS" -c"$CONNS" -d300s --timeout 10s -s "$BENCH_DIR/lua/redeem.lua" "$URL" -- "$CONNS" "$REQUESTS"
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
fresh_database
log "first start of the jar: Flyway creates the schema"
start_app migrate
stop_app

REWARDS=$(( 2 * (MEASURED + 1) ))
log "loading $USERS users with $POINTS points each, a platform admin (for the consistency report), $REWARDS rewards of $STOCK at $PRICE points; sessions into Redis"
python3 - "$OUT" "$USERS" "$POINTS" "$STOCK" "$PRICE" "$REWARDS" <<'PY'
import hashlib, os, secrets, sys, time
out, users, points, stock, price, rewards = sys.argv[1], *map(int, sys.argv[2:7])
admin = users + 1
now = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())
until = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(time.time() + 300 * 86400))
ms = int(time.time() * 1000)
with open(f"{out}/data.sql", "w") as s, open(f"{out}/redis.txt", "w") as r, open(f"{out}/tokens.txt", "w") as t:
    s.write("SET autocommit=0;\n")
    for u in range(1, admin + 1):
        s.write(f"INSERT INTO app_user (id, openid, nickname, created_at, updated_at) VALUES ({u}, 'bench-{u}', 'bench{u}', '{now}', '{now}');\n")
        s.write(f"INSERT INTO user_role (user_id, role, scope_id, created_at) VALUES ({u}, 'RESIDENT', 0, '{now}');\n")
        token = f"{u}." + secrets.token_urlsafe(32)
        digest = hashlib.sha256(token.encode()).hexdigest()
        r.write(f"SET auth:{{{u}}}:token:{digest} {u}|{ms} PX 86400000\n")
        if u == admin:
            s.write(f"INSERT INTO user_role (user_id, role, scope_id, created_at) VALUES ({u}, 'PLATFORM', 0, '{now}');\n")
            open(f"{out}/admin-token.txt", "w").write(token)
            continue
        t.write(token + "\n")
        s.write(f"INSERT INTO points_account (user_id, balance, earned, spent, expired, member_code, created_at, updated_at) "
                f"VALUES ({u}, {points}, {points}, 0, 0, 'B{u:07d}', '{now}', '{now}');\n")
        s.write(f"INSERT INTO points_ledger (id, user_id, delta, balance_after, reason, ref_type, ref_id, community_id, memo, created_at) "
                f"VALUES ({u}, {u}, {points}, {points}, 'ADJUSTMENT', 'bench', 'seed', 1, 'bench', '{now}');\n")
        s.write(f"INSERT INTO points_lot (user_id, ledger_id, amount, remaining, expires_at) VALUES ({u}, {u}, {points}, {points}, '{until}');\n")
    for rid in range(1, rewards + 1):
        s.write(f"INSERT INTO reward (id, community_id, station_id, kind, name, points_price, stock, status, created_by, created_at, updated_at) "
                f"VALUES ({rid}, 1, 1, 'GOODS', 'bench reward {rid}', {price}, {stock}, 'ACTIVE', {admin}, '{now}', '{now}');\n")
        s.write(f"INSERT INTO reward_stock_in (reward_id, quantity, reason, ref, operator_id, created_at) "
                f"VALUES ({rid}, {stock}, 'INITIAL', 'initial', {admin}, '{now}');\n")
    s.write("COMMIT;\n")
PY
sql "$DB_NAME" < "$OUT/data.sql"
rcli FLUSHDB >/dev/null
rcli < "$OUT/redis.txt" > /dev/null

# gate on: reward 1 warms up, 2..MEASURED+1 are measured; gate off: the next one warms up, the rest are measured
log "starting the jar, Redis gate ON"
start_app gate
for w in $(seq "$WARMUPS"); do burst "warmup$w-gate" 1; done
for i in $(seq "$MEASURED"); do burst "gate$i" $((1 + i)); verify "gate$i" $((1 + i)) 1; done
for w in $(seq "$WARMUPS"); do floor_burst "floor-warmup$w" "$REQUESTS" "$CONNS" "$CONNS"; done
for i in $(seq "$MEASURED"); do floor_burst "floor$i" "$REQUESTS" "$CONNS" "$CONNS"; done
stop_app

log "starting the jar, Redis gate OFF (MySQL's guards only)"
start_app mysql --doorstep.reward.gate=false
MYSQL_WARMUP=$(( MEASURED + 2 ))
for w in $(seq "$WARMUPS"); do burst "warmup$w-mysql" "$MYSQL_WARMUP"; done
for i in $(seq "$MEASURED"); do burst "mysql$i" $((MYSQL_WARMUP + i)); verify "mysql$i" $((MYSQL_WARMUP + i)) 0; done
stop_app

div() { awk -v a="${1:-0}" -v b="${2:-0}" 'BEGIN{if (b+0 == 0) print "n/a"; else printf "%.2f", a/b}'; }
GATE=$(median_run gate "$MEASURED" rps); MYSQL_RUN=$(median_run mysql "$MEASURED" rps); FLOOR=$(median_run floor "$MEASURED" rps)
GATE_RPS=$(result "$GATE" rps); MYSQL_RPS=$(result "$MYSQL_RUN" rps); FLOOR_RPS=$(result "$FLOOR" rps)
VS_MYSQL=$(div "$GATE_RPS" "$MYSQL_RPS"); VS_FLOOR=$(div "$GATE_RPS" "$FLOOR_RPS")
verdict() { awk -v r="$1" -v t="$2" 'BEGIN{print (r != "n/a" && r+0 >= t) ? "MET" : "MISSED"}'; }
{
echo "Doorstep redemption burst benchmark — run $STAMP"
echo
echo "machine  : $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(uname -sr)"
echo "software : $("$JAVA" -version 2>&1 | head -1); MariaDB $(sql -e 'SELECT VERSION()'); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "jar      : $JAR (sha256 $(sha256sum "$JAR" | cut -c1-12)); JVM $JAVA_OPTS"
echo "burst    : $REQUESTS x POST /api/v1/redemptions from $USERS users (each its own Idempotency-Key), reward stock $STOCK,"
echo "           $CONNS connections, closed loop; $WARMUPS warm-up bursts first in each JVM, then $MEASURED measured (each on a fresh reward)"
echo
printf "  %-34s %9s %9s %9s %9s %9s %6s %6s %6s\n" step "answers/s" p50_ms p90_ms p99_ms max_ms "200" "409" other
for n in $(seq -f "gate%g" "$MEASURED") $(seq -f "mysql%g" "$MEASURED") $(seq -f "floor%g" "$MEASURED"); do
    printf "  %-34s %9s %9s %9s %9s %9s %6s %6s %6s\n" "$n" "$(result "$n" rps)" "$(result "$n" p50_ms)" "$(result "$n" p90_ms)" \
        "$(result "$n" p99_ms)" "$(result "$n" max_ms)" "$(result "$n" ok)" "$(result "$n" conflict)" "$(result "$n" other)"
done
echo "  gate*: Redis gate + MySQL guards; mysql*: MySQL guards only (gate=false); floor*: GET /actuator/health/liveness on the app's port"
echo "  medians: gate $GATE ($GATE_RPS), MySQL-only $MYSQL_RUN ($MYSQL_RPS), floor $FLOOR ($FLOOR_RPS)"
echo
echo "targets:"
echo "  gate path >= 2x the MySQL-only path : $VS_MYSQL x  $(verdict "$VS_MYSQL" 2)"
echo "  gate path >= 50 % of the floor      : $(awk -v r="$VS_FLOOR" 'BEGIN{if (r=="n/a") print r; else printf "%.0f %%", 100*r}')  $(verdict "$VS_FLOOR" 0.5)"
echo
echo "invariants after each measured burst:"
for n in $(seq -f "gate%g" "$MEASURED") $(seq -f "mysql%g" "$MEASURED"); do sed 's/^/  /' "$OUT/verify-$n.txt"; done
} | tee "$SUMMARY"
exit $(( FAILED > 0 ))
