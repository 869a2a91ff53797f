#!/usr/bin/env bash
# Startup benchmark: cold start on an empty data directory, clean restart, restart after kill -9.
# Prints seconds to /actuator/health UP, the JVM's RSS after start, and the division load time.
# Usage: bench/startup.sh [jar]   (builds the jar with -DskipTests when none is given)
set -euo pipefail
cd "$(dirname "$0")/.."
jar="${1:-}"
if [ -z "$jar" ]; then
  ./mvnw -B -ntp -q -DskipTests package >/dev/null
  jar=$(ls target/qingyuan-*.jar | grep -v original | head -1)
fi
port="${BENCH_PORT:-18080}"
data=$(mktemp -d /tmp/qingyuan-bench.XXXXXX)
log="$data/app.log"
pid=""

start() {
  local t0; t0=$(date +%s.%N)
  QINGYUAN_DATA_DIR="$data" SERVER_PORT="$port" java -jar "$jar" >>"$log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "application died, see $log"; exit 1; }
    sleep 0.2
  done
  local t1; t1=$(date +%s.%N)
  printf '%-28s %6.1f s   RSS %5d MiB\n' "$1" "$(echo "$t1 - $t0" | bc)" "$(( $(ps -o rss= -p "$pid") / 1024 ))"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
start "cold start (empty data dir)"
grep -o "Loaded [0-9]* divisions in [0-9]* ms" "$log" | head -1 | sed 's/^/division load: /'
kill "$pid"; wait "$pid" 2>/dev/null || true
start "restart (clean stop before)"
kill -9 "$pid"; wait "$pid" 2>/dev/null || true
start "restart after kill -9"
kill "$pid"; wait "$pid" 2>/dev/null || true
rm -rf "$data"
