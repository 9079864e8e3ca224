#!/usr/bin/env bash
# End-to-end check of every ORM driver here against a throwaway PostgreSQL cluster: schema -> import ->
# insert fails with the duplicate key (exit 3) -> setval(seq, max(id)) by hand -> insert succeeds (exit 0).
# Also: Alembic's data migration with a repair SQL file, and the Hibernate pooled / pooled-lo replay.
# Usage: bash tests/orm/verify.sh   (root: the cluster runs as the postgres OS user; stopped on exit)
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/../../scripts/postgres.sh"
dir=$(mktemp -d /tmp/pgseq-orm.XXXXXX)
port=$(free_port)
trap 'stop_cluster "$dir"' EXIT
start_cluster "$dir" "$port" || exit 1
base="postgresql://postgres@127.0.0.1:$port"
failures=0 passed=0
sql() { psql -X -qAt -v ON_ERROR_STOP=1 "$1" -c "$2"; }

# expect CODE CMD...: run a driver step, show its stdout/stderr and exit code, count a mismatch.
expect() {
  local want=$1; shift
  local out err rc
  out=$("$@" 2>"$dir/err"); rc=$?; err=$(cat "$dir/err")
  printf '  $ %s\n' "${*/#$here\//}"
  [ -n "$out" ] && printf '    stdout: %s\n' "$out"
  [ -n "$err" ] && printf '%s\n' "$err" | sed 's/^/    stderr: /' | head -6
  printf '    exit %s (want %s)\n' "$rc" "$want"
  if [ "$rc" = "$want" ]; then passed=$((passed + 1)); else failures=$((failures + 1)); fi
}

run_driver() { # NAME DB SEQUENCE CMD...
  local name=$1 db=$2 seq=$3; shift 3
  echo "== $name"
  sql "$base/postgres" "CREATE DATABASE $db"
  expect 0 "$@" "$base/$db" schema
  expect 0 "$@" "$base/$db" import
  expect 3 "$@" "$base/$db" insert
  echo "  fix: SELECT setval('$seq', (SELECT max(id) FROM loans)) -> $(sql "$base/$db" "SELECT setval('$seq', (SELECT max(id) FROM loans))")"
  expect 0 "$@" "$base/$db" insert
}

py=/usr/bin/python3
run_driver sqlalchemy sqla loans_id_seq "$py" "$here/sqlalchemy_driver.py"
run_driver alembic alem loans_id_seq "$py" "$here/alembic_driver.py"
run_driver django dj loans_id_seq "$py" "$here/django_driver.py"
run_driver activerecord ar loans_id_seq /usr/bin/ruby "$here/activerecord_driver.rb"

echo "== alembic, revision 0002 ending with a repair SQL file"
cat >"$dir/repair.sql" <<'SQL'
DO $repair$
BEGIN
    PERFORM setval('loans_id_seq', (SELECT max(id) FROM loans));
    PERFORM setval('installments_id_seq', (SELECT max(id) FROM installments));
    RAISE NOTICE 'repaired: % %', 'loans_id_seq', 'installments_id_seq';
END
$repair$;
SQL
chmod 644 "$dir/repair.sql"
for mode in text driver; do
  sql "$base/postgres" "CREATE DATABASE alem_$mode"
  expect 0 "$py" "$here/alembic_driver.py" "$base/alem_$mode" schema
  expect 0 env PGSEQ_REPAIR_SQL_MODE=$mode "$py" "$here/alembic_driver.py" "$base/alem_$mode" import "$dir/repair.sql"
  expect 0 "$py" "$here/alembic_driver.py" "$base/alem_$mode" insert
done

echo "== hibernate 6 replay (hibernate_schema.sql; the application calls nextval and inserts explicit ids)"
hib_insert() { # DB WANT ID
  echo "  insert id $3:"; expect "$2" psql -X -qAt -v ON_ERROR_STOP=1 "$base/$1" -c "INSERT INTO loans (id, website, is_paid) VALUES ($3, 'x', false) RETURNING id"
}
for opt in pooled pooled-lo naive; do
  db=hib_${opt/-/_}
  sql "$base/postgres" "CREATE DATABASE $db"
  psql -X -q -v ON_ERROR_STOP=1 -f "$here/hibernate_schema.sql" "$base/$db"
  sql "$base/$db" "INSERT INTO loans (id, website, is_paid) SELECT n, 'lender-' || (n % 7 + 1) || '.example', n <= 10 FROM generate_series(1, 28) n"
  if [ "$opt" = naive ]; then
    echo "  -- pooled after a repair to next value = MAX + 1: setval('loans_seq', 29, false) -> $(sql "$base/$db" "SELECT setval('loans_seq', 29, false)")"
    v=$(sql "$base/$db" "SELECT nextval('loans_seq')"); echo "  pooled: v=$v -> ids $((v - 49))..$v: -20..0, then 1..28 collide"
    hib_insert $db 0 $((v - 49)); hib_insert $db 1 1
    continue
  fi
  v=$(sql "$base/$db" "SELECT nextval('loans_seq')")
  if [ "$opt" = pooled ]; then lo=1 hi=1; echo "  -- pooled, first call after the import: v=$v = initial_value -> ids {1}"
  else lo=$v hi=$((v + 49)); echo "  -- pooled-lo, first call after the import: v=$v -> ids $lo..$hi"; fi
  hib_insert $db 1 $lo
  echo "  fix: setval('loans_seq', max) -> $(sql "$base/$db" "SELECT setval('loans_seq', (SELECT max(id) FROM loans))")"
  v=$(sql "$base/$db" "SELECT nextval('loans_seq')")
  if [ "$opt" = pooled ]; then lo=$((v - 49)) hi=$v; else lo=$v hi=$((v + 49)); fi
  echo "  $opt: v=$v -> ids $lo..$hi"
  hib_insert $db 0 $lo; hib_insert $db 0 $hi
done

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
