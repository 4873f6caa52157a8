#!/usr/bin/env bash
# Civic Taskforce on this machine, without Docker: a real Kafka broker (KRaft), a MongoDB-compatible
# store and an SMTP sink in one JVM, then every service and the gateway as their own processes, with
# sample data. Data stays in ./.devstack-data (delete it for a fresh start); logs in ./.devstack-data/logs.
# Ctrl-C stops everything. Ports and options: DEVSTACK_* variables (see devstack/README.md).
set -euo pipefail
cd "$(dirname "$0")"

modules=(membership-service research-service strategy-service notification-service identity-service gateway)
needs_build=false
for m in "${modules[@]}"; do
  jar="$m/target/$m.jar"
  sources=("$m/src/main" "$m/pom.xml")
  # the gateway's jar carries the web workspace
  [[ "$m" == gateway ]] && sources+=(web-client/src web-client/public web-client/index.html web-client/package-lock.json)
  if [[ ! -f "$jar" ]] || [[ -n "$(find "${sources[@]}" -newer "$jar" -print -quit 2>/dev/null)" ]]; then
    needs_build=true
  fi
done
main_class=devstack/target/classes/org/civictaskforce/devstack/DevstackMain.class
if [[ ! -f "$main_class" || ! -d devstack/target/lib || ! -f devstack/target/zipkin/zipkin-server.jar ]] \
   || [[ -n "$(find devstack/src/main devstack/pom.xml pom.xml event-contracts/src/main platform-kit/src/main document-renderer/src/main \
                -newer "$main_class" -print -quit 2>/dev/null)" ]]; then
  needs_build=true
fi

if [[ "$needs_build" == true || "${DEVSTACK_BUILD:-}" == "always" ]]; then
  echo "[devstack] building (./mvnw -q -B -DskipTests package) …"
  ./mvnw -q -B -DskipTests package
fi

# Kafka, the store and the mail sink live in this JVM: their live objects stay near 120 MB under load, and the serial
# collector grows the heap only as far as they need (G1 with -Xmx1g grew it to 1 GB; docs/benchmarks.md)
exec java -Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "devstack/target/classes:devstack/target/lib/*" org.civictaskforce.devstack.DevstackMain
