#!/usr/bin/env bash
# Lighthouse scores of the web workspace's main screens, signed in as a coordinator, on the running local system
# (./run-local.sh). Not part of the build: it needs the lighthouse npm package (12.x runs on Node 20) installed apart
# (mkdir -p /tmp/lh && (cd /tmp/lh && npm install lighthouse@12); LIGHTHOUSE_HOME=/tmp/lh) and Chromium.
#
#   CIVIC_PASSWORD=<from the READY banner> web-client/scripts/lighthouse.sh [gateway-url]
#
# Prints performance / accessibility / best practices / SEO per screen, mobile emulation (Lighthouse's default:
# a mid-range phone on a throttled 4G connection). Reports land in target/lighthouse/.
set -euo pipefail
gateway="${1:-http://localhost:8080}"
user="${CIVIC_USER:-coordinator}"
: "${CIVIC_PASSWORD:?set CIVIC_PASSWORD (the READY banner prints it)}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
out="$(dirname "$0")/../target/lighthouse"
mkdir -p "$out"
jar="$(mktemp)"
trap 'rm -f "$jar"' EXIT

# sign in the way a browser does: the gateway sends us to the identity service's page, we post the form with its
# CSRF token, and come back with the gateway's session cookie
login_page="$(mktemp)"
login_url="$(curl -s -L -c "$jar" -b "$jar" -o "$login_page" -w '%{url_effective}' "$gateway/oauth2/authorization/civic")"
csrf="$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' "$login_page" | head -1)"
rm -f "$login_page"
curl -s -o /dev/null -L -c "$jar" -b "$jar" --data-urlencode "username=$user" --data-urlencode "password=$CIVIC_PASSWORD" \
  --data-urlencode "_csrf=$csrf" "${login_url%%\?*}"
session="$(awk '$6 == "SESSION" { print $7 }' "$jar" | tail -1)"
[[ -n "$session" ]] || { echo "sign-in failed (no SESSION cookie from the gateway)" >&2; exit 1; }

node "$(dirname "$0")/lighthouse.mjs" "$gateway" "$session" "$out" dashboard people meetings inbox profile
