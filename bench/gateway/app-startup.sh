#!/usr/bin/env bash
# JVM start-up of the sample app: from launching `java -jar` to its first 200 on the board page,
# median of N runs (default 5). Usage: bench/gateway/app-startup.sh [runs] [extra JVM options...]
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/gateway/common.sh

runs=${1:-5}; shift || true
jar=$(notice_board_jar)
java=$(find_java)
times=()
for ((i = 1; i <= runs; i++)); do
  port=$(free_port)
  start=$(date +%s%N)
  PORT=$port SERVER_ADDRESS=127.0.0.1 GOVPAAS_ROUTE_PATH=/apps/bench/notices/ \
    "$java" "$@" -jar "$jar" >/dev/null 2>&1 &
  pid=$!
  until curl -fso /dev/null "http://127.0.0.1:$port/apps/bench/notices/"; do sleep 0.02; done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  ms=$(((end - start) / 1000000))
  times+=("$ms")
  echo "run $i: ${ms} ms"
done
echo "median: $(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms (runs: ${times[*]})"
