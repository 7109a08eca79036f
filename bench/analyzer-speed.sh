#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# The analyzer's speed on one big recording, against other readers of the same file, in whole JVMs: interleaved
# rounds whose order rotates, each tool a fresh process under /usr/bin/time (wall, user, sys, peak RSS), summarized
# by medians. See BENCHMARKS.md, "Analyzer speed on a 500+ MB recording". Make the recording with
# bench/big-recording.sh.
#
#   heapwise-1cpu  taskset -c 0 java -Xmx256m -jar heapwise.jar analyze FILE > /dev/null   (parse and all detectors)
#   heapwise-2cpu  the same on two CPUs (CPUS)
#   jfr-summary    jfr summary FILE
#   jfr-print      jfr print --events jdk.ObjectAllocationSample FILE > /dev/null
#   walk           RecordingFileWalk: a jdk.jfr.consumer.RecordingFile loop walking every frame of every event
#   jmc            JmcLoadAndRules: JMC 9.1.0's JfrLoaderToolkit.loadEvents plus all its rules
#   jfrconv        async-profiler's jfr-converter 4.1: java -cp jfr-converter.jar Main --alloc -o collapsed FILE OUT
#
#   bench/analyzer-speed.sh [--rounds N] [--tools LIST] [--heap SIZE] [--jmc-heap SIZE|auto] [--timeout S] RECORDING
#
# --rounds [5]; --tools, comma-separated [all of the above]; --heap, every JVM's -Xmx [256m]; --jmc-heap [auto: before
# the rounds, one JMC run at each of --heap, 1g, 2g, 4g and 8g until one completes (rows "probe"), and that heap for
# its rounds];
# --timeout, seconds per run [1800]. Every tool but heapwise-1cpu runs on CPUS. Before every run it waits while a
# Maven build runs (pgrep -f maven), then while other processes keep more than QUIET_CPUS CPUs busy (at most
# QUIET_WAIT s; the row's busyBefore column says how busy the CPUs were as the run started).
#
# Environment (defaults in brackets): HEAPWISE_JAR [cli/target/heapwise.jar]  CPUS [0,1]  JAVA_HOME [java on PATH]
#   QUIET_CPUS [0.3]  QUIET_WAIT [900]  RESULTS_DIR [bench/results]. Needs the bench jar and bench/target/lib
#   (`mvn -B -q -pl bench -am package -DskipTests`). Writes bench/results/analyzer-speed-STAMP.tsv (one row per run)
#   and .md (the medians' table).
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)

die() {
  echo "analyzer-speed.sh: $*" >&2
  exit 1
}
all_tools=(heapwise-1cpu heapwise-2cpu jfr-summary jfr-print walk jmc jfrconv)
ROUNDS=5
TOOLS=$(
  IFS=,
  echo "${all_tools[*]}"
)
HEAP=256m
JMC_HEAP=auto
TIMEOUT=1800
recording=
while (($# > 0)); do
  case "$1" in
    --rounds) ROUNDS=${2:?--rounds needs a number}; shift 2 ;;
    --tools) TOOLS=${2:?--tools needs a list}; shift 2 ;;
    --heap) HEAP=${2:?--heap needs a size}; shift 2 ;;
    --jmc-heap) JMC_HEAP=${2:?--jmc-heap needs a size or auto}; shift 2 ;;
    --timeout) TIMEOUT=${2:?--timeout needs seconds}; shift 2 ;;
    -*) die "unknown option $1" ;;
    *)
      [[ -z "$recording" ]] || die "one recording only (several would be read as separate files; see BENCHMARKS.md)"
      recording=$1
      shift
      ;;
  esac
done
[[ -n "$recording" ]] || die "usage: bench/analyzer-speed.sh [--rounds N] [--tools LIST] [--heap SIZE]" \
  "[--jmc-heap SIZE|auto] [--timeout S] RECORDING"
[[ -f "$recording" ]] || die "no recording $recording"
recording=$(cd "$(dirname "$recording")" && pwd)/$(basename "$recording")
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a positive integer"
[[ "$TIMEOUT" =~ ^[1-9][0-9]*$ ]] || die "--timeout must be a positive number of seconds"
[[ "$HEAP" =~ ^[0-9]+[kmgKMG]$ ]] || die "--heap must be a size like 256m"
[[ "$JMC_HEAP" == auto || "$JMC_HEAP" =~ ^[0-9]+[kmgKMG]$ ]] || die "--jmc-heap must be a size like 2g, or auto"
IFS=, read -r -a tools <<<"$TOOLS"
for t in "${tools[@]}"; do
  [[ " ${all_tools[*]} " == *" $t "* ]] || die "unknown tool '$t' (${all_tools[*]})"
done

HEAPWISE_JAR=${HEAPWISE_JAR:-$root/cli/target/heapwise.jar}
CPUS=${CPUS:-0,1}
QUIET_CPUS=${QUIET_CPUS:-0.3}
QUIET_WAIT=${QUIET_WAIT:-900}
RESULTS_DIR=${RESULTS_DIR:-bench/results}
bin="${JAVA_HOME:+$JAVA_HOME/bin/}"
java=$(command -v "${bin}java") || die "no java"
jfr=$(command -v "${bin}jfr") || die "no jfr"
bench_jar="$root/bench/target/heapwise-bench.jar"
lib="$root/bench/target/lib"
converter_jar=$(ls "$lib"/jfr-converter-*.jar 2>/dev/null | head -n 1 || true)
for f in "$bench_jar" /usr/bin/time; do
  [[ -e "$f" ]] || die "missing $f"
done
[[ -n "$converter_jar" ]] || die "no jfr-converter jar in $lib: run 'mvn -B -q -pl bench -am package -DskipTests'"
if [[ " ${tools[*]} " == *" heapwise-"* ]]; then
  [[ -f "$HEAPWISE_JAR" ]] || die "no $HEAPWISE_JAR (build the cli, or set HEAPWISE_JAR)"
fi

stamp=$(date +%Y%m%d-%H%M%S)
mkdir -p "$RESULTS_DIR"
results="$RESULTS_DIR/analyzer-speed-$stamp.tsv"
summary="$RESULTS_DIR/analyzer-speed-$stamp.md"
work="${TMPDIR:-/tmp}/heapwise-analyzer-speed-$stamp"
mkdir -p "$work"

cpu_busy() { # the CPUs busy over the next 2 s, in CPUs (0 to nproc), from /proc/stat
  local -a a b
  read -r -a a < <(head -n 1 /proc/stat)
  sleep 2
  read -r -a b < <(head -n 1 /proc/stat)
  local total=0 idle i
  for ((i = 1; i <= 8 && i < ${#b[@]}; i++)); do # user to steal; guest time is in user already
    total=$((total + b[i] - a[i]))
  done
  idle=$((b[4] - a[4] + b[5] - a[5]))
  awk -v t="$total" -v i="$idle" -v n="$(nproc)" 'BEGIN { printf "%.2f", (t > 0 ? n * (t - i) / t : 0) }'
}

# Before every run: wait while a Maven build runs (pgrep -f maven), and then while other processes keep more than
# QUIET_CPUS of the CPUs busy, for at most QUIET_WAIT seconds; sets $busy, the CPUs busy just before the run.
wait_for_quiet() {
  local waited=0
  while pgrep -f maven >/dev/null; do
    ((waited == 0)) && echo "  (a Maven build is running: waiting for it to end)"
    sleep 10
    waited=$((waited + 10))
  done
  # Let the build's JIT and GC threads go, and the page cache settle.
  ((waited == 0)) || sleep 5
  waited=0
  busy=$(cpu_busy)
  while awk -v b="$busy" -v q="$QUIET_CPUS" 'BEGIN { exit !(b > q) }' && ((waited < QUIET_WAIT)); do
    ((waited == 0)) && echo "  (other processes keep $busy CPUs busy: waiting up to $QUIET_WAIT s for a quiet machine)"
    sleep 8
    waited=$((waited + 10))
    busy=$(cpu_busy)
  done
}

# The recording's facts, from one untimed `jfr summary` (which also brings the file into the page cache, so that
# every timed run reads it from memory).
wait_for_quiet
"$jfr" "-J-Xmx$HEAP" summary "$recording" >"$work/summary.txt"
bytes=$(stat -c %s "$recording")
# Events as readers see them: jfr summary's counts without jdk.CheckPoint and jdk.Metadata, which are the file's
# constant pools and type descriptions, not events.
events=$(awk '/^ [A-Za-z0-9_$]+(\.[A-Za-z0-9_$]+)+ +[0-9]+ +[0-9]+ *$/ {
  if ($1 != "jdk.CheckPoint" && $1 != "jdk.Metadata") n += $2 } END { print n + 0 }' "$work/summary.txt")
chunks=$(awk '/Chunks:/ { print $2 }' "$work/summary.txt")
alloc_samples=$(awk '$1 == "jdk.ObjectAllocationSample" { print $2 }' "$work/summary.txt")
((events > 0)) || die "jfr summary found no events in $recording"
cat "$recording" >/dev/null

# A JVM that runs out of heap ends at once: JMC's loader, out of memory in a pool thread, otherwise waits for ever.
exit_on_oom=(-XX:+ExitOnOutOfMemoryError)
jfr_exit_on_oom=(-J-XX:+ExitOnOutOfMemoryError)

command_of() { # command_of TOOL HEAP: the command line, one word per line
  local tool=$1 heap=$2
  local -a jvm=("$java" "-Xmx$heap" "${exit_on_oom[@]}") jfr_tool=("$jfr" "-J-Xmx$heap" "${jfr_exit_on_oom[@]}")
  case "$tool" in
    heapwise-1cpu) printf '%s\n' taskset -c 0 "${jvm[@]}" -jar "$HEAPWISE_JAR" analyze "$recording" ;;
    heapwise-2cpu) printf '%s\n' taskset -c "$CPUS" "${jvm[@]}" -jar "$HEAPWISE_JAR" analyze "$recording" ;;
    jfr-summary) printf '%s\n' taskset -c "$CPUS" "${jfr_tool[@]}" summary "$recording" ;;
    jfr-print)
      printf '%s\n' taskset -c "$CPUS" "${jfr_tool[@]}" print --events jdk.ObjectAllocationSample "$recording"
      ;;
    walk) printf '%s\n' taskset -c "$CPUS" "${jvm[@]}" -cp "$bench_jar" io.heapwise.bench.RecordingFileWalk \
      "$recording" ;;
    jmc) printf '%s\n' taskset -c "$CPUS" "${jvm[@]}" -cp "$bench_jar:$lib/*" io.heapwise.bench.JmcLoadAndRules \
      "$recording" ;;
    jfrconv) printf '%s\n' taskset -c "$CPUS" "${jvm[@]}" -cp "$converter_jar" Main --alloc -o collapsed "$recording" \
      "$work/jfrconv.collapsed" ;;
  esac
}

{
  echo "# heapwise analyzer-speed benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "# commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null ||
    echo ' (with uncommitted changes)')"
  echo "# heapwise jar: $HEAPWISE_JAR ($(stat -c '%s bytes, %y' "$HEAPWISE_JAR" 2>/dev/null || echo missing))"
  echo "# java: $("$java" -version 2>&1 | paste -sd ';' -)"
  echo "# machine: $(nproc) cpus, $(uname -sr); CPUS=$CPUS"
  echo "# recording: $recording bytes=$bytes chunks=$chunks events=$events allocationSamples=$alloc_samples"
  echo "# ROUNDS=$ROUNDS TOOLS=$TOOLS HEAP=$HEAP JMC_HEAP=$JMC_HEAP TIMEOUT=$TIMEOUT"
  printf 'round\tposition\ttool\theap\twallSeconds\tuserSeconds\tsysSeconds\tmaxRssKB\texit\tload1\tstatus\toutput'
  printf '\tbusyBefore\n'
} >"$results"

# A tool's own line, for the row: its output's summary line, or the size of what it wrote.
output_of() { # output_of TOOL BASE
  local tool=$1 base=$2
  case "$tool" in
    walk) grep -m1 '^heapwise-walk:' "$base.out" || true ;;
    jmc) grep -m1 '^heapwise-jmc:' "$base.out" || true ;;
    jfr-summary) grep -m1 'Chunks:' "$base.out" | tr -s ' ' || true ;;
    jfrconv) echo "collapsed: $(wc -l <"$work/jfrconv.collapsed" 2>/dev/null || echo 0) stacks" ;;
    *) echo - ;;
  esac
}

run_one() { # run_one ROUND POSITION TOOL HEAP: one process, one row; returns 1 if it failed
  local round=$1 position=$2 tool=$3 heap=$4
  local base="$work/$tool-$round"
  local -a command
  mapfile -t command < <(command_of "$tool" "$heap")
  wait_for_quiet
  local exit_code=0 status=ok out="$base.out"
  case "$tool" in
    heapwise-*|jfr-print) out=/dev/null ;;
  esac
  rm -f "$work/jfrconv.collapsed"
  /usr/bin/time -f '%e %U %S %M' -o "$base.time" timeout "$TIMEOUT" "${command[@]}" >"$out" 2>"$base.err" \
    || exit_code=$?
  local load wall=- user=- sys=- rss=-
  load=$(cut -d ' ' -f 1 /proc/loadavg 2>/dev/null || echo -)
  # /usr/bin/time writes "Command exited with non-zero status N" before its line when the command fails.
  read -r wall user sys rss < <(tail -n 1 "$base.time") || true
  local output
  output=$(output_of "$tool" "$base")
  if ((exit_code == 124)); then
    status="timed out after $TIMEOUT s"
  elif grep -q 'OutOfMemoryError' "$base.err" "$base.out" 2>/dev/null; then
    status="OutOfMemoryError (exit $exit_code)"
  elif ((exit_code != 0)); then
    status="failed (exit $exit_code, see $base.err)"
  elif [[ "$tool" == walk && "$output" != *" events=$events "* ]]; then
    status="walked a different number of events than jfr summary counts ($events)"
  elif [[ "$tool" == jmc && "$output" != *" failed=0 "* ]]; then
    status="rules failed: $(grep -m1 '^heapwise-jmc-failure' "$base.out" || echo '?')"
  elif [[ "$tool" == jfrconv && ! -s "$work/jfrconv.collapsed" ]]; then
    status="wrote no collapsed stacks"
  fi
  rm -f "$work/jfrconv.collapsed"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$position" "$tool" "$heap" "$wall" \
    "$user" "$sys" "$rss" "$exit_code" "$load" "$status" "$output" "$busy" >>"$results"
  printf '  %-6s %-14s -Xmx%-5s %8s s wall %8s s cpu %7s MB rss  busy %s  %s\n' "$round" "$tool" "$heap" "$wall" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN { if (u == "-") print "-"; else printf "%.1f", u + s }')" \
    "$(awk -v r="$rss" 'BEGIN { if (r == "-") print "-"; else printf "%.0f", r / 1024 }')" "$busy" "$status"
  [[ "$status" == ok ]]
}

echo "analyzer-speed.sh: $recording ($((bytes / 1048576)) MB, $chunks chunks, $events events)"
echo "  rounds=$ROUNDS tools=$TOOLS heap=$HEAP; rows in $results"

# JMC keeps every event in memory: find the smallest heap of --heap, 1g, 2g, 4g and 8g that it completes in.
jmc_heap=$JMC_HEAP
if [[ " ${tools[*]} " == *" jmc "* && "$JMC_HEAP" == auto ]]; then
  jmc_heap=
  for heap in "$HEAP" 1g 2g 4g 8g; do
    if run_one probe 0 jmc "$heap"; then
      jmc_heap=$heap
      break
    fi
  done
  [[ -n "$jmc_heap" ]] || echo "  JMC completed in none of $HEAP, 1g, 2g, 4g, 8g: its rounds are left out"
fi

n=${#tools[@]}
for ((round = 1; round <= ROUNDS; round++)); do
  for ((i = 0; i < n; i++)); do
    # Rotate the order each round, so that no tool always runs first or after the same one.
    tool=${tools[$(((i + round - 1) % n))]}
    heap=$HEAP
    if [[ "$tool" == jmc ]]; then
      [[ -n "$jmc_heap" ]] || continue
      heap=$jmc_heap
    fi
    run_one "$round" "$((i + 1))" "$tool" "$heap" || true
  done
done

# The medians' table. MB are 2^20 bytes. Ratios are of MB/s (equally of events/s: the same file), to the median of
# jfrconv's and of JMC's; the speed-up is the median over rounds of heapwise-1cpu's wall time over heapwise-2cpu's
# in the same round.
commands_md() {
  local t
  for t in "${tools[@]}"; do
    local h=$HEAP
    [[ "$t" == jmc && -n "$jmc_heap" ]] && h=$jmc_heap
    local -a c
    mapfile -t c < <(command_of "$t" "$h")
    local line
    line=$(echo "${c[*]} " | sed "s|$root/||g; s|$work/|\$TMP/|g; s|$(dirname "$recording")/||g")
    case "$t" in
      heapwise-*|jfr-print) line="$line> /dev/null" ;;
    esac
    echo "- \`$t\`: \`${line% }\`"
  done
}
{
  echo "# Analyzer speed, $(date -u +%Y-%m-%d)"
  echo
  grep '^# ' "$results" | sed 's/^# /- /'
  if [[ "$JMC_HEAP" == auto ]]; then
    echo "- JMC heap: ${jmc_heap:-none completed} (the smallest of $HEAP, 1g, 2g, 4g, 8g that JMC completed in)"
  else
    echo "- JMC heap: $jmc_heap (given)"
  fi
  echo
  echo "Commands (each under \`/usr/bin/time -f '%e %U %S %M'\`, recording in the page cache):"
  echo
  commands_md
  echo
  awk -F '\t' -v bytes="$bytes" -v events="$events" '
    function median(a, k,    i, j, t, b) {
      for (i = 1; i <= k; i++) b[i] = a[i]
      for (i = 2; i <= k; i++) { t = b[i]; for (j = i - 1; j >= 1 && b[j] > t; j--) b[j + 1] = b[j]; b[j + 1] = t }
      if (k == 0) return ""
      return k % 2 ? b[(k + 1) / 2] : (b[k / 2] + b[k / 2 + 1]) / 2
    }
    /^#/ || $1 == "round" || $1 == "probe" { next }
    {
      if (!($3 in seen)) { seen[$3] = 1; order[++nt] = $3 }
      if ($11 != "ok") { bad[$3]++; why[$3] = $11; next }
      k = ++n[$3]; wall[$3, k] = $5; cpu[$3, k] = $6 + $7; rss[$3, k] = $8; heap[$3] = $4; byround[$3, $1] = $5
      if ($1 > rounds) rounds = $1
    }
    END {
      mb = bytes / 1048576
      for (t = 1; t <= nt; t++) {
        name = order[t]; k = n[name]
        if (k == 0) continue
        for (i = 1; i <= k; i++) { x[i] = wall[name, i]; y[i] = cpu[name, i]; z[i] = rss[name, i] }
        mw[name] = median(x, k); mc[name] = median(y, k); mr[name] = median(z, k)
      }
      print "| tool | -Xmx | runs | wall s | MB/s | events/s | CPU s | peak RSS MB | x jfrconv | x JMC |"
      print "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
      for (t = 1; t <= nt; t++) {
        name = order[t]; k = n[name]
        if (k == 0) { printf "| %s | | 0 | no valid run: %s | | | | | | |\n", name, why[name]; continue }
        vs_conv = ("jfrconv" in mw) ? sprintf("%.2f", mw["jfrconv"] / mw[name]) : "-"
        vs_jmc = ("jmc" in mw) ? sprintf("%.2f", mw["jmc"] / mw[name]) : "-"
        printf "| %s | %s | %d%s | %.1f | %.1f | %.0f | %.1f | %.0f | %s | %s |\n", name, heap[name], k,
          bad[name] ? sprintf(" (+%d failed)", bad[name]) : "", mw[name], mb / mw[name], events / mw[name],
          mc[name], mr[name] / 1024, vs_conv, vs_jmc
      }
      print ""
      h = "heapwise-2cpu"
      if (h in mw) {
        if ("jfrconv" in mw)
          printf "- heapwise (2 CPUs) >= jfrconv in MB/s: %.2fx, %s\n", mw["jfrconv"] / mw[h],
            (mw[h] <= mw["jfrconv"] ? "met" : "NOT met")
        if ("jmc" in mw)
          printf "- heapwise (2 CPUs) >= 5x JMC load+rules: %.2fx, %s\n", mw["jmc"] / mw[h],
            (mw["jmc"] / mw[h] >= 5 ? "met" : "NOT met")
      }
      for (t = 1; t <= nt; t++) {
        name = order[t]
        if (name ~ /^heapwise-/ && (name in mr))
          printf "- %s peak RSS < 512 MB: %.0f MB, %s\n", name, mr[name] / 1024,
            (mr[name] < 512 * 1024 ? "met" : "NOT met")
      }
      m = 0
      for (r = 1; r <= rounds; r++)
        if (("heapwise-1cpu", r) in byround && ("heapwise-2cpu", r) in byround)
          q[++m] = byround["heapwise-1cpu", r] / byround["heapwise-2cpu", r]
      if (m > 0)
        printf "- heapwise speed-up from 1 to 2 CPUs (median of per-round wall-time ratios, %d rounds): %.2fx" \
          " (linear: 2)\n",
          m, median(q, m)
    }' "$results"
} >"$summary"

cat "$summary"
echo
echo "per-run rows: $results"
echo "summary:      $summary"
echo "logs:         $work"
