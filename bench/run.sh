#!/usr/bin/env bash
# Benchmarks pgseq check and pgseq fix against a per-table psql loop and a server-side PL/pgSQL loop, on generated
# databases with N drifted sequence-backed columns, and writes bench/RESULTS.md. See bench/README.md.
#
#   bench/run.sh [--sizes 1000,10000,100000] [--runs N] [--loop-runs N] [--loop-full-max N] [--loop-sample N]
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/run.sh [options]
  --sizes LIST        sequence-backed columns per database, comma-separated (default 1000,10000)
  --runs N            timed runs of each pgseq command (both builds) and each PL/pgSQL loop per size (default 5)
  --loop-runs N       timed runs of the psql loop per size (default 2; one run at 10,000 columns takes minutes)
  --loop-full-max N   largest size at which the psql loop runs over every column (default 10000); above it the
                      loop runs over an evenly spread sample and its time is extrapolated linearly
  --loop-sample N     columns in that sample (default 1000)
EOF
}

sizes=1000,10000
runs=5
loop_runs=2
loop_full_max=10000
loop_sample=1000
while [ $# -gt 0 ]; do
  case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --loop-runs) loop_runs=$2; shift 2 ;;
    --loop-full-max) loop_full_max=$2; shift 2 ;;
    --loop-sample) loop_sample=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench/run.sh: unknown argument: $1" >&2; usage >&2; exit 1 ;;
  esac
done
for n in ${sizes//,/ } "$runs" "$loop_runs" "$loop_full_max" "$loop_sample"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "bench/run.sh: not a positive number: $n" >&2; exit 1; }
done

bench_dir=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$bench_dir")
cd "$repo"
. scripts/postgres.sh

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# Tools: the PostgreSQL server, hyperfine (timing), GNU time (peak memory), jq (reading hyperfine's JSON).
ensure_apt_package() {   # ensure_apt_package COMMAND-OR-PATH PACKAGE
  if command -v "$1" >/dev/null 2>&1 || [ -e "$1" ]; then return 0; fi
  log "$1 not found; installing Debian's $2 package"
  apt_install "$2"
}
ensure_postgres
ensure_apt_package hyperfine hyperfine
ensure_apt_package /usr/bin/time time
ensure_apt_package jq jq

log "building pgseq (Release)"
dotnet build src/PgSeq.Cli -c Release --nologo -v quiet -clp:ErrorsOnly >&2
dll=$repo/src/PgSeq.Cli/bin/Release/net10.0/pgseq.dll

# The NativeAOT build (README, "Install"): it needs a C toolchain; Debian's clang package, or a versioned clang.
clang_option=()
if ! command -v clang >/dev/null 2>&1; then
  versioned=$(compgen -c clang- | grep -E '^clang-[0-9]+$' | sort -V | tail -1 || true)
  if [ -n "$versioned" ]; then clang_option=(-p:CppCompilerAndLinker="$versioned"); else ensure_apt_package clang clang; fi
fi
ensure_apt_package /usr/include/zlib.h zlib1g-dev
log "publishing pgseq as NativeAOT"
aot_dir=$(mktemp -d "${TMPDIR:-/tmp}/pgseq-aot.XXXXXX")
dotnet publish src/PgSeq.Cli -c Release -r linux-x64 -p:PublishAot=true "${clang_option[@]}" -o "$aot_dir" \
  --nologo -v quiet -clp:ErrorsOnly >&2
aot=$aot_dir/pgseq
PSQL=$(pg_bindir)/psql
export PSQL
# The timed commands are bash command lines: quote every path that goes into one.
q_dll=$(printf '%q' "$dll")
q_aot=$(printf '%q' "$aot")
q_psql=$(printf '%q' "$PSQL")
q_loop=$(printf '%q' "$bench_dir/psql-loop.sh")

# A throwaway cluster with default settings: initdb's postgresql.conf, nothing raised. Only the generating sessions
# set synchronous_commit=off for themselves; every timed command runs with the defaults (fsync on).
work=$(mktemp -d "${TMPDIR:-/tmp}/pgseq-bench.XXXXXX")
cleanup() { stop_cluster "$work"; rm -rf "$aot_dir"; }
trap cleanup EXIT
port=$(free_port)
start_cluster "$work" "$port"
server="postgresql://postgres@127.0.0.1:$port"
log "throwaway PostgreSQL on 127.0.0.1:$port"

psql_() { PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" "$PSQL" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }

# Raw results of this run: hyperfine JSON, GNU time output, a log per contender. Rewritten on every run.
out=$bench_dir/results
rm -rf "$out"
mkdir -p "$out"
summary=$out/summary.tsv
notes=$out/notes.txt
: >"$summary"
: >"$notes"

started=$(date -u +'%Y-%m-%d %H:%M UTC')
# Other work on the machine makes every timing noisy; say so up front and in RESULTS.md.
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
if awk -v l="${load_at_start%% *}" 'BEGIN { exit !(l > 1.0) }'; then
  log "WARNING: load average $load_at_start before the benchmark: other work on this machine will make the timings noisy"
fi
command_line="bench/run.sh --sizes $sizes --runs $runs --loop-runs $loop_runs --loop-full-max $loop_full_max --loop-sample $loop_sample"

# generate SIZE URL: a database with SIZE sequence-backed columns, every non-empty one drifted (bench/bench.sql).
generate() {
  local size=$1 url=$2 schemas jobs per_job first last pids=() pid
  psql_ -d "$url" -f "$bench_dir/bench.sql" >/dev/null
  schemas=$(( (size + 999) / 1000 ))
  psql_ -d "$url" -c "SELECT format('CREATE SCHEMA %I;', bench_tools.schema_of(s * 1000)) FROM generate_series(0, $schemas - 1) AS s" \
    | psql_ -d "$url" >/dev/null
  # One session per core, each on its own schemas. generate() commits every 100 tables, so no transaction holds
  # more than a few hundred locks.
  jobs=$(nproc)
  if [ "$jobs" -gt "$schemas" ]; then jobs=$schemas; fi
  per_job=$(( (schemas + jobs - 1) / jobs ))
  for (( first = 0; first < size; first += per_job * 1000 )); do
    last=$(( first + per_job * 1000 - 1 ))
    if [ "$last" -ge "$size" ]; then last=$(( size - 1 )); fi
    PGOPTIONS='-c synchronous_commit=off' psql_ -d "$url" -c "CALL bench_tools.generate($first, $last)" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  # Statistics and visibility maps for what autovacuum would otherwise process during the timed runs: the catalogs
  # (bloated by creating thousands of tables) and the large tables. Then a checkpoint, so the first timed run does
  # not pay for writing out the generation.
  psql_ -d "$url" -c "
    SELECT format('VACUUM (ANALYZE) %s;', c.oid::regclass)
    FROM pg_class AS c
    WHERE c.relkind = 'r'
      AND (c.relnamespace = 'pg_catalog'::regnamespace
           OR (c.relnamespace::regnamespace::text LIKE 'app\_%' AND pg_relation_size(c.oid) > 1048576))" \
    | psql_ -d "$url" >/dev/null
  psql_ -d "$url" -c "CHECKPOINT"
}

# median_of JSON: the median run time in seconds, from hyperfine's export.
median_of() { jq -r '.results[0].median' "$1"; }
range_of() { jq -r '.results[0] | "\(.min)-\(.max)"' "$1"; }
# peak_rss_mb FILE: the largest "Maximum resident set size" GNU time reported over all runs, in MB.
peak_rss_mb() { awk -F': ' '/Maximum resident set size/ { if ($2 > max) max = $2 } END { printf "%.0f", max / 1024 }' "$1"; }

# drifted URL: how many columns the next insert would collide on (bench_tools.count_drifted, outside any timing).
drifted() { psql_ -d "$1" -c "CALL bench_tools.count_drifted()"; }

# expect_drifted URL EXPECTED WHAT: a sanity check that a contender did the work (or that the re-drift did).
expect_drifted() {
  local actual
  actual=$(drifted "$1")
  if [ "$actual" -ne "$2" ]; then
    echo "bench/run.sh: after $3, $actual columns are drifted, expected $2" >&2
    exit 1
  fi
}

# The awk functions the tables of RESULTS.md share: n() groups thousands, sec() and ratio() keep three significant
# digits, range() formats hyperfine's "min-max".
number_format='
  function n(x,  s, r) { s = sprintf("%d", x); r = ""; while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) } return s r }
  function sec(x) { return x >= 100 ? sprintf("%.0f", x) : x >= 10 ? sprintf("%.1f", x) : sprintf("%.2f", x) }
  function ratio(x) { return x >= 100 ? sprintf("%.0f×", x) : x >= 10 ? sprintf("%.1f×", x) : sprintf("%.2f×", x) }
  function range(r,  p) { split(r, p, "-"); return sec(p[1]) "-" sec(p[2]) }
'

write_results() {
  local cpu cores ram pg dotnet_runtime commit
  cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
  cores=$(nproc)
  ram=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  pg=$(psql_ -d "$server/postgres" -c "SHOW server_version")
  dotnet_runtime=$(dotnet --list-runtimes | awk '/^Microsoft.NETCore.App 10\./ { v = $2 } END { print v }')
  if commit=$(git -C "$repo" log -1 --format='%h (%cs) %s' -- src 2>/dev/null) && [ -n "$commit" ]; then
    if [ -n "$(git -C "$repo" status --porcelain -- src)" ]; then commit="$commit, with uncommitted changes in src/"; fi
  else
    commit="unknown (not a git checkout)"
  fi

  {
    echo "# pgseq benchmark results"
    echo
    echo "Written by \`$command_line\` (started $started). Reproduce with \`bench/run.sh\`; see [README.md](README.md)."
    echo
    echo "- Machine: $cpu, $cores cores, $ram RAM, $(. /etc/os-release && echo "$PRETTY_NAME")"
    echo "- PostgreSQL $pg, throwaway cluster with default settings (fsync on, max_locks_per_transaction 64), client and server on this machine over TCP 127.0.0.1"
    echo "- .NET runtime $dotnet_runtime; pgseq built Release from commit $commit"
    echo "- Load average (1, 5, 15 min) when the benchmark started: $load_at_start"
    echo
    echo "Median wall-clock seconds (hyperfine); every database is fully drifted before each timed run of a repairing contender."
    echo
    echo "| sequence-backed columns | sequences (drifted) | pgseq check | pgseq fix | PL/pgSQL loop, same work | PL/pgSQL loop, bare | psql loop | pgseq fix / same-work loop | pgseq fix / bare loop | psql loop / pgseq fix | pgseq check peak RSS | pgseq fix peak RSS |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    awk -F'\t' "$number_format"'
      {
        loop = ($9 == "1") ? sec($5) : "~" sec($5) " (extrapolated)"
        lr = ($9 == "1") ? ratio($5 / $4) : "~" ratio($5 / $4)
        printf "| %s | %s (%s) | %s | %s | %s | %s | %s | %s | %s | %s | %s MB | %s MB |\n", n($1), n($2), n($3), sec($6), sec($4), sec($19), sec($7), loop, ratio($4 / $19), ratio($4 / $7), lr, $10, $11
      }' "$summary"
    echo
    echo "The same commands with the NativeAOT build of pgseq (\`dotnet publish -p:PublishAot=true\`):"
    echo
    echo "| sequence-backed columns | pgseq check | pgseq fix | pgseq fix / same-work loop | pgseq check peak RSS | pgseq fix peak RSS |"
    echo "|---:|---:|---:|---:|---:|---:|"
    awk -F'\t' "$number_format"'
      { printf "| %s | %s | %s | %s | %s MB | %s MB |\n", n($1), sec($21), sec($22), ratio($22 / $19), $23, $24 }' "$summary"
    echo
    echo "Startup, \`pgseq --version\` (hyperfine, $startup_runs runs after 3 warm-ups): framework-dependent $startup_jit ms, NativeAOT $startup_aot ms."
    echo
    echo "Timed runs per size: every pgseq command and both PL/pgSQL loops $runs each, the psql loop $loop_runs."
    echo
    echo "| sequence-backed columns | pgseq check min-max | pgseq fix min-max | same-work loop min-max | bare loop min-max | psql loop min-max (of the sample when sampled) | psql loop sample | generation | whole size (generation included) |"
    echo "|---:|---:|---:|---:|---:|---:|---|---:|---:|"
    awk -F'\t' "$number_format"'
      {
        sample = ($9 == "1") ? "every column" : sprintf("%d columns (1 in %d), time scaled by %d/%d", $15, $9, $1, $15)
        printf "| %s | %s | %s | %s | %s | %s | %s | %d s | %d s |\n", n($1), range($12), range($13), range($20), range($14), range($16), sample, $17, $18
      }' "$summary"
    echo
    echo "Contenders:"
    echo
    echo "- **pgseq check**: \`pgseq check CONNECTION\` (exit code 2: drift found), output to /dev/null."
    echo "- **pgseq fix**: \`pgseq fix CONNECTION\`: per sequence one transaction that locks the table(s) and the sequence, re-reads MAX and moves the sequence; several such transactions per round trip, on up to 4 connections."
    echo "- **PL/pgSQL loop, same work**: \`CALL bench_tools.plpgsql_safe_fix()\` ([bench.sql](bench.sql)): what pgseq fix does, on the server in one round trip: per sequence one transaction with lock_timeout, LOCK TABLE, the ALTER SEQUENCE hold, MAX and the sequence state under the locks, setval() when behind, COMMIT. The lower bound for a safe repair."
    echo "- **PL/pgSQL loop, bare**: \`CALL bench_tools.plpgsql_fix()\`: only the reads and setval(), COMMIT every 100 columns, no locks: the cost of the arithmetic on the server, not a safe repair."
    echo "- **psql loop**: [psql-loop.sh](psql-loop.sh), like the team's original script: per column one \`psql -c\` reading MAX and the sequence state, and one \`psql -c\` calling setval() when behind. Above $loop_full_max columns it runs on an evenly spread sample and the time is scaled by columns / sampled columns (marked ~)."
    echo
    if [ -s "$notes" ]; then
      echo "**Warnings:**"
      echo
      sed 's/^/- /' "$notes"
      echo
    fi
    echo "Peak RSS is the largest \"Maximum resident set size\" of \`/usr/bin/time -v\` over all timed runs of that command."
    echo "Raw data of the last run (hyperfine JSON, GNU time output) is in bench/results/ (not committed)."
  } >"$bench_dir/RESULTS.md"
}

# Startup of the two builds, once: what every cron run or CI step pays before any SQL.
startup_runs=30
log "pgseq --version, framework-dependent and NativeAOT, $startup_runs runs each"
hyperfine --style basic --warmup 3 --runs "$startup_runs" --export-json "$out/startup.hyperfine.json" \
  -n "framework-dependent" "dotnet $q_dll --version" -n "NativeAOT" "$q_aot --version" >&2
startup_jit=$(jq -r '.results[0].median * 1000 | floor' "$out/startup.hyperfine.json")
startup_aot=$(jq -r '.results[1].median * 1000 | floor' "$out/startup.hyperfine.json")

for size in ${sizes//,/ }; do
  size_started=$SECONDS
  db=bench_$size
  url="$server/$db"
  log "size $size: generating database $db"
  psql_ -d "$server/postgres" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  generate "$size" "$url"
  generation=$(( SECONDS - size_started ))
  sequences=$(psql_ -d "$url" -c "SELECT count(*) FROM pg_sequence AS s JOIN pg_class AS c ON c.oid = s.seqrelid WHERE c.relnamespace::regnamespace::text LIKE 'app\_%'")
  columns=$(psql_ -d "$url" -c "SELECT count(*) FROM bench_tools.sequence_columns")
  drifted_columns=$(drifted "$url")
  log "size $size: generated in ${generation}s: $columns sequence-backed columns, $sequences sequences, $drifted_columns columns drifted"
  [ "$columns" -eq "$size" ] || { echo "bench/run.sh: generated $columns columns, expected $size" >&2; exit 1; }

  # pgseq must see the same drift as the benchmark's own count: every column of its drifted sequences.
  set +e
  dotnet "$dll" check --json "$url" >"$out/check-$size.json" 2>"$out/check-$size.err"
  code=$?
  set -e
  if [ "$code" -ne 2 ]; then
    echo "bench/run.sh: pgseq check exited $code on the drifted database, expected 2; see $out/check-$size.err" >&2
    exit 1
  fi
  drifted_sequences=$(jq '.summary.drift' "$out/check-$size.json")
  pgseq_columns=$(jq '[.sequences[] | select(.status == "drift") | .columns | length] | add' "$out/check-$size.json")
  if [ "$pgseq_columns" -ne "$drifted_columns" ]; then
    note="size $size: pgseq check reports $pgseq_columns drifted columns, the benchmark counts $drifted_columns"
    log "WARNING: $note"
    echo "$note" >>"$notes"
  fi

  # Before every timed run of a repairing contender: drift every sequence again, vacuum the catalog rows that
  # ALTER SEQUENCE and setval() leave dead (so run 5 does not read a catalog bloated by runs 1-4, and autovacuum does
  # not start on it mid-run), and checkpoint, so every run starts from the same state. None of it is timed.
  redrift="$q_psql -X -q -d $url -c 'CALL bench_tools.redrift()' -c 'VACUUM (ANALYZE) pg_catalog.pg_class, pg_catalog.pg_sequence' -c CHECKPOINT"
  time_v="/usr/bin/time -v -a -o"
  hyperfine_() { hyperfine --style basic --shell bash "$@" >&2; }

  log "size $size: pgseq check, $runs runs"
  hyperfine_ --runs "$runs" --export-json "$out/check-$size.hyperfine.json" -n "pgseq check" \
    "$time_v $(printf '%q' "$out/check-$size.time") dotnet $q_dll check $url >/dev/null; test \$? -eq 2"

  log "size $size: pgseq check (NativeAOT), $runs runs"
  hyperfine_ --runs "$runs" --export-json "$out/aot-check-$size.hyperfine.json" -n "pgseq check (NativeAOT)" \
    "$time_v $(printf '%q' "$out/aot-check-$size.time") $q_aot check $url >/dev/null; test \$? -eq 2"

  log "size $size: pgseq fix, $runs runs"
  hyperfine_ --runs "$runs" --export-json "$out/fix-$size.hyperfine.json" -n "pgseq fix" --prepare "$redrift" \
    "$time_v $(printf '%q' "$out/fix-$size.time") dotnet $q_dll fix $url >/dev/null"
  expect_drifted "$url" 0 "pgseq fix"

  log "size $size: pgseq fix (NativeAOT), $runs runs"
  hyperfine_ --runs "$runs" --export-json "$out/aot-fix-$size.hyperfine.json" -n "pgseq fix (NativeAOT)" --prepare "$redrift" \
    "$time_v $(printf '%q' "$out/aot-fix-$size.time") $q_aot fix $url >/dev/null"
  expect_drifted "$url" 0 "pgseq fix (NativeAOT)"

  log "size $size: PL/pgSQL loop doing pgseq's work, $runs runs"
  hyperfine_ --runs "$runs" --export-json "$out/safe-$size.hyperfine.json" -n "PL/pgSQL loop, same work" --prepare "$redrift" \
    "$q_psql -X -q -d $url -c 'CALL bench_tools.plpgsql_safe_fix()'"
  expect_drifted "$url" 0 "the PL/pgSQL loop doing pgseq's work"

  log "size $size: bare PL/pgSQL loop, $runs runs"
  hyperfine_ --runs "$runs" --export-json "$out/plpgsql-$size.hyperfine.json" -n "PL/pgSQL loop, bare" --prepare "$redrift" \
    "$q_psql -X -q -d $url -c 'CALL bench_tools.plpgsql_fix()'"
  expect_drifted "$url" 0 "the bare PL/pgSQL loop"

  every=1
  if [ "$size" -gt "$loop_full_max" ]; then every=$(( (size + loop_sample - 1) / loop_sample )); fi
  sampled=$(( (size + every - 1) / every ))
  log "size $size: psql loop over $sampled of $size columns, $loop_runs runs"
  hyperfine_ --runs "$loop_runs" --export-json "$out/loop-$size.hyperfine.json" -n "psql loop" --prepare "$redrift" \
    "$q_loop $url $every"
  if [ "$every" -eq 1 ]; then expect_drifted "$url" 0 "the psql loop"; fi

  loop_median=$(median_of "$out/loop-$size.hyperfine.json")
  loop_estimate=$(awk -v m="$loop_median" -v n="$size" -v s="$sampled" 'BEGIN { print m * n / s }')
  psql_ -d "$server/postgres" -c "DROP DATABASE $db"
  total=$(( SECONDS - size_started ))
  # One line per size; write_results turns them into RESULTS.md.
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
    "$size" "$sequences" "$drifted_sequences" \
    "$(median_of "$out/fix-$size.hyperfine.json")" "$loop_estimate" \
    "$(median_of "$out/check-$size.hyperfine.json")" "$(median_of "$out/plpgsql-$size.hyperfine.json")" \
    "$drifted_columns" "$every" \
    "$(peak_rss_mb "$out/check-$size.time")" "$(peak_rss_mb "$out/fix-$size.time")" \
    "$(range_of "$out/check-$size.hyperfine.json")" "$(range_of "$out/fix-$size.hyperfine.json")" \
    "$(range_of "$out/plpgsql-$size.hyperfine.json")" "$sampled" "$(range_of "$out/loop-$size.hyperfine.json")" \
    "$generation" "$total" \
    "$(median_of "$out/safe-$size.hyperfine.json")" "$(range_of "$out/safe-$size.hyperfine.json")" \
    "$(median_of "$out/aot-check-$size.hyperfine.json")" "$(median_of "$out/aot-fix-$size.hyperfine.json")" \
    "$(peak_rss_mb "$out/aot-check-$size.time")" "$(peak_rss_mb "$out/aot-fix-$size.time")" >>"$summary"
  write_results
  log "size $size: done in ${total}s (generation ${generation}s); bench/RESULTS.md updated"
done
