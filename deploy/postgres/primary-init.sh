#!/usr/bin/env bash
# Runs once, when the primary's data folder is first made (the postgres image runs /docker-entrypoint-initdb.d/*
# as the postgres user against a server listening on its socket only). It creates
#  - the replication role the standby copies and follows the primary with, and its pg_hba line;
#  - the ledger's two roles, as AppendOnlyGuard.CreateRolesSql does (commsledger_owner owns the schema and migrates;
#    commsledger_app is what every node logs in as), with the passwords of the compose secrets. The first app node
#    to start then migrates as the owner (COMMSLEDGER_OWNER_CONNECTION) and installs the append-only guard.
# Passwords are read by psql itself (\set with backquotes), so they never appear on a command line or in a log.
set -euo pipefail
: "${REPLICATION_USER:?}" "${REPLICATION_PASSWORD_FILE:?}" "${LEDGER_OWNER_PASSWORD_FILE:?}" "${LEDGER_APP_PASSWORD_FILE:?}"

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
  --set replication_user="$REPLICATION_USER" <<'SQL'
\set replication_password `cat "$REPLICATION_PASSWORD_FILE"`
\set owner_password `cat "$LEDGER_OWNER_PASSWORD_FILE"`
\set app_password `cat "$LEDGER_APP_PASSWORD_FILE"`
CREATE ROLE :"replication_user" LOGIN REPLICATION PASSWORD :'replication_password';
CREATE ROLE commsledger_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'owner_password';
CREATE ROLE commsledger_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'app_password';
SELECT format('GRANT CONNECT, CREATE ON DATABASE %I TO commsledger_owner', current_database()) \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO commsledger_app', current_database()) \gexec
CREATE SCHEMA commsledger AUTHORIZATION commsledger_owner;
SQL

# The standby connects for replication from another container: password (SCRAM) only, this role only.
echo "host replication ${REPLICATION_USER} all scram-sha-256" >> "$PGDATA/pg_hba.conf"
