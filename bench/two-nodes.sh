#!/usr/bin/env bash
# Drill: two nodes on one PostgreSQL (issue 22 §2; docs/operations.md "Faults"). Starts a PostgreSQL of its own (the
# embedded binaries, through platform.internal.StandaloneDatabase in the test classes), two nodes on ports 8184 and 8185 sharing one data
# directory (as a shared evidence volume would be), then checks:
#   1. a session opened on node A is valid on node B (Spring Session JDBC);
#   2. the daily sweep and the audit anchor, both scheduled every minute here, run once per minute across the nodes
#      (ShedLock): the referral sweep's log lines of both nodes are counted per minute;
#   3. an import posted to node A is run by exactly one node (its job row names it);
#   4. node A killed with kill -9 in the middle of a large import: nothing of it in the ledger, node B's sweep fails the
#      job (its lock is gone with A's connection), and the same workbook posted to node B imports.
#   WAIT=150 bench/two-nodes.sh        # how long to watch the schedules (seconds)
# Not part of ./mvnw verify (two application starts; about 3 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT_A=${PORT_A:-8184}; PORT_B=${PORT_B:-8185}; PG_PORT=${PG_PORT:-55422}; WAIT=${WAIT:-150}
WORK=${WORK:-/tmp/h22-two-nodes}; OFFLINE=${OFFLINE:-}
rm -rf "$WORK"; mkdir -p "$WORK"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT
./mvnw -B -ntp $OFFLINE -q test-compile
./mvnw -B -ntp $OFFLINE -q org.apache.maven.plugins:maven-dependency-plugin:build-classpath \
  -Dmdep.outputFile=target/ops.classpath -Dmdep.includeScope=runtime
./mvnw -B -ntp $OFFLINE -q org.apache.maven.plugins:maven-dependency-plugin:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.qingyuan.platform.internal.StandaloneDatabase \
  "$WORK/pg" "$PG_PORT" >"$WORK/pg.log" 2>&1 &
pids+=($!)
for i in $(seq 1 120); do grep -q READY "$WORK/pg.log" && break; sleep 1; done
node() { # name port
  SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:$PG_PORT/postgres SPRING_DATASOURCE_USERNAME=postgres \
  QINGYUAN_DEMO=true QINGYUAN_DATA_DIR="$WORK/data" SERVER_PORT=$2 \
  QINGYUAN_REFERRAL_SWEEP_CRON='0 * * * * *' QINGYUAN_AUDIT_ANCHOR_CRON='30 * * * * *' \
    java -Xmx768m -cp "target/classes:$(cat target/ops.classpath)" org.qingyuan.QingyuanApplication >"$WORK/$1.log" 2>&1 &
  pids+=($!)
}
up() { for i in $(seq 1 240); do curl -sf "localhost:$1/actuator/health" | grep -q '"UP"' && return 0; sleep 1; done; echo "node on $1 not up"; exit 1; }
node a "$PORT_A"; pid_a=$!; up "$PORT_A"; node b "$PORT_B"; up "$PORT_B"
echo "both nodes up at $(date -u +%T)"
psql() { command psql -qAtX -h localhost -p "$PG_PORT" -U postgres postgres -c "$1"; }

# 1. session across nodes
jar="$WORK/cookies"
token=$(curl -s -c "$jar" -b "$jar" "localhost:$PORT_A/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -c "$jar" -b "$jar" -o /dev/null -X POST "localhost:$PORT_A/login" --data-urlencode username=district \
  --data-urlencode password=Qingyuan@2026 --data-urlencode "_csrf=$token"
on_b=$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' "localhost:$PORT_B/api/v1/enterprises?size=1")
echo "1. session of node A used on node B: HTTP $on_b (200 = the session survives switching nodes)"

# 3. an import posted to A, run by exactly one node
curl -s -c "$jar" -b "$jar" -o "$WORK/template.xlsx" "localhost:$PORT_A/api/v1/imports/template.xlsx"
xsrf=$(awk '$6=="XSRF-TOKEN"{print $7}' "$jar" | tail -1)
curl -s -b "$jar" -H "X-XSRF-TOKEN: $xsrf" -F "file=@$WORK/template.xlsx" -F layout=template -F mode=valid-rows \
  "localhost:$PORT_A/api/v1/imports" -o /dev/null -w '3. import posted to node A: HTTP %{http_code}\n'
sleep 5
echo "   import jobs by node and state: $(psql "SELECT string_agg(node || ' ' || state, ', ') FROM sheet_import")"

# 2. schedules: once per minute across both nodes
echo "   watching the schedules for $WAIT s …"
sleep "$WAIT"
runs_a=$(grep -c "Referral sweep:" "$WORK/a.log" || true); runs_b=$(grep -c "Referral sweep:" "$WORK/b.log" || true)
minutes=$(cat "$WORK/a.log" "$WORK/b.log" | grep "Referral sweep:" | cut -c1-16 | sort | uniq -c | awk '$1>1' | wc -l)
echo "2. referral sweep runs: node A $runs_a, node B $runs_b; minutes with more than one run: $minutes (0 = once-only)"
echo "   shedlock: $(psql "SELECT string_agg(name || ' by ' || locked_by, '; ') FROM shedlock")"
echo "   audit anchors in the database: $(psql "SELECT count(*) FROM audit_anchor"), lines in anchors.log: $(cat "$WORK/data/audit/anchors.log" 2>/dev/null | wc -l)"

# 4. node A killed (kill -9) in the middle of a large import; node B fails its job and imports the same workbook
KILL_ROWS=${KILL_ROWS:-60000}
java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.qingyuan.sheets.BenchLedgers "$KILL_ROWS" 杀进程演练 \
  "$WORK/kill.xlsx"
big() { # port
  curl -s -b "$jar" -H "X-XSRF-TOKEN: $xsrf" -F "file=@$WORK/kill.xlsx" -F layout=survey-ledger -F mode=valid-rows \
    "localhost:$1/api/v1/imports" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2
}
job=$(big "$PORT_A")
for i in $(seq 1 600); do
  [ "$(psql "SELECT accepted_rows > 0 FROM sheet_import WHERE id = $job")" = t ] && break; sleep 0.1
done
echo "4. import $job of $KILL_ROWS rows on node A: $(psql "SELECT state || ', ' || accepted_rows || ' rows accepted so far' FROM sheet_import WHERE id = $job")"
kill -9 "$pid_a"; killed=$(date +%s.%N)
echo "   node A killed with kill -9 at $(date -u +%T)"
sleep 1
echo "   enterprises of the import in the ledger: $(psql "SELECT count(*) FROM enterprise WHERE name LIKE '杀进程演练%'")"
for i in $(seq 1 900); do
  [ "$(psql "SELECT state FROM sheet_import WHERE id = $job")" = FAILED ] && break; sleep 0.1
done
echo "   job $job after $(echo "$(date +%s.%N) - $killed" | bc | cut -c1-5) s: $(psql "SELECT state || ' — ' || message FROM sheet_import WHERE id = $job")"
grep -h "was left running by a node that stopped" "$WORK/b.log" | cut -c1-24,90- | head -1 | sed 's/^/   node B: /'
again=$(big "$PORT_B"); started=$(date +%s.%N)
for i in $(seq 1 1800); do
  s=$(psql "SELECT state FROM sheet_import WHERE id = $again"); [ "$s" = COMMITTED ] || [ "$s" = FAILED ] && break; sleep 0.2
done
echo "   the same workbook posted to node B: job $again $(psql "SELECT state || ' by ' || node || ', ' || accepted_rows || ' rows' FROM sheet_import WHERE id = $again") in $(echo "$(date +%s.%N) - $started" | bc | cut -c1-5) s; in the ledger: $(psql "SELECT count(*) FROM enterprise WHERE name LIKE '杀进程演练%'")"
