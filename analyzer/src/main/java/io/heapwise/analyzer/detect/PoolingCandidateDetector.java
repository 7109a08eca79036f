// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.finding.Confidence;
import io.heapwise.analyzer.finding.EstimatedSaving;
import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.finding.FindingSite;
import io.heapwise.analyzer.finding.Severity;
import io.heapwise.analyzer.model.AllocationSite;
import io.heapwise.analyzer.model.Frame;
import io.heapwise.analyzer.report.SiteSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Large buffers allocated per request and dead right after it: the one case where reuse beats allocation on the
 * JVM. Small objects are deliberately left to {@link HotShortLivedDetector}, which advises against pooling them;
 * which of the two speaks for a site is decided by {@link BufferSizes} (one piece of advice per line).
 */
public final class PoolingCandidateDetector implements Detector {

  static final Threshold MIN_BUFFER_BYTES = new Threshold("pooling-candidate.min-buffer-bytes", 16 * 1024,
      "From 16 KiB, zeroing and copying a fresh buffer rival the work done with it, and it may not fit a TLAB.");
  static final Threshold MIN_COLLECTIONS_CAUSED = new Threshold("pooling-candidate.min-collections-caused", 3,
      "GC cost comes per collection: buffers accounting for under 3 collections (e.g. start-up tables) cost 2 pauses.");
  static final Threshold CRITICAL_SHARE = new Threshold("pooling-candidate.critical-share", 0.5,
      "A buffer that is half of all allocation sets the young-GC rate by itself.");

  private static final double MB = 1024.0 * 1024.0;

  @Override
  public FindingKind kind() {
    return FindingKind.POOLING_CANDIDATE;
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_BUFFER_BYTES, MIN_COLLECTIONS_CAUSED, CRITICAL_SHARE, Lifetimes.MAX_SURVIVOR_RATIO,
        Lifetimes.MAX_RETAINED_SHARE, Lifetimes.MIN_MEASURED_OBJECTS, Lifetimes.MIN_MEASURED_YOUNG_SHARE);
  }

  @Override
  public List<Finding> detect(DetectionInput input) {
    Thresholds limits = input.thresholds();
    Lifetimes lifetimes = new Lifetimes(input.profile(), limits);
    List<Finding> findings = new ArrayList<>();
    long region = ArraySizes.g1RegionBytes(input.profile());
    for (DetectionInput.HotSite hot : input.hotSites()) {
      AllocationSite site = hot.site();
      Frame frame = site.key().appFrame();
      if (frame == null || !BufferSizes.isBuffer(site)) {
        continue;
      }
      boolean direct = BufferSizes.DIRECT_BUFFER.equals(site.key().allocatedType());
      // A direct buffer's cost is native memory, not heap bytes: its heap share says nothing about collections.
      if (!direct && input.profile().collections().size() * hot.summary().share()
          < limits.get(MIN_COLLECTIONS_CAUSED)) {
        continue;
      }
      // A direct buffer's heap object is a small wrapper; the size that matters is native and not recorded.
      Optional<BufferSizes.Size> size = direct ? Optional.empty() : BufferSizes.of(site, input);
      if (size.isEmpty() && !direct) {
        input.undecided().accept(String.format(Locale.ROOT, "POOLING_CANDIDATE: %s at %s (%.0f%% of allocation)"
            + " has no known size: pass --classpath so its length can be read from the class file, or record"
            + " jdk.ObjectAllocationInNewTLAB for exact sizes (bytes per jdk.ObjectAllocationSample are bytes since"
            + " the thread's last sample, not object sizes)", site.key().allocatedType(),
            hot.summary().location(), hot.summary().share() * 100));
        continue;
      }
      if (!direct && size.get().bytes() < limits.get(MIN_BUFFER_BYTES)) {
        continue; // small: HotShortLivedDetector's advice (do not pool) applies
      }
      if (!direct && region > 0 && ArraySizes.isHumongous(size.get().bytes(), region)) {
        continue; // humongous: LargeArrayDetector's advice covers reuse and the G1 region size
      }
      // Pooling pays only for buffers dead after each use; measured buffers that live on (kept, queued) are vetoed.
      Lifetimes.Verdict lifetime = lifetimes.judge(hot.summary().share(), site.survivorSamples(),
          input.profile().measuredLifetimesOf(site).orElse(null));
      if (lifetime.state() == Lifetimes.State.UNKNOWN) {
        input.undecided().accept("POOLING_CANDIDATE: cannot tell whether the " + site.key().allocatedType()
            + " buffers at " + hot.summary().location() + " die young: " + lifetime.reason());
        continue;
      }
      if (lifetime.state() == Lifetimes.State.SHORT_LIVED) {
        findings.add(finding(input, hot, size.orElse(null), lifetime));
      }
    }
    return findings;
  }

  private static Finding finding(DetectionInput input, DetectionInput.HotSite hot, BufferSizes.Size size,
      Lifetimes.Verdict lifetime) {
    SiteSummary summary = hot.summary();
    AllocationSite site = hot.site();
    Frame frame = site.key().appFrame();
    FindingSite where = new FindingSite(frame.className(), frame.method(), frame.line(), site.key().allocatedType());
    long regionBytes = ArraySizes.g1RegionBytes(input.profile());
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("allocationShare", summary.share());
    evidence.put("bytesPerSecond", summary.bytesPerSecond());
    evidence.put("samples", summary.samples());
    evidence.put("collectionsCaused", Math.round(input.profile().collections().size() * summary.share()));
    if (size != null) {
      evidence.put("bufferBytes", size.bytes());
      evidence.put("buffersPerSecond", Math.round(summary.bytesPerSecond() / size.bytes()));
      evidence.put("sizeMeasuredBy", size.measuredBy());
    }
    if (regionBytes > 0) {
      // Humongous buffers are LARGE_ARRAY's (see detect), so the ones reported here never are.
      evidence.put("g1RegionBytes", regionBytes);
      evidence.put("humongous", false);
    }
    evidence.putAll(lifetime.evidence());
    evidence.put("measuredBy", "bytes from " + input.profile().allocationSource().eventNames()
        + (size == null ? "" : "; size from " + size.measuredBy()) + "; lifetime from "
        + lifetime.evidence().get("lifetimeMeasuredBy"));
    Confidence confidence = size == null || size.confidence().compareTo(lifetime.confidence()) > 0
        ? lifetime.confidence() : size.confidence();
    String what = size == null ? "direct ByteBuffers"
        : String.format(Locale.ROOT, "%s KiB %s buffers", kib(size.bytes()), site.key().allocatedType());
    String summaryText = String.format(Locale.ROOT, "%s allocates %s at %.1f MB/s (%.0f%% of allocation) and"
        + " drops them young%s: reuse one instead.", summary.location(), what, summary.bytesPerSecond() / MB,
        summary.share() * 100,
        lifetime.measuredByAgent() ? " (measured by the agent: " + lifetime.measured() + ")" : "");
    return new Finding(Finding.idOf(FindingKind.POOLING_CANDIDATE, where), FindingKind.POOLING_CANDIDATE,
        summary.share() >= input.thresholds().get(CRITICAL_SHARE) ? Severity.CRITICAL : Severity.WARNING,
        where, null, summaryText, evidence, recommendation(summary, site, size),
        new EstimatedSaving(summary.bytesPerSecond(), summary.share()), confidence,
        (lifetime.measuredByAgent()
            ? "The agent measured that sampled buffers die young, not that each is dead once the request is handled;"
            : "Assumes each buffer is dead once the request is handled;")
            + " if one is handed to another thread or kept (queued, cached), reuse would corrupt it. The saving counts"
            + " the buffer bytes only.");
  }

  private static String recommendation(SiteSummary summary, AllocationSite site, BufferSizes.Size size) {
    Frame frame = site.key().appFrame();
    String line = frame.sourceFileGuess() + ":" + frame.line();
    StringBuilder advice = new StringBuilder();
    if (size == null) {
      advice.append("Keep the direct buffer allocated at ").append(line).append(" for the life of the worker"
          + " (a field, or a bounded pool when buffers cross threads) and clear() it per use: each allocateDirect"
          + " reserves native memory through Bits.reserveMemory, zeroes it, and frees it only when a GC has"
          + " processed its Cleaner, so churning them can trigger System.gc() and native out-of-memory.");
      return advice.toString();
    }
    advice.append(String.format(Locale.ROOT, "Allocate the %s KiB %s at %s once per worker and reuse it: a"
        + " field when one thread owns the loop (as here), a ThreadLocal<%s> when a thread pool runs it, or a"
        + " bounded pool (an ArrayBlockingQueue of buffers) only if buffers are handed between threads. Use only"
        + " the first n bytes that each read returns, since a reused buffer keeps the previous request's bytes."
        + " Why it pays: every new %s is zeroed by the JVM (%s KiB of memory writes before any work) and",
        kib(size.bytes()), site.key().allocatedType(), line, site.key().allocatedType(), site.key().allocatedType(),
        kib(size.bytes())));
    advice.append(" buffers this large exhaust TLABs quickly, so allocation falls to the slower refill and"
        + " outside-TLAB paths and fills eden in a few thousand requests.");
    advice.append(String.format(Locale.ROOT, " Removes %.1f MB/s of allocation.", summary.bytesPerSecond() / MB));
    return advice.toString();
  }

  /** Whole KiB from 10 KiB up: the array header's 16 bytes would only add noise to "64 KiB". */
  private static String kib(long bytes) {
    double kib = bytes / 1024.0;
    return String.format(Locale.ROOT, kib >= 10 ? "%.0f" : "%.1f", kib);
  }
}
