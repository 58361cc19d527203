#!/usr/bin/env bash
# Issue 18 §5: the whole test suite against a local Redis Cluster of three masters, started here from the
# OS's redis-server (installed with apt-get when missing, as root), with the embedded MariaDB as usual.
# The application runs Lettuce in cluster mode by configuration only (spring.data.redis.cluster.nodes, set
# by the tests from DOORSTEP_TEST_REDIS_CLUSTER_NODES); the test servers flush every master once.
#
#   ops/redis-cluster-test.sh                  # the whole suite (~10 min on 2 cores)
#   ops/redis-cluster-test.sh -Dtest=SessionTest -Dsurefire.failIfNoSpecifiedTests=false   # some tests
#
# Ports: REDIS_CLUSTER_PORTS (default "7101 7102 7103"); never 6379. Everything it starts lives in a temp
# folder and is stopped and removed at the end, whatever happens. Prints the cluster's shape, the suite's
# counts and PASS or FAIL last; exits with Maven's status.
set -euo pipefail
cd "$(dirname "$0")/.."

read -r -a PORTS <<< "${REDIS_CLUSTER_PORTS:-7101 7102 7103}"
[ "${#PORTS[@]}" -ge 3 ] || { echo "REDIS_CLUSTER_PORTS needs three ports (a cluster needs three masters)" >&2; exit 2; }
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "${PORTS[@]}"; do
  [ "$port" != 6379 ] || { echo "refusing port 6379: it is the machine's own Redis" >&2; exit 2; }
  if answers "$port"; then echo "port $port is in use: choose others with REDIS_CLUSTER_PORTS" >&2; exit 2; fi
done

if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
  echo "== installing redis-server (apt-get) =="
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  # only the binaries are wanted: a service the package may have started keeps its own port (6379)
fi
REDIS_SERVER=$(command -v redis-server)
echo "== $("$REDIS_SERVER" --version | cut -d' ' -f1-3) =="

WORK=$(mktemp -d "${TMPDIR:-/tmp}/doorstep-redis-cluster.XXXXXX")
stop() {
  for port in "${PORTS[@]}"; do
    if [ -f "$WORK/$port/redis.pid" ]; then
      kill "$(cat "$WORK/$port/redis.pid")" 2>/dev/null || true
    fi
  done
  for port in "${PORTS[@]}"; do
    for _ in $(seq 50); do answers "$port" || break; sleep 0.1; done
  done
  rm -rf "$WORK"
  echo "== cluster stopped =="
}
trap stop EXIT

NODES=()
for port in "${PORTS[@]}"; do
  mkdir -p "$WORK/$port"
  "$REDIS_SERVER" --port "$port" --bind 127.0.0.1 --protected-mode no \
    --cluster-enabled yes --cluster-config-file "$WORK/$port/nodes.conf" --cluster-node-timeout 5000 \
    --dir "$WORK/$port" --save "" --appendonly no \
    --daemonize yes --pidfile "$WORK/$port/redis.pid" --logfile "$WORK/$port/redis.log"
  NODES+=("127.0.0.1:$port")
done
for port in "${PORTS[@]}"; do
  for _ in $(seq 100); do redis-cli -p "$port" ping 2>/dev/null | grep -q PONG && break; sleep 0.1; done
done

redis-cli --cluster create "${NODES[@]}" --cluster-replicas 0 --cluster-yes >"$WORK/create.log" 2>&1 \
  || { cat "$WORK/create.log"; exit 1; }
for port in "${PORTS[@]}"; do
  for _ in $(seq 100); do
    redis-cli -p "$port" cluster info | grep -q 'cluster_state:ok' && break
    sleep 0.2
  done
  redis-cli -p "$port" cluster info | grep -q 'cluster_state:ok' \
    || { echo "node $port never reached cluster_state:ok" >&2; exit 1; }
done
echo "== cluster up: ${NODES[*]} =="
redis-cli -p "${PORTS[0]}" cluster nodes | awk '{print "   " $2, $3, $9}'

CLUSTER_NODES=$(IFS=,; echo "${NODES[*]}")
mkdir -p server/target
LOG=server/target/redis-cluster-test.log   # Maven's whole output, kept after the cluster is gone
started=$(date +%s)
set +e
( env -u DOORSTEP_TEST_REDIS_URL -u DOORSTEP_TEST_DB_URL -u DOORSTEP_REDIS_URL \
    DOORSTEP_TEST_REDIS_CLUSTER_NODES="$CLUSTER_NODES" ./mvnw -B verify "$@"; echo $? > "$WORK/status" ) 2>&1 \
  | tee "$LOG" | grep -E --line-buffered '<<< (FAILURE|ERROR)!|BUILD (SUCCESS|FAILURE)|Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+ *$'
set -e
status=$(cat "$WORK/status")
elapsed=$(( $(date +%s) - started ))

# Maven's own totals: the "Tests run" lines without a class name are the per-module results
python3 - "$elapsed" "$LOG" <<'PY'
import re, sys
tests = failures = errors = skipped = 0
for line in open(sys.argv[2], errors="replace"):
    m = re.match(r"\[\w+\] Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)\s*$", line)
    if m:
        t, f, e, s = map(int, m.groups())
        tests += t; failures += f; errors += e; skipped += s
print(f"== suite on the Redis Cluster: {tests} tests, {failures} failures, {errors} errors, "
      f"{skipped} skipped, {int(sys.argv[1]) // 60} min {int(sys.argv[1]) % 60} s ==")
PY
for port in "${PORTS[@]}"; do
  echo "   node $port: $(redis-cli -p "$port" dbsize) keys after the run, $(redis-cli -p "$port" info stats | grep -E '^total_commands_processed' | tr -d '\r')"
done
echo "   Maven's output: $LOG ($(grep -c CROSSSLOT "$LOG" || true) lines mention CROSSSLOT)"
if [ "$status" -eq 0 ]; then echo "== PASS: the tests run pass on a 3-master Redis Cluster =="; else echo "== FAIL (mvn exit $status) =="; fi
exit "$status"
