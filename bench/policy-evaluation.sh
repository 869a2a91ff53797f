#!/usr/bin/env bash
# Policy evaluation benchmark: evaluations per second of each shipped policy on ONE core
# (the JVM is pinned with taskset when available). Usage: bench/policy-evaluation.sh [seconds per policy]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q test-compile org.apache.maven.plugins:maven-dependency-plugin:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
pin=()
command -v taskset >/dev/null 2>&1 && pin=(taskset -c 0)
echo "date: $(date -I), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, pinned: ${pin[*]:-no}"
"${pin[@]}" java -XX:ActiveProcessorCount=1 -cp "$cp" org.qingyuan.policy.internal.EvaluationBenchmark "${1:-3}"
