#!/usr/bin/env bash
# Appointments under load (run it as `./govpaas bench appointments [BASE_URL]`): many signed-in
# citizens book the same slots at once; reports booking attempts and bookings per second
# (median of the runs) and the p99, and checks no overbooking and no 5xx.
#
#   ./govpaas bench appointments            starts the app itself (real PostgreSQL, test Keycloak)
#   ./govpaas bench appointments URL        against a deployed app, e.g. through the platform gateway:
#                                           http://localhost:8080/apps/civil-affairs/appointments/
#                                           (its citizens realm must allow self-registration)
# Environment: CITIZENS (default 50), RUNS (default 5), CAPACITY (default 3, own app only).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
mvn -q -B -DskipTests -pl identity,gov-apps/app-kit -am install
mvn -q -B -f gov-apps/appointments/pom.xml test -Dtest=AppointmentsLoadBenchmark \
  -Dgovpaas.test.groups=benchmark -Dgovpaas.test.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.url="${1:-}" -Dbench.citizens="${CITIZENS:-50}" -Dbench.runs="${RUNS:-5}" -Dbench.capacity="${CAPACITY:-3}"
grep '^run ' gov-apps/appointments/target/surefire-reports/*AppointmentsLoadBenchmark-output.txt || true
cat gov-apps/appointments/target/appointments-bench.txt
