#!/usr/bin/env bash
# The baseline: a per-table psql loop like the team's original shell script, before pgseq.
#   bench/psql-loop.sh CONNECTION [EVERY]
# One psql lists the sequence-backed columns (bench_tools.sequence_columns, bench.sql); then, for each
# (table, column, sequence), one psql reads MAX (MIN when descending) and the sequence's state, and a second psql
# calls setval() when the next value is already taken: 2 psql processes per column.
# With EVERY = K > 1 it works only on every K-th column, so bench/run.sh can time a sample of a database too large
# for the full loop and extrapolate (K times the sample's time).
set -euo pipefail

url=$1
every=${2:-1}
psql_() { "${PSQL:-psql}" -X -q -A -t -v ON_ERROR_STOP=1 -d "$url" "$@"; }

# The columns come from bench_tools.sequence_columns (bench.sql), the same pg_depend/pg_attrdef discovery the other
# contenders use. Identifiers come out quoted by the server (quote_ident, regclass output), so names with upper case
# or spaces work; fields are separated by a tab, which none of the generated names contain.
discovery="
SELECT pg_catalog.quote_ident(attname), tbl::text, pg_catalog.quote_literal(seq::text), seq::text, increment
FROM bench_tools.sequence_columns
ORDER BY tbl::text, attname"

n=0
while IFS=$'\t' read -r column table seq_literal seq increment; do
  n=$((n + 1))
  if [ $(( (n - 1) % every )) -ne 0 ]; then continue; fi

  if [ "$increment" -gt 0 ]; then agg=max; else agg=min; fi
  IFS='|' read -r extreme last_value is_called < <(
    psql_ -c "SELECT (SELECT $agg($column) FROM $table), last_value, is_called FROM $seq")
  [ -n "$extreme" ] || continue   # empty table: nothing can collide

  if [ "$is_called" = t ]; then next=$((last_value + increment)); else next=$last_value; fi
  if { [ "$increment" -gt 0 ] && [ "$next" -le "$extreme" ]; } || { [ "$increment" -lt 0 ] && [ "$next" -ge "$extreme" ]; }; then
    psql_ -c "SELECT setval($seq_literal, $extreme, true)" >/dev/null
  fi
done < <(psql_ -F $'\t' -c "$discovery")
