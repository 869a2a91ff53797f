#!/usr/bin/env bash
# The ledger at scale: fills a persistent embedded database under target/bench-data with
# 1,000,000 enterprises over Henan's real divisions (COPY, once), then prints the p95 of the town-scoped
# list (page 1 and page 500) and of name searches over HTTP, each beside its SQL's own execution time.
#   bench/ledger-scale.sh                 # 1,000,000 rows
#   COUNT=100000 bench/ledger-scale.sh    # a smaller run
# Not part of ./mvnw verify. Takes a few minutes the first time (generation), about a minute afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
OFFLINE=${OFFLINE:-}   # OFFLINE=-o once the dependencies are local
./mvnw -B -ntp $OFFLINE -q test-compile
./mvnw -B -ntp $OFFLINE -q org.apache.maven.plugins:maven-dependency-plugin:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx3g -Dcount="${COUNT:-1000000}" -DdataDir="${DATA_DIR:-target/bench-data}" \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.qingyuan.ledger.internal.LedgerScaleBenchmark
