#!/usr/bin/env bash
# Builds a container image of pgseq with Debian's buildah: FROM scratch, the NativeAOT executable and the three glibc
# files it is linked against (ldd: the loader, libc, libm), running as the unprivileged uid 65532. No shell, no
# package manager, no OpenSSL: connections use sslmode disable or prefer (a server without TLS), as .NET loads
# libssl only when a connection asks for TLS. Writes artifacts/pgseq-VERSION.oci.tar (an OCI archive for
# `podman load`, `skopeo copy` or a registry) and tags localhost/pgseq:VERSION. See docs/install.md.
#
#   packaging/container.sh [EXECUTABLE]   (default: the executable of artifacts/PgSeq.Cli.linux-x64.*.nupkg)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out=$repo/artifacts
command -v buildah >/dev/null 2>&1 \
  || { echo "error: buildah not found; install Debian's buildah package (apt-get install -y buildah)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/pgseq-container.XXXXXX")
container=""
cleanup() {
  if [ -n "$container" ]; then buildah rm "$container" >/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ $# -ge 1 ]; then
  executable=$(realpath "$1")
else
  packages=("$out"/PgSeq.Cli.linux-x64.*.nupkg)
  [ -f "${packages[0]}" ] || { echo "error: no PgSeq.Cli.linux-x64 package in $out; run packaging/build.sh first" >&2; exit 1; }
  unzip -q -j "${packages[0]}" tools/any/linux-x64/pgseq -d "$work"
  executable=$work/pgseq
  chmod 755 "$executable"
fi
version=$("$executable" --version)

container=$(buildah from scratch)
buildah copy --chmod 755 "$container" "$executable" /usr/bin/pgseq >/dev/null
# The shared libraries the executable names, at the paths the loader looks for them.
for library in $(ldd "$executable" | awk '$2 == "=>" { print $3 } $1 ~ /^\// { print $1 }'); do
  buildah copy "$container" "$(readlink -f "$library")" "$library" >/dev/null
done
buildah config --user 65532:65532 --entrypoint '["/usr/bin/pgseq"]' --cmd '["--help"]' \
  --label org.opencontainers.image.title=pgseq --label org.opencontainers.image.version="$version" \
  --label org.opencontainers.image.source=https://github.com/pgseq/pgseq "$container"
buildah commit --quiet "$container" "localhost/pgseq:$version" >/dev/null
mkdir -p "$out"
rm -f "$out/pgseq-$version.oci.tar"
buildah push --quiet "localhost/pgseq:$version" "oci-archive:$out/pgseq-$version.oci.tar:pgseq:$version"
echo "$out/pgseq-$version.oci.tar"
