#!/usr/bin/env bash
# Runs the whole test suite. Installs the PostgreSQL server programs (with pglogical, for the two-way replication
# tests on Debian's 15), Chromium with its WebDriver for the
# sample app's browser tests, the ORMs the ORM tests drive (SQLAlchemy, Alembic, Django, ActiveRecord), and
# Prometheus with promtool for the serve tests and the alert rules, if they are missing; the tests start their own
# throwaway server (or use PGSEQ_TEST_CONNECTION) and this script removes anything they leave behind.
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter IncidentTests
#
# Before the suite it builds the packages a release publishes (packaging/build.sh: the dotnet tool, the .deb, the
# wheel, into artifacts/), which tests/PgSeq.Packaging.Tests install and run; --no-packages skips that build (those
# tests then use what artifacts/ holds, or skip). --packages runs only those tests (after the build, unless
# --no-packages). The test that installs the .deb with dpkg runs as root on CI (CI=true) or with PGSEQ_TEST_DPKG=1,
# and purges it.
#
# ./test.sh --pg-versions 12,16,18 (or --pg-versions all: 12 to 18) runs the core tests (tests/PgSeq.Tests) instead,
# once per PostgreSQL major, fetching the majors Debian lacks (scripts/pg-versions.sh); it prints how each major did
# and fails if any failed. Each major's output is kept in TestResults/pg-versions/.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/postgres.sh
. scripts/pg-versions.sh
. scripts/chromium.sh
. scripts/orm.sh
. scripts/prometheus.sh
. scripts/packaging.sh

pg_versions=""
build_packages=1
only_packages=0
args=()
while [ $# -gt 0 ]; do
  case $1 in
    --packages) only_packages=1; shift ;;
    --no-packages) build_packages=0; shift ;;
    --pg-versions) [ $# -ge 2 ] || { echo "error: --pg-versions needs a list such as 12,16,18, or all" >&2; exit 2; }
      pg_versions=$2; shift 2 ;;
    --pg-versions=*) pg_versions=${1#*=}; shift ;;
    *) args+=("$1"); shift ;;
  esac
done

# The tests' clusters live under a directory of this run, so a crashed run cannot leave a server behind.
run_dir=$(mktemp -d "${TMPDIR:-/tmp}/pgseq-run.XXXXXX")
chmod 755 "$run_dir"
# stop_clusters DIR: stops the clusters the tests left in DIR, with the pg_ctl of $PGSEQ_PG_BIN.
stop_clusters() {
  for cluster in "$1"/pgseq-test-*; do
    [ -d "$cluster" ] && stop_cluster "$cluster"
  done
  return 0
}
cleanup() {
  stop_clusters "$run_dir"
  for dir in "$run_dir"/pg-*; do
    [ -d "$dir" ] && stop_clusters "$dir"
  done
  rm -rf "$run_dir"
}
trap cleanup EXIT

if [ -z "$pg_versions" ]; then
  ensure_postgres
  ensure_pglogical
  ensure_orms
  PGSEQ_PG_BIN=$(pg_bindir)
  export PGSEQ_PG_BIN
  export TMPDIR=$run_dir
  if [ "$build_packages" -eq 1 ]; then
    ensure_package_test_tools
    packaging/build.sh
  fi
  if [ "$only_packages" -eq 1 ]; then
    dotnet test tests/PgSeq.Packaging.Tests --nologo ${args[@]+"${args[@]}"}
    exit
  fi
  ensure_chromium
  ensure_prometheus
  # The alert rules and their unit tests, as an operator would check them before loading them (the serve tests run
  # the same checks, and a real Prometheus with these rules loaded).
  promtool check rules deploy/prometheus/pgseq-rules.yml
  promtool test rules deploy/prometheus/pgseq-rules.test.yml
  dotnet test PgSeq.sln --nologo ${args[@]+"${args[@]}"}
  exit
fi

if [ -n "${PGSEQ_TEST_CONNECTION:-}" ]; then
  echo "error: --pg-versions starts a server of each major; unset PGSEQ_TEST_CONNECTION" >&2
  exit 2
fi
[ "$pg_versions" = all ] && pg_versions=$PG_VERSIONS_ALL
pg_versions=${pg_versions//,/ }

# Debian's PostgreSQL 15 is the default server, and its client programs serve every major (pg-versions.sh says why).
ensure_postgres
ensure_orms
ensure_prometheus
PGSEQ_PG_CLIENT_BIN=$(pg_client_bindir)
export PGSEQ_PG_CLIENT_BIN
# Every major's programs first, so that a missing one fails the run before any test does.
declare -A bins
for major in $pg_versions; do
  bins[$major]=$(TMPDIR=$run_dir pg_version_bindir "$major")
done

# One build for every major (a -c/--configuration among the arguments needs a matching `dotnet build` first).
dotnet build tests/PgSeq.Tests --nologo -v quiet
results=TestResults/pg-versions
mkdir -p "$results"
summary=()
failed=0
for major in $pg_versions; do
  export PGSEQ_PG_BIN=${bins[$major]}
  export TMPDIR=$run_dir/pg-$major
  mkdir -p "$TMPDIR"
  chmod 755 "$TMPDIR"
  log=$results/pg$major.log
  echo "=== PostgreSQL $major ($PGSEQ_PG_BIN)"
  started=$SECONDS
  if dotnet test tests/PgSeq.Tests --nologo --no-build ${args[@]+"${args[@]}"} 2>&1 | tee "$log"; then outcome=passed
  else outcome=FAILED; failed=1; fi
  minutes=$(awk -v s=$((SECONDS - started)) 'BEGIN { printf "%.1f", s / 60 }')
  # The test runner's last line per assembly: "Passed!  - Failed:     0, Passed:   212, Skipped:     0, Total: ...".
  counts=$(grep -E '(Passed|Failed)! +- Failed:' "$log" | tail -n 1 \
    | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/')
  read -r passed failures skipped <<<"${counts:-? ? ?}"
  summary+=("$(printf '%-10s %-7s %7s %7s %8s %8s' "$major" "$outcome" "$passed" "$failures" "$skipped" "$minutes")")
  stop_clusters "$TMPDIR"
  rm -rf "$TMPDIR"
done

echo
printf '%-10s %-7s %7s %7s %8s %8s\n' PostgreSQL result passed failed skipped minutes
printf '%s\n' "${summary[@]}"
echo "Output of each major: $results/pg<major>.log"
exit $failed
