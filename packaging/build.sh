#!/usr/bin/env bash
# Builds every package a release of pgseq would publish, into artifacts/ (or --output DIR):
#   PgSeq.Cli.VERSION.nupkg, PgSeq.Cli.linux-x64.VERSION.nupkg, PgSeq.Cli.any.VERSION.nupkg   the dotnet tool
#   pgseq_VERSION_amd64.deb                                                                the Debian package
#   pgseq-VERSION-py3-none-manylinux_2_NN_x86_64.whl                                       the Python wheel
# One NativeAOT compile feeds all three: the executable of the linux-x64 tool package is the one the .deb and the
# wheel carry. Installs what it needs from Debian's packages when missing (scripts/packaging.sh). See docs/install.md.
#
#   packaging/build.sh [--output DIR]
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
out=$repo/artifacts
while [ $# -gt 0 ]; do
  case $1 in
    --output) [ $# -ge 2 ] || { echo "error: --output needs a directory" >&2; exit 2; }
      out=$2; shift 2 ;;
    --output=*) out=${1#*=}; shift ;;
    *) echo "error: unknown argument $1; usage: packaging/build.sh [--output DIR]" >&2; exit 2 ;;
  esac
done
cd "$repo"
. scripts/packaging.sh

log() { printf '[%s] packaging: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

ensure_native_toolchain
ensure_packaging_tools

# Every intermediate file goes to a directory of this run (--artifacts-path), so the build neither reads nor
# disturbs src/*/bin and src/*/obj of a build or test run in the working tree.
work=$(mktemp -d "${TMPDIR:-/tmp}/pgseq-packaging.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -f "$out"/PgSeq.Cli.*nupkg "$out"/pgseq_*.deb "$out"/pgseq-*.whl

# Reproducible dates (help2man, the Debian changelog, file times in the packages): the last commit's.
SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || date +%s)
export SOURCE_DATE_EPOCH

log "dotnet pack: the tool's pointer package, its framework-dependent 'any' package and the NativeAOT linux-x64 one"
dotnet pack src/PgSeq.Cli -c Release -o "$out" --artifacts-path "$work/dotnet" ${native_build_options[@]+"${native_build_options[@]}"} \
  --nologo -v quiet -clp:ErrorsOnly >&2
version=$(dotnet msbuild src/PgSeq.Cli -getProperty:Version)
native_package=$out/PgSeq.Cli.linux-x64.$version.nupkg
[ -f "$native_package" ] || { echo "error: dotnet pack made no $native_package; the native tool package packs on linux-x64 only" >&2; exit 1; }

# The executable of the native tool package, as `dotnet tool install` unpacks it.
unzip -q -j "$native_package" tools/any/linux-x64/pgseq -d "$work/bin"
executable=$work/bin/pgseq
chmod 755 "$executable"
[ "$("$executable" --version)" = "$version" ] \
  || { echo "error: $executable --version does not print $version" >&2; exit 1; }

log "Debian package"
packaging/deb.sh "$executable" "$out"
log "Python wheel"
packaging/wheel.sh "$executable" "$out"

log "done:"
(cd "$out" && ls -l PgSeq.Cli.*nupkg pgseq_*.deb pgseq-*.whl) >&2
