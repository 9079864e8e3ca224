#!/usr/bin/env bash
# Runs the whole test suite. Installs the PostgreSQL server programs, Chromium with its WebDriver for the
# sample app's browser tests, the ORMs the ORM tests drive (SQLAlchemy, Alembic, Django, ActiveRecord), and
# Prometheus with promtool for the serve tests and the alert rules, if they are missing; the tests start their own
# throwaway server (or use PGSEQ_TEST_CONNECTION) and this script removes anything they leave behind.
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter IncidentTests
set -euo pipefail
cd "$(dirname "$0")"
. scripts/postgres.sh
. scripts/chromium.sh
. scripts/orm.sh
. scripts/prometheus.sh

ensure_postgres
ensure_chromium
ensure_orms
ensure_prometheus
PGSEQ_PG_BIN=$(pg_bindir)
export PGSEQ_PG_BIN

# The tests' clusters live under a directory of this run, so a crashed run cannot leave a server behind.
run_dir=$(mktemp -d "${TMPDIR:-/tmp}/pgseq-run.XXXXXX")
chmod 755 "$run_dir"
cleanup() {
  for cluster in "$run_dir"/pgseq-test-*; do
    [ -d "$cluster" ] && stop_cluster "$cluster"
  done
  rm -rf "$run_dir"
}
trap cleanup EXIT
export TMPDIR=$run_dir

# The alert rules and their unit tests, as an operator would check them before loading them (the serve tests run
# the same checks, and a real Prometheus with these rules loaded).
promtool check rules deploy/prometheus/pgseq-rules.yml
promtool test rules deploy/prometheus/pgseq-rules.test.yml

dotnet test PgSeq.sln --nologo "$@"
