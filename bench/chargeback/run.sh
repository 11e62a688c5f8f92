#!/usr/bin/env bash
# Chargeback rating benchmark (run it as `./govpaas bench chargeback`): closes a month of ~10
# million usage samples (230 apps, 50 departments, one sample a minute) into statements, beside a
# month of ~1 million in the same run, 5 closes each, and prints the medians and the heap's growth.
# It starts its own Keycloak, PostgreSQL and platform, like the tests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
mvn -q -B -DskipTests install
mvn -q -B -f platform-core/pom.xml test -Dtest=RatingBenchmark -Dgovpaas.test.groups=benchmark \
  -Dgovpaas.test.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false
cat platform-core/target/chargeback-rating.txt
