#!/usr/bin/env bash
# The two backlogs the app does not export as metrics (docs/operations.md, "Metrics and alerts"): the
# notification outbox and Spring Modulith's incomplete event publications, read from MySQL and written
# for node_exporter's textfile collector. Run it every minute (ops/systemd/doorstep-db-metrics.timer).
#   DB_HOST DB_PORT DB_USER DB_PASSWORD DB_NAME (doorstep) OUT (/var/lib/node_exporter/textfile/doorstep_db.prom)
# Use a read-only account (SELECT on notify_outbox and EVENT_PUBLICATION).
set -euo pipefail
DB_HOST=${DB_HOST:-127.0.0.1}; DB_PORT=${DB_PORT:-3306}; DB_USER=${DB_USER:-doorstep_metrics}
DB_NAME=${DB_NAME:-doorstep}; OUT=${OUT:-/var/lib/node_exporter/textfile/doorstep_db.prom}
export MYSQL_PWD=${DB_PASSWORD:-}
client=$(command -v mariadb || command -v mysql)
q() { "$client" -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" --batch --skip-column-names "$DB_NAME" -e "$1"; }

# times in the database are UTC (DESIGN §4): compare with UTC_TIMESTAMP, not NOW()
read -r due due_age < <(q "SELECT COUNT(*), COALESCE(TIMESTAMPDIFF(SECOND, MIN(next_attempt_at), UTC_TIMESTAMP(3)), 0)
                           FROM notify_outbox WHERE status IN ('PENDING', 'SENDING') AND next_attempt_at <= UTC_TIMESTAMP(3)")
failed=$(q "SELECT COUNT(*) FROM notify_outbox WHERE status = 'FAILED'")
read -r open open_age < <(q "SELECT COUNT(*), COALESCE(TIMESTAMPDIFF(SECOND, MIN(PUBLICATION_DATE), UTC_TIMESTAMP(6)), 0)
                             FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL")
tmp=$(mktemp "$OUT.XXXXXX")
cat > "$tmp" <<PROM
# HELP doorstep_outbox_due Notifications due to be sent (PENDING, or SENDING whose lease ran out).
# TYPE doorstep_outbox_due gauge
doorstep_outbox_due $due
# HELP doorstep_outbox_due_oldest_seconds How long the oldest due notification has been due.
# TYPE doorstep_outbox_due_oldest_seconds gauge
doorstep_outbox_due_oldest_seconds $due_age
# HELP doorstep_outbox_failed Notifications the sender gave up on (FAILED), ever.
# TYPE doorstep_outbox_failed gauge
doorstep_outbox_failed $failed
# HELP doorstep_event_publications_incomplete Event publications whose listener has not completed.
# TYPE doorstep_event_publications_incomplete gauge
doorstep_event_publications_incomplete $open
# HELP doorstep_event_publications_oldest_seconds Age of the oldest incomplete event publication.
# TYPE doorstep_event_publications_oldest_seconds gauge
doorstep_event_publications_oldest_seconds $open_age
PROM
chmod 644 "$tmp"
mv "$tmp" "$OUT"
