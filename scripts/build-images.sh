#!/usr/bin/env bash
# Builds the exporters' container images from the root Dockerfile with buildah, on a machine without a Docker
# engine and without access to a container registry, then runs one image with podman and scrapes it.
#
#   scripts/build-images.sh                       # base images (once), every module's image, smoke run
#   scripts/build-images.sh --modules redis-exporter --no-smoke
#   scripts/build-images.sh --save dist/images    # also write `docker load`-able tarballs
#   options: --rebuild-base (debootstrap again), --base-only, --keep-layers (keep the layer cache; vfs is big)
#
# Base images: the Dockerfile names the public base images through build args (BUILD_IMAGE, RUNTIME_IMAGE). Here
# there is no registry, so this script makes two local stand-ins with debootstrap from the machine's own Debian
# mirror (read from /etc/apt at run time; no host name is written in this repo):
#   localhost/exporter-suite/jre-base:17    Debian minbase + openjdk-17-jre-headless           (runtime stage)
#   localhost/exporter-suite/maven-base:17  Debian minbase + openjdk-17-jdk-headless + maven   (build stage)
# The build stage runs Maven with the host's network, as the machine's Maven is set up.
#
# Needs root and the Debian packages buildah, podman, debootstrap, runc (apt-get install them).
# Container settings this machine needs (vfs storage, runc, cgroupfs, explicit ulimits) are the defaults below and
# can be overridden with the environment variables of the same meaning.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

MODULES_DEFAULT="mysql-exporter redis-exporter oracle-exporter kafka-exporter"
MODULES=""
SMOKE=1
SAVE_DIR=""
REBUILD_BASE=0
KEEP_LAYERS=0
BASE_ONLY=0
STORAGE_DRIVER=${STORAGE_DRIVER:-vfs}
RUNTIME=${CONTAINER_RUNTIME:-runc}
CGROUP_MANAGER=${CGROUP_MANAGER:-cgroupfs}
SUITE=${DEBIAN_SUITE:-bookworm}
WORK=${BUILD_IMAGES_WORK:-/var/tmp/exporter-suite-images}
JRE_BASE=localhost/exporter-suite/jre-base:17
MAVEN_BASE=localhost/exporter-suite/maven-base:17
# The name configs/docker-compose.yml uses; "localhost/" keeps Docker and podman from looking for it in a registry.
IMAGE_REPO=${EXPORTER_IMAGE_REPO:-localhost/exporter-suite}

usage() { sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --modules) MODULES="$2"; shift 2 ;;
    --modules=*) MODULES="${1#*=}"; shift ;;
    --no-smoke) SMOKE=0; shift ;;
    --save) SAVE_DIR="$2"; shift 2 ;;
    --save=*) SAVE_DIR="${1#*=}"; shift ;;
    --rebuild-base) REBUILD_BASE=1; shift ;;
    --base-only) BASE_ONLY=1; shift ;;
    --keep-layers) KEEP_LAYERS=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "build-images: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done
MODULES=${MODULES:-$MODULES_DEFAULT}

log() { printf '\n== %s  %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { echo "build-images: $*" >&2; exit 1; }

bah() { buildah --storage-driver "$STORAGE_DRIVER" "$@"; }
pod() { podman --storage-driver "$STORAGE_DRIVER" --runtime "$RUNTIME" --cgroup-manager "$CGROUP_MANAGER" "$@"; }

for tool in buildah podman debootstrap; do
  command -v "$tool" >/dev/null || die "$tool is missing: apt-get install buildah podman debootstrap runc"
done
[ "$(id -u)" = 0 ] || die "run as root (debootstrap and rootful buildah/podman)"

# The Debian mirror this machine's apt uses: first deb822 'URIs:' of a .sources file, else the first 'deb' line.
debian_mirror() {
  local f uri=""
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    grep -qE '^Suites:.*\b'"$SUITE"'\b' "$f" || continue
    uri=$(awk '/^URIs:/ {print $2; exit}' "$f")
    [ -n "$uri" ] && break
  done
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(awk -v s="$SUITE" '$1 == "deb" && $0 ~ s { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' \
      /etc/apt/sources.list)
  fi
  [ -n "$uri" ] || die "no Debian mirror for $SUITE found in /etc/apt"
  echo "$uri"
}

# A minbase Debian root file system with the given packages, imported as an image.
make_base() {
  local image=$1; shift
  local packages="$*"
  if [ "$REBUILD_BASE" = 0 ] && bah inspect --type image "$image" >/dev/null 2>&1; then
    log "base image $image already present"
    return
  fi
  local mirror rootfs
  mirror=$(debian_mirror)
  rootfs="$WORK/rootfs-$(echo "$image" | tr '/:' '__')"
  log "debootstrap $SUITE (minbase) for $image from the machine's apt mirror"
  rm -rf "$rootfs"
  mkdir -p "$rootfs"
  debootstrap --variant=minbase --components=main "$SUITE" "$rootfs" "$mirror" > "$WORK/debootstrap.log" 2>&1 \
    || { tail -n 30 "$WORK/debootstrap.log" >&2; die "debootstrap failed (log: $WORK/debootstrap.log)"; }
  # Keep the image's apt pointed at the same mirror, so derived images can install packages too.
  printf 'deb %s %s main\ndeb %s %s-updates main\n' "$mirror" "$SUITE" "$mirror" "$SUITE" > "$rootfs/etc/apt/sources.list"
  log "installing $packages into $image"
  mount -t proc proc "$rootfs/proc"
  trap 'umount "$rootfs/proc" 2>/dev/null || true' RETURN
  chroot "$rootfs" /usr/bin/env DEBIAN_FRONTEND=noninteractive LC_ALL=C bash -c \
    "apt-get update -qq && apt-get install -y -qq --no-install-recommends $packages >/dev/null \
     && apt-get clean && rm -rf /var/lib/apt/lists/*" \
    || die "package install into $image failed"
  umount "$rootfs/proc"
  trap - RETURN
  tar --numeric-owner -C "$rootfs" -c . | pod import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["/bin/bash"]' - "$image" >/dev/null
  rm -rf "$rootfs"
  log "base image $image ready"
}

mkdir -p "$WORK"
make_base "$JRE_BASE" openjdk-17-jre-headless ca-certificates
make_base "$MAVEN_BASE" openjdk-17-jdk-headless maven ca-certificates
[ "$BASE_ONLY" = 1 ] && exit 0

VERSION=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -n1)
REVISION=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
CREATED=$(date -u +%Y-%m-%dT%H:%M:%SZ)

port_of() {
  case "$1" in
    mysql-exporter) echo 9104 ;;
    redis-exporter) echo 9121 ;;
    kafka-exporter) echo 9308 ;;
    oracle-exporter) echo 9161 ;;
    *) die "unknown module $1" ;;
  esac
}

# Maven in the build stage uses this machine's network as it is: the same trust store as the host's own Maven,
# in case the network re-signs TLS with a local CA.
trust=()
[ -f /etc/ssl/certs/java/cacerts ] && trust=(-v /etc/ssl/certs/java/cacerts:/etc/ssl/certs/java/cacerts:ro)

for module in $MODULES; do
  [ -f "$module/pom.xml" ] || die "no module $module in $ROOT"
  log "building image $IMAGE_REPO/$module:$VERSION"
  bah build --format docker --network host --layers "${trust[@]}" \
    --build-arg MODULE="$module" \
    --build-arg EXPORTER_PORT="$(port_of "$module")" \
    --build-arg BUILD_IMAGE="$MAVEN_BASE" \
    --build-arg RUNTIME_IMAGE="$JRE_BASE" \
    --build-arg VERSION="$VERSION" \
    --build-arg REVISION="$REVISION" \
    --build-arg CREATED="$CREATED" \
    -t "$IMAGE_REPO/$module:$VERSION" -t "$IMAGE_REPO/$module:latest" \
    -f Dockerfile .
done

# vfs storage copies the whole file system for every layer: drop the untagged intermediate images (the build
# cache) unless --keep-layers. The Maven cache mount survives, so a rebuild still downloads nothing.
if [ "$KEEP_LAYERS" = 0 ]; then
  log "removing intermediate images (keep them with --keep-layers)"
  bah rmi --prune >/dev/null || true
fi

if [ -n "$SAVE_DIR" ]; then
  mkdir -p "$SAVE_DIR"
  for module in $MODULES; do
    log "saving $SAVE_DIR/$module-$VERSION.tar (docker-archive, for docker load)"
    rm -f "$SAVE_DIR/$module-$VERSION.tar"
    pod save --format docker-archive -o "$SAVE_DIR/$module-$VERSION.tar" "$IMAGE_REPO/$module:$VERSION"
  done
fi

[ "$SMOKE" = 1 ] || exit 0
exec "$ROOT/scripts/smoke-image.sh" "$(echo "$MODULES" | awk '{print $1}')"
