#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Where the JFR-only agent's cost goes: the Jackson round-trip workload without an agent, with the agent's
# bundled settings, and with two cheaper variants of them (jdk.OldObjectSample off; the allocation sample
# throttled to 150/s, the JDK default.jfc's rate). Interleaved rounds whose order rotates; prints each run and
# the median per-round ratio to `none`. See BENCHMARKS.md, "jfr against the 3% target".
#
# Needs `mvn -B -q package -DskipTests` at the repository root first.
# Environment: ROUNDS [8]  WARMUP seconds [10]  MEASURE seconds [15]  JAVA_HOME [the java on PATH]
set -euo pipefail

cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-8}
WARMUP=${WARMUP:-10}
MEASURE=${MEASURE:-15}
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
agent=reporter/target/heapwise-agent.jar
lib=bench/target/lib
cp="bench/target/heapwise-bench.jar:$(ls "$lib"/jackson-*.jar | tr '\n' ':')"
[[ -f "$agent" && -f bench/target/heapwise-bench.jar ]] || { echo "jfr-settings.sh: run 'mvn -B -q package -DskipTests' first" >&2; exit 1; }

work=$(mktemp -d /tmp/heapwise-jfr-settings-XXXXXX)
bundled=agent/src/main/resources/io/heapwise/agent/jfr/heapwise.jfc
python3 - "$bundled" "$work" <<'PY'
import re, sys
source, work = sys.argv[1], sys.argv[2]
text = open(source).read()
no_old = re.sub(r'(<event name="jdk\.OldObjectSample">\s*<setting name="enabled">)true', r'\1false', text)
slower = text.replace('<setting name="throttle">300/s</setting>', '<setting name="throttle">150/s</setting>')
assert no_old != text and slower != text, "the bundled settings changed: update this script"
open(work + "/no-old-object-sample.jfc", "w").write(no_old)
open(work + "/allocation-sample-150.jfc", "w").write(slower)
PY

declare -A options=(
  [none]=""
  [jfr]="-javaagent:$agent=out=$work/jfr.jfr,log=none"
  [no-old-object-sample]="-javaagent:$agent=out=$work/a.jfr,log=none,settings=$work/no-old-object-sample.jfc"
  [allocation-sample-150]="-javaagent:$agent=out=$work/b.jfr,log=none,settings=$work/allocation-sample-150.jfc"
)
order=(none jfr no-old-object-sample allocation-sample-150)
results="$work/results.txt"
for ((round = 1; round <= ROUNDS; round++)); do
  for variant in "${order[@]}"; do
    # shellcheck disable=SC2086 # the options are words
    ops=$("$java" -Xms512m -Xmx512m -XX:+UseG1GC ${options[$variant]} -cp "$cp" io.heapwise.bench.JacksonRoundTrip \
      "$WARMUP" "$MEASURE" 2>/dev/null | sed -n 's/.*opsPerSecond=\([0-9.]*\).*/\1/p')
    echo "$round $variant ${ops:-failed}" | tee -a "$results"
  done
  order=("${order[@]:1}" "${order[0]}")
done
python3 - "$results" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    round_, variant, ops = line.split()
    if ops != "failed":
        runs.setdefault(round_, {})[variant] = float(ops)
for variant in ["jfr", "no-old-object-sample", "allocation-sample-150"]:
    ratios = [r[variant] / r["none"] for r in runs.values() if variant in r and "none" in r]
    print(f"{variant:24} median per-round ratio {statistics.median(ratios):.3f}"
          f" (range {min(ratios):.3f} - {max(ratios):.3f}, {len(ratios)} rounds)")
PY
rm -f "$work"/*.jfr
