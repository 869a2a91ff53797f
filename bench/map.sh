#!/usr/bin/env bash
# The battle map and the home page at a province's scale (issue 20): fills a persistent embedded database under
# target/bench-map (once) with COUNT enterprises in Henan (default 1,000,000), 50,000 of them in 惠济区 410108, each with
# a site point, a classification and (four in five) a case with a deadline; then, as the district office over HTTP,
# prints p50 / p95 of the district's map data (server-clustered cells of the whole district, single markers of a
# street), of a filtered view, of the unplaced list and of the home page.
#   bench/map.sh
#   COUNT=100000 DATA_DIR=target/bench-map-small bench/map.sh
# Not part of ./mvnw verify. Run it from a worktree of its own: recompiling target/classes under it breaks it.
set -euo pipefail
cd "$(dirname "$0")/.."
OFFLINE=${OFFLINE:-}
./mvnw -B -ntp $OFFLINE -q test-compile
./mvnw -B -ntp $OFFLINE -q org.apache.maven.plugins:maven-dependency-plugin:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx2g -Dcount="${COUNT:-1000000}" -DdataDir="${DATA_DIR:-target/bench-map}" \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.qingyuan.map.MapBenchmark
