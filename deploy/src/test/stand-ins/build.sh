#!/usr/bin/env bash
# Builds stand-ins for the public images the Dockerfile and docker-compose.yml name, for a
# machine that reaches no container registry: debian:bookworm-slim made by debootstrap from apt's
# own mirror, the others on top of it from Debian's packages (see each Dockerfile's first lines).
# Each is tagged with the name it stands in for; one that exists already is kept.
# Usage: build.sh WORKDIR (scratch space). Needs podman and debootstrap; CONTAINERS_CONF as the
# caller sets it. Prints one line per image.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$1
mkdir -p "$work"

base=docker.io/library/debian:bookworm-slim
if ! podman image exists "$base"; then
  # The mirror is read from apt's sources at run time: no mirror's name is written down here.
  mirror=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1)
  [ -n "$mirror" ] || mirror=$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list)
  rootfs="$work/rootfs"
  rm -rf "$rootfs"
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  # As the slim image: no package lists, caches, documentation or locales.
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
    "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
    "$rootfs"/usr/share/locale/* "$rootfs"/var/log/*.log
  tar -C "$rootfs" -c . | podman import -q - "$base" >/dev/null
  rm -rf "$rootfs"
  echo "stand-ins: $base (debootstrap)"
fi

# The Maven stand-in trusts what this host trusts beyond Debian's CAs (a proxy that re-signs).
ca="$work/extra-ca"
rm -rf "$ca" && mkdir -p "$ca"
cp /usr/local/share/ca-certificates/*.crt "$ca/" 2>/dev/null || true

for image in maven distroless-cc postgres redis prometheus alertmanager nginx; do
  dir="$here/$image"
  tag=$(sed -n 's/^# tag: //p' "$dir/Dockerfile")
  if podman image exists "$tag"; then
    continue
  fi
  context="$work/context-$image"
  rm -rf "$context" && cp -r "$dir" "$context"
  [ "$image" = maven ] && cp -r "$ca" "$context/extra-ca"
  podman build -q --format docker -t "$tag" "$context" >"$work/build-$image.log" 2>&1 \
    || { tail -30 "$work/build-$image.log" >&2; exit 1; }
  echo "stand-ins: $tag"
done
podman image prune -f >/dev/null
