#!/usr/bin/env bash
# The load harness (issue 22 §1): signed-in demo officials send a mixed workload (the home page, ledger list and search, enterprise,
# cases, board, statistics, now and then an export and a registration) to a platform already running on localhost,
# bounded in time and requests; prints count, errors, p50/p95/p99 per kind and requests/s.
#   QINGYUAN_DATA_DIR=/tmp/load-data SERVER_PORT=8184 ./mvnw spring-boot:run     # in another terminal
#   PORT=8184 USERS=50 DURATION=60 REQUESTS=100000 bench/load.sh
# WARMUP: seconds of the same traffic sent first and not recorded (a fresh JVM compiles meanwhile); THINK: mean think time per user in ms (exponential; 0 = each user sends its next request at once); KINDS: only these
# request kinds (comma-separated, e.g. ledger-list); ANONYMOUS=true: no sign-in (the ceiling, bench/ceiling.sh);
# SERVER_PID and PG_PORT: sample the platform's heap (jstat) and the database's connections and size every SAMPLE s.
# Sends traffic to localhost only. Not part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/.."
OFFLINE=${OFFLINE:-}
./mvnw -B -ntp $OFFLINE -q test-compile
./mvnw -B -ntp $OFFLINE -q org.apache.maven.plugins:maven-dependency-plugin:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java ${JAVA_OPTS:-} -Dport="${PORT:-8080}" -Dusers="${USERS:-10}" -Dseconds="${DURATION:-30}" \
  -Drequests="${REQUESTS:-10000}" -Dwarmup="${WARMUP:-0}" -Dthink="${THINK:-0}" -Dkinds="${KINDS:-}" -Danonymous="${ANONYMOUS:-false}" \
  -Dpid="${SERVER_PID:-0}" -DpgPort="${PG_PORT:-0}" -Dsample="${SAMPLE:-10}" -Ddistrict="${DISTRICT:-410108}" -Dvillage="${VILLAGE:-410108001001}" \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.qingyuan.LoadHarness
