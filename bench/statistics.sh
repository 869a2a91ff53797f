#!/usr/bin/env bash
# Statistics and reports at a district's scale: fills a persistent embedded database under target/bench-statistics
# (once) with 50,000 enterprises of the home district over two years of history (versions, classification records,
# 40,000 cases with about 500,000 steps), then prints the p95 of the district's statistics by town for a past date over
# HTTP beside its SQL's own execution time, and the time to prepare a town's monthly submission.
#   bench/statistics.sh                 # 50,000 enterprises
#   COUNT=10000 bench/statistics.sh     # a smaller run (use another DATA_DIR)
# Not part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/.."
OFFLINE=${OFFLINE:-}   # OFFLINE=-o once the dependencies are local
./mvnw -B -ntp $OFFLINE -q test-compile
./mvnw -B -ntp $OFFLINE -q org.apache.maven.plugins:maven-dependency-plugin:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx2g -Dcount="${COUNT:-50000}" -DdataDir="${DATA_DIR:-target/bench-statistics}" \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.qingyuan.statistics.internal.StatisticsBenchmark
