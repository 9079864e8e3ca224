# Shell helper for packaging/build.sh, test.sh and bench/run.sh: find (or install) what building pgseq's packages
# takes, from Debian's packages: the C toolchain NativeAOT links with (clang, zlib1g-dev), debhelper, help2man and
# lintian for the Debian package, python3-build with setuptools and wheel for the Python wheel. Source it; do not
# run it.

. "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

# The options `dotnet publish`/`dotnet pack` need for NativeAOT here; ensure_native_toolchain fills it.
native_build_options=()

# Installs clang and zlib1g-dev when missing. With only a versioned clang (clang-14) installed, NativeAOT is told
# to use it instead of installing another.
ensure_native_toolchain() {
  local missing=() versioned=""
  if ! command -v clang >/dev/null 2>&1; then
    versioned=$(compgen -c clang- | grep -E '^clang-[0-9]+$' | sort -V | tail -n 1 || true)
    if [ -n "$versioned" ]; then native_build_options=(-p:CppCompilerAndLinker="$versioned"); else missing+=(clang); fi
  fi
  [ -e /usr/include/zlib.h ] || missing+=(zlib1g-dev)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "The C toolchain NativeAOT links with was not found; installing Debian's ${missing[*]}..." >&2
  apt_install "${missing[@]}"
}

# Installs Debian's tools for the .deb and the wheel when any is missing. Debian's /usr/bin/python3 builds the wheel:
# a python3 earlier on PATH (pyenv's) lacks Debian's python3-build.
ensure_packaging_tools() {
  local missing=()
  command -v dpkg-buildpackage >/dev/null 2>&1 && command -v dh >/dev/null 2>&1 || missing+=(debhelper dpkg-dev)
  command -v help2man >/dev/null 2>&1 || missing+=(help2man)
  command -v lintian >/dev/null 2>&1 || missing+=(lintian)
  command -v objdump >/dev/null 2>&1 || missing+=(binutils)
  command -v unzip >/dev/null 2>&1 || missing+=(unzip)
  /usr/bin/python3 -c "import build, setuptools, wheel" 2>/dev/null || missing+=(python3-build python3-setuptools python3-wheel)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Packaging tools not found; installing Debian's ${missing[*]}..." >&2
  apt_install --no-install-recommends "${missing[@]}"
}

# Installs what the packaging tests use beside the packages when missing: python3-venv for the wheel's virtual
# environment, man-db (man -w), bash-completion (its loader), systemd's systemd-analyze (verify on the units), and
# adduser, which the .deb depends on (dpkg -i installs no dependency).
ensure_package_test_tools() {
  local missing=()
  command -v adduser >/dev/null 2>&1 || missing+=(adduser)
  /usr/bin/python3 -c "import venv, ensurepip" 2>/dev/null || missing+=(python3-venv)
  command -v man >/dev/null 2>&1 || missing+=(man-db)
  [ -f /usr/share/bash-completion/bash_completion ] || missing+=(bash-completion)
  command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Tools of the packaging tests not found; installing Debian's ${missing[*]}..." >&2
  apt_install --no-install-recommends "${missing[@]}"
}
