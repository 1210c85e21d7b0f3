#!/usr/bin/env bash
# Throughput benchmark of the whole platform (README "Performance", benchmark/README.md): starts every process on random
# ports (it runs beside ./run.sh), imports N residents, sends them a notice by email and SMS, times the manager's reads
# from 8 clients, resends the failures, measures the Kafka ceiling on the same broker, runs the history run, prints a
# Markdown table and writes target/bench/results.json.
#   scripts/benchmark.sh                       N = 10,000 and 50,000, then ten notices of 10,000 one after another
#   scripts/benchmark.sh --quick               N = 500, three history notices, 20 requests per client: checks it works
#   scripts/benchmark.sh --residents 3000      one size
#   scripts/benchmark.sh --jit c1 --env PROPTY_JIT_DELIVERY_SERVICE=full --env TWILIO_PERMITS_PER_SECOND=1000
# Packages the jars (mvn -o package, never install: nothing goes to ~/.m2) when one is missing or with --build.
set -euo pipefail
cd "$(dirname "$0")/.."
build=false
args=()
for arg in "$@"; do
  if [ "$arg" = "--build" ]; then build=true; else args+=("$arg"); fi
done
for jar in local-kafka/target/local-kafka-exec.jar local-mongo/target/local-mongo-exec.jar \
           provider-simulator/target/provider-simulator-exec.jar notice-service/target/notice-service-exec.jar \
           resend-service/target/resend-service-exec.jar delivery-service/target/delivery-service-exec.jar \
           history-service/target/history-service-exec.jar gateway/target/gateway-exec.jar \
           benchmark/target/benchmark-exec.jar; do
  [ -f "$jar" ] || build=true
done
if $build; then
  echo "packaging the platform (mvn -B -o package -DskipTests)…"
  mvn -B -q -o package -DskipTests
fi
exec java -Xmx384m -jar benchmark/target/benchmark-exec.jar "${args[@]+"${args[@]}"}"
