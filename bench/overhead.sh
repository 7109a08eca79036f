#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# The agent's throughput overhead, measured in whole JVMs: the Jackson round-trip workload (JacksonRoundTrip)
# under four variants, run in interleaved rounds whose order rotates, summarized by medians. See BENCHMARKS.md.
#
#   none                    no agent
#   jfr                     the Heapwise agent with its defaults (JFR only)
#   instrument              the Heapwise agent in instrumentation mode, include= Jackson and the workload
#   report                  jfr plus report=REPORT_PERIOD: the analyzer inside the JVM, reading the recording back
#   allocation-instrumenter Google's java-allocation-instrumenter, a Sampler counting every allocation
#
# Needs the jars: run `mvn -B -q package -DskipTests` (or install) at the repository root first.
#
# Environment (defaults in brackets):
#   ROUNDS [7]  WARMUP seconds [10]  MEASURE seconds [20]  THREADS [1]
#   VARIANTS ["none jfr instrument allocation-instrumenter"]  INCLUDE ["com.fasterxml.jackson;io.heapwise.bench"]
#   REPORT_PERIOD [10s]  HEAP_FLAGS ["-Xms512m -Xmx512m -XX:+UseG1GC"]  JAVA_HOME [the java on PATH]  RESULTS_DIR [bench/results]
# Quick run: ROUNDS=3 WARMUP=5 MEASURE=10 bench/overhead.sh   (below ~10 s of warm-up, JFR's start-up is measured)
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)

ROUNDS=${ROUNDS:-7}
WARMUP=${WARMUP:-10}
MEASURE=${MEASURE:-20}
THREADS=${THREADS:-1}
VARIANTS=${VARIANTS:-none jfr instrument allocation-instrumenter}
INCLUDE=${INCLUDE:-com.fasterxml.jackson;io.heapwise.bench}
HEAP_FLAGS=${HEAP_FLAGS:--Xms512m -Xmx512m -XX:+UseG1GC}
REPORT_PERIOD=${REPORT_PERIOD:-10s}
RESULTS_DIR=${RESULTS_DIR:-bench/results}

if [[ -n "${JAVA_HOME:-}" ]]; then
  java="$JAVA_HOME/bin/java"
else
  java=$(command -v java)
fi
agent_jar="$root/reporter/target/heapwise-agent.jar"
bench_jar="$root/bench/target/heapwise-bench.jar"
lib="$root/bench/target/lib"
instrumenter_jar=$(ls "$lib"/java-allocation-instrumenter-*.jar 2>/dev/null | head -n 1 || true)

die() {
  echo "overhead.sh: $*" >&2
  exit 1
}
[[ -x "$java" ]] || die "no java at $java (set JAVA_HOME)"
for jar in "$agent_jar" "$bench_jar"; do
  [[ -f "$jar" ]] || die "missing $jar: run 'mvn -B -q package -DskipTests' at the repository root first"
done
shopt -s nullglob
jackson_jars=("$lib"/jackson-*.jar)
shopt -u nullglob
((${#jackson_jars[@]} > 0)) || die "no Jackson jars in $lib: run 'mvn -B -q package -DskipTests' first"
[[ -n "$instrumenter_jar" ]] || die "no java-allocation-instrumenter jar in $lib: run 'mvn -B -q package -DskipTests'"
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive integer"
read -r -a variants <<<"$VARIANTS"
for v in "${variants[@]}"; do
  case "$v" in
    none | jfr | instrument | report | allocation-instrumenter) ;;
    *) die "unknown variant '$v' (none, jfr, instrument, report, allocation-instrumenter)" ;;
  esac
done
read -r -a heap_flags <<<"$HEAP_FLAGS"

# The instrumenter's jar stays off the class path: as a -javaagent it puts itself on the boot class path.
cp="$bench_jar"
for jar in "${jackson_jars[@]}"; do
  cp="$cp:$jar"
done

stamp=$(date +%Y%m%d-%H%M%S)
mkdir -p "$RESULTS_DIR"
results="$RESULTS_DIR/overhead-$stamp.tsv"
summary="$RESULTS_DIR/overhead-$stamp-summary.txt"
# Recordings, agent logs and each JVM's stderr. Recordings are deleted once their size is noted.
work="${TMPDIR:-/tmp}/heapwise-overhead-$stamp"
mkdir -p "$work"

java_version=$("$java" -version 2>&1 | paste -sd ';' -)
{
  echo "# heapwise overhead benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "# commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "# java: $java_version"
  echo "# machine: $(nproc) cpus, $(uname -sr)"
  echo "# ROUNDS=$ROUNDS WARMUP=$WARMUP MEASURE=$MEASURE THREADS=$THREADS HEAP_FLAGS=$HEAP_FLAGS INCLUDE=$INCLUDE"
  printf 'round\tposition\tvariant\topsPerSecond\topsPerCpuSecond\tops\tseconds\tcpuSeconds\tallocatedBytesPerOp\tcountedAllocationsPerOp\trecordingBytes\tload1\tstatus\n'
} >"$results"

field() { # field NAME LINE: the value of NAME=... in a heapwise-bench line, or "-"
  local value
  value=$(sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2")
  echo "${value:--}"
}

run_one() { # run_one ROUND POSITION VARIANT: one JVM, one line appended to $results
  local round=$1 position=$2 variant=$3
  local base="$work/$variant-$round"
  local -a agent=() extra=()
  case "$variant" in
    none) ;;
    # The agent logs to a file rather than log=none, so that a disabled agent is noticed below.
    jfr) agent=("-javaagent:$agent_jar=out=$base.jfr,log=$base.agent.log") ;;
    instrument) agent=("-javaagent:$agent_jar=instrument=true,include=$INCLUDE,out=$base.jfr,log=$base.agent.log") ;;
    # The reports go to java.util.logging's console, which is this run's stderr file.
    report) agent=("-javaagent:$agent_jar=out=$base.jfr,log=$base.agent.log,report=$REPORT_PERIOD") ;;
    allocation-instrumenter)
      agent=("-javaagent:$instrumenter_jar")
      extra=(--count-allocations)
      ;;
  esac
  local line status=ok exit_code=0 load
  line=$("$java" "${heap_flags[@]}" "${agent[@]}" -cp "$cp" io.heapwise.bench.JacksonRoundTrip \
    "$WARMUP" "$MEASURE" "$THREADS" "${extra[@]}" 2>"$base.stderr" | grep '^heapwise-bench:') || exit_code=$?
  # The 1-minute load average as the run ends: this JVM's own share (about 1 to 1.5) plus any other work.
  load=$(cut -d ' ' -f 1 /proc/loadavg 2>/dev/null || echo -)
  local recording_bytes=-
  if [[ "$variant" == jfr || "$variant" == instrument || "$variant" == report ]]; then
    if grep -q 'agent disabled' "$base.agent.log" 2>/dev/null; then
      status="agent-disabled: $(grep -m1 -o 'agent disabled: [^(;]*' "$base.agent.log" | sed 's/agent disabled: //; s/ *$//')"
    elif [[ -s "$base.jfr" ]]; then
      recording_bytes=$(stat -c %s "$base.jfr")
    else
      status="no recording written"
    fi
    rm -f "$base.jfr"
  fi
  if [[ "$variant" == allocation-instrumenter ]]; then
    local failures
    failures=$(grep -c 'Failed to instrument class' "$base.stderr" || true)
    if ((failures > 0)); then
      status="instrumenter failed on $failures classes (e.g. $(grep -m1 -o 'Unsupported class file major version [0-9]*' "$base.stderr" || echo 'see stderr'))"
    elif [[ "$(field countedAllocations "$line")" == - || "$(field countedAllocations "$line")" == 0 ]]; then
      status="counted no allocations"
    fi
  fi
  if [[ "$variant" == report && "$status" == ok ]] && ! grep -q 'heapwise report [0-9]' "$base.stderr"; then
    status="no reports logged"
  fi
  if ((exit_code != 0)) || [[ -z "$line" ]]; then
    status="failed (exit $exit_code, see $base.stderr)"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$position" "$variant" \
    "$(field opsPerSecond "$line")" "$(field opsPerCpuSecond "$line")" "$(field ops "$line")" \
    "$(field seconds "$line")" "$(field cpuSeconds "$line")" \
    "$(field allocatedBytesPerOp "$line")" "$(field countedAllocationsPerOp "$line")" "$recording_bytes" "$load" \
    "$status" \
    >>"$results"
  printf '  round %d/%d  %-24s %10s ops/s %10s ops/cpu-s  %s\n' "$round" "$ROUNDS" "$variant" \
    "$(field opsPerSecond "$line")" "$(field opsPerCpuSecond "$line")" "$status"
}

n=${#variants[@]}
per_run=$((WARMUP + MEASURE + 2))
echo "overhead.sh: $ROUNDS rounds of ${variants[*]}; about $((ROUNDS * n * per_run / 60)) min" \
  "(plus the instrumenter's slow start); results in $results"
for ((round = 1; round <= ROUNDS; round++)); do
  for ((i = 0; i < n; i++)); do
    # Rotate the order each round so that no variant always runs first, or always after the same one.
    run_one "$round" "$((i + 1))" "${variants[$(((i + round - 1) % n))]}"
  done
done

# Medians per variant, and the median over rounds of each variant's ratio to `none` in the same round, which
# cancels slow drifts of the machine. Only runs whose status is ok count. Twice: for ops per wall-clock second
# (throughput, the targets' measure) and for ops per CPU second of the whole process (the cost, which other load
# on the machine disturbs much less).
summarize() { # summarize COLUMN TITLE
  awk -F '\t' -v col="$1" -v title="$2" '
    function median(a, k,    i, j, t, b) {
      for (i = 1; i <= k; i++) b[i] = a[i]
      for (i = 2; i <= k; i++) { t = b[i]; for (j = i - 1; j >= 1 && b[j] > t; j--) b[j + 1] = b[j]; b[j + 1] = t }
      if (k == 0) return ""
      return k % 2 ? b[(k + 1) / 2] : (b[k / 2] + b[k / 2 + 1]) / 2
    }
    /^#/ || $1 == "round" { next }
    {
      if (!($3 in seen)) { seen[$3] = 1; order[++nv] = $3 }
      if ($13 != "ok" || $col == "-") { bad[$3]++; why[$3] = $13; next }
      ops[$3, ++n[$3]] = $col; alloc[$3, n[$3]] = $9; counted[$3, n[$3]] = $10; byround[$3, $1] = $col
      if ($1 > rounds) rounds = $1
    }
    END {
      print title
      printf "%-24s %4s %12s %9s %10s %7s %18s %12s\n", "variant", "runs", "median", "ratio", "round-ratio",
        "loss%", "round-ratio range", "alloc B/op"
      for (v = 1; v <= nv; v++) {
        name = order[v]; k = n[name]
        if (k == 0) { printf "%-24s %4d  no valid run: %s\n", name, 0, why[name]; continue }
        for (i = 1; i <= k; i++) { x[i] = ops[name, i]; y[i] = alloc[name, i]; z[i] = counted[name, i] }
        med[name] = median(x, k)
        m = 0; lo = ""; hi = ""
        for (r = 1; r <= rounds; r++) {
          if ((name, r) in byround && ("none", r) in byround) {
            q = byround[name, r] / byround["none", r]; rr[++m] = q
            if (lo == "" || q < lo) lo = q; if (hi == "" || q > hi) hi = q
          }
        }
        ratio = ("none" in med) ? sprintf("%.3f", med[name] / med["none"]) : "-"
        if (m > 0) {
          rmed[name] = median(rr, m); rratio = sprintf("%.3f", rmed[name])
          loss = sprintf("%.1f", 100 * (1 - rmed[name])); range = sprintf("%.3f..%.3f", lo, hi)
        } else { rratio = "-"; loss = "-"; range = "-" }
        printf "%-24s %4d %12.1f %9s %10s %7s %18s %12d", name, k, med[name], ratio, rratio, loss, range, median(y, k)
        if (z[1] != "-") printf "   counted %.1f allocations/op", median(z, k)
        if (bad[name]) printf "   (%d runs left out: %s)", bad[name], why[name]
        printf "\n"
      }
      if ("jfr" in rmed) printf "  jfr loss %.1f%% (target <= 3%%): %s\n", 100 * (1 - rmed["jfr"]), (1 - rmed["jfr"] <= 0.03 ? "met" : "NOT met")
      if ("instrument" in rmed) printf "  instrument loss %.1f%% (target <= 15%%): %s\n", 100 * (1 - rmed["instrument"]), (1 - rmed["instrument"] <= 0.15 ? "met" : "NOT met")
      else if ("instrument" in seen) printf "  instrument: no valid run (%s)\n", why["instrument"]
      a = "allocation-instrumenter"
      if ((a in rmed) && ("instrument" in rmed) && rmed[a] < 1) {
        q = (1 - rmed["instrument"]) / (1 - rmed[a])
        printf "  instrument loss / allocation-instrumenter loss = %.3f (target <= 0.2): %s\n", q, (q <= 0.2 ? "met" : "NOT met")
      } else if (a in rmed) printf "  instrument loss / allocation-instrumenter loss: n/a (needs valid instrument runs)\n"
    }' "$results"
}
{
  summarize 4 "Throughput: ops per wall-clock second"
  echo
  summarize 5 "Cost: ops per CPU second of the whole process (all threads: workers, GC, JIT, agents)"
} | tee "$summary"

echo
echo "per-run results: $results"
echo "summary:         $summary"
echo "logs:            $work"
