#!/usr/bin/env bash
# Imports the commentary-watch data views, visualisations and dashboards into Kibana through its saved-objects
# API (POST /api/saved_objects/_import?overwrite=true). Safe to run again: objects keep their ids and are replaced.
#
# Environment:
#   KIBANA_URL        Kibana's base URL (default http://localhost:5601), including the space when not the default
#                     one, e.g. http://kibana:5601/s/analysts
#   KIBANA_USERNAME   with KIBANA_PASSWORD: basic authentication (leave both unset when security is off)
#   KIBANA_PASSWORD
#   KIBANA_API_KEY    alternatively: an API key (the base64 "id:key" form), sent as "Authorization: ApiKey ..."
#   KIBANA_WAIT       seconds to wait for Kibana to report "available" first (default 300; 0: do not wait)
#   KIBANA_INSECURE   "true" to accept a self-signed certificate (curl -k)
# Arguments: optional NDJSON files to import instead of the bundled commentary-watch.ndjson.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
url="${KIBANA_URL:-http://localhost:5601}"
url="${url%/}"
wait_seconds="${KIBANA_WAIT:-300}"
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$here/commentary-watch.ndjson")

curl_args=(--silent --show-error)
[ "${KIBANA_INSECURE:-false}" = "true" ] && curl_args+=(--insecure)
if [ -n "${KIBANA_API_KEY:-}" ]; then
  curl_args+=(--header "Authorization: ApiKey ${KIBANA_API_KEY}")
elif [ -n "${KIBANA_USERNAME:-}" ]; then
  curl_args+=(--user "${KIBANA_USERNAME}:${KIBANA_PASSWORD:-}")
fi

if [ "$wait_seconds" -gt 0 ]; then
  echo "[kibana-import] waiting up to ${wait_seconds}s for ${url} ..."
  deadline=$(( $(date +%s) + wait_seconds ))
  until curl "${curl_args[@]}" --max-time 5 "${url}/api/status" 2>/dev/null | grep -q '"level":"available"'; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "[kibana-import] Kibana at ${url} did not become available within ${wait_seconds}s" >&2
      exit 1
    fi
    sleep 5
  done
fi

status=0
for file in "${files[@]}"; do
  echo "[kibana-import] importing $file"
  response="$(curl "${curl_args[@]}" --max-time 120 --write-out '\n%{http_code}' \
    --request POST "${url}/api/saved_objects/_import?overwrite=true" \
    --header 'kbn-xsrf: commentary-watch' \
    --form "file=@${file};type=application/ndjson")"
  code="${response##*$'\n'}"
  body="${response%$'\n'*}"
  if [ "$code" = "200" ] && printf '%s' "$body" | grep -q '"success":true'; then
    count="$(printf '%s' "$body" | grep -o '"successCount":[0-9]*' | cut -d: -f2)"
    echo "[kibana-import] imported ${count:-?} objects from $(basename "$file")"
  else
    echo "[kibana-import] import of $file failed (HTTP $code): $body" >&2
    status=1
  fi
done
exit $status
