#!/usr/bin/env bash
# Drill: the S3 evidence store (issue 22 §5; docs/operations.md §5 "S3") against a signature-checking S3 server. The
# S3 tests start S3Proxy themselves (org.gaul:s3proxy from Maven Central, its self-contained jar copied to
# target/s3proxy/s3proxy.jar by the build; evidence.internal.LocalS3) on 127.0.0.1, a port of 8400–8499, and run in
# every ./mvnw verify too; this drill runs them alone, then measures the store's throughput (evidence.internal.S3Benchmark:
# 200 KiB and 8 MiB objects, 1 and 4 threads). Figures against the local S3Proxy are local, not a provider's.
#   bench/s3-drill.sh
#   S3_TEST_ENDPOINT=https://… S3_TEST_ACCESS_KEY=… S3_TEST_SECRET_KEY=… bench/s3-drill.sh   # a real service instead
#     (the account must be allowed to create buckets: each test makes its own, named qy-…)
set -euo pipefail
cd "$(dirname "$0")/.."
OFFLINE=${OFFLINE:-}   # OFFLINE=-o once the dependencies are local
started=$(date +%s)
set +e
./mvnw -B -ntp $OFFLINE test -Dtest='S3ObjectStoreTests,S3ObjectStoreFailureTests,BucketBackupTests,EvidenceS3Tests' \
  > target/s3-drill.log 2>&1
rc=$?
set -e
grep -a "Tests run:\|FAIL\|expected\|but was" target/s3-drill.log || true
echo "tests took $(( $(date +%s) - started )) s (log: target/s3-drill.log)"
[ $rc -eq 0 ] || exit $rc
./mvnw -B -ntp $OFFLINE -q org.apache.maven.plugins:maven-dependency-plugin:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
echo "date: $(date -I), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
exec java -Xmx1g -Dqingyuan.s3proxy.xmx=1g \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.qingyuan.evidence.internal.S3Benchmark
