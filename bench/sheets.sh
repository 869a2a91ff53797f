#!/usr/bin/env bash
# Excel import and export at scale: generates survey ledgers (001 附件1) of 100,000 and
# 1,000,000 rows under target/bench-sheets, and prints for each the bare fastexcel-reader pass, the end-to-end
# import (rows/s and ratio to the bare reader, heap growth), the official-form export and a bare fastexcel writer.
#   bench/sheets.sh                  # 100,000 and 1,000,000 rows
#   ROWS=100000 bench/sheets.sh      # one size
# Not part of ./mvnw verify. The 1,000,000-row run takes several minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
OFFLINE=${OFFLINE:-}   # OFFLINE=-o once the dependencies are local
./mvnw -B -ntp $OFFLINE -q test-compile
./mvnw -B -ntp $OFFLINE -q org.apache.maven.plugins:maven-dependency-plugin:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java ${JAVA_OPTS:-} -Xmx${HEAP:-2g} -Drows="${ROWS:-100000,1000000}" -Ddir="${DIR:-target/bench-sheets}" \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.qingyuan.sheets.SheetsBenchmark
