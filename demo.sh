#!/usr/bin/env bash
# Replays the mikrokredit incident end to end on a throwaway local PostgreSQL, on the team's own stack: the
# SQLAlchemy model (Sequence('loans_id_seq') and no column default), the import with explicit ids, the ORM's failing
# insert, pgseq check, pgseq fix, the ORM's working insert. Installs the PostgreSQL server programs and Debian's
# SQLAlchemy if they are missing (without SQLAlchemy it replays the incident with its SQL schema instead) and removes
# everything it created.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/postgres.sh
. scripts/orm.sh

bold=""; normal=""
if [ -t 1 ]; then bold=$(tput bold 2>/dev/null || true); normal=$(tput sgr0 2>/dev/null || true); fi
step() { printf '\n%s== %s%s\n' "$bold" "$*" "$normal"; }
show() { printf '%s$ %s%s\n' "$bold" "$*" "$normal"; }

ensure_postgres
stack=sql
if ensure_sqlalchemy; then stack=sqlalchemy; else echo "SQLAlchemy could not be installed: replaying the incident with its SQL schema" >&2; fi
step "Building pgseq"
dotnet build src/PgSeq.Cli -c Release --nologo -v quiet -clp:ErrorsOnly
pgseq() { dotnet src/PgSeq.Cli/bin/Release/net10.0/pgseq.dll "$@"; }

work=$(mktemp -d "${TMPDIR:-/tmp}/pgseq-demo.XXXXXX")
trap 'stop_cluster "$work"' EXIT
port=$(free_port)
start_cluster "$work" "$port"
psql_() { "$(pg_bindir)/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
"$(pg_bindir)/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "CREATE DATABASE mikrokredit"
url="postgresql://postgres@127.0.0.1:$port/mikrokredit"
echo "Throwaway PostgreSQL on 127.0.0.1:$port, database mikrokredit."

if [ "$stack" = sqlalchemy ]; then
  app() { /usr/bin/python3 tests/orm/sqlalchemy_driver.py "$url" "$@"; }

  step "1. The mikrokredit model in SQLAlchemy, Column(Integer, Sequence('loans_id_seq'), primary_key=True): create_all makes the sequences, and the id columns get no default"
  show "metadata.create_all(engine)"
  app schema
  psql_ -d "$url" -c "SELECT table_name, column_name, column_default FROM information_schema.columns WHERE column_name = 'id' ORDER BY 1"

  step "2. The import: 28 loans and 64 installments saved with their ids; the sequences stay where they were"
  app import
  psql_ -d "$url" -c "SELECT (SELECT max(id) FROM loans) AS loans_max, (SELECT max(id) FROM installments) AS installments_max"

  step "3. The application adds a loan through SQLAlchemy, which calls nextval('loans_id_seq') itself: the incident"
  show "session.add(Loan(...)); session.commit()"
  set +e; app insert loans; code=$?; set -e
  [ "$code" -eq 3 ] || { echo "unexpected: the insert did not fail with a duplicate key (exit $code)" >&2; exit 1; }
else
  step "1. The mikrokredit schema: loans and installments, id sequences created apart (DEFAULT nextval, no OWNED BY)"
  psql_ -d "$url" -f demo/mikrokredit-schema.sql

  step "2. The import: 28 loans and 64 installments copied with their ids; the sequences stay where they were"
  psql_ -d "$url" -f demo/mikrokredit-import.sql >/dev/null
  psql_ -d "$url" -c "SELECT (SELECT max(id) FROM loans) AS loans_max, (SELECT max(id) FROM installments) AS installments_max"

  new_loan="INSERT INTO loans (website, loan_date, amount_borrowed, amount_due, due_date) VALUES ('new-lender.example', current_date, 5000, 6000, current_date + 90) RETURNING id"
  step "3. The application adds a loan: the incident"
  show "$new_loan"
  if psql_ -d "$url" -c "$new_loan"; then echo "unexpected: the insert worked" >&2; exit 1; fi
fi

step "4. pgseq check: which sequences will collide, and by how much"
show "pgseq check $url"
set +e; pgseq check "$url"; code=$?; set -e
echo "exit code $code (2 = drift found)"
[ "$code" -eq 2 ]

step "5. pgseq fix: each sequence moved past its data in a short transaction that holds off writers and nextval() callers"
show "pgseq fix $url"
pgseq fix "$url"

step "6. The application adds a loan and its installment again"
if [ "$stack" = sqlalchemy ]; then
  show "session.add(Loan(...)); session.add(Installment(...)); session.commit()"
  echo "new loan id: $(app insert loans)"
  echo "new installment id: $(app insert installments)"
else
  show "$new_loan"
  psql_ -d "$url" -c "$new_loan"
  psql_ -d "$url" -c "INSERT INTO installments (loan_id, due_date, amount) VALUES (29, current_date + 30, 6000) RETURNING id"
fi

step "7. pgseq check again: clean, exit code 0"
pgseq check "$url"
echo "exit code $?"
