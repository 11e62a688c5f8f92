#!/usr/bin/env bash
# Deploy-to-serving benchmark (run it as `./govpaas bench deploy`): from the API's POST to the
# first 200 through the gateway, for the sample app and each citizen service, 5 runs each, beside
# the app's own JVM start-up measured in the same run. It starts its own Keycloak, PostgreSQL and
# platform, like the tests, and prints the medians.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
mvn -q -B -DskipTests install
mvn -q -B -f platform-core/pom.xml test -Dtest=DeployToServingBenchmark -Dgovpaas.test.groups=benchmark \
  -Dgovpaas.test.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false
cat platform-core/target/deploy-to-serving.txt
