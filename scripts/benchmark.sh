#!/usr/bin/env bash
# Throughput benchmark of the whole platform (see README "Performance"): starts every process on random ports (it runs
# beside ./run.sh), creates N residents, sends them a notice by email and SMS, resends the failures, prints a Markdown
# table and writes it to benchmark/target/benchmark-<N>.md.
#   scripts/benchmark.sh                          N = 20,000 residents (40,000 channel deliveries)
#   scripts/benchmark.sh --residents 5000         a smaller run
#   scripts/benchmark.sh --env TWILIO_PERMITS_PER_SECOND=1000   any service/simulator variable, for tuning runs
# Builds the service jars first if one is missing (mvn -DskipTests install). Needs JDK 17+ and Maven 3.8+.
set -euo pipefail
cd "$(dirname "$0")/.."
offline=${MAVEN_OFFLINE:-}   # MAVEN_OFFLINE=-o once the dependencies are cached
for jar in local-kafka/target/local-kafka-exec.jar local-mongo/target/local-mongo-exec.jar \
           provider-simulator/target/provider-simulator-exec.jar notice-service/target/notice-service-exec.jar \
           resend-service/target/resend-service-exec.jar delivery-service/target/delivery-service-exec.jar \
           history-service/target/history-service-exec.jar gateway/target/gateway-exec.jar; do
  if [ ! -f "$jar" ]; then
    echo "building the platform (mvn -DskipTests install)…"
    mvn -B -q $offline -DskipTests install
    break
  fi
done
mvn -B -q $offline -pl launcher,benchmark -DskipTests install
exec java -Xmx256m -jar benchmark/target/benchmark-exec.jar "$@"
