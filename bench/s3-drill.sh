#!/usr/bin/env bash
# Drill: the S3 evidence store (issue 22 §5; docs/operations.md §5 "S3") against a local S3-compatible server. Installs
# s3rver 3.7.1 from npm into target/s3rver (needs node and npm), starts it on 127.0.0.1:$S3_PORT with a data directory
# under /tmp, and runs evidence.internal.S3ObjectStoreTests and EvidenceS3Tests (skipped by ./mvnw verify, which has no S3 server):
# the store alone, then the platform uploading and downloading through it. Not part of CI: CI machines are not known to have node.
#   bench/s3-drill.sh                 # S3_PORT=8188 by default
#   S3_TEST_ENDPOINT=https://… S3_TEST_ACCESS_KEY=… S3_TEST_SECRET_KEY=… bench/s3-drill.sh   # a real service instead
set -euo pipefail
cd "$(dirname "$0")/.."
S3_PORT=${S3_PORT:-8188}
DATA=${DATA:-/tmp/h22b-s3rver}
pid=
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; }
trap cleanup EXIT
if [ -z "${S3_TEST_ENDPOINT:-}" ]; then
  command -v node >/dev/null || { echo "node is needed for s3rver (apt-get install nodejs npm)"; exit 2; }
  if [ ! -x target/s3rver/node_modules/.bin/s3rver ]; then
    mkdir -p target/s3rver
    npm install --prefix target/s3rver --no-audit --no-fund --silent s3rver@3.7.1
  fi
  rm -rf "$DATA"; mkdir -p "$DATA"
  target/s3rver/node_modules/.bin/s3rver -d "$DATA" -a 127.0.0.1 -p "$S3_PORT" --silent &
  pid=$!
  for _ in $(seq 1 50); do
    if (exec 3<>/dev/tcp/127.0.0.1/"$S3_PORT") 2>/dev/null; then break; fi
    sleep 0.2
  done
  export S3_TEST_ENDPOINT="http://127.0.0.1:$S3_PORT" S3_TEST_ACCESS_KEY=S3RVER S3_TEST_SECRET_KEY=S3RVER
  echo "s3rver $(target/s3rver/node_modules/.bin/s3rver --version 2>/dev/null || echo 3.7.1) on $S3_TEST_ENDPOINT"
fi
started=$(date +%s)
set +e
./mvnw -B -ntp -o test -Dtest='S3ObjectStoreTests,S3ObjectStoreFailureTests,EvidenceS3Tests' > target/s3-drill.log 2>&1
rc=$?
set -e
grep -a "Tests run:\|FAIL\|expected\|but was" target/s3-drill.log || true
echo "drill took $(( $(date +%s) - started )) s (log: target/s3-drill.log)"
exit $rc
