#!/usr/bin/env bash
# The standby's entrypoint. On its first start (an empty data folder) it copies the primary with
# pg_basebackup -R, which also writes standby.signal and primary_conninfo (application_name = STANDBY_NAME, the
# name the primary's synchronous_standby_names waits for); then it starts PostgreSQL as the image always does,
# which finds a data folder and so runs no initdb. Later starts go straight to PostgreSQL and resume streaming.
set -euo pipefail
: "${PGDATA:?}" "${PRIMARY_HOST:?}" "${REPLICATION_USER:?}" "${REPLICATION_PASSWORD_FILE:?}"

as_postgres() {
  if [ "$(id -u)" = 0 ]; then gosu postgres "$@"; else "$@"; fi
}

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PGDATA"; fi
  chmod 700 "$PGDATA"
  until as_postgres pg_isready --quiet --host "$PRIMARY_HOST" --port "${PRIMARY_PORT:-5432}"; do
    echo "standby: waiting for the primary at $PRIMARY_HOST:${PRIMARY_PORT:-5432}"
    sleep 2
  done
  echo "standby: copying the primary (pg_basebackup -R)"
  PGPASSWORD="$(cat "$REPLICATION_PASSWORD_FILE")" as_postgres pg_basebackup \
    --pgdata "$PGDATA" --write-recovery-conf --wal-method stream --checkpoint fast --no-password \
    --dbname "host=$PRIMARY_HOST port=${PRIMARY_PORT:-5432} user=$REPLICATION_USER application_name=${STANDBY_NAME:-standby}"
fi

exec "$@"
