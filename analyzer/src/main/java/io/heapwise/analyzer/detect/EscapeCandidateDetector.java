// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.bytecode.EscapeAnalysis;
import io.heapwise.analyzer.bytecode.EscapeState;
import io.heapwise.analyzer.bytecode.EscapeVerdict;
import io.heapwise.analyzer.finding.Confidence;
import io.heapwise.analyzer.finding.EstimatedSaving;
import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.finding.FindingSite;
import io.heapwise.analyzer.finding.Severity;
import io.heapwise.analyzer.model.AllocationProfile;
import io.heapwise.analyzer.model.AllocationSite;
import io.heapwise.analyzer.model.Frame;
import io.heapwise.analyzer.model.JitActivity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Objects that never leave their method by the bytecode, yet keep reaching the heap once C2 has compiled the method:
 * allocations C2's escape analysis could have removed (scalar replacement), with the reason it did not, found in
 * the recording's compiler events and the code.
 *
 * <p>A site is a candidate when its allocating frame (or, for an object a JDK method made and returned, the
 * application line that called it) has an object that does not escape globally ({@link EscapeAnalysis}), and the
 * site went on allocating after C2 first compiled the method's code: an object C2 did remove shows up only before
 * that (in the interpreter and C1), which is why the decoys of the samples are never reported. The reason is
 * {@link EscapeReason}; a site with no reason in the evidence is left out and said so, as is one whose method C2 had
 * compiled too late in the recording to tell, or never compiled with nothing to show why.
 */
public final class EscapeCandidateDetector implements Detector {

  static final Threshold MIN_SHARE_AFTER_WARMUP = new Threshold("escape.min-share-after-warm-up", 0.02,
      "A site must still make 2% of the allocation after C2 compiled its method; removing less would not show.");
  static final Threshold WARNING_SHARE = new Threshold("escape.warning-share", 0.10,
      "At 10% of allocation after warm-up, one object C2 could remove sets a tenth of the young-collection rate.");
  static final Threshold CRITICAL_SHARE = new Threshold("escape.critical-share", 0.30,
      "At 30%, letting C2 remove one object removes a large part of all GC work.");
  /** Less time than this after C2 compiled the method says too little about what the compiled code allocates. */
  static final double MIN_SECONDS_AFTER_WARMUP = 1.0;
  /**
   * A site must allocate in this many of its timeline's slices after warm-up to be code that goes on allocating:
   * an allocation sample weighs all its thread allocated since the one before, so one call of cold code (a report
   * formatted at exit) can carry megabytes in one slice.
   */
  static final int MIN_BUSY_SLICES_AFTER_WARMUP = 3;

  private static final double MB = 1024.0 * 1024.0;
  private static final double NANOS = 1e9;

  @Override
  public FindingKind kind() {
    return FindingKind.ESCAPE_CANDIDATE;
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_SHARE_AFTER_WARMUP, WARNING_SHARE, CRITICAL_SHARE);
  }

  @Override
  public List<Finding> detect(DetectionInput input) {
    AllocationProfile profile = input.profile();
    if (profile.allocationSource() == null || profile.totalBytes() == 0 || profile.durationSeconds() <= 0) {
      return List.of();
    }
    JitActivity jit = profile.jit();
    if (jit.highestLevel().isEmpty()) {
      input.undecided().accept("ESCAPE_CANDIDATE: the recording has no compiler events (jdk.Compilation,"
          + " jdk.CompilerInlining), so it does not show when C2 compiled a method or what it inlined; record with"
          + " the Heapwise agent, whose settings enable them");
      return List.of();
    }
    EscapeAnalysis analysis = new EscapeAnalysis(input.classFiles());
    List<Finding> findings = new ArrayList<>();
    List<String> missingClasses = new ArrayList<>();
    // All sites' bytes from a moment on, per moment: sites of one method share it, and each sum reads every site.
    Map<Long, Long> allBytesFrom = new HashMap<>();
    for (DetectionInput.HotSite hot : input.hotSites()) {
      AllocationSite site = hot.site();
      Frame line = site.key().appFrame();
      if (line == null || line.line() < 0) {
        continue;
      }
      Optional<List<EscapeVerdict>> verdicts = verdicts(analysis, site, line);
      if (verdicts.isEmpty()) {
        missingClasses.add(line.className());
        continue;
      }
      Optional<EscapeVerdict> local = notEscaping(verdicts.get(), line.line());
      if (local.isEmpty()) {
        continue;
      }
      candidate(input, analysis, site, line, local.get(), jit, allBytesFrom).ifPresent(findings::add);
    }
    if (!missingClasses.isEmpty()) {
      input.undecided().accept("ESCAPE_CANDIDATE: no class files for " + String.join(", ", missingClasses.stream()
          .distinct().limit(5).toList()) + (missingClasses.size() > 5 ? " and others" : "") + ", so whether their"
          + " objects escape was not checked; pass --classpath");
    }
    return findings;
  }

  /** The verdicts for the site's object: made on its line, or made by the JDK method the line called. */
  private static Optional<List<EscapeVerdict>> verdicts(EscapeAnalysis analysis, AllocationSite site, Frame line) {
    if (site.key().mechanism() == null) {
      return analysis.allocations(line.className(), line.method()).map(all -> all.stream()
          .filter(v -> v.line() == line.line() && v.allocatedType().equals(site.key().allocatedType())).toList());
    }
    List<Frame> frames = site.frames();
    String callee = frames.size() >= 2 ? frames.get(frames.size() - 2).method() : null;
    return analysis.returnedBy(line.className(), line.method(), line.line(), callee, site.key().allocatedType());
  }

  /**
   * The line's object when no allocation of it escapes globally (two on one line, as on both sides of a
   * conditional, are one site to the recording); the one with the most to say about C2 when they differ.
   */
  private static Optional<EscapeVerdict> notEscaping(List<EscapeVerdict> verdicts, int line) {
    if (verdicts.isEmpty() || verdicts.stream().anyMatch(v -> v.state() == EscapeState.GLOBAL_ESCAPE)) {
      return Optional.empty();
    }
    return verdicts.stream().filter(v -> v.line() == line || v.producedBy() != null)
        .max((a, b) -> Integer.compare(a.calls().size() + (a.reachesMerge() ? 1 : 0),
            b.calls().size() + (b.reachesMerge() ? 1 : 0)));
  }

  private Optional<Finding> candidate(DetectionInput input, EscapeAnalysis analysis, AllocationSite site, Frame line,
      EscapeVerdict verdict, JitActivity jit, Map<Long, Long> allBytesFrom) {
    AllocationProfile profile = input.profile();
    long origin = site.timeline().originEpochNanos();
    long end = origin + (long) (profile.durationSeconds() * NANOS);
    OptionalLong compiled = jit.firstC2(line.className(), line.method());
    Optional<EscapeReason> reason;
    long from;
    if (compiled.isPresent()) {
      from = compiled.getAsLong();
      if ((end - from) / NANOS < MIN_SECONDS_AFTER_WARMUP) {
        input.undecided().accept("ESCAPE_CANDIDATE: " + where(line) + ": C2 compiled " + line.method() + " less than"
            + " a second before the recording ended, too late to tell whether it still allocates; record longer");
        return Optional.empty();
      }
      reason = EscapeReason.of(verdict, jit, profile.vmSettings());
    } else if (jit.everyCompilationRecorded()) {
      // Never compiled by C2: everything it allocated, it allocated in the interpreter or C1.
      from = origin;
      reason = neverCompiledByC2(profile, analysis, line, verdict, jit);
    } else {
      return Optional.empty();
    }
    long sliceStart = site.timeline().sliceStartFrom(from);
    double seconds = (end - sliceStart) / NANOS;
    if (seconds < MIN_SECONDS_AFTER_WARMUP) {
      return Optional.empty();
    }
    double bytesAfter = site.timeline().bytesFrom(from);
    double rate = bytesAfter / seconds;
    long allBytesAfter = allBytesFrom.computeIfAbsent(from,
        moment -> profile.sites().stream().mapToLong(any -> any.timeline().bytesFrom(moment)).sum());
    double share = allBytesAfter > 0 ? bytesAfter / allBytesAfter : 0;
    if (share < input.thresholds().get(MIN_SHARE_AFTER_WARMUP)) {
      return Optional.empty();
    }
    if ((end - sliceStart) / site.timeline().sliceNanos() < MIN_BUSY_SLICES_AFTER_WARMUP) {
      input.undecided().accept("ESCAPE_CANDIDATE: " + where(line) + ": C2 compiled " + line.method() + " too close"
          + " to the end of the recording to tell whether it goes on allocating; record longer");
      return Optional.empty();
    }
    if (site.timeline().busySlicesFrom(from) < MIN_BUSY_SLICES_AFTER_WARMUP) {
      return Optional.empty();
    }
    if (reason.isEmpty()) {
      String undecided = compiled.isPresent()
          ? String.format(Locale.ROOT, "still allocated %.1f MB/s after C2 compiled it, but the recording shows no"
              + " reason", rate / MB)
          : String.format(Locale.ROOT, "allocated %.1f MB/s, but C2 never compiled %s in the recording (highest tier"
              + " %d), so whether C2 would remove it does not show; record past the warm-up", rate / MB,
              line.method(), jit.highestLevel(line.className(), line.method()).orElse(0));
      input.undecided().accept(String.format(Locale.ROOT, "ESCAPE_CANDIDATE: %s: the %s does not escape %s by its"
          + " bytecode and %s", where(line), EscapeReason.simple(site.key().allocatedType()), line.method(),
          undecided));
      return Optional.empty();
    }
    return Optional.of(finding(input, site, line, verdict, reason.get(), from, rate, share));
  }

  /**
   * Why C2 never compiled the method, when the recording or the bytecode shows it: C2 switched off, or a method
   * longer than it compiles. Otherwise empty: the method may only not have been hot yet, and whether it gets there
   * in a short recording (a test suite's, a start-up's) depends on how busy the compiler threads were, so it is
   * not a finding, which would come and go between runs of the same code.
   */
  private static Optional<EscapeReason> neverCompiledByC2(AllocationProfile profile, EscapeAnalysis analysis,
      Frame line, EscapeVerdict verdict, JitActivity jit) {
    int level = jit.highestLevel(line.className(), line.method()).orElse(0);
    String never = line.method() + " never ran as C2-compiled code in the recording (highest tier " + level
        + "), and only C2 removes allocations";
    long stopAt = profile.vmSettings().longFlag("TieredStopAtLevel", JitActivity.C2_LEVEL);
    Boolean tiered = profile.vmSettings().booleanFlag("TieredCompilation");
    if (stopAt < JitActivity.C2_LEVEL && !Boolean.FALSE.equals(tiered)) {
      return Optional.of(new EscapeReason(EscapeReason.Kind.NOT_COMPILED_BY_C2, never + ": this JVM runs with"
          + " -XX:TieredStopAtLevel=" + stopAt + ", so C2 compiles nothing.", "Drop -XX:TieredStopAtLevel for a"
          + " long-running service (it buys start-up time with steady-state speed and allocation).",
          Confidence.HIGH));
    }
    int size = analysis.codeLength(verdict.className(), verdict.methodName(), verdict.methodDescriptor()).orElse(0);
    if (size > EscapeAnalysis.HUGE_METHOD_LIMIT
        && !Boolean.FALSE.equals(profile.vmSettings().booleanFlag("DontCompileHugeMethods"))) {
      return Optional.of(new EscapeReason(EscapeReason.Kind.NOT_COMPILED_BY_C2, never + ": it has " + size
          + " bytes of bytecode, over HugeMethodLimit (" + EscapeAnalysis.HUGE_METHOD_LIMIT + "), and C2 compiles"
          + " no longer method.", "Split " + line.method() + " into smaller methods; the one that allocates"
          + " should be small enough to be inlined into, or to inline, what uses the object.", Confidence.HIGH));
    }
    return Optional.empty();
  }

  private static Finding finding(DetectionInput input, AllocationSite site, Frame line, EscapeVerdict verdict,
      EscapeReason reason, long from, double rate, double share) {
    String type = EscapeReason.simple(site.key().allocatedType());
    FindingSite findingSite = new FindingSite(line.className(), line.method(), line.line(),
        site.key().allocatedType());
    String made = verdict.producedBy() == null ? "" : " made by " + shortCall(verdict.producedBy());
    boolean neverCompiled = reason.kind() == EscapeReason.Kind.NOT_COMPILED_BY_C2;
    String summary = String.format(Locale.ROOT, "The %s%s at %s never leaves %s() by its bytecode (%s), yet %.1f"
        + " MB/s of it reached the heap%s. %s", type, made, where(line), line.method(), describe(verdict.state()),
        rate / MB, neverCompiled ? "" : " after C2 compiled the method", reason.why());
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("reason", reason.kind().name());
    evidence.put("escape", verdict.state().name());
    evidence.put("bytesPerSecondAfterWarmUp", rate);
    evidence.put("shareAfterWarmUp", share);
    evidence.put("warmUpEndsAtSecond", (from - site.timeline().originEpochNanos()) / NANOS);
    evidence.put("callsOnPath", verdict.calls().stream().map(c -> c.owner() + "." + c.name() + c.descriptor()
        + " (line " + c.line() + ", " + (c.calleeBytecodeSize() < 0 ? "size unknown" : c.calleeBytecodeSize()
        + " bytes") + (c.staticallyBound() ? "" : ", virtual") + ")").toList());
    if (verdict.constantArrayLength() >= 0) {
      evidence.put("arrayLength", verdict.constantArrayLength());
    }
    evidence.put("reachesMerge", verdict.reachesMerge());
    evidence.put("why", reason.why());
    evidence.put("measuredBy", input.profile().allocationSource().eventNames() + " bytes of the site "
        + (neverCompiled ? "over the recording, in which C2 never compiled " + line.method() + " (jdk.Compilation);"
            + " the reason from the JVM's flags and the method's bytecode"
            : "after the end of C2's first compilation of " + line.method() + " (jdk.Compilation); the reason from"
            + " jdk.CompilerInlining and the method's bytecode"));
    String recommendation = reason.fix() + String.format(Locale.ROOT, " Expected: once C2 compiles the changed"
        + " code, %s stops allocating (%.1f MB/s less).", where(line), rate / MB);
    return new Finding(Finding.idOf(FindingKind.ESCAPE_CANDIDATE, findingSite), FindingKind.ESCAPE_CANDIDATE,
        severity(share, input.thresholds()), findingSite, null, summary, evidence, recommendation,
        new EstimatedSaving(rate, share), reason.confidence(), "C2's decisions differ between runs and JDK releases;"
        + " the bytecode verdict assumes the callees found on the class path are the ones that run.");
  }

  private static String describe(EscapeState state) {
    return state == EscapeState.NO_ESCAPE ? "used only there" : "only passed to callees that keep it to themselves";
  }

  /** {@code java.util.ArrayList.iterator()Ljava/util/Iterator;} as {@code ArrayList.iterator}. */
  private static String shortCall(String producedBy) {
    int paren = producedBy.indexOf('(');
    String call = paren < 0 ? producedBy : producedBy.substring(0, paren);
    int dot = call.lastIndexOf('.');
    return dot < 0 ? call : EscapeReason.simple(call.substring(0, dot)) + call.substring(dot);
  }

  private static String where(Frame line) {
    return line.sourceFileGuess() + ":" + line.line();
  }

  private static Severity severity(double share, Thresholds limits) {
    if (share >= limits.get(CRITICAL_SHARE)) {
      return Severity.CRITICAL;
    }
    return share >= limits.get(WARNING_SHARE) ? Severity.WARNING : Severity.INFO;
  }
}
