# Shell helper for test.sh: find (or install) Debian's Chromium and its WebDriver (chromedriver), which the
# Mikrokredit sample's browser tests drive headless. Source it; do not run it.

# Installs Debian's chromium and chromium-driver packages when either program is missing. Test tools that download
# a browser of their own cannot reach their download hosts here, so the tests use these instead.
ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then return 0; fi
  echo "Chromium or chromedriver not found; installing Debian's chromium and chromium-driver packages..." >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "error: run as root or install sudo, or install chromium and chromium-driver yourself" >&2; return 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
    || { echo "error: chromium was installed but /usr/bin/chromium or /usr/bin/chromedriver is still missing" >&2; return 1; }
}
