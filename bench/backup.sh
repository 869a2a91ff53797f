#!/usr/bin/env bash
# Backs up a running platform's data directory (docs/operations.md "Backup and restore"):
#   bench/backup.sh <data-dir> <backup-dir>        # e.g. bench/backup.sh ./data /backup/qingyuan-$(date +%F)
# With the embedded database: a base backup of the live cluster (PostgreSQL's low-level backup API), then the evidence
# objects, the import files and the audit anchors. With an external database (SPRING_DATASOURCE_URL set) the files only,
# plus a pg_dump of the database when a pg_dump of the server's major version is on the PATH; prefer PITR (the docs).
# With QINGYUAN_EVIDENCE_STORE=s3 (and the platform's QINGYUAN_EVIDENCE_S3_* variables) the evidence bucket's objects
# under objects/ are then copied into <backup-dir>/evidence/objects, each checked against its SM3 — after the database,
# as on disk: an object is stored before its row commits.
# The backup directory must be new or empty. Restore with bench/restore.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: bench/backup.sh <data-dir> <backup-dir>" >&2; exit 2; }
data=$(realpath -m "$1"); target=$(realpath -m "$2")
OFFLINE=${OFFLINE:-}
./mvnw -B -ntp $OFFLINE -q compile
./mvnw -B -ntp $OFFLINE -q org.apache.maven.plugins:maven-dependency-plugin:build-classpath \
  -Dmdep.outputFile=target/ops.classpath -Dmdep.includeScope=runtime
java -cp "target/classes:$(cat target/ops.classpath)" org.qingyuan.platform.internal.DataBackup backup "$data" "$target"
if [ "${QINGYUAN_EVIDENCE_STORE:-file}" = s3 ]; then
  java -cp "target/classes:$(cat target/ops.classpath)" org.qingyuan.evidence.internal.BucketBackup backup "$target"
fi
if [ -n "${SPRING_DATASOURCE_URL:-}" ]; then
  url=${SPRING_DATASOURCE_URL#jdbc:}
  PGUSER=${SPRING_DATASOURCE_USERNAME:-${PGUSER:-}} PGPASSWORD=${SPRING_DATASOURCE_PASSWORD:-${PGPASSWORD:-}} \
    pg_dump --format=custom --file="$target/database.dump" "$url"
  echo "database.dump written by $(pg_dump --version)" | tee -a "$target/BACKUP.txt"
fi
