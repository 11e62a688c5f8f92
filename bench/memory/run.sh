#!/usr/bin/env bash
# Memory within the setting (run it as `./govpaas bench memory`): each catalog app deployed at the
# least memory its template allows, loaded through the gateway with wrk, its instance's highest
# resident memory against the setting. It starts its own Keycloak, PostgreSQL and platform, like
# the tests, and prints the figures.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
command -v wrk > /dev/null || { [[ $EUID -eq 0 ]] && apt-get install -y -q wrk > /dev/null; } \
  || { echo "needs wrk (apt-get install wrk)" >&2; exit 1; }
mvn -q -B -DskipTests install
mvn -q -B -f platform-core/pom.xml test -Dtest=MemoryWithinSettingBenchmark -Dgovpaas.test.groups=benchmark \
  -Dgovpaas.test.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false
cat platform-core/target/memory-within-setting.txt
