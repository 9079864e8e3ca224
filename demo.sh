#!/usr/bin/env bash
# Replays the mikrokredit incident end to end on a throwaway local PostgreSQL:
# the schema, the import with explicit ids, the failing insert, pgseq check, pgseq fix, the working insert.
# Installs the PostgreSQL server programs if they are missing and removes everything it created.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/postgres.sh

bold=""; normal=""
if [ -t 1 ]; then bold=$(tput bold 2>/dev/null || true); normal=$(tput sgr0 2>/dev/null || true); fi
step() { printf '\n%s== %s%s\n' "$bold" "$*" "$normal"; }
show() { printf '%s$ %s%s\n' "$bold" "$*" "$normal"; }

ensure_postgres
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

step "1. The mikrokredit schema: loans and installments, id sequences created apart (DEFAULT nextval, no OWNED BY)"
psql_ -d "$url" -f demo/mikrokredit-schema.sql

step "2. The import: 28 loans and 64 installments copied with their ids; the sequences stay where they were"
psql_ -d "$url" -f demo/mikrokredit-import.sql >/dev/null
psql_ -d "$url" -c "SELECT (SELECT max(id) FROM loans) AS loans_max, (SELECT max(id) FROM installments) AS installments_max"

new_loan="INSERT INTO loans (website, loan_date, amount_borrowed, amount_due, due_date) VALUES ('new-lender.example', current_date, 5000, 6000, current_date + 90) RETURNING id"
step "3. The application adds a loan: the incident"
show "$new_loan"
if psql_ -d "$url" -c "$new_loan"; then echo "unexpected: the insert worked" >&2; exit 1; fi

step "4. pgseq check: which sequences will collide, and by how much"
show "pgseq check $url"
set +e; pgseq check "$url"; code=$?; set -e
echo "exit code $code (2 = drift found)"
[ "$code" -eq 2 ]

step "5. pgseq fix: each sequence moved past its data in a short transaction that holds off writers and nextval() callers"
show "pgseq fix $url"
pgseq fix "$url"

step "6. The application adds a loan and its installment again"
show "$new_loan"
psql_ -d "$url" -c "$new_loan"
psql_ -d "$url" -c "INSERT INTO installments (loan_id, due_date, amount) VALUES (29, current_date + 30, 6000) RETURNING id"

step "7. pgseq check again: clean, exit code 0"
pgseq check "$url"
echo "exit code $?"
