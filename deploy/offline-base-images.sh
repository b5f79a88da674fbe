#!/usr/bin/env bash
# Local check only, for a machine that reaches Debian's archive but no container registry: builds
# stand-ins for the two base images the Dockerfiles name (python:3.11-slim-bookworm and
# node:20-bookworm-slim) from a debootstrapped Debian 12, so `docker build` works offline.
# They are NOT the official images: Debian's Python 3.11.2 in /usr/bin instead of python.org's 3.11.x
# in /usr/local, and this host's own Node 20 binary. Never push them; `docker rmi` them afterwards.
#   sudo deploy/offline-base-images.sh [WORKDIR]   (needs debootstrap, docker, and Node 20 on the host)
set -euo pipefail
WORK="${1:-/var/tmp/invoiceme-base-images}"
ROOTFS="$WORK/bookworm"
mkdir -p "$WORK"
if [ ! -x "$ROOTFS/bin/bash" ]; then
    debootstrap --variant=minbase bookworm "$ROOTFS" http://deb.debian.org/debian
fi
cat > "$ROOTFS/etc/apt/sources.list" <<'LIST'
deb http://deb.debian.org/debian bookworm main
deb http://deb.debian.org/debian bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
LIST
# A TLS-inspecting proxy's CA (if this host trusts one) must be trusted inside the builds too.
mkdir -p "$ROOTFS/usr/local/share/ca-certificates"
cp /usr/local/share/ca-certificates/*.crt "$ROOTFS/usr/local/share/ca-certificates/" 2>/dev/null || true
tar -C "$ROOTFS" -c . | docker import \
    -c 'ENV PIP_CERT=/etc/ssl/certs/ca-certificates.crt NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
    - invoiceme-standin/debian:bookworm

python_context="$WORK/python" && mkdir -p "$python_context"
cat > "$python_context/Dockerfile" <<'DOCKERFILE'
FROM invoiceme-standin/debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-venv python3-dev \
    ca-certificates && update-ca-certificates && rm -rf /var/lib/apt/lists/* && ln -s /usr/bin/python3 /usr/local/bin/python
ENV LANG=C.UTF-8
CMD ["python3"]
DOCKERFILE
DOCKER_BUILDKIT=0 docker build --network host -t python:3.11-slim-bookworm "$python_context"

node_context="$WORK/node" && mkdir -p "$node_context"
node_bin="$(command -v node)"
npm_dir="$(dirname "$(readlink -f "$(command -v npm)")")/.."
"$node_bin" -e 'process.exit(process.versions.node.startsWith("20.") ? 0 : 1)' || {
    echo "the host's node is not Node 20"; exit 1; }
rm -rf "$node_context/npm" && cp "$node_bin" "$node_context/node" && cp -r "$npm_dir" "$node_context/npm"
cat > "$node_context/Dockerfile" <<'DOCKERFILE'
FROM invoiceme-standin/debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates \
    && update-ca-certificates && rm -rf /var/lib/apt/lists/*
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
    && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx
CMD ["node"]
DOCKERFILE
DOCKER_BUILDKIT=0 docker build --network host -t node:20-bookworm-slim "$node_context"
docker images | grep -E 'invoiceme-standin|python|node'
