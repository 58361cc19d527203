#!/usr/bin/env bash
# GET /api/v1/inbox for a user with 10,000 notices, against the stack's floor (GET
# /actuator/health/liveness on the same port: same Tomcat connector, filters and observation, no
# work), issue 16 §4's target: the inbox at >= 50 % of the floor. The app reads every start's first
# page and unread count: the page from one range of idx_inbox_user (user_id, id), the counts from the
# user's inbox_counter row by primary key. Throughput and the app's CPU per request, alternating
# floor and inbox steps so a neighbour's load falls on both; ratios are taken within the run.
#
# Usage: bench/inbox.sh [seconds per step, default 20]
# Needs the packaged jar (./mvnw -q -B -DskipTests package), MariaDB on 127.0.0.1:3306 (root, no
# password), Redis on 127.0.0.1:6379, wrk, python3. Uses (and drops) the database doorstep_bench_inbox
# and flushes Redis db 7, so it disturbs nobody else's.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SECONDS_PER_STEP=${1:-20}
JAR=${JAR:-$BENCH_DIR/../server/target/doorstep-server-0.1.0-SNAPSHOT.jar}
PORT=${PORT:-18097}
DB_NAME=${DB_NAME:-doorstep_bench_inbox}
REDIS_DB=${REDIS_DB:-7}
CONNS=${CONNS:-16}
ROUNDS=${ROUNDS:-2}
NOTICES=${NOTICES:-10000}
USER_ID=9100001
[[ "$DB_NAME" == doorstep_bench* ]] || { echo "refusing: DB_NAME must start with doorstep_bench (it is dropped)" >&2; exit 2; }
[[ "$REDIS_DB" != 0 ]] || { echo "refusing: REDIS_DB 0" >&2; exit 2; }
[[ -f "$JAR" ]] || { echo "no jar at $JAR: ./mvnw -q -B -DskipTests package" >&2; exit 2; }
for tool in java mariadb redis-cli wrk curl python3; do
    command -v "$tool" >/dev/null || { echo "missing tool: $tool (wrk: apt-get install -y wrk)" >&2; exit 2; }
done
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$BENCH_DIR/results/inbox-$STAMP
mkdir -p "$OUT"
URL=http://127.0.0.1:$PORT
sql() { mariadb -h127.0.0.1 -uroot --batch --skip-column-names "$DB_NAME" "$@"; }

mariadb -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS \`$DB_NAME\`; CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
redis-cli -n "$REDIS_DB" FLUSHDB >/dev/null

APP=
stop() { if [[ -n "$APP" ]]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; fi; }
trap stop EXIT
# prod's settings one by one with actuator on the app's port (as bench/lib.sh has it)
DOORSTEP_DB_URL="jdbc:mysql://127.0.0.1:3306/$DB_NAME" DOORSTEP_DB_USER=root DOORSTEP_DB_PASSWORD= \
DOORSTEP_REDIS_URL="redis://127.0.0.1:6379/$REDIS_DB" PORT=$PORT \
    java -Xms512m -Xmx512m -jar "$JAR" --spring.profiles.active=bench --springdoc.api-docs.enabled=false \
    --springdoc.swagger-ui.enabled=false --doorstep.wechat.api-host=https://api.weixin.qq.com \
    "--doorstep.media.dir=$OUT/media" > "$OUT/app.log" 2>&1 &
APP=$!
for _ in $(seq 300); do
    curl -sf "$URL/actuator/health/readiness" >/dev/null && break
    kill -0 "$APP" 2>/dev/null || { tail -30 "$OUT/app.log"; exit 1; }
    sleep 1
done

# The user with NOTICES notices (a third unread), a hundred neighbours with 100 each, and a session.
TOKEN="$USER_ID.$(python3 -c 'import os; print(os.urandom(32).hex())')"  # {userId}.{random}: the user id is the hash tag of their keys
python3 - "$OUT" "$USER_ID" "$NOTICES" "$TOKEN" <<'PY'
import hashlib, sys, time
out, user, notices, token = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
now_ms = int(time.time() * 1000)
lines = []
users = [user] + [user + i for i in range(1, 101)]
lines.append("INSERT INTO app_user (id, openid, created_at, updated_at) VALUES "
             + ",".join(f"({u}, 'inbox-{u}', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))" for u in users) + ";")
lines.append("INSERT INTO user_role (user_id, role, scope_id, created_at) VALUES "
             + ",".join(f"({u}, 'RESIDENT', 0, UTC_TIMESTAMP(3))" for u in users) + ";")
def items(u, n, unread_from):
    rows = []
    for i in range(n):
        read = "NULL" if i >= unread_from else "UTC_TIMESTAMP(3)"
        rows.append(f"({u}, 'POINTS_EARNED', '积分到账', '完成微心愿：修楼道灯（{i}），获得 20 积分。', "
                    f"'pages/points/ledger', 'points:{u}:{i}', UTC_TIMESTAMP(3), {read})")
    return rows
rows = []
for u in users[1:]:
    rows += items(u, 100, 50)
mine = items(user, notices, notices - notices // 3)
# the neighbours' notices interleaved with the user's, as they arrive in life
merged = []
step = max(1, len(mine) // len(rows)) if rows else 1
while mine or rows:
    merged += mine[:step]; mine = mine[step:]
    if rows: merged.append(rows.pop(0))
for i in range(0, len(merged), 1000):
    lines.append("INSERT INTO inbox_item (user_id, kind, title, body, page, dedupe_key, created_at, read_at) VALUES "
                 + ",".join(merged[i:i + 1000]) + ";")
lines.append("INSERT INTO inbox_counter (user_id, total, unread) SELECT user_id, COUNT(*), SUM(read_at IS NULL) "
             "FROM inbox_item GROUP BY user_id;")
lines.append("ANALYZE TABLE inbox_item;")
open(f"{out}/fixtures.sql", "w").write("\n".join(lines) + "\n")
open(f"{out}/session.redis", "w").write(
    f"SET auth:{{{user}}}:token:{hashlib.sha256(token.encode()).hexdigest()} {user}|{now_ms} PX 86400000\n")
PY
sql < "$OUT/fixtures.sql" >/dev/null
redis-cli -n "$REDIS_DB" < "$OUT/session.redis" >/dev/null
echo "notices of user $USER_ID: $(sql -e "SELECT CONCAT(total, ' (', unread, ' unread)') FROM inbox_counter WHERE user_id = $USER_ID"); rows in inbox_item: $(sql -e 'SELECT COUNT(*) FROM inbox_item')" | tee "$OUT/summary.txt"
{
    echo "EXPLAIN of the two queries of a first page:"
    sql --column-names -t -e "EXPLAIN SELECT id, user_id, kind, title, body, page, dedupe_key, created_at, read_at FROM inbox_item WHERE user_id = $USER_ID ORDER BY id DESC LIMIT 0, 20"
    sql --column-names -t -e "EXPLAIN SELECT total, unread FROM inbox_counter WHERE user_id = $USER_ID"
} | tee -a "$OUT/summary.txt"
curl -sf "$URL/api/v1/inbox?page=1&size=20" -H "Authorization: Bearer $TOKEN" -o "$OUT/first-page.json"
echo "first page: $(head -c 240 "$OUT/first-page.json")… ($(wc -c < "$OUT/first-page.json") bytes)" | tee -a "$OUT/summary.txt"

ticks() { awk '{print $14 + $15}' "/proc/$APP/stat"; }   # utime + stime, in clock ticks
hz=$(getconf CLK_TCK)
step() { # NAME PATH [TOKEN]
    local t0 t1 n rps
    t0=$(ticks)
    BENCH_PATH=$2 BENCH_TOKEN=${3:-} wrk -t1 -c"$CONNS" -d"${SECONDS_PER_STEP}s" -s "$BENCH_DIR/lua/get.lua" "$URL" > "$OUT/$1.txt" 2>&1
    t1=$(ticks)
    n=$(grep -m1 '^RESULT' "$OUT/$1.txt" | tr ' ' '\n' | sed -n 's/^requests=//p')
    rps=$(grep -m1 '^RESULT' "$OUT/$1.txt" | tr ' ' '\n' | sed -n 's/^rps=//p')
    awk -v n="$n" -v d="$((t1 - t0))" -v hz="$hz" -v name="$1" -v rps="$rps" \
        'BEGIN { printf "%-8s %8d requests  %8.1f req/s  %7.1f us CPU per request\n", name, n, rps, d / hz * 1e6 / n }'
    grep -m1 '^RESULT' "$OUT/$1.txt" | sed "s/^RESULT/  $1:/"
}
INBOX='/api/v1/inbox?page=1&size=20'
echo "warming up (45 s)"
BENCH_PATH=$INBOX BENCH_TOKEN=$TOKEN wrk -t1 -c"$CONNS" -d30s -s "$BENCH_DIR/lua/get.lua" "$URL" >/dev/null 2>&1
BENCH_PATH=/actuator/health/liveness wrk -t1 -c"$CONNS" -d15s -s "$BENCH_DIR/lua/get.lua" "$URL" >/dev/null 2>&1
# authed: GET /api/v1/notify/templates, a signed-in request that does no work (the session and roles
# from Redis, an empty map as JSON): what the inbox costs beyond signing the user in
for r in $(seq "$ROUNDS"); do
    step "floor$r" /actuator/health/liveness | tee -a "$OUT/summary.txt"
    step "authed$r" /api/v1/notify/templates "$TOKEN" | tee -a "$OUT/summary.txt"
    step "inbox$r" "$INBOX" "$TOKEN" | tee -a "$OUT/summary.txt"
done
awk '/^floor/ {fr += $4; fc += $6; nf++} /^authed/ {ar += $4; ac += $6; na++} /^inbox/ {ir += $4; ic += $6; ni++} END {
    printf "inbox / floor throughput:       %.1f %% (target >= 50 %%)\n", (ir / ni) / (fr / nf) * 100
    printf "floor / inbox CPU per request:  %.1f %%\n", (fc / nf) / (ic / ni) * 100
    printf "authed / floor throughput:      %.1f %%, CPU per request %.2fx the floor\n", (ar / na) / (fr / nf) * 100, (ac / na) / (fc / nf)
    printf "inbox / authed throughput:      %.1f %%\n", (ir / ni) / (ar / na) * 100 }' "$OUT/summary.txt" | tee -a "$OUT/summary.txt"
echo "summary: $OUT/summary.txt"
