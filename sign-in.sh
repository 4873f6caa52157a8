#!/usr/bin/env bash
# Prints an access token (valid 5 minutes) for an account of the running devstack, for curl:
#   TOKEN=$(./sign-in.sh)                 # the bootstrap coordinator (password from .devstack-data)
#   TOKEN=$(CIVIC_PASSWORD=… ./sign-in.sh my-username)
#   curl -H "Authorization: Bearer $TOKEN" localhost:8080/api/membership/people
set -euo pipefail
cd "$(dirname "$0")"
exec java -cp "devstack/target/classes:devstack/target/lib/*" org.civictaskforce.devstack.SignInMain "$@"
