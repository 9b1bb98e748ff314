#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster for the tests, runs a command with
# VAREPORT_TEST_PG set to its URI, then stops the cluster and removes it:
#
#   tests/store/pg_cluster.sh COMMAND [ARG...]
#
# The cluster lives in a temporary folder and listens only on a Unix socket
# there (no TCP port), with scram-sha-256 password authentication: the
# password is in PGPASSWORD (exported to COMMAND), never in the URI.
# initdb refuses to run as root: as root the cluster belongs to the
# `postgres` user (created by Debian's postgresql package). Also exported:
# VAREPORT_TEST_PGCTL, a command that takes pg_ctl arguments for this
# cluster ("$VAREPORT_TEST_PGCTL restart" restarts the server, as the fault
# test does). fsync is off (a test cluster need not survive a power cut)
# unless VAREPORT_PG_FSYNC=on (bench/workers.sh, to compare with SQLite's
# synchronous=FULL fairly). Needs Debian's postgresql (scripts/deps/store.txt).
set -euo pipefail
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "pg_cluster: PostgreSQL server binaries not found (apt-get install postgresql)" >&2
  exit 1
fi
root=$(mktemp -d /tmp/vareport-pg.XXXXXX)
chmod 755 "$root"
as=()
owner=$(id -un)
if [ "$(id -u)" = 0 ]; then
  owner=postgres
  as=(runuser -u postgres --)
  chown postgres "$root"
fi
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
printf '%s\n' "$password" >"$root/pwfile"
[ "$(id -u)" = 0 ] && chown postgres "$root/pwfile"
"${as[@]}" "$bindir/initdb" -D "$root/data" -U "$owner" --auth=scram-sha-256 --pwfile="$root/pwfile" \
  -E UTF8 --locale=C.UTF-8 >"$root/initdb.log" 2>&1 || { cat "$root/initdb.log" >&2; exit 1; }
rm -f "$root/pwfile"
port=$((20000 + RANDOM % 20000))
opts="-c listen_addresses='' -c unix_socket_directories='$root' -c port=$port -c fsync=${VAREPORT_PG_FSYNC:-off} -c max_connections=200"
pgctl=("${as[@]}" "$bindir/pg_ctl" -D "$root/data" -l "$root/server.log" -o "$opts" -w -t 60)
cleanup() {
  "${pgctl[@]}" stop -m immediate >/dev/null 2>&1 || true
  rm -rf "$root"
}
trap cleanup EXIT
"${pgctl[@]}" start >/dev/null || { cat "$root/server.log" >&2; exit 1; }
export PGPASSWORD="$password"
"$bindir/createdb" -h "$root" -p "$port" -U "$owner" vareport_test
export VAREPORT_TEST_PG="postgresql://$owner@/vareport_test?host=$root&port=$port"
# pg_ctl for this cluster as one command (its options hold spaces and quotes).
{
  echo '#!/usr/bin/env bash'
  printf 'exec'; printf ' %q' "${pgctl[@]}"; echo ' "$@"'
} >"$root/pgctl"
chmod 755 "$root/pgctl"
export VAREPORT_TEST_PGCTL="$root/pgctl"
echo "pg_cluster: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on $root (port $port)" >&2
set +e
"$@"
rc=$?
set -e
exit $rc
