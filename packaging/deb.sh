#!/usr/bin/env bash
# Builds the Debian package pgseq_VERSION_amd64.deb from a pgseq executable (NativeAOT, as packaging/build.sh takes
# it from the linux-x64 tool package) with debhelper, and checks it with lintian: an error fails the build.
# The package gets /usr/bin/pgseq, a man page per command made by help2man from the program's own --help, the bash
# completion (packaging/bash-completion), the systemd units of deploy/systemd, /etc/pgseq/targets and the pgseq
# system user (packaging/debian).
#
#   packaging/deb.sh EXECUTABLE OUTPUT-DIR
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: packaging/deb.sh EXECUTABLE OUTPUT-DIR" >&2; exit 2; }
executable=$(realpath "$1")
out=$(realpath "$2")
repo=$(cd "$(dirname "$0")/.." && pwd)
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$repo" log -1 --format=%ct)}
# English help whatever the caller's locale (pgseq picks its language from LC_ALL, LC_MESSAGES and LANG).
export LC_ALL=C.UTF-8 NO_COLOR=1
version=$("$executable" --version)

stage=$(mktemp -d "${TMPDIR:-/tmp}/pgseq-deb.XXXXXX")
trap 'rm -rf "$stage"' EXIT
src=$stage/pgseq-$version
mkdir -p "$src"
cp -r "$repo/packaging/debian" "$src/debian"
install -m 755 "$executable" "$src/pgseq"
mkdir "$src/completions"
cp "$repo/packaging/bash-completion/pgseq" "$src/completions/pgseq"
# dh_installsystemd takes debian/PACKAGE.UNIT.service and .timer files.
for unit in pgseq-serve.service pgseq-fix.service pgseq-fix.timer; do
  cp "$repo/deploy/systemd/$unit" "$src/debian/pgseq.$unit"
done

# debian/copyright from the LICENSE, with the years of the history (Debian wants them in the notice; sed, not head,
# reads all of git log, whose SIGPIPE would end this script under pipefail), and a changelog entry for this version.
first_year=$(git -C "$repo" log --reverse --format=%cd --date=format:%Y 2>/dev/null | sed -n 1p)
last_year=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y)
years=${first_year:-$last_year}
[ "$years" = "$last_year" ] || years=$years-$last_year
{
  printf 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n'
  printf 'Upstream-Name: pgseq\nSource: https://github.com/pgseq/pgseq\n\n'
  printf 'Files: *\nCopyright: %s pgseq contributors\nLicense: MIT\n' "$years"
  tail -n +3 "$repo/LICENSE" | sed 's/^$/./; s/^/ /'
} >"$src/debian/copyright"
maintainer=$(sed -n 's/^Maintainer: //p' "$src/debian/control")
cat >"$src/debian/changelog" <<CHANGES
pgseq ($version) unstable; urgency=medium

  * Release $version; the changes are in the Changelog section of README.md.

 -- $maintainer  $(date -u -R -d "@$SOURCE_DATE_EPOCH")
CHANGES

# A man page per command, from the program's own help. A subcommand's page is made through a wrapper named
# pgseq-COMMAND, so that help2man titles it pgseq-COMMAND(1), as git does with git-commit(1).
mkdir "$src/man" "$stage/help"
# summary HELP: the first sentence of a --help's description, as a man page's NAME line wants it.
summary() {
  awk '/^Description:/ { getline; sub(/^ +/, ""); print; exit }' <<<"$1" \
    | sed -E 's/^pgseq //; s/[.:;].*//; s/^./\L&/'
}
commands=$("$executable" --help | awk '/^Commands:/ { listed = 1; next } listed && /^  [a-z]/ { print $1 }')
see_also=".BR pgseq (1)"
for command in $commands; do see_also+=$',\n'".BR pgseq-$command (1)"; done
printf '[SEE ALSO]\n%s\n' "$see_also" >"$stage/help/see-also"
help2man --no-info --no-discard-stderr --version-string="$version" --section=1 --include="$stage/help/see-also" \
  --name="$(summary "$("$executable" --help)")" --output="$src/man/pgseq.1" "$executable"
for command in $commands; do
  wrapper=$stage/help/pgseq-$command
  printf '#!/bin/sh\nexec %q %q "$@"\n' "$executable" "$command" >"$wrapper"
  chmod 755 "$wrapper"
  help2man --no-info --no-discard-stderr --version-string="$version" --section=1 --include="$stage/help/see-also" \
    --name="$(summary "$("$executable" "$command" --help)")" --output="$src/man/pgseq-$command.1" "$wrapper"
done

(cd "$src" && dpkg-buildpackage --build=binary --no-sign >"$stage/build.log" 2>&1) \
  || { cat "$stage/build.log" >&2; echo "error: dpkg-buildpackage failed (its output is above)" >&2; exit 1; }
deb=pgseq_${version}_amd64.deb
cp "$stage/$deb" "$out/$deb"

# Lintian's verdict on the package: errors fail the build; the warnings kept are in docs/install.md.
lintian --fail-on error --info "$out/$deb" >&2
echo "$out/$deb"
