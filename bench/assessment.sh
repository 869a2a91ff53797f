#!/usr/bin/env bash
# The quarterly assessment at scale: fills a persistent embedded database under target/bench-assessment (once) with
# 4,000,000 rows of history in 20 towns of 滨海新区 (rectification cases with their steps, patrol check-ins, report
# submissions), then prints the p50/p95 of computing last quarter's inputs as of the cut-off (every contributor), their
# SM3 digest and the ranking of the district's towns.
#   bench/assessment.sh                   # 4,000,000 rows
#   ROWS=1000000 bench/assessment.sh      # a smaller run (use another DATA_DIR)
# Not part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/.."
OFFLINE=${OFFLINE:-}   # OFFLINE=-o once the dependencies are local
./mvnw -B -ntp $OFFLINE -q test-compile
./mvnw -B -ntp $OFFLINE -q org.apache.maven.plugins:maven-dependency-plugin:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx2g -Drows="${ROWS:-4000000}" -DdataDir="${DATA_DIR:-target/bench-assessment}" \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.qingyuan.assessment.internal.AssessmentBenchmark
