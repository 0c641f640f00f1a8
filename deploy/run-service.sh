#!/usr/bin/env bash
# Runs a built service jar with the platform's JVM flags (deploy/jvm/service.options).
#   ./mvnw -q -DskipTests package && deploy/run-service.sh contract-service --spring.profiles.active=local
# Extra JVM flags: JAVA_OPTS. Configuration: the FNI_* environment variables each service README lists.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
service=${1:?usage: run-service.sh SERVICE [ARGS...]}
shift
jar=$(ls -t "$here/../$service/target/$service-"*-exec.jar 2>/dev/null | head -1)
if [ -z "$jar" ]; then
  echo "no built jar for $service: run ./mvnw -q -DskipTests package first" >&2
  exit 2
fi
# glibc's per-thread malloc arenas otherwise add tens of MB of RSS to a JVM with many threads
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
# a service's own options file, when it has one, comes after the shared flags (the later -Xmx wins)
own="$here/jvm/$service.options"
# shellcheck disable=SC2046
exec java $(grep -v '^\s*#' "$here/jvm/service.options" | xargs) \
  $( [ -f "$own" ] && grep -v '^\s*#' "$own" | xargs ) ${JAVA_OPTS:-} -jar "$jar" "$@"
