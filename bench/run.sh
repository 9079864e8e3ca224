#!/usr/bin/env bash
# Benchmarks pgseq check, pgseq check --json and pgseq fix, as the dotnet tool users install (NativeAOT on linux-x64)
# and as its framework-dependent package (what other platforms get), against a per-table psql loop and two server-side PL/pgSQL loops, on generated databases with N drifted
# sequence-backed columns, and writes bench/RESULTS.md: the medians, the ratios, the peak RSS and whether each target
# is met. See bench/README.md.
#
#   bench/run.sh [--sizes 300,5000,20000,100000] [--runs N] [--loop-runs N] [--loop-full-max N] [--loop-sample N]
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/run.sh [options]
  --sizes LIST        sequence-backed columns per database, comma-separated (default 300,5000,20000,100000)
  --runs N            timed runs of each pgseq command (both builds) and each PL/pgSQL loop per size (default 5)
  --loop-runs N       timed runs of the psql loop per size (default 2; one run at 5,000 columns takes over a minute)
  --loop-full-max N   largest size at which the psql loop runs over every column (default 5000); above it the
                      loop runs over an evenly spread sample and its time is extrapolated linearly
  --loop-sample N     columns in that sample (default 1000); 0 skips the psql loop above --loop-full-max
EOF
}

sizes=300,5000,20000,100000
runs=5
loop_runs=2
loop_full_max=5000
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
for n in ${sizes//,/ } "$runs" "$loop_runs" "$loop_full_max"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "bench/run.sh: not a positive number: $n" >&2; exit 1; }
done
[[ $loop_sample =~ ^(0|[1-9][0-9]*)$ ]] || { echo "bench/run.sh: --loop-sample: not a number: $loop_sample" >&2; exit 1; }

bench_dir=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$bench_dir")
cd "$repo"
. scripts/postgres.sh
. scripts/packaging.sh

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

# Both builds go to a directory of their own that the cleanup removes: every build output and intermediate file too
# (--artifacts-path), so the benchmark writes nothing into src/*/bin or src/*/obj and does not disturb a build or a
# test run in the working tree.
build_dir=$(mktemp -d "${TMPDIR:-/tmp}/pgseq-bench-build.XXXXXX")
work=""
cleanup() {
  if [ -n "$work" ]; then stop_cluster "$work"; fi
  rm -rf "$build_dir"
}
trap cleanup EXIT

# The dotnet tool as users install it (README, "Install"): dotnet pack, then dotnet tool install from the packed
# packages. dotnet pack makes a pointer package and a package per runtime: NativeAOT for linux-x64 (so it needs the
# C toolchain NativeAOT links with) and framework-dependent for any other ("any"). The install resolves the pointer
# to this machine's package, the native one; the second build timed is the "any" package, installed by its own id:
# what the tool is on a platform without a native package, on the shared .NET runtime.
ensure_native_toolchain
package_id=$(dotnet msbuild src/PgSeq.Cli -getProperty:PackageId)
version=$(dotnet msbuild src/PgSeq.Cli -getProperty:Version)
pkg_dir=$build_dir/packages
log "packing pgseq (Release) as the dotnet tool $package_id $version (one NativeAOT compile)"
dotnet pack src/PgSeq.Cli -c Release -o "$pkg_dir" --artifacts-path "$build_dir/artifacts-tool" \
  ${native_build_options[@]+"${native_build_options[@]}"} --nologo -v quiet -clp:ErrorsOnly >&2
# installed_package ID: installs package ID from the packages just packed into a tool path of its own and prints
# the runtime package it took. The install must take a package just packed, not one of the same id and version from
# another source (or a cache): the tool path's .store keeps a copy of each package it installed.
installed_package() {
  local id=$1 path=$build_dir/tool-$1 nupkg copy taken=""
  log "installing it: dotnet tool install $id --version $version --tool-path (temporary) --add-source (the packages)"
  dotnet tool install "$id" --version "$version" --tool-path "$path" --add-source "$pkg_dir" >&2
  for nupkg in "$pkg_dir"/*.nupkg; do
    # The pointer package is stored too, but holds no program.
    [ "$(basename "$nupkg")" != "$package_id.$version.nupkg" ] || continue
    while IFS= read -r copy; do
      if cmp -s "$nupkg" "$copy"; then taken=$(basename "$nupkg" .nupkg); fi
    done < <(find "$path/.store" -name '*.nupkg')
  done
  if [ -z "$taken" ]; then
    echo "bench/run.sh: the tool installed in $path is not from the packages in $pkg_dir" >&2
    exit 1
  fi
  echo "$taken"
}
tool_package=$(installed_package "$package_id")
tool=$build_dir/tool-$package_id/pgseq
log "installed $tool_package"
[ "$tool_package" = "$package_id.linux-x64.$version" ] \
  || { echo "bench/run.sh: dotnet tool install took $tool_package, not the native $package_id.linux-x64" >&2; exit 1; }
fd_package=$(installed_package "$package_id.any")
fd=$build_dir/tool-$package_id.any/pgseq
PSQL=$(pg_bindir)/psql
export PSQL
# The timed commands are bash command lines: quote every path that goes into one.
q_tool=$(printf '%q' "$tool")
q_fd=$(printf '%q' "$fd")
q_psql=$(printf '%q' "$PSQL")
q_loop=$(printf '%q' "$bench_dir/psql-loop.sh")

# A throwaway cluster with default settings: initdb's postgresql.conf, nothing raised. Only the generating sessions
# set synchronous_commit=off for themselves; every timed command runs with the defaults (fsync on).
work=$(mktemp -d "${TMPDIR:-/tmp}/pgseq-bench.XXXXXX")
port=$(free_port)
start_cluster "$work" "$port"
server="postgresql://postgres@127.0.0.1:$port"
log "throwaway PostgreSQL on 127.0.0.1:$port"

psql_() { PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" "$PSQL" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }

# Raw results of this run: hyperfine JSON, GNU time output, a log per contender. Rewritten on every run.
out=$bench_dir/results
rm -rf "$out"
mkdir -p "$out"
notes=$out/notes.txt
: >"$notes"
# summary.tsv: a header line naming the fields, then one line per size; write_results reads the fields by name.
# For each build (no prefix: the dotnet tool, NativeAOT; fd_: its framework-dependent package) and pgseq command
# (check, json: check --json, fix): the median seconds, hyperfine's min-max and the peak RSS in MB. loop_every is 1
# when the psql loop ran over every column, K when it ran over every K-th (loop is then the extrapolated time), 0 when
# it did not run.
summary=$out/summary.tsv
summary_fields=(size sequences drifted_sequences drifted_columns)
for prefix in "" fd_; do
  for kind in check json fix; do summary_fields+=("$prefix$kind" "$prefix${kind}_range" "$prefix${kind}_rss"); done
done
summary_fields+=(safe safe_range bare bare_range loop loop_range loop_every loop_sampled generation total)
(IFS=$'\t'; printf '%s\n' "${summary_fields[*]}") >"$summary"

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
# digits, range() formats hyperfine's "min-max"; v(NAME) is the field NAME of summary.tsv's current line (its header
# line names them).
# shellcheck disable=SC2016 # awk programs: the $ are awk's
number_format='
  function n(x,  s, r) { s = sprintf("%d", x); r = ""; while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) } return s r }
  function sec(x) { return x >= 100 ? sprintf("%.0f", x) : x >= 10 ? sprintf("%.1f", x) : sprintf("%.2f", x) }
  function ratio(x) { return x >= 100 ? sprintf("%.0f×", x) : x >= 10 ? sprintf("%.1f×", x) : sprintf("%.2f×", x) }
  function range(r,  p) { split(r, p, "-"); return sec(p[1]) "-" sec(p[2]) }
  function v(name) { return $(col[name]) }
  NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
'

# The targets, checked on summary.tsv at the end of it; a size not in --sizes (or not finished yet) is "not measured".
# ratio_target WHAT SIZE NUMERATOR DENOMINATOR OP LIMIT and rss_target WHAT SIZE FIELD LIMIT print one row each
# (LIMIT a string, printed as given and compared as a number).
# shellcheck disable=SC2016
targets_awk='
  { for (k in col) val[v("size"), k] = $(col[k]) }
  function absent(what, required, s) {
    if ((s, "size") in val) return 0
    printf "| %s | %s | not measured (%s columns not in this run) | - |\n", what, required, n(s)
    return 1
  }
  function verdict(ok) { return ok ? "met" : "**not met**" }
  function ratio_target(what, s, num, den, op, limit,   required, r, figure) {
    required = (op == ">=" ? "≥ " : "≤ ") limit "×"
    if (absent(what, required, s)) return
    if ((num == "loop" || den == "loop") && val[s, "loop_every"] == 0) {
      printf "| %s | %s | not measured (psql loop not run at %s columns) | - |\n", what, required, n(s)
      return
    }
    r = val[s, num] / val[s, den]
    figure = ratio(r)
    if ((num == "loop" || den == "loop") && val[s, "loop_every"] > 1) figure = "~" figure " (psql loop extrapolated)"
    printf "| %s | %s | %s | %s |\n", what, required, figure, verdict(op == ">=" ? r >= limit + 0 : r <= limit + 0)
  }
  function rss_target(what, s, field, limit,   required) {
    required = "≤ " limit " MB"
    if (absent(what, required, s)) return
    printf "| %s | %s | %s MB | %s |\n", what, required, val[s, field], verdict(val[s, field] + 0 <= limit + 0)
  }
  END {
    ratio_target("1. `pgseq fix`, dotnet tool, 300 columns: psql loop / pgseq fix", 300, "loop", "fix", ">=", "30")
    ratio_target("1. (stretch) the same", 300, "loop", "fix", ">=", "50")
    printf "| 1. `pgseq --version`, dotnet tool | ≤ 15 ms | %s ms | %s |\n", startup_tool, verdict(startup_tool + 0 <= 15)
    ratio_target("2. `pgseq fix`, dotnet tool, 5,000 columns: pgseq fix / bare loop", 5000, "fix", "bare", "<=", "1.2")
    ratio_target("2. `pgseq fix`, dotnet tool, 20,000 columns: pgseq fix / bare loop", 20000, "fix", "bare", "<=", "1.0")
    ratio_target("2. `pgseq fix`, framework-dependent, 20,000 columns: pgseq fix / bare loop", 20000, "fd_fix", "bare", "<=", "1.3")
    rss_target("3. peak RSS, `pgseq check`, dotnet tool, 100,000 columns", 100000, "check_rss", 200)
    rss_target("3. peak RSS, `pgseq fix`, dotnet tool, 100,000 columns", 100000, "fix_rss", 200)
    rss_target("3. peak RSS, `pgseq check --json`, dotnet tool, 100,000 columns", 100000, "json_rss", 200)
    rss_target("3. peak RSS, `pgseq check`, framework-dependent, 100,000 columns", 100000, "fd_check_rss", 200)
    rss_target("3. peak RSS, `pgseq fix`, framework-dependent, 100,000 columns", 100000, "fd_fix_rss", 200)
    rss_target("3. peak RSS, `pgseq check --json`, framework-dependent, 100,000 columns", 100000, "fd_json_rss", 200)
    ratio_target("3. `pgseq check`, dotnet tool, 100,000 columns: pgseq check / bare loop", 100000, "check", "bare", "<=", "1.0")
    ratio_target("3. `pgseq check`, framework-dependent, 100,000 columns: pgseq check / bare loop", 100000, "fd_check", "bare", "<=", "1.0")
  }
'

write_results() {
  local cpu cores ram pg dotnet_runtime commit src_commit
  cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
  cores=$(nproc)
  ram=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  pg=$(psql_ -d "$server/postgres" -c "SHOW server_version")
  dotnet_runtime=$(dotnet --list-runtimes | awk '/^Microsoft.NETCore.App 10\./ { v = $2 } END { print v }')
  if commit=$(git -C "$repo" log -1 --format='%h (%cs) %s' HEAD 2>/dev/null) && [ -n "$commit" ]; then
    src_commit=$(git -C "$repo" log -1 --format=%h -- src)
    if [ "$src_commit" != "$(git -C "$repo" rev-parse --short HEAD)" ]; then commit="$commit (src/ last changed in $src_commit)"; fi
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
    echo "- pgseq built Release from commit $commit"
    echo "- dotnet tool: \`dotnet pack src/PgSeq.Cli -c Release\`, then \`dotnet tool install $package_id --version $version --tool-path DIR --add-source PACKAGES\`, which installed $tool_package (NativeAOT)"
    echo "- framework-dependent: \`dotnet tool install $package_id.any --version $version --tool-path DIR --add-source PACKAGES\`, which installed $fd_package (the package of the platforms without a native one), on .NET runtime $dotnet_runtime"
    echo "- Load average (1, 5, 15 min) when the benchmark started: $load_at_start"
    echo
    echo "## Targets"
    echo
    echo "| target | required | measured | result |"
    echo "|---|---:|---:|---|"
    awk -F'\t' -v startup_tool="$startup_tool" "$number_format$targets_awk" "$summary"
    echo
    echo "Sizes are sequence-backed columns, one per table; the sequences at each size are in the first table below. Ratios are of medians."
    echo
    echo "## Timings"
    echo
    echo "Median wall-clock seconds (hyperfine); every database is fully drifted before each timed run of a repairing contender. pgseq as the dotnet tool:"
    echo
    echo "| sequence-backed columns | sequences (drifted) | pgseq check | pgseq check --json | pgseq fix | PL/pgSQL loop, same work | PL/pgSQL loop, bare | psql loop | pgseq fix / same-work loop | pgseq fix / bare loop | pgseq check / bare loop | psql loop / pgseq fix | pgseq check peak RSS | pgseq check --json peak RSS | pgseq fix peak RSS |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    awk -F'\t' "$number_format"'
      {
        e = v("loop_every")
        if (e == 0) { loop = "not run"; lr = "-" }
        else if (e == 1) { loop = sec(v("loop")); lr = ratio(v("loop") / v("fix")) }
        else { loop = "~" sec(v("loop")) " (extrapolated)"; lr = "~" ratio(v("loop") / v("fix")) }
        printf "| %s | %s (%s) | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s MB | %s MB | %s MB |\n",
          n(v("size")), n(v("sequences")), n(v("drifted_sequences")), sec(v("check")), sec(v("json")), sec(v("fix")),
          sec(v("safe")), sec(v("bare")), loop, ratio(v("fix") / v("safe")), ratio(v("fix") / v("bare")),
          ratio(v("check") / v("bare")), lr, v("check_rss"), v("json_rss"), v("fix_rss")
      }' "$summary"
    echo
    echo "The same commands with the framework-dependent package of the tool (what a platform without a native package installs):"
    echo
    echo "| sequence-backed columns | pgseq check | pgseq check --json | pgseq fix | pgseq fix / same-work loop | pgseq fix / bare loop | pgseq check / bare loop | psql loop / pgseq fix | pgseq check peak RSS | pgseq check --json peak RSS | pgseq fix peak RSS |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    awk -F'\t' "$number_format"'
      {
        e = v("loop_every")
        lr = (e == 0) ? "-" : (e == 1 ? "" : "~") ratio(v("loop") / v("fd_fix"))
        printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s MB | %s MB | %s MB |\n",
          n(v("size")), sec(v("fd_check")), sec(v("fd_json")), sec(v("fd_fix")), ratio(v("fd_fix") / v("safe")),
          ratio(v("fd_fix") / v("bare")), ratio(v("fd_check") / v("bare")), lr,
          v("fd_check_rss"), v("fd_json_rss"), v("fd_fix_rss")
      }' "$summary"
    echo
    echo "Startup, \`pgseq --version\` (hyperfine, $startup_runs runs after 3 warm-ups): dotnet tool $startup_tool ms, framework-dependent $startup_fd ms."
    echo
    echo "Timed runs per size: every pgseq command (both builds) and both PL/pgSQL loops $runs each, the psql loop $loop_runs."
    echo
    echo "| sequence-backed columns | pgseq check min-max | pgseq check --json min-max | pgseq fix min-max | framework-dependent check min-max | framework-dependent check --json min-max | framework-dependent fix min-max | same-work loop min-max | bare loop min-max | psql loop min-max (of the sample when sampled) | psql loop sample | generation | whole size (generation included) |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|"
    awk -F'\t' "$number_format"'
      {
        e = v("loop_every")
        if (e == 0) { sample = "not run (--loop-sample 0)"; lrange = "-" }
        else {
          sample = (e == 1) ? "every column" : sprintf("%d columns (1 in %d), time scaled by %d/%d", v("loop_sampled"), e, v("size"), v("loop_sampled"))
          lrange = range(v("loop_range"))
        }
        printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d s | %d s |\n",
          n(v("size")), range(v("check_range")), range(v("json_range")), range(v("fix_range")),
          range(v("fd_check_range")), range(v("fd_json_range")), range(v("fd_fix_range")),
          range(v("safe_range")), range(v("bare_range")), lrange, sample, v("generation"), v("total")
      }' "$summary"
    echo
    echo "Contenders:"
    echo
    echo "- **pgseq check**: \`pgseq check CONNECTION\` (exit code 2: drift found), output to /dev/null."
    echo "- **pgseq check --json**: \`pgseq check --json CONNECTION\` (exit code 2), the JSON report to /dev/null."
    echo "- **pgseq fix**: \`pgseq fix CONNECTION\`: per sequence one transaction that locks the table(s) and the sequence, re-reads MAX and moves the sequence; several such transactions per round trip, on up to 4 connections."
    echo "- Each of them as the **dotnet tool** (the \`pgseq\` command \`dotnet tool install\` puts in the tool path: the NativeAOT executable of the linux-x64 package) and as its **framework-dependent** package (the apphost of PgSeq.Cli.any, on the shared .NET runtime)."
    echo "- **PL/pgSQL loop, same work**: \`CALL bench_tools.plpgsql_safe_fix()\` ([bench.sql](bench.sql)): what pgseq fix does, on the server in one round trip: per sequence one transaction with lock_timeout, LOCK TABLE, the ALTER SEQUENCE hold, MAX and the sequence state under the locks, setval() when behind, COMMIT. The lower bound for a safe repair."
    echo "- **PL/pgSQL loop, bare**: \`CALL bench_tools.plpgsql_fix()\`: only the reads and setval(), COMMIT every 100 columns, no locks: the cost of the arithmetic on the server, not a safe repair."
    echo "- **psql loop**: [psql-loop.sh](psql-loop.sh), like the team's original script: per column one \`psql -c\` reading MAX and the sequence state, and one \`psql -c\` calling setval() when behind. Above $loop_full_max columns it runs on an evenly spread sample and the time is scaled by columns / sampled columns (marked ~), or not at all with \`--loop-sample 0\`."
    echo
    if [ -s "$notes" ]; then
      echo "**Warnings:**"
      echo
      sed 's/^/- /' "$notes"
      echo
    fi
    echo "Peak RSS is the largest \"Maximum resident set size\" of \`/usr/bin/time -v\` over all timed runs of that command."
    echo "Raw data of the last run (hyperfine JSON, GNU time output, summary.tsv) is in bench/results/ (not committed)."
  } >"$bench_dir/RESULTS.md"
}

# Startup of the two builds, once: what every cron run or CI step pays before any SQL.
startup_runs=30
log "pgseq --version, dotnet tool and framework-dependent, $startup_runs runs each"
hyperfine --style basic --warmup 3 --runs "$startup_runs" --export-json "$out/startup.hyperfine.json" \
  -n "dotnet tool" "$q_tool --version" -n "framework-dependent" "$q_fd --version" >&2
startup_tool=$(jq -r '.results[0].median * 10000 | round / 10' "$out/startup.hyperfine.json")
startup_fd=$(jq -r '.results[1].median * 10000 | round / 10' "$out/startup.hyperfine.json")

time_v="/usr/bin/time -v -a -o"
hyperfine_() { hyperfine --style basic --shell bash "$@" >&2; }

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
  "$tool" check --json "$url" >"$out/check-$size.json" 2>"$out/check-$size.err"
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

  # Each pgseq command, the dotnet tool's runs then the framework-dependent package's, under GNU time. check and
  # check --json must exit 2 (drift found; they run before any repair), fix 0 and then leave nothing drifted.
  for kind in check json fix; do
    case $kind in
      check) subcommand=check expect="; test \$? -eq 2" prepare=() ;;
      json) subcommand="check --json" expect="; test \$? -eq 2" prepare=() ;;
      fix) subcommand=fix expect="" prepare=(--prepare "$redrift") ;;
    esac
    for build in tool fd; do
      case $build in
        tool) bin=$q_tool label="pgseq $subcommand" ;;
        fd) bin=$q_fd label="pgseq $subcommand (framework-dependent)" ;;
      esac
      log "size $size: $label, $runs runs"
      hyperfine_ --runs "$runs" --export-json "$out/$build-$kind-$size.hyperfine.json" -n "$label" "${prepare[@]}" \
        "$time_v $(printf '%q' "$out/$build-$kind-$size.time") $bin $subcommand $url >/dev/null$expect"
      if [ "$kind" = fix ]; then expect_drifted "$url" 0 "$label"; fi
    done
  done

  log "size $size: PL/pgSQL loop doing pgseq's work, $runs runs"
  hyperfine_ --runs "$runs" --export-json "$out/safe-$size.hyperfine.json" -n "PL/pgSQL loop, same work" --prepare "$redrift" \
    "$q_psql -X -q -d $url -c 'CALL bench_tools.plpgsql_safe_fix()'"
  expect_drifted "$url" 0 "the PL/pgSQL loop doing pgseq's work"

  log "size $size: bare PL/pgSQL loop, $runs runs"
  hyperfine_ --runs "$runs" --export-json "$out/plpgsql-$size.hyperfine.json" -n "PL/pgSQL loop, bare" --prepare "$redrift" \
    "$q_psql -X -q -d $url -c 'CALL bench_tools.plpgsql_fix()'"
  expect_drifted "$url" 0 "the bare PL/pgSQL loop"

  # The psql loop: over every column up to --loop-full-max, above it over every K-th column (time scaled by K), or
  # not at all with --loop-sample 0.
  every=1
  if [ "$size" -gt "$loop_full_max" ]; then
    if [ "$loop_sample" -eq 0 ]; then every=0; else every=$(( (size + loop_sample - 1) / loop_sample )); fi
  fi
  if [ "$every" -eq 0 ]; then
    log "size $size: psql loop skipped (--loop-sample 0, above --loop-full-max $loop_full_max)"
    sampled=0 loop_estimate="" loop_range=""
  else
    sampled=$(( (size + every - 1) / every ))
    log "size $size: psql loop over $sampled of $size columns, $loop_runs runs"
    hyperfine_ --runs "$loop_runs" --export-json "$out/loop-$size.hyperfine.json" -n "psql loop" --prepare "$redrift" \
      "$q_loop $url $every"
    if [ "$every" -eq 1 ]; then expect_drifted "$url" 0 "the psql loop"; fi
    loop_median=$(median_of "$out/loop-$size.hyperfine.json")
    loop_estimate=$(awk -v m="$loop_median" -v n="$size" -v s="$sampled" 'BEGIN { print m * n / s }')
    loop_range=$(range_of "$out/loop-$size.hyperfine.json")
  fi

  psql_ -d "$server/postgres" -c "DROP DATABASE $db"
  total=$(( SECONDS - size_started ))
  # One line per size; write_results turns them into RESULTS.md.
  declare -A row=(
    [size]=$size [sequences]=$sequences [drifted_sequences]=$drifted_sequences [drifted_columns]=$drifted_columns
    [safe]=$(median_of "$out/safe-$size.hyperfine.json") [safe_range]=$(range_of "$out/safe-$size.hyperfine.json")
    [bare]=$(median_of "$out/plpgsql-$size.hyperfine.json") [bare_range]=$(range_of "$out/plpgsql-$size.hyperfine.json")
    [loop]=$loop_estimate [loop_range]=$loop_range [loop_every]=$every [loop_sampled]=$sampled
    [generation]=$generation [total]=$total
  )
  for build in tool fd; do
    if [ "$build" = fd ]; then prefix=fd_; else prefix=""; fi
    for kind in check json fix; do
      row[$prefix$kind]=$(median_of "$out/$build-$kind-$size.hyperfine.json")
      row[$prefix${kind}_range]=$(range_of "$out/$build-$kind-$size.hyperfine.json")
      row[$prefix${kind}_rss]=$(peak_rss_mb "$out/$build-$kind-$size.time")
    done
  done
  values=()
  for field in "${summary_fields[@]}"; do values+=("${row[$field]}"); done
  (IFS=$'\t'; printf '%s\n' "${values[*]}") >>"$summary"
  unset row
  write_results
  log "size $size: done in ${total}s (generation ${generation}s); bench/RESULTS.md updated"
done
