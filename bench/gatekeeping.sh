#!/usr/bin/env bash
# Gatekeeping lookups at a million enterprises (issue 18): fills a persistent embedded database under
# target/bench-gatekeeping (once) with COUNT enterprises, 15 % of them in 惠济区 (every one with a credit code and a
# site point), then drives GET /api/v1/gatekeeping/lookup with a department's bearer token from THREADS clients for
# SECONDS per way and prints lookups/s and p50/p95/p99 by credit code and by coordinates.
#   bench/gatekeeping.sh
#   COUNT=100000 DATA_DIR=target/bench-gatekeeping-small bench/gatekeeping.sh
#   AWAIT_READS=true bench/gatekeeping.sh      # each lookup answered only once its audit record is committed
# Not part of ./mvnw verify. Run it from a worktree of its own: recompiling target/classes under it breaks it.
set -euo pipefail
cd "$(dirname "$0")/.."
OFFLINE=${OFFLINE:-}
./mvnw -B -ntp $OFFLINE -q test-compile
./mvnw -B -ntp $OFFLINE -q org.apache.maven.plugins:maven-dependency-plugin:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx2g -DawaitReads="${AWAIT_READS:-false}" -Dcount="${COUNT:-1000000}" -Dthreads="${THREADS:-8}" -Dseconds="${SECONDS_PER_WAY:-20}" \
  -DdataDir="${DATA_DIR:-target/bench-gatekeeping}" \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.qingyuan.gatekeeping.GatekeepingBenchmark
