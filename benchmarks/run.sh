#!/usr/bin/env bash
# One command for the contract-service performance run (benchmarks/README.md):
#   benchmarks/run.sh
# builds the jars; starts a Kafka broker process and contract-service (the built jar, with the
# shipped JVM flags of deploy/jvm/service.options) on a fresh database; runs the raw-PostgreSQL
# anchor (pgbench) and then the load from a process of its own; prints one table.
# Settings (environment): CLIENTS=8 SECONDS_CLOSED=20 WARMUP=300 (the most; it ends when steady) MIN_WARMUP=90 RATE=500 PACED=60 EVENTS_RATE=1000
# EVENTS_SECONDS=60 ANCHOR_SECONDS=20
# Needs PostgreSQL on 127.0.0.1:5432 (trust auth, user postgres) with pgbench, and Java 17.
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${CLIENTS:-8} SECONDS_CLOSED=${SECONDS_CLOSED:-20} WARMUP=${WARMUP:-300} MIN_WARMUP=${MIN_WARMUP:-90} RATE=${RATE:-500} PACED=${PACED:-60} EVENTS_RATE=${EVENTS_RATE:-1000} EVENTS_SECONDS=${EVENTS_SECONDS:-60}
ANCHOR_SECONDS=${ANCHOR_SECONDS:-20}
export PGHOST=127.0.0.1 PGUSER=postgres
db=fni_bench port=18081 broker_port=19092
work=benchmarks/target/run
mkdir -p "$work"
pids=()
cleanup() {
  for p in ${pids[@]+"${pids[@]}"}; do kill "$p" 2>/dev/null || true; done
  # a broker whose shutdown hangs must not outlive the run (it would hold the port of the next one)
  for _ in $(seq 20); do
    alive=0; for p in ${pids[@]+"${pids[@]}"}; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break; sleep 0.5
  done
  for p in ${pids[@]+"${pids[@]}"}; do kill -9 "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

echo "== build"
./mvnw -q -B -ntp -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
  -Dmdep.includeScope=runtime -pl benchmarks -am
cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"

echo "== fresh database $db"
psql -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
psql -q -v ON_ERROR_STOP=1 -d "$db" -f deploy/db/service-roles.sql

echo "== Kafka broker process on $broker_port"
java -Xmx512m -cp "$cp" com.fniexchange.bench.BrokerProcess "$broker_port" > "$work/broker.log" 2>&1 &
pids+=($!)
for _ in $(seq 120); do grep -q 'broker ready' "$work/broker.log" && break; sleep 0.5; done
grep -q 'broker ready' "$work/broker.log" || { echo "broker did not start; see $work/broker.log" >&2; exit 1; }

echo "== contract-service (built jar, deploy/jvm/service.options) on $port"
FNI_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" FNI_DB_ROLE=fni_contract FNI_KAFKA_BROKERS="127.0.0.1:$broker_port" PORT=$port \
  deploy/run-service.sh contract-service --spring.profiles.active=local \
  > "$work/service.log" 2>&1 &
service=$!
pids+=($service)
for _ in $(seq 180); do
  curl -fs "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null 2>&1 && break
  kill -0 "$service" 2>/dev/null || { echo "service exited; see $work/service.log" >&2; exit 1; }
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null || { echo "service not ready" >&2; exit 1; }

echo "== anchor: pgbench, $CLIENTS clients, ${ANCHOR_SECONDS}s"
psql -q -d "$db" -c "CREATE SCHEMA bench_anchor" \
  -c "CREATE TABLE bench_anchor.contract (LIKE contract.contract INCLUDING ALL)" \
  -c "CREATE TABLE bench_anchor.outbox_event (LIKE contract.outbox_event INCLUDING ALL)"
read -r pg_before _ < <(java -cp "$cp" com.fniexchange.bench.CpuShares)
pgbench -n -c "$CLIENTS" -j 2 -T "$ANCHOR_SECONDS" -f benchmarks/anchor.sql "$db" > "$work/pgbench.log" 2>&1
read -r pg_after _ < <(java -cp "$cp" com.fniexchange.bench.CpuShares)
anchor=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$work/pgbench.log" | head -1)
anchor_tx=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$work/pgbench.log" | head -1)
# PostgreSQL's CPU per anchor transaction (its backends end with pgbench: counted through the postmaster)
anchor_pg_ms=$(awk -v a="$pg_before" -v b="$pg_after" -v n="$anchor_tx" 'BEGIN { printf "%.3f", (b - a) / n }')
echo "anchor: $anchor tps, PostgreSQL CPU $anchor_pg_ms ms per transaction"

echo "== load: $CLIENTS connections closed loop ${SECONDS_CLOSED}s (after a warm-up until steady, ${MIN_WARMUP}s to ${WARMUP}s), then $RATE submissions/s for ${PACED}s, then $EVENTS_RATE events/s into the outbox for ${EVENTS_SECONDS}s"
token=$(deploy/local/dev-token.sh DEALER B1001 7200)
java -Xmx768m -cp "$cp" com.fniexchange.bench.SubmissionLoad base="http://127.0.0.1:$port" token="$token" \
  clients="$CLIENTS" seconds="$SECONDS_CLOSED" warmup="$WARMUP" minWarmup="$MIN_WARMUP" rate="$RATE" paced="$PACED" \
  eventsRate="$EVENTS_RATE" eventsSeconds="$EVENTS_SECONDS" \
  brokers="127.0.0.1:$broker_port" db="jdbc:postgresql://127.0.0.1:5432/$db" anchorTps="$anchor" anchorPgMs="$anchor_pg_ms" servicePid="$service"
echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1); everything on one host"
