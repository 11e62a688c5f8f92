#!/usr/bin/env bash
# Gateway overhead: the same page fetched directly from an app instance, through nginx (the
# reference reverse proxy, started here in front of the same instance), through a minimal
# event-loop proxy in a JVM (event-loop-proxy/, the same design as nginx's) and through the
# platform's gateway, wrk -t2 -c32 -d10s, RUNS (default 5) times each, alternating; then one
# request at a time (p99 added); then, with --harness, again with the app pinned to a core of its
# own.
#
#   bench/gateway/run.sh DIRECT_URL GATEWAY_URL   against a running platform (see README.md)
#   bench/gateway/run.sh --harness                starts a notice-board instance and a platform
#                                                 whose directory routes /apps/bench/notices/ to it
#   bench/gateway/run.sh --citizen-services       starts Keycloak and the platform, deploys each
#                                                 citizen service and runs this script against one
#                                                 of its public pages (GatewayOnCitizenServicesBenchmark)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/gateway/common.sh

if [[ ${1:-} == --citizen-services ]]; then
  mvn -q -B -DskipTests install
  mvn -q -B -f platform-core/pom.xml test -Dtest=GatewayOnCitizenServicesBenchmark -Dgovpaas.test.groups=benchmark \
    -Dgovpaas.test.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false
  echo; echo "figures: platform-core/target/gateway-citizen-services.txt"
  exit 0
fi

RUNS=${RUNS:-5}
DURATION=${DURATION:-10s}
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

command -v wrk >/dev/null || { echo "installing wrk (Debian package)"; apt-get install -y wrk >/dev/null; }
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || { echo "installing nginx (Debian package)"; apt-get install -y nginx-light >/dev/null; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

wait_for() {
  local url=$1 deadline=$((SECONDS + 180))
  until curl -fso /dev/null "$url"; do
    ((SECONDS < deadline)) || { echo "no 200 from $url after 180 s" >&2; exit 1; }
    sleep 0.2
  done
}

# Prints "requests_per_second p99_ms p50_ms" for one wrk run: 32 connections (the machine
# saturated), or with a second argument of 1, one request at a time (latency without queueing).
# WRK_CPUS, when set, confines wrk to those CPUs (the pinned pass below).
measure() {
  local connections=${2:-32} threads=2
  ((connections > 1)) || threads=1
  ${WRK_CPUS:+taskset -c "$WRK_CPUS"} wrk -t$threads -c"$connections" -d"$DURATION" --latency "$1" | awk '
    function ms(v,  unit) { unit = v; gsub(/[0-9.]/, "", unit); sub(/[a-z]+$/, "", v)
                            return (unit == "us") ? v / 1000 : (unit == "s") ? v * 1000 : v }
    /Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx responses/ { bad = $NF }
    END { if (bad > 0) { print "wrk saw " bad " non-2xx answers" > "/dev/stderr"; exit 1 }
          printf "%s %.3f %.3f\n", rps, p99, p50 }'
}

start_harness() {
  local java jar app_port gw_port
  java=$(find_java)
  jar=$(notice_board_jar)
  app_port=$(free_port)
  PORT=$app_port SERVER_ADDRESS=127.0.0.1 GOVPAAS_ROUTE_PATH=/apps/bench/notices/ \
    "$java" -jar "$jar" >platform-core/target/bench-app.log 2>&1 &
  pids+=($!)

  echo "building the harness class path (platform-core test classes) ..."
  JAVA_HOME=$(dirname "$(dirname "$java")") mvn -q -B -o -pl platform-core -am test-compile \
    dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
  gw_port=$(free_port)
  # PLATFORM_JAVA_OPTS: JVM options for the platform only (the app keeps its own), to try one.
  "$java" ${PLATFORM_JAVA_OPTS:-} -cp "platform-core/target/test-classes:platform-core/target/classes:$(cat platform-core/target/bench-classpath.txt)" \
    org.govpaas.platform.gateway.GatewayBenchmarkHarness "$gw_port" "http://127.0.0.1:$app_port" \
    >platform-core/target/bench-platform.log 2>&1 &
  pids+=($!)
  APP_PID=${pids[0]} PLATFORM_PID=${pids[1]}
  DIRECT=http://127.0.0.1:$app_port/apps/bench/notices/
  GATEWAY=http://127.0.0.1:$gw_port/apps/bench/notices/
}

if [[ ${1:-} == --harness ]]; then
  start_harness
elif [[ $# -eq 2 ]]; then
  DIRECT=$1 GATEWAY=$2
else
  sed -n '2,12p' "$0" >&2
  exit 2
fi

# nginx in front of the same instance, as a plain reverse proxy would be set up: two workers,
# kept-alive upstream connections, the X-Forwarded headers the gateway sets too.
start_nginx() {
  local dir port upstream=${DIRECT#http://}
  dir=$(mktemp -d) port=$(free_port) upstream=${upstream%%/*}
  cat >"$dir/nginx.conf" <<CONF
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  upstream app { server $upstream; keepalive 64; }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$http_host;
    }
  }
}
CONF
  "$NGINX" -c "$dir/nginx.conf"
  nginx_pid_file=$dir/nginx.pid
  NGINX_URL=http://127.0.0.1:$port/${DIRECT#http://*/}
}
# The event-loop reference proxy (event-loop-proxy/EventLoopProxy.java), built here on its own.
start_event_loop_proxy() {
  local project=bench/gateway/event-loop-proxy java port upstream=${DIRECT#http://}
  upstream=${upstream%%/*} port=$(free_port) java=$(find_java)
  echo "building the event-loop reference proxy ..."
  JAVA_HOME=$(dirname "$(dirname "$java")") mvn -q -B -f "$project/pom.xml" package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt >/dev/null
  mkdir -p platform-core/target
  "$java" -cp "$project/target/classes:$(cat "$project/target/classpath.txt")" bench.EventLoopProxy \
    "$port" "${upstream%:*}" "${upstream##*:}" >platform-core/target/bench-event-loop.log 2>&1 &
  pids+=($!)
  EVENT_LOOP_PID=$!
  EVENT_LOOP_URL=http://127.0.0.1:$port/${DIRECT#http://*/}
}
stop_nginx() { [[ -f ${nginx_pid_file:-} ]] && kill "$(cat "$nginx_pid_file")" 2>/dev/null || true; }
trap 'cleanup; stop_nginx' EXIT

wait_for "$DIRECT"
wait_for "$GATEWAY"
start_nginx
wait_for "$NGINX_URL"
start_event_loop_proxy
wait_for "$EVENT_LOOP_URL"
declare -A URL=([direct]=$DIRECT [nginx]=$NGINX_URL [event-loop]=$EVENT_LOOP_URL [gateway]=$GATEWAY)
ROUTES=(direct nginx event-loop gateway)
echo "warming up all four paths (JIT) ..."
for route in "${ROUTES[@]}"; do DURATION=5s measure "${URL[$route]}" >/dev/null; done

# One pass: RUNS rounds of the four paths in turn (alternating, so that drift on the machine
# hits all four alike), each `measure URL CONNECTIONS`. Leaves each path's medians in MEDIAN,
# keyed "path.rps", "path.p99" and "path.p50".
declare -A MEDIAN
pass() {
  local connections=$1 label=$2 i route rps p99 p50 line key
  local -A seen=()
  for ((i = 1; i <= RUNS; i++)); do
    line="run $i $label:"
    for route in "${ROUTES[@]}"; do
      read -r rps p99 p50 < <(measure "${URL[$route]}" "$connections")
      seen[$route.rps]+="$rps " seen[$route.p99]+="$p99 " seen[$route.p50]+="$p50 "
      line+=" $route $rps req/s, p50 $p50 ms, p99 $p99 ms;"
    done
    echo "$line"
  done
  for key in "${!seen[@]}"; do
    MEDIAN[$key]=$(tr ' ' '\n' <<<"${seen[$key]}" | grep . | median)
  done
}

# Summaries of a pass, one line each, over every path (ROUTES, direct first): `medians KEY UNIT
# LABEL` (each path's median), `versus KEY LABEL` (each proxy against direct: its share of direct's
# throughput for rps, otherwise what it adds to direct's median of KEY, in ms).
medians() {
  local route line="$3, median:"
  for route in "${ROUTES[@]}"; do line+=" $route ${MEDIAN[$route.$1]} $2;"; done
  echo "$line"
}
versus() {
  local route line="$2:"
  for route in "${ROUTES[@]:1}"; do
    line+=$(awk -v r="$route" -v key="$1" -v p="${MEDIAN[$route.$1]}" -v d="${MEDIAN[direct.$1]}" 'BEGIN {
      if (key == "rps") printf " %s %.0f%% of direct;", r, 100 * p / d; else printf " %s %.2f ms;", r, p - d }')
  done
  echo "$line"
}

echo "goals: through the gateway at least 80 % of direct throughput, and p99 added one request at a time 2 ms or less"
echo
pass 32 saturated
echo
medians rps req/s "saturated throughput"
medians p99 ms "saturated p99"
versus rps "saturated throughput"
versus p99 "p99 added under saturation"

# Under saturation the p99 is set by queueing on the shared cores; one request at a time shows
# what a proxy itself adds to a citizen's wait.
echo
pass 1 "one at a time"
echo
medians p50 ms "one at a time, p50"
medians p99 ms "one at a time, p99"
versus p50 "one at a time, p50 added"
versus p99 "one at a time, p99 added"

# Third pass, harness only (the processes are known): the app on a core of its own, wrk and the
# proxy on the others. Direct, wrk has those cores to itself; through a proxy, the proxy competes
# with wrk, not with the app. Shows whether a proxy lowers what the app itself can serve when the
# host has a core to spare for the gateway.
cpus=$(nproc)
if [[ -z ${APP_PID:-} ]] || ((cpus < 2)) || ! command -v taskset >/dev/null; then
  echo; echo "pinned pass skipped (needs --harness, 2 or more CPUs and taskset)"
  exit 0
fi
app_cpu=$((cpus - 1)) others=0-$((cpus - 2))
pin() { local cpu=$1 pid; shift; for pid; do taskset -a -p -c "$cpu" "$pid" >/dev/null; done; }
pin "$app_cpu" "$APP_PID"
pin "$others" "$PLATFORM_PID" "$EVENT_LOOP_PID" "$(cat "$nginx_pid_file")" $(pgrep -P "$(cat "$nginx_pid_file")")
export WRK_CPUS=$others
echo
echo "pinned: the app on CPU $app_cpu; wrk and the proxies on CPU $others"
DURATION=5s measure "$GATEWAY" >/dev/null
pass 32 pinned
echo
medians rps req/s "pinned throughput"
versus rps "pinned throughput"
