#!/usr/bin/env bash
# Copies a SQLite redact log into a new PostgreSQL database, row for row (the same log id, the same
# chain, the same entries), so that packs can be timed over exactly the same data from both
# backends. Minutes for a national-sized log, where appending it entry by entry takes most of an
# hour (about 500 entries a second on this machine).
#
# Usage: benchmarks/national/load-copy.sh REDACT_BINARY SQLITE_LOG SERVER_URL DATABASE
#   SERVER_URL  postgres://USER:PASSWORD@HOST:PORT (no database): DATABASE is created (dropped first)
#
# The schema is the log's own: `redact demo-log` writes a tiny demo into a scratch database, which
# creates the schema through the log's migrations; that schema (and its migration bookkeeping) is
# copied with pg_dump. Then each table is streamed from SQLite as CSV into COPY, in `seq` order
# (the order appends would have written), and the database is vacuumed and analysed.
set -euo pipefail
bin=$1; sqlite=$2; server=$3; db=$4
scratch="${db}_schema"
psql "$server/postgres" -qX -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $db" -c "DROP DATABASE IF EXISTS $scratch" \
  -c "CREATE DATABASE $db" -c "CREATE DATABASE $scratch"
"$bin" demo-log --seed 1 --scale 0.01 --history 0 --out "$server/$scratch" >/dev/null
pg_dump --schema-only --no-owner "$server/$scratch" | psql "$server/$db" -qX -v ON_ERROR_STOP=1 >/dev/null
pg_dump --data-only --table=redact_migration "$server/$scratch" | psql "$server/$db" -qX -v ON_ERROR_STOP=1 >/dev/null
psql "$server/postgres" -qX -c "DROP DATABASE $scratch"
for t in log_meta entry disclosure redaction breach_version breach_category breach_link qa_check; do
  cols=$(sqlite3 -readonly "$sqlite" "SELECT group_concat(name, ',') FROM pragma_table_info('$t')")
  case $t in
    log_meta) order=key ;;
    redaction|breach_category|breach_link) order="seq, ordinal" ;;
    *) order=seq ;;
  esac
  start=$(date +%s)
  sqlite3 -readonly -csv "$sqlite" "SELECT $cols FROM $t ORDER BY $order" \
    | psql "$server/$db" -qX -v ON_ERROR_STOP=1 -c "\\copy $t ($cols) FROM STDIN WITH (FORMAT csv)"
  echo "$t: $(psql "$server/$db" -AtX -c "SELECT COUNT(*) FROM $t") rows in $(( $(date +%s) - start )) s"
done
psql "$server/$db" -qX -c "VACUUM ANALYZE"
