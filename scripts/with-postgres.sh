#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 server on 127.0.0.1 and a free port, runs the given
# command with DATABASE_URL pointing at it, then stops the server. PostgreSQL refuses to
# run as root, so the server runs as the `postgres` user with a data directory it owns.
#   scripts/with-postgres.sh npm test
set -euo pipefail
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PORT=${PG_PORT:-$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
DIR=$(mktemp -d /tmp/kaikaku-pg.XXXXXX)
as_postgres() {
  if [ "$(id -u)" = "0" ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}
[ "$(id -u)" = "0" ] && chown postgres "$DIR"
cleanup() {
  as_postgres "$PG_BIN/pg_ctl -D '$DIR/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT
as_postgres "$PG_BIN/initdb -D '$DIR/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log"; exit 1; }
as_postgres "$PG_BIN/pg_ctl -D '$DIR/data' -l '$DIR/server.log' -w -t 60 \
  -o \"-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories='$DIR' -c max_connections=300 -c fsync=on\" start" >/dev/null \
  || { cat "$DIR/server.log"; exit 1; }
export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on $DATABASE_URL"
set +e
"$@"
status=$?
exit $status
