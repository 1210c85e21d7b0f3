#!/usr/bin/env bash
# Issue 5's fault suite, full profile: the whole platform as real processes on random ports, 5,000 recipients,
# kill -9 of delivery-service / notice-service / history-service, a Kafka restart, a 60 s SendGrid outage, replayed
# results and forged webhooks. Prints the table at the end; exits non-zero when a row is not exact.
#   scripts/fault-suite.sh                 # full profile
#   scripts/fault-suite.sh --small         # the profile mvn verify runs (300 recipients, 15 s outage)
#   FAULT_RECIPIENTS=1000 FAULT_OUTAGE_SECONDS=30 scripts/fault-suite.sh
set -euo pipefail
cd "$(dirname "$0")/.."
profile=full
[[ "${1:-}" == "--small" ]] && profile=small
if [[ "${FAULT_SKIP_BUILD:-}" != "1" ]]; then
  mvn -B -q -DskipTests install
fi
args=(-Dfault.profile="$profile")
[[ -n "${FAULT_RECIPIENTS:-}" ]] && args+=(-Dfault.recipients="$FAULT_RECIPIENTS")
[[ -n "${FAULT_OUTAGE_SECONDS:-}" ]] && args+=(-Dfault.outage-seconds="$FAULT_OUTAGE_SECONDS")
exec mvn -B -pl system-tests test -Dtest=FaultSuiteTest -Dsurefire.failIfNoSpecifiedTests=false \
  -DtrimStackTrace=false "${args[@]}"
