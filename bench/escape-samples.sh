#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# The escape-analysis samples (io.heapwise.samples.escape.EscapeSamples) on one JDK: for every planted sample, its
# fixed twin and every decoy, the bytes its workload thread allocates per unit of work after the warm-up
# (ThreadMXBean's exact per-thread count, SampleRun --warmup), and what the JIT's jdk.CompilerInlining events say
# about the call on the object's path (a second run, under JFR's profile settings plus that event, which they leave
# off). Prints a Markdown table. See BENCHMARKS.md, "Escape-analysis samples".
#
# Needs the samples jar: `mvn -B -q -pl samples package -DskipTests` at the repository root first.
# Environment (defaults in brackets): JAVA_HOME [the java on PATH]  SECONDS_PER_RUN [5]  WARMUP seconds [2]
#   JFR_SECONDS [3]  (the inlining run; 0 skips it)
set -euo pipefail

cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${SECONDS_PER_RUN:-5}
WARMUP=${WARMUP:-2}
JFR_SECONDS=${JFR_SECONDS:-3}
bin="${JAVA_HOME:+$JAVA_HOME/bin/}"
java="${bin}java"
jfr="${bin}jfr"
jar=samples/target/heapwise-samples.jar
[[ -f "$jar" ]] || { echo "escape-samples.sh: run 'mvn -B -q -pl samples package -DskipTests' first" >&2; exit 1; }

work=$(mktemp -d /tmp/heapwise-escape-samples-XXXXXX)
trap 'rm -rf "$work"' EXIT

# The messages of the C1 and C2 compiler threads' jdk.CompilerInlining events whose callee is CALL (Class.method) and
# whose caller is in the samples, e.g. "C2: hot method too big; C1: callee is too large".
inlining_messages() {
  local recording=$1 call=$2
  "$jfr" print --json --events jdk.CompilerInlining "$recording" > "$work/inlining.json"
  python3 - "$work/inlining.json" "$call" <<'PY'
import json, sys
events = json.load(open(sys.argv[1]))["recording"]["events"]
owner, name = sys.argv[2].rsplit(".", 1)
seen = {"C2": [], "C1": []}
for event in events:
    values = event["values"]
    callee, caller = values["callee"], values["caller"]
    if callee["name"] != name or callee["type"].rsplit("/", 1)[-1] != owner:
        continue
    if not caller["type"]["name"].startswith("io/heapwise/samples/"):
        continue
    thread = (values.get("eventThread") or {}).get("javaName") or ""
    compiler = "C2" if thread.startswith("C2 ") else "C1" if thread.startswith("C1 ") else thread or "?"
    messages = seen.setdefault(compiler, [])
    if values["message"] not in messages:
        messages.append(values["message"])
print("; ".join(f"{c}: {', '.join(m) if m else '(no event)'}" for c, m in seen.items()))
PY
}

version=$("$java" -version 2>&1 | head -n 1)
echo "JDK: $version"
echo "Runs: --seconds $SECONDS_PER_RUN --warmup $WARMUP; inlining from a ${JFR_SECONDS}s run under settings=profile,+jdk.CompilerInlining#enabled=true"
echo
echo "| reason | variant | class | bytes per unit after warm-up | unit | call on the object's path | JIT inlining messages at that call |"
echo "| --- | --- | --- | ---: | --- | --- | --- |"
"$java" -cp "$jar" io.heapwise.samples.escape.EscapeSamples > "$work/catalogue.tsv"
while IFS=$'\t' read -r role class reason call _; do
  simple=${class##*.}
  output=$("$java" -cp "$jar" "$class" --seconds "$SECONDS_PER_RUN" --warmup "$WARMUP")
  per_unit=$(sed -n 's/^heapwise-sample-steady: .* bytesPerWork=\([0-9.]*\).*/\1/p' <<< "$output")
  unit=$(sed -n "s/^$simple: [^0-9]*[0-9,]* \\(.*\\) in [0-9.]* s (checksum .*/\\1/p" <<< "$output")
  messages="-"
  if [[ "$call" != - && "$JFR_SECONDS" != 0 ]]; then
    "$java" "-XX:StartFlightRecording:filename=$work/$simple.jfr,settings=profile,+jdk.CompilerInlining#enabled=true" \
      -cp "$jar" "$class" --seconds "$JFR_SECONDS" > /dev/null 2>&1
    messages=$(inlining_messages "$work/$simple.jfr" "$call")
    rm -f "$work/$simple.jfr"
  fi
  echo "| $reason | $role | $simple | ${per_unit:-failed} | ${unit:-?} | $call | $messages |"
done < "$work/catalogue.tsv"
