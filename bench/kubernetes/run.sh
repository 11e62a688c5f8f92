#!/usr/bin/env bash
# Kubernetes reconcile benchmark (run it as `./govpaas bench kubernetes`): 500 apps in 50
# departments applied through the Kubernetes runtime against the fabric8 mock API server; API
# requests and writes per app and the time of each full pass, median of RUNS (default 5) runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
mvn -q -B -f k8s-integration/pom.xml test -Dtest=KubernetesReconcileBenchmark -Druns="${RUNS:-5}" \
  -Dgovpaas.test.groups=benchmark -Dgovpaas.test.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false
cat k8s-integration/target/kubernetes-reconcile.txt
