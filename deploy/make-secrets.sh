#!/usr/bin/env bash
# Makes the files docker-compose.yml takes its secrets from, in deploy/secrets/ (git-ignored), once: an existing
# file is never replaced, so running it again is safe. Nothing is printed but the names of the files made.
#   postgres-password, replication-password, ledger-owner-password, ledger-app-password  40 hex digits each
#   ledger-key.pem      the ledger's ECDSA P-256 signing key (PKCS#8 PEM), used by the integrator only
#   ledger-public.pem   its public half (not secret): the app's /integrity/verify and your reviewers use it
# The folder is 0700, so no other user of this machine can read the files. The files themselves are 0644 because
# compose mounts a file secret with its owner and mode as they are here, and the containers read them as their own
# non-root users (postgres; app, uid 1654); each container gets only the secrets its service names.
set -euo pipefail
cd "$(dirname "$0")"
umask 077
mkdir -p secrets
chmod 700 secrets

made() { chmod 644 "$1"; echo "made $1"; }

for name in postgres-password replication-password ledger-owner-password ledger-app-password; do
  file="secrets/$name"
  [ -e "$file" ] && continue
  od -An -N20 -tx1 /dev/urandom | tr -d ' \n' > "$file"
  made "$file"
done

if [ ! -e secrets/ledger-key.pem ]; then
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out secrets/ledger-key.pem 2>/dev/null
  made secrets/ledger-key.pem
fi
if [ ! -e secrets/ledger-public.pem ]; then
  openssl pkey -in secrets/ledger-key.pem -pubout -out secrets/ledger-public.pem
  made secrets/ledger-public.pem
fi
