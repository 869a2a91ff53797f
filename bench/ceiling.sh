#!/usr/bin/env bash
# The ceiling of issue 22 §1: a bare JDK HttpServer + plain JDBC (org.qingyuan.LedgerCeiling, no framework) answering
# the ledger list with the platform's own statement, against the same database; bench/load.sh then measures it with
# KINDS=ledger-list ANONYMOUS=true. Compare with the platform's ledger-list alone (KINDS=ledger-list). TOTAL=false: the
# page alone, without counting the district for its total (the platform keeps that count, ledger.internal.ListTotals).
#   PG_PORT=$(sed -n 4p <data-dir>/postgres/postmaster.pid) CEILING_PORT=8199 bench/ceiling.sh &
#   PORT=8199 USERS=50 DURATION=60 KINDS=ledger-list ANONYMOUS=true bench/load.sh
# Listens on 127.0.0.1 only. Not part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/.."
OFFLINE=${OFFLINE:-}
./mvnw -B -ntp $OFFLINE -q test-compile
./mvnw -B -ntp $OFFLINE -q org.apache.maven.plugins:maven-dependency-plugin:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java ${JAVA_OPTS:--Xmx512m} -Dport="${CEILING_PORT:-8199}" -Dthreads="${THREADS:-16}" -Dtotal="${TOTAL:-true}" -Ddistrict="${DISTRICT:-410108}" \
  -Djdbc="jdbc:postgresql://localhost:${PG_PORT:?the database port}/qingyuan" \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.qingyuan.LedgerCeiling
