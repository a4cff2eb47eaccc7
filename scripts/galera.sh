#!/usr/bin/env bash
# Starts a three-node MariaDB Galera cluster on loopback for the fault tests
# of conflict/mysqlstore and prints the lines to export. Debian/Ubuntu
# (packages mariadb-server galera-4 rsync), as root:
#
#	eval "$(scripts/galera.sh)"            # sets BEIAN_TEST_GALERA, BEIAN_TEST_GALERA_DIR
#	go test -count=1 -run Galera ./conflict/mysqlstore/
#	scripts/galera.sh start-node 3         # (re)start node 3, which joins the others
#	scripts/galera.sh stop                 # stops every node and removes the files
#
# Node 1 bootstraps the cluster (--wsrep-new-cluster), nodes 2 and 3 join
# it (state transfer by rsync). Each node has its own datadir, client port,
# group-communication port (gmcast.listen_addr), IST and SST ports, all on
# 127.0.0.1, under GALERA_DIR (default /tmp/beian-galera); ports from
# GALERA_PORT_BASE (default 33070): client base+N, gcomm base+10+N, IST
# base+20+N, SST base+30+N. The system service is never touched. A node
# restarted after a crash first recovers its position (--wsrep-recover), so
# that it catches up by incremental transfer (IST) when the others still
# have the write sets. The nodes run as the user "mysql" that the package
# creates (GALERA_USER): the joiner's rsync daemon, started by the node,
# then writes the datadir as its owner (run as root, rsync would switch to
# "nobody").
set -euo pipefail
dir="${GALERA_DIR:-/tmp/beian-galera}"
# The nodes run as another user, who may not enter the folder this is
# called from (a clone in a mode-0700 home): work from / (the data folder
# made absolute first).
case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac
cd /
base="${GALERA_PORT_BASE:-33070}"
[ -f "$dir/ports" ] && base=$(cat "$dir/ports")
user="${GALERA_USER:-mysql}"
provider=/usr/lib/galera/libgalera_smm.so
cluster="gcomm://127.0.0.1:$((base + 11)),127.0.0.1:$((base + 12)),127.0.0.1:$((base + 13))"

sock() { echo "$dir/node$1/mariadbd.sock"; }
pidof_node() { cat "$dir/node$1/mariadbd.pid" 2>/dev/null || true; }

stop_all() {
  for n in 3 2 1; do
    pid=$(pidof_node "$n")
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for n in 3 2 1; do
    pid=$(pidof_node "$n")
    [ -n "$pid" ] || continue
    for _ in $(seq 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$dir"
}

# start_node N [extra mariadbd options]: starts node N and waits until it
# is synced with the cluster.
start_node() {
  local n=$1; shift
  local d="$dir/node$n"
  mkdir -p "$d"
  chown "$user:" "$dir" "$d"
  if [ ! -d "$d/data/mysql" ]; then
    mariadb-install-db --no-defaults --user="$user" --datadir="$d/data" \
      --auth-root-authentication-method=normal --skip-test-db >"$d/install.log" 2>&1 ||
      { cat "$d/install.log" >&2; exit 1; }
  fi
  local pos=()
  if [ "$n" != 1 ] || [ "$#" = 0 ]; then
    # After a crash grastate.dat has no position: recover it from InnoDB.
    if [ -f "$d/data/grastate.dat" ] && grep -q '^seqno: *-1' "$d/data/grastate.dat"; then
      /usr/sbin/mariadbd --no-defaults --user="$user" --datadir="$d/data" \
        --skip-networking --innodb-log-file-size=16M --binlog-format=ROW --wsrep-on=ON \
        --wsrep-provider="$provider" --wsrep-cluster-address="$cluster" --wsrep-recover \
        --log-error="$d/recover.log" >/dev/null 2>&1 || true
      p=$(sed -n 's/.*WSREP: Recovered position: *\([^ ]*\).*/\1/p' "$d/recover.log" 2>/dev/null | tail -n 1)
      [ -n "$p" ] && pos=(--wsrep-start-position="$p")
    fi
  fi
  /usr/sbin/mariadbd --no-defaults --user="$user" --datadir="$d/data" \
    --bind-address=127.0.0.1 --port=$((base + n)) --socket="$(sock "$n")" \
    --pid-file="$d/mariadbd.pid" --log-error="$d/error.log" \
    --skip-name-resolve --max-connections=300 \
    --innodb-buffer-pool-size=48M --innodb-log-file-size=16M \
    --innodb-flush-log-at-trx-commit=2 --innodb-autoinc-lock-mode=2 \
    --binlog-format=ROW --default-storage-engine=InnoDB \
    --wsrep-on=ON --wsrep-provider="$provider" --wsrep-cluster-name=beian-test \
    --wsrep-cluster-address="$cluster" --wsrep-node-name="node$n" \
    --wsrep-node-address="127.0.0.1:$((base + 10 + n))" \
    --wsrep-provider-options="gmcast.listen_addr=tcp://127.0.0.1:$((base + 10 + n));ist.recv_addr=127.0.0.1:$((base + 20 + n));gcache.size=64M;evs.inactive_timeout=PT6S;evs.suspect_timeout=PT3S" \
    --wsrep-sst-method=rsync --wsrep-sst-receive-address="127.0.0.1:$((base + 30 + n))" \
    --wsrep-slave-threads=2 "${pos[@]}" "$@" \
    >/dev/null 2>&1 &
  local pid=$!
  for _ in $(seq 600); do
    kill -0 "$pid" 2>/dev/null || break
    state=$(mariadb --no-defaults -uroot --socket="$(sock "$n")" -N -e "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | awk '{print $2}') || true
    [ "$state" = Synced ] && return 0
    sleep 0.1
  done
  echo "node $n did not start or did not sync within 60s" >&2
  tail -n 30 "$d/error.log" >&2
  exit 1
}

case "${1:-start}" in
stop)
  stop_all
  ;;
start-node)
  start_node "${2:?node number}"
  ;;
start)
  if [ ! -x /usr/sbin/mariadbd ] || [ ! -f "$provider" ] || ! command -v rsync >/dev/null; then
    echo "installing MariaDB, Galera and rsync from the distribution's packages" >&2
    apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends mariadb-server galera-4 rsync >&2
  fi
  mkdir -p "$dir"
  chown "$user:" "$dir"
  if ! runuser -u "$user" -- test -w "$dir"; then
    echo "user $user cannot write $dir: its parent directories must be traversable (chmod o+x)" >&2
    exit 1
  fi
  echo "$base" >"$dir/ports"
  if [ ! -d "$dir/node1/data/mysql" ]; then
    # One datadir for all three: node 1 bootstraps it, gets the test user
    # and database, stops cleanly (grastate.dat then records its position)
    # and is copied, so that the joiners start at the same position and
    # need no full state transfer (SST).
    start_node 1 --wsrep-new-cluster
    mariadb --no-defaults -uroot --socket="$(sock 1)" -e "
      CREATE USER IF NOT EXISTS 'beian'@'127.0.0.1' IDENTIFIED BY 'beian';
      GRANT ALL ON *.* TO 'beian'@'127.0.0.1';
      CREATE DATABASE IF NOT EXISTS beian_test;" >&2
    pid=$(pidof_node 1)
    kill "$pid"
    for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    for n in 2 3; do
      mkdir -p "$dir/node$n"
      cp -a "$dir/node1/data" "$dir/node$n/data"
    done
  fi
  [ -n "$(pidof_node 1)" ] && kill -0 "$(pidof_node 1)" 2>/dev/null || start_node 1 --wsrep-new-cluster
  for n in 2 3; do
    [ -n "$(pidof_node "$n")" ] && kill -0 "$(pidof_node "$n")" 2>/dev/null || start_node "$n"
  done
  dsns=""
  for n in 1 2 3; do dsns="$dsns beian:beian@tcp(127.0.0.1:$((base + n)))/beian_test"; done
  echo "export BEIAN_TEST_GALERA='${dsns# }'"
  echo "export BEIAN_TEST_GALERA_DIR='$dir'"
  ;;
*)
  echo "usage: $0 [start | start-node N | stop]" >&2
  exit 2
  ;;
esac
