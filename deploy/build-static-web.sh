#!/usr/bin/env bash
# Builds the web app alone for a static host (render.yaml's invoiceme-web; Cloudflare Pages, Netlify...):
#   API_URL=https://your-gateway.example bash deploy/build-static-web.sh
# Output: services/gateway/webapp/dist-static. Same steps as `make web-static`, without Debian packages
# or root: the API types come from the gateway's OpenAPI document, written by the gateway's own code
# when Python 3.11+ is at hand, otherwise fetched from the running gateway at $API_URL/openapi.json.
set -euo pipefail
: "${API_URL:?set API_URL to the public URL of the gateway, e.g. https://invoiceme-gateway.onrender.com}"
API_URL="${API_URL%/}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WEBAPP="$ROOT/services/gateway/webapp"
OPENAPI="$WEBAPP/generated/openapi.json"
mkdir -p "$WEBAPP/generated"

if python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    VENV="${TMPDIR:-/tmp}/invoiceme-openapi-venv"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "$ROOT[gateway]"
    "$VENV/bin/python" "$WEBAPP/scripts/dump_openapi.py" "$OPENAPI"
else
    echo "no Python 3.11+: taking the API document from $API_URL/openapi.json"
    curl --fail --silent --show-error --retry 5 --retry-all-errors "$API_URL/openapi.json" -o "$OPENAPI"
fi

cd "$WEBAPP"
npm ci --no-audit --no-fund --loglevel=error
npm run types --silent
npx tsc --noEmit
VITE_API_URL="$API_URL" WEBAPP_OUT_DIR=dist-static npx vite build --logLevel warn
# Hosts without rewrite rules: Netlify/Cloudflare read _redirects, GitHub Pages serves 404.html.
printf '/*  /index.html  200\n' > dist-static/_redirects
cp dist-static/index.html dist-static/404.html
echo "static site in $WEBAPP/dist-static (API: $API_URL)"
