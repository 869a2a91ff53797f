#!/usr/bin/env bash
# A supervision round over a district (issue 17): fills a persistent embedded database under target/bench-supervision
# (once) with 50,000 enterprises over the demo district's villages, three in five with a case, then prints the p50/p95
# over HTTP of drawing a round (freeze the population, SM3, stratified draw, store the tasks), of re-running it from
# the stored seed and list, and of the towns' estimates.
#   bench/supervision.sh
#   COUNT=5000 DATA_DIR=target/bench-supervision-small bench/supervision.sh
# Not part of ./mvnw verify. Run it from a worktree of its own: recompiling target/classes under it breaks it.
set -euo pipefail
cd "$(dirname "$0")/.."
OFFLINE=${OFFLINE:-}
./mvnw -B -ntp $OFFLINE -q test-compile
./mvnw -B -ntp $OFFLINE -q org.apache.maven.plugins:maven-dependency-plugin:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx2g -Dcount="${COUNT:-50000}" -DdataDir="${DATA_DIR:-target/bench-supervision}" \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.qingyuan.supervision.SupervisionBenchmark
