# Shell helper for test.sh: find (or install) Debian's Prometheus server and promtool, which the serve tests run
# (a real scrape of pgseq serve, and the alert rules' checks and unit tests). Source it; do not run it.

. "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

# Installs Debian's prometheus package when /usr/bin/prometheus or /usr/bin/promtool is missing, without letting
# its init script start a daemon on :9090: the tests start throwaway servers of their own.
ensure_prometheus() {
  if [ -x /usr/bin/prometheus ] && [ -x /usr/bin/promtool ]; then return 0; fi
  echo "Prometheus or promtool not found; installing Debian's prometheus package..." >&2
  local sudo="" policy=/usr/sbin/policy-rc.d had_policy=0
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  # policy-rc.d exit 101 forbids invoke-rc.d to start services; an existing policy is left as it was.
  if [ -e "$policy" ]; then
    had_policy=1
  else
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null && $sudo chmod 755 "$policy"
  fi
  local status=0
  apt_install --no-install-recommends prometheus || status=$?
  [ "$had_policy" -eq 1 ] || $sudo rm -f "$policy"
  # Where systemd runs, the unit may still have been started: stop it and keep it from starting at boot.
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet prometheus 2>/dev/null; then
    $sudo systemctl disable --now prometheus >/dev/null 2>&1 || true
  fi
  [ "$status" -eq 0 ] || return "$status"
  [ -x /usr/bin/prometheus ] && [ -x /usr/bin/promtool ] \
    || { echo "error: prometheus was installed but /usr/bin/prometheus or /usr/bin/promtool is still missing" >&2; return 1; }
}
