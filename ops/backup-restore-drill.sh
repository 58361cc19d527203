#!/usr/bin/env bash
# Backup and restore drill (docs/operations.md, "Backup and restore"): dumps a database with a
# consistent snapshot (--single-transaction: no table locks, the app keeps running), restores the dump
# into a scratch schema, and checks that every table's row count and Flyway's history are equal.
#
#   SRC_DB=doorstep ops/backup-restore-drill.sh            # drill against a real database (read only)
#   ops/backup-restore-drill.sh --seed                       # fill doorstep_drill_src first (Flyway + demo rows)
#
# It only ever creates, fills and drops schemas named doorstep_drill_*; the source is only read.
# Settings: DB_HOST (127.0.0.1), DB_PORT (3306), DB_USER (root), DB_PASSWORD (empty), SRC_DB
# (doorstep_drill_src), DRILL_DB (doorstep_drill_restore), BACKUP_DIR (/tmp/doorstep-drill),
# KEEP=1 keeps the restored schema and the dump.
set -euo pipefail

DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_USER=${DB_USER:-root}
DB_PASSWORD=${DB_PASSWORD:-}
SRC_DB=${SRC_DB:-doorstep_drill_src}
DRILL_DB=${DRILL_DB:-doorstep_drill_restore}
BACKUP_DIR=${BACKUP_DIR:-/tmp/doorstep-drill}
KEEP=${KEEP:-0}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)

die() { echo "drill: $*" >&2; exit 2; }
[[ $DRILL_DB == doorstep_drill_* ]] || die "DRILL_DB must be named doorstep_drill_* (got '$DRILL_DB')"
[[ $DRILL_DB != "$SRC_DB" ]] || die "DRILL_DB and SRC_DB must differ"

client() { command -v mariadb >/dev/null && echo mariadb || echo mysql; }
dumper() { command -v mariadb-dump >/dev/null && echo mariadb-dump || echo mysqldump; }
export MYSQL_PWD=$DB_PASSWORD
sql() { "$(client)" -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" --batch --skip-column-names "$@"; }

seed() {
    [[ $SRC_DB == doorstep_drill_* ]] || die "--seed fills only a doorstep_drill_* schema (SRC_DB='$SRC_DB')"
    local m2=${M2_REPO:-$HOME/.m2/repository} cp
    # the Flyway the app uses (the versions of the parent pom's Spring Boot), from the local Maven cache
    cp=$(ls "$m2"/org/flywaydb/flyway-core/11.7.2/flyway-core-11.7.2.jar \
            "$m2"/org/flywaydb/flyway-mysql/11.7.2/flyway-mysql-11.7.2.jar \
            "$m2"/com/mysql/mysql-connector-j/9.4.0/mysql-connector-j-9.4.0.jar \
            "$m2"/com/fasterxml/jackson/core/jackson-{databind,core,annotations}/2.19.2/jackson-*-2.19.2.jar \
            "$m2"/com/fasterxml/jackson/dataformat/jackson-dataformat-toml/2.19.2/jackson-dataformat-toml-2.19.2.jar \
         | paste -sd:) || die "Flyway's jars are not in $m2 (run ./mvnw -q -DskipTests package once)"
    sql -e "DROP DATABASE IF EXISTS \`$SRC_DB\`; CREATE DATABASE \`$SRC_DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
    # sql/ with sql/demo/: the migrations and the demo rows (districts, streets, communities, users)
    java -cp "$cp" "$HERE/FlywayMigrate.java" "jdbc:mysql://$DB_HOST:$DB_PORT/$SRC_DB" "$DB_USER" "$DB_PASSWORD" \
        "$ROOT/sql" 2>/dev/null
}

[[ ${1:-} == --seed ]] && { echo "== seeding $SRC_DB with Flyway (sql/ and sql/demo/) =="; seed; }

counts() { # table<TAB>exact row count, for every base table of schema $1
    local db=$1 t
    for t in $(sql -e "SELECT table_name FROM information_schema.tables WHERE table_schema = '$db'
                         AND table_type = 'BASE TABLE' ORDER BY table_name"); do
        printf '%s\t%s\n' "$t" "$(sql -e "SELECT COUNT(*) FROM \`$db\`.\`$t\`")"
    done
}
history() {
    sql -e "SELECT installed_rank, COALESCE(version, ''), description, checksum, success
            FROM \`$1\`.flyway_schema_history ORDER BY installed_rank"
}

mkdir -p "$BACKUP_DIR"
dump="$BACKUP_DIR/$SRC_DB-$(date -u +%Y%m%dT%H%M%SZ).sql.gz"
start=$(date +%s)
echo "== dump $SRC_DB with $(dumper) --single-transaction =="
"$(dumper)" -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" --single-transaction --quick --routines --triggers \
    --events --hex-blob --default-character-set=utf8mb4 --skip-lock-tables "$SRC_DB" | gzip > "$dump"
echo "   $dump, $(du -h "$dump" | cut -f1), $(( $(date +%s) - start )) s"
# the counts the dump must reproduce, read right after it (a live source may have moved on: compare
# a quiet database, or a replica stopped for the drill)
counts "$SRC_DB" > "$BACKUP_DIR/src.counts"
history "$SRC_DB" > "$BACKUP_DIR/src.history"

start=$(date +%s)
echo "== restore into $DRILL_DB =="
sql -e "DROP DATABASE IF EXISTS \`$DRILL_DB\`; CREATE DATABASE \`$DRILL_DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
gunzip -c "$dump" | "$(client)" -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" "$DRILL_DB"
echo "   $(( $(date +%s) - start )) s"

counts "$DRILL_DB" > "$BACKUP_DIR/drill.counts"
history "$DRILL_DB" > "$BACKUP_DIR/drill.history"
tables=$(wc -l < "$BACKUP_DIR/src.counts")
rows=$(awk -F'\t' '{s += $2} END {print s + 0}' "$BACKUP_DIR/src.counts")
migrations=$(wc -l < "$BACKUP_DIR/src.history")
last=$(sql -e "SELECT version FROM \`$DRILL_DB\`.flyway_schema_history WHERE success = 1 AND version IS NOT NULL
               ORDER BY installed_rank DESC LIMIT 1")
fail=0
if diff -u "$BACKUP_DIR/src.counts" "$BACKUP_DIR/drill.counts"; then
    echo "   row counts: equal in all $tables tables ($rows rows)"
else
    echo "   row counts: DIFFER (above)"; fail=1
fi
if diff -u "$BACKUP_DIR/src.history" "$BACKUP_DIR/drill.history"; then
    echo "   flyway_schema_history: equal ($migrations entries, checksums included; schema at V$last)"
else
    echo "   flyway_schema_history: DIFFERS (above)"; fail=1
fi
failed=$(sql -e "SELECT COUNT(*) FROM \`$DRILL_DB\`.flyway_schema_history WHERE success = 0")
[[ $failed == 0 ]] || { echo "   flyway_schema_history has $failed failed migrations"; fail=1; }

if [[ $KEEP != 1 ]]; then
    sql -e "DROP DATABASE \`$DRILL_DB\`"
    rm -f "$dump" "$BACKUP_DIR"/{src,drill}.{counts,history}
fi
if [[ $fail == 0 ]]; then echo "== PASS: $SRC_DB restored into $DRILL_DB and verified =="; else echo "== FAIL =="; fi
exit $fail
