#!/usr/bin/env bash
# Starts a local PostgreSQL for the database tests of numbering/pgstore and
# conflict/pgstore, creates the database "beian_test" and prints the line to
# export. Debian/Ubuntu, run as root (or with sudo):
#
#	eval "$(scripts/postgres.sh)"   # sets BEIAN_TEST_POSTGRES
#	go test -race -count=1 ./numbering/pgstore/... ./conflict/pgstore/...
#
# Set BEIAN_TEST_POSTGRES_RESTART=1 as well to run the test that restarts the
# server under running stores (it calls pg_ctlcluster stop/start).
set -euo pipefail
# The commands below run as the postgres user, who may not enter the folder
# this is called from (a clone in a mode-0700 home): work from / instead.
cd /
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "installing PostgreSQL from the distribution's packages" >&2
  apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2
fi
ver=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -qx "$ver main"; then
  pg_createcluster "$ver" main >&2
fi
pg_ctlcluster "$ver" main start >&2 2>/dev/null || true
for _ in $(seq 50); do
  su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
  sleep 0.2
done
su postgres -c "psql -qtAc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
if ! su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname = 'beian_test'\"" | grep -q 1; then
  su postgres -c "createdb beian_test" >&2
fi
echo "export BEIAN_TEST_POSTGRES='postgres://postgres:postgres@127.0.0.1:5432/beian_test?sslmode=disable'"
echo "export BEIAN_TEST_POSTGRES_CLUSTER='$ver main'"
