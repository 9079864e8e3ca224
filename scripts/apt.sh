# Shell helper for the scripts that install what is missing (postgres.sh, chromium.sh, orm.sh, prometheus.sh,
# packaging.sh, bench/run.sh). Source it; do not run it.

# Installs Debian packages with apt-get, through sudo when not running as root.
apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "error: run as root or install sudo, or install $* yourself" >&2; return 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}
