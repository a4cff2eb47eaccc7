#!/usr/bin/env bash
# Starts a throwaway MariaDB server for the database tests of
# numbering/mysqlstore and conflict/mysqlstore and prints the line to export.
# Debian/Ubuntu (packages mariadb-server, or mariadb-server-core), as root:
#
#	eval "$(scripts/mariadb.sh)"          # sets BEIAN_TEST_MYSQL
#	go test -race -count=1 ./numbering/mysqlstore/... ./conflict/mysqlstore/...
#	scripts/mariadb.sh stop               # stops it and removes its files
#
# The server listens on 127.0.0.1 only, on MARIADB_PORT (default 33061, not
# the system service's 3306), and keeps everything (datadir, socket, pid,
# log) under MARIADB_DIR (default /tmp/beian-mariadb): the system service is
# never touched. It runs as root (--user=root); the tests connect as user
# beian@127.0.0.1 (password "beian", all privileges: each test creates and
# drops its own database), database beian_test.
set -euo pipefail
dir="${MARIADB_DIR:-/tmp/beian-mariadb}"
# The nodes run as another user, who may not enter the folder this is
# called from (a clone in a mode-0700 home): work from / (the data folder
# made absolute first).
case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac
cd /
port="${MARIADB_PORT:-33061}"

if [ "${1:-start}" = stop ]; then
  if [ -f "$dir/mariadbd.pid" ]; then
    pid=$(cat "$dir/mariadbd.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$dir"
  exit 0
fi

if ! [ -x /usr/sbin/mariadbd ]; then
  echo "installing MariaDB from the distribution's packages" >&2
  apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends mariadb-server >&2
fi
mkdir -p "$dir"
if [ -f "$dir/mariadbd.pid" ] && kill -0 "$(cat "$dir/mariadbd.pid")" 2>/dev/null; then
  : # already running
else
  if [ ! -d "$dir/data/mysql" ]; then
    mariadb-install-db --no-defaults --user=root --datadir="$dir/data" \
      --auth-root-authentication-method=normal --skip-test-db >"$dir/install.log" 2>&1 ||
      { cat "$dir/install.log" >&2; exit 1; }
  fi
  /usr/sbin/mariadbd --no-defaults --user=root --datadir="$dir/data" \
    --bind-address=127.0.0.1 --port="$port" --socket="$dir/mariadbd.sock" \
    --pid-file="$dir/mariadbd.pid" --log-error="$dir/error.log" \
    --innodb-buffer-pool-size=64M --innodb-log-file-size=48M --max-connections=400 \
    --innodb-flush-log-at-trx-commit=2 --skip-name-resolve \
    >/dev/null 2>&1 &
  for _ in $(seq 150); do
    mariadb --no-defaults -uroot --socket="$dir/mariadbd.sock" -e 'SELECT 1' >/dev/null 2>&1 && break
    sleep 0.2
  done
fi
mariadb --no-defaults -uroot --socket="$dir/mariadbd.sock" -e "
  CREATE USER IF NOT EXISTS 'beian'@'127.0.0.1' IDENTIFIED BY 'beian';
  GRANT ALL ON *.* TO 'beian'@'127.0.0.1';
  CREATE DATABASE IF NOT EXISTS beian_test;" >&2 ||
  { cat "$dir/error.log" >&2; exit 1; }
echo "export BEIAN_TEST_MYSQL='beian:beian@tcp(127.0.0.1:$port)/beian_test'"
