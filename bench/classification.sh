#!/usr/bin/env bash
# Classification at scale: the cost of marking imported rows stale (trigger on/off, COUNT rows through
# BatchRegistration.registerImported in one transaction), the background worker's rate, and a policy activation
# reclassifying everything. Fresh embedded database each run.
#   bench/classification.sh                # 100,000 rows
#   COUNT=20000 bench/classification.sh
# Not part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/.."
OFFLINE=${OFFLINE:-}   # OFFLINE=-o once the dependencies are local
./mvnw -B -ntp $OFFLINE -q test-compile
./mvnw -B -ntp $OFFLINE -q org.apache.maven.plugins:maven-dependency-plugin:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
echo "date: $(date -I), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB"
exec java -Xmx3g -Dcount="${COUNT:-100000}" \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.qingyuan.ledger.internal.ClassificationBenchmark
