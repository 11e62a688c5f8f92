# Shared helpers for the gateway benchmarks (sourced, not run).

# A JDK >= 21: JAVA_HOME first, then Debian's JVM directory.
find_java() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [[ -n $candidate && -x $candidate/bin/java ]] || continue
    local major
    major=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
    if [[ ${major%%.*} -ge 21 ]]; then
      echo "$candidate/bin/java"
      return
    fi
  done
  echo "no JDK 21 or newer found (set JAVA_HOME)" >&2
  exit 1
}

# The jar the platform runs: the one `mvn install` put in the local Maven repository.
notice_board_jar() {
  local jar=$HOME/.m2/repository/org/govpaas/apps/notice-board/0.1.0-SNAPSHOT/notice-board-0.1.0-SNAPSHOT.jar
  [[ -f $jar ]] || { echo "missing $jar: run mvn -DskipTests install first" >&2; exit 1; }
  echo "$jar"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

median() {
  sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
