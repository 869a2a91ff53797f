#!/usr/bin/env bash
# Restores a backup made by bench/backup.sh into a new or empty data directory, and checks every evidence object against
# its SM3 name. Then start the platform on it: QINGYUAN_DATA_DIR=<data-dir> ./mvnw spring-boot:run (the embedded
# database replays the WAL of the backup at its first start). For an external database restore database.dump with
# pg_restore (or your PITR base backup) first (docs/operations.md).
# With QINGYUAN_EVIDENCE_STORE=s3 (and QINGYUAN_EVIDENCE_S3_* naming the target bucket, best a new empty one) the
# evidence objects go into that bucket instead of the data directory, each checked against its SM3 before it is sent
# and read back from the bucket afterwards; without it they go into <data-dir>/evidence/objects (a disk store), also
# from a backup of an S3 deployment.
#   bench/restore.sh <backup-dir> <empty data-dir>
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: bench/restore.sh <backup-dir> <data-dir>" >&2; exit 2; }
backup=$(realpath -m "$1"); data=$(realpath -m "$2")
OFFLINE=${OFFLINE:-}
./mvnw -B -ntp $OFFLINE -q compile
./mvnw -B -ntp $OFFLINE -q org.apache.maven.plugins:maven-dependency-plugin:build-classpath \
  -Dmdep.outputFile=target/ops.classpath -Dmdep.includeScope=runtime
if [ "${QINGYUAN_EVIDENCE_STORE:-file}" = s3 ]; then
  java -cp "target/classes:$(cat target/ops.classpath)" org.qingyuan.platform.internal.DataBackup restore "$backup" "$data" --objects-to-bucket
  java -cp "target/classes:$(cat target/ops.classpath)" org.qingyuan.evidence.internal.BucketBackup restore "$backup"
else
  java -cp "target/classes:$(cat target/ops.classpath)" org.qingyuan.platform.internal.DataBackup restore "$backup" "$data"
fi
