#!/usr/bin/env bash
# Starts the whole notice platform locally on embedded defaults (see README.md):
#   ./run.sh            build what is missing, start Kafka, MongoDB-wire server, provider simulator and the five services
#   ./run.sh --demo     … and seed demo-property with 40 residents and a notice with failures
#   ./run.sh --build    rebuild everything first
#   ./run.sh --instances 2   two of each service and of the gateway (the second on its first's port + 100)
#   ./run.sh --brokers 3     a three-node Kafka cluster (9092-9094) instead of one broker
#   ./run.sh --only notice-service   start one component again (the rest already running)
# Ctrl-C (or SIGTERM) stops every process cleanly. Needs JDK 17+ and Maven 3.8+.
set -euo pipefail
cd "$(dirname "$0")"

jars=(local-kafka/target/local-kafka-exec.jar local-mongo/target/local-mongo-exec.jar
      provider-simulator/target/provider-simulator-exec.jar notice-service/target/notice-service-exec.jar
      resend-service/target/resend-service-exec.jar delivery-service/target/delivery-service-exec.jar
      history-service/target/history-service-exec.jar gateway/target/gateway-exec.jar launcher/target/launcher.jar)
build=false
for arg in "$@"; do [ "$arg" = "--build" ] && build=true; done
for jar in "${jars[@]}"; do [ -f "$jar" ] || build=true; done
if $build; then
  echo "building (mvn -DskipTests install)…"
  mvn -B -q -DskipTests install
fi
args=()
for arg in "$@"; do [ "$arg" = "--build" ] || args+=("$arg"); done
exec java -Xmx128m -cp launcher/target/launcher.jar com.propty.launcher.LocalPlatform "${args[@]+"${args[@]}"}"
