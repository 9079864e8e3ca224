#!/usr/bin/env bash
# Builds the Python wheel pgseq-VERSION-py3-none-manylinux_2_NN_x86_64.whl from a pgseq executable (NativeAOT, as
# packaging/build.sh takes it from the linux-x64 tool package) with Debian's python3-build and setuptools, offline
# (--no-isolation: the build uses the installed setuptools and wheel instead of fetching them). The executable goes
# in as the wheel's script, so pip puts it on the environment's PATH; packaging/python has the pgseq module.
#
#   packaging/wheel.sh EXECUTABLE OUTPUT-DIR
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: packaging/wheel.sh EXECUTABLE OUTPUT-DIR" >&2; exit 2; }
executable=$(realpath "$1")
out=$(realpath "$2")
repo=$(cd "$(dirname "$0")/.." && pwd)
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$repo" log -1 --format=%ct)}
version=$("$executable" --version)

# The platform tag: manylinux_X_Y for the newest glibc symbol version the executable links against (PEP 600), read
# from its dynamic symbols. Its only other needs (readelf's NEEDED: libc, libm, the loader) are glibc's own.
glibc=$(objdump -T "$executable" | grep -o 'GLIBC_[0-9]*\.[0-9]*' | sed 's/GLIBC_//' | sort -V | tail -n 1)
[ -n "$glibc" ] || { echo "error: no GLIBC symbol versions in $executable; is it a glibc executable?" >&2; exit 1; }
case $(objdump -f "$executable" | sed -n 's/.*architecture: //p') in
  i386:x86-64*) machine=x86_64 ;;
  aarch64*) machine=aarch64 ;;
  *) echo "error: $executable is for an architecture this script does not tag" >&2; exit 1 ;;
esac
platform=manylinux_${glibc%%.*}_${glibc#*.}_$machine

stage=$(mktemp -d "${TMPDIR:-/tmp}/pgseq-wheel.XXXXXX")
trap 'rm -rf "$stage"' EXIT
cp -r "$repo/packaging/python/." "$stage/"
mkdir -p "$stage/bin"
install -m 755 "$executable" "$stage/bin/pgseq"
cp "$repo/LICENSE" "$stage/LICENSE"
printf '__version__ = "%s"\n' "$version" >"$stage/pgseq/_version.py"
# A wheel with no compiled Python module but a native program: py3-none-PLATFORM.
printf '[bdist_wheel]\npython_tag = py3\nplat_name = %s\n' "$platform" >"$stage/setup.cfg"

(cd "$stage" && /usr/bin/python3 -m build --wheel --no-isolation --outdir "$stage/dist" . >"$stage/build.log" 2>&1) \
  || { cat "$stage/build.log" >&2; echo "error: python3 -m build failed (its output is above)" >&2; exit 1; }
wheel=pgseq-$version-py3-none-$platform.whl
[ -f "$stage/dist/$wheel" ] || { ls "$stage/dist" >&2; echo "error: the wheel is not $wheel" >&2; exit 1; }
cp "$stage/dist/$wheel" "$out/$wheel"
echo "$out/$wheel"
