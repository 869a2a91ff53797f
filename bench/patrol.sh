#!/usr/bin/env bash
# Patrols at a town's scale (issue 16): fills a persistent embedded database under target/bench-patrol (once) with a
# town of 10,000 enterprises, 200 grids and members, and 30 days of patrols with 1,000,000 check-ins, then prints the
# p95 of the town's coverage by grid and of a grid member's daily list over HTTP.
#   bench/patrol.sh                       # 10,000 enterprises, 1,000,000 check-ins
#   COUNT=2000 CHECK_INS=100000 DATA_DIR=target/bench-patrol-small bench/patrol.sh
# Not part of ./mvnw verify. Run it from a worktree of its own: recompiling target/classes under it breaks it.
set -euo pipefail
cd "$(dirname "$0")/.."
OFFLINE=${OFFLINE:-}
./mvnw -B -ntp $OFFLINE -q test-compile
./mvnw -B -ntp $OFFLINE -q org.apache.maven.plugins:maven-dependency-plugin:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx2g -Dcount="${COUNT:-10000}" -DcheckIns="${CHECK_INS:-1000000}" -DdataDir="${DATA_DIR:-target/bench-patrol}" \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.qingyuan.patrol.PatrolBenchmark
