#!/usr/bin/env bash
# After `docker compose up`: signs a throw-away user up, uploads one file, waits until it is extracted.
#   deploy/smoke.sh http://localhost:8000 some-invoice.pdf
# Needs curl and python3 (for JSON). Exit 0 when the invoice reached extracted or needs_review.
set -euo pipefail
URL="${1:?usage: deploy/smoke.sh GATEWAY_URL FILE}"; FILE="${2:?usage: deploy/smoke.sh GATEWAY_URL FILE}"
json() { python3 -c "import json, sys; print(json.load(sys.stdin)$1)"; }
curl -fsS "$URL/health" >/dev/null || { echo "gateway not healthy: $(curl -sS "$URL/health")"; exit 1; }
email="smoke-$(date +%s)-$RANDOM@example.com"
token=$(curl -fsS -H 'Content-Type: application/json' \
    -d "{\"email\": \"$email\", \"password\": \"smoke-password-$RANDOM$RANDOM\"}" "$URL/api/auth/signup" \
    | json '["access_token"]')
started=$(date +%s.%N)
invoice=$(curl -fsS -H "Authorization: Bearer $token" -F "file=@$FILE" "$URL/api/invoices" | json '["id"]')
echo "uploaded $FILE as $invoice"
for _ in $(seq 1 240); do
    status=$(curl -fsS -H "Authorization: Bearer $token" "$URL/api/invoices/$invoice" | json '["status"]')
    case "$status" in
        extracted|needs_review)
            echo "$status after $(python3 -c "print(round($(date +%s.%N) - $started, 2))") s"; exit 0 ;;
        failed) echo "failed"; exit 1 ;;
    esac
    sleep 0.5
done
echo "still $status after 120 s"; exit 1
