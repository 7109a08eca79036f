#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Makes the analyzer-speed benchmark's input: one genuine recording of MB megabytes (default 600, at least 500) from
# one JVM under the Heapwise agent, never copies of a file joined together. The JVM runs MixedWorkload: 20 of the
# samples at once, each on its own thread (ThumbnailRenderer starts a thread per tile besides), so the recording has
# many threads, types and distinct stacks. It ends the JVM once JFR's repository holds MB of chunks.
#
# The agent's bundled settings throttle allocation samples to 300/s; this derives OUT_DIR/heapwise-big.jfc from them
# at run time with the throttle raised to THROTTLE and, with TLAB_EVENTS=true, jdk.ObjectAllocationInNewTLAB and
# jdk.ObjectAllocationOutsideTLAB on, and small fixed TLABs (TLAB_FLAGS) so that there are many more of both.
#
#   bench/big-recording.sh OUT_DIR [MB]
#
# Writes OUT_DIR/heapwise-big.jfr, OUT_DIR/heapwise-big.jfc and OUT_DIR/heapwise-big.txt (how it was made, its size,
# `jfr summary`, and the distinct stacks counted by RecordingFileWalk --distinct-stacks). Keep OUT_DIR outside the
# repository. Needs the bench jar (`mvn -B -q -pl bench -am package -DskipTests`), the agent and the samples jar.
#
# Environment (defaults in brackets): AGENT_JAR [reporter/target/heapwise-agent.jar]
#   SAMPLES_JAR [samples/target/heapwise-samples.jar]  THROTTLE [1000000/s]  TLAB_EVENTS [true]
#   TLAB_FLAGS ["-XX:-ResizeTLAB -XX:TLABSize=4k"]  HEAP_FLAGS ["-Xmx1g"]  MAX_SECONDS [900]  JAVA_HOME [java on PATH]
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)

die() {
  echo "big-recording.sh: $*" >&2
  exit 1
}
(($# >= 1 && $# <= 2)) || die "usage: bench/big-recording.sh OUT_DIR [MB]"
out_dir=$1
mb=${2:-600}
[[ "$mb" =~ ^[0-9]+$ ]] && ((mb >= 500)) || die "MB must be a whole number, at least 500 (got '$mb')"

AGENT_JAR=${AGENT_JAR:-$root/reporter/target/heapwise-agent.jar}
SAMPLES_JAR=${SAMPLES_JAR:-$root/samples/target/heapwise-samples.jar}
THROTTLE=${THROTTLE:-1000000/s}
TLAB_EVENTS=${TLAB_EVENTS:-true}
TLAB_FLAGS=${TLAB_FLAGS:--XX:-ResizeTLAB -XX:TLABSize=4k}
HEAP_FLAGS=${HEAP_FLAGS:--Xmx1g}
MAX_SECONDS=${MAX_SECONDS:-900}
bin="${JAVA_HOME:+$JAVA_HOME/bin/}"
java="${bin}java"
jfr="${bin}jfr"
bench_jar="$root/bench/target/heapwise-bench.jar"
jfc_source="$root/agent/src/main/resources/io/heapwise/agent/jfr/heapwise.jfc"

for f in "$AGENT_JAR" "$SAMPLES_JAR" "$bench_jar" "$jfc_source"; do
  [[ -f "$f" ]] || die "missing $f (build it, or set AGENT_JAR / SAMPLES_JAR)"
done
[[ "$TLAB_EVENTS" == true || "$TLAB_EVENTS" == false ]] || die "TLAB_EVENTS must be true or false"
mkdir -p "$out_dir"
out_dir=$(cd "$out_dir" && pwd)
case "$out_dir/" in
  "$root"/*) die "OUT_DIR $out_dir is inside the repository; keep big recordings out of it" ;;
esac
recording="$out_dir/heapwise-big.jfr"
settings="$out_dir/heapwise-big.jfc"
facts="$out_dir/heapwise-big.txt"
agent_log="$out_dir/heapwise-big.agent.log"
rm -f "$recording" "$agent_log"

# The event's <setting>s follow its <event> line; sed edits only within each event's block.
block() { # block EVENT: a sed address range for the event's block
  echo "/<event name=\"$1\">/,/<\/event>/"
}
tlab_enabled=$TLAB_EVENTS
enabled='s|<setting name="enabled">[^<]*<|<setting name="enabled">'$tlab_enabled'<|'
throttle='s|<setting name="throttle">[^<]*<|<setting name="throttle">'$THROTTLE'<|'
sed -e "$(block jdk.ObjectAllocationSample) $throttle" \
  -e "$(block jdk.ObjectAllocationInNewTLAB) $enabled" \
  -e "$(block jdk.ObjectAllocationOutsideTLAB) $enabled" \
  "$jfc_source" >"$settings"
grep -q "<setting name=\"throttle\">$THROTTLE<" "$settings" || die "could not set the throttle in $settings"
if [[ "$TLAB_EVENTS" == true ]]; then
  # The TLAB events have no stackTrace setting in the bundled file; JFR's default for them is on, as wanted.
  (($(grep -c '<setting name="enabled">true</setting>' "$settings") > \
    $(grep -c '<setting name="enabled">true</setting>' "$jfc_source"))) || die "could not enable the TLAB events"
fi

read -r -a tlab_flags <<<"$TLAB_FLAGS"
read -r -a heap_flags <<<"$HEAP_FLAGS"
command=("$java" "${heap_flags[@]}" "${tlab_flags[@]}"
  "-javaagent:$AGENT_JAR=out=$recording,settings=$settings,log=$agent_log"
  -cp "$SAMPLES_JAR:$bench_jar" io.heapwise.bench.MixedWorkload --seconds "$MAX_SECONDS" --until-mb "$mb")
echo "big-recording.sh: recording until JFR's repository holds $mb MB (at most $MAX_SECONDS s) into $recording"
start=$(date +%s)
"${command[@]}" >"$out_dir/heapwise-big.out" 2>&1 || die "the workload failed; see $out_dir/heapwise-big.out"
seconds=$(($(date +%s) - start))
grep -q "wrote $recording" "$agent_log" || die "the agent wrote no recording; see $agent_log"
bytes=$(stat -c %s "$recording")
((bytes >= 500 * 1024 * 1024)) || die "$recording has only $bytes bytes (< 500 MB): raise MAX_SECONDS"

echo "big-recording.sh: $bytes bytes in $seconds s; counting events and distinct stacks"
summary=$("$jfr" summary "$recording")
stacks=$("$java" -Xmx1g -cp "$bench_jar" io.heapwise.bench.RecordingFileWalk --distinct-stacks "$recording")
{
  echo "# heapwise-big.jfr, made $(date -u +%Y-%m-%dT%H:%M:%SZ) by bench/big-recording.sh $mb"
  echo "# commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "# java: $("$java" -version 2>&1 | head -n 1)"
  echo "# agent: $AGENT_JAR"
  echo "# settings: $settings (heapwise.jfc; jdk.ObjectAllocationSample throttle $THROTTLE; TLAB events $TLAB_EVENTS)"
  printf '# command:'
  printf ' %q' "${command[@]}"
  echo
  echo "bytes=$bytes mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }') recordingSeconds=$seconds"
  grep '^heapwise-mixed:' "$out_dir/heapwise-big.out" || true
  echo "$stacks"
  echo
  echo "$summary"
} >"$facts"
echo "big-recording.sh: wrote $recording and $facts"
grep -E '^(bytes=|heapwise-mixed:|events=)| Chunks:|jdk.ObjectAllocation' "$facts"
