#!/usr/bin/env bash
# The whole platform on this machine, without Docker: PostgreSQL (checked), a Kafka broker, a partner
# SFTP server, Azurite and the four services, then a table of where everything is. Ctrl-C stops it all.
#   ./run-local.sh            start and keep running
#   ./run-local.sh demo       ... and drive a scripted business day through the public APIs
#   ./run-local.sh --reset    start from empty data
#   ./run-local.sh --help
# Builds what is missing first (the service jars and the launcher, with ./mvnw).
set -euo pipefail
cd "$(dirname "$0")"
java_major=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' || true)
if [ -z "$java_major" ] || [ "${java_major%%.*}" -lt 17 ] 2>/dev/null; then
  echo "run-local.sh needs Java 17 or later on the PATH (found: ${java_major:-none}); e.g. sudo apt install openjdk-17-jdk" >&2
  exit 2
fi
launcher=deploy/local/target/local-platform.jar
stale=
for service in contract-service claims-service cancellation-service batch-export-service; do
  ls "$service"/target/"$service"-*-exec.jar >/dev/null 2>&1 || stale=1
done
# a source or build file changed since the last build: build again (Maven rebuilds only what it must)
if [ -z "$stale" ] && [ -f "$launcher" ]; then
  [ -n "$(find pom.xml ./*/pom.xml ./*/src deploy/local/pom.xml deploy/local/src examples/*/pom.xml examples/*/src \
      -newer "$launcher" -type f -print -quit 2>/dev/null)" ] && stale=1
else
  stale=1
fi
if [ -n "$stale" ]; then
  echo "== building (./mvnw -q -DskipTests package; a first build downloads dependencies)"
  ./mvnw -q -B -DskipTests package
fi
exec java -Xms64m -Xmx256m -XX:+UseSerialGC -jar "$launcher" "$@"
