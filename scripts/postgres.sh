# Shell helpers shared by demo.sh and test.sh: find (or install) the PostgreSQL server programs and run a
# throwaway cluster. Source it; do not run it.

. "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

# Prints the directory holding initdb and pg_ctl: $PGSEQ_PG_BIN, else the newest /usr/lib/postgresql/N/bin
# (Debian keeps server programs off PATH), else the directory on PATH that has initdb.
pg_bindir() { pg_program_dir "${PGSEQ_PG_BIN:-}" initdb; }

# pg_program_dir OVERRIDE PROGRAM: OVERRIDE when set, else the newest /usr/lib/postgresql/N/bin holding PROGRAM, else
# the directory on PATH that has PROGRAM.
pg_program_dir() {
  if [ -n "$1" ]; then echo "$1"; return 0; fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ] && [ -x "$dir/$2" ]; then echo "$dir"; return 0; fi
  if command -v "$2" >/dev/null 2>&1; then dirname "$(command -v "$2")"; return 0; fi
  return 1
}

# Installs Debian's postgresql package when the server programs are missing.
ensure_postgres() {
  if pg_bindir >/dev/null; then return 0; fi
  echo "PostgreSQL server programs not found; installing Debian's postgresql package..." >&2
  apt_install postgresql || return 1
  pg_bindir >/dev/null || { echo "error: postgresql was installed but initdb is still missing" >&2; return 1; }
}

# Installs Debian's pglogical for the server programs pg_bindir finds, when it is missing: the two-way replication
# tests run on Debian's PostgreSQL 15 through pglogical (16 and later have native origin = none). Another major
# without a Debian package of it is left as it is; the tests say what they need.
ensure_pglogical() {
  local bindir major
  bindir=$(pg_bindir) || return 0
  major=$(basename "$(dirname "$bindir")")
  case $major in *[!0-9]*|"") return 0 ;; esac
  [ -e "/usr/lib/postgresql/$major/lib/pglogical.so" ] && return 0
  apt-cache show "postgresql-$major-pglogical" >/dev/null 2>&1 || return 0
  echo "pglogical not found; installing Debian's postgresql-$major-pglogical..." >&2
  apt_install "postgresql-$major-pglogical"
}

# Runs a command as the OS user that owns throwaway clusters: postgres when we are root (PostgreSQL refuses to
# run as root), ourselves otherwise.
as_cluster_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Prints a TCP port on 127.0.0.1 that nothing listens on.
free_port() {
  local port
  while :; do
    port=$(( 20000 + RANDOM % 40000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
}

# start_cluster DIR PORT: initdb a trust-auth cluster in DIR/data and start it on 127.0.0.1:PORT.
start_cluster() {
  local dir=$1 port=$2 bin
  bin=$(pg_bindir)
  mkdir -p "$dir"
  chmod 755 "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
  as_cluster_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
  as_cluster_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c port=$port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir" start >/dev/null
}

# stop_cluster DIR: stop the cluster in DIR (if running) and delete DIR.
stop_cluster() {
  local dir=$1 bin
  bin=$(pg_bindir) || true
  if [ -f "$dir/data/postmaster.pid" ] && [ -n "$bin" ]; then
    as_cluster_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}
