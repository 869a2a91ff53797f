#!/usr/bin/env bash
# Restores a backup made by bench/backup.sh into a new or empty data directory, and checks every evidence object against
# its SM3 name. Then start the platform on it: QINGYUAN_DATA_DIR=<data-dir> ./mvnw spring-boot:run (the embedded
# database replays the WAL of the backup at its first start). For an external database restore database.dump with
# pg_restore (or your PITR base backup) first (docs/operations.md).
#   bench/restore.sh <backup-dir> <empty data-dir>
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: bench/restore.sh <backup-dir> <data-dir>" >&2; exit 2; }
backup=$(realpath -m "$1"); data=$(realpath -m "$2")
OFFLINE=${OFFLINE:-}
./mvnw -B -ntp $OFFLINE -q compile
./mvnw -B -ntp $OFFLINE -q org.apache.maven.plugins:maven-dependency-plugin:build-classpath \
  -Dmdep.outputFile=target/ops.classpath -Dmdep.includeScope=runtime
java -cp "target/classes:$(cat target/ops.classpath)" org.qingyuan.platform.internal.DataBackup restore "$backup" "$data"
