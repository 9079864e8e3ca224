# Shell helper for test.sh: find (or install) Debian's Chromium and its WebDriver (chromedriver), which the
# Mikrokredit sample's browser tests drive headless. Source it; do not run it.

. "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

# Installs Debian's chromium and chromium-driver packages when either program is missing. Test tools that download
# a browser of their own cannot reach their download hosts here, so the tests use these instead.
ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then return 0; fi
  echo "Chromium or chromedriver not found; installing Debian's chromium and chromium-driver packages..." >&2
  apt_install chromium chromium-driver || return 1
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
    || { echo "error: chromium was installed but /usr/bin/chromium or /usr/bin/chromedriver is still missing" >&2; return 1; }
}
