#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback, for the tests and the benchmarks of the national
# tier (issue 9). Installs Debian's `postgresql` package when no server binaries are present.
#
#   scripts/pg-server.sh start    # prints the URL to use, e.g. postgres://redact:redact@127.0.0.1:54329/postgres
#   scripts/pg-server.sh stop
#   scripts/pg-server.sh restart  # what the fault tests do to a server under load
#   scripts/pg-server.sh url
#
# The cluster lives in $REDACT_PG_DIR (default /tmp/redact-pg) and listens on 127.0.0.1 only, port
# $REDACT_PG_PORT (default 54329). It runs as the `postgres` user when started by root (the server
# refuses to run as root). Password authentication (scram-sha-256) as user `redact`, password
# `redact`: a test server, never a production one.
set -euo pipefail
DIR="${REDACT_PG_DIR:-/tmp/redact-pg}"
PORT="${REDACT_PG_PORT:-54329}"
URL="postgres://redact:redact@127.0.0.1:${PORT}/postgres"

bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$d" ] || [ ! -x "$d/initdb" ]; then
    echo "installing: postgresql" >&2
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
    d=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  echo "$d"
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/sh -c "$*"
  else
    sh -c "$*"
  fi
}

running() { [ -f "$DIR/data/postmaster.pid" ] && as_owner "'$BIN/pg_ctl' -D '$DIR/data' status" >/dev/null 2>&1; }

start() {
  if [ ! -f "$DIR/data/PG_VERSION" ]; then
    mkdir -p "$DIR"
    [ "$(id -u)" -eq 0 ] && chown postgres "$DIR"
    printf 'redact\n' > "$DIR/pw"; [ "$(id -u)" -eq 0 ] && chown postgres "$DIR/pw"
    as_owner "'$BIN/initdb' -D '$DIR/data' -U redact --pwfile='$DIR/pw' -A scram-sha-256 -E UTF8 --locale=C.UTF-8" >/dev/null
    cat >> "$DIR/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$DIR'
max_connections = 300
shared_buffers = 256MB
fsync = on
synchronous_commit = on
log_min_messages = warning
CONF
  fi
  if ! running; then
    # The port on the command line wins over the cluster's own config (a directory left by an
    # earlier run with another REDACT_PG_PORT would otherwise listen where no one looks).
    as_owner "'$BIN/pg_ctl' -D '$DIR/data' -o '-p $PORT' -l '$DIR/server.log' -w -t 60 start" >/dev/null
  fi
  echo "$URL"
}

stop() { if running; then as_owner "'$BIN/pg_ctl' -D '$DIR/data' -m fast -w stop" >/dev/null; fi; }

BIN=$(bindir)
case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  url) echo "$URL" ;;
  *) echo "usage: $0 start|stop|restart|url" >&2; exit 64 ;;
esac
