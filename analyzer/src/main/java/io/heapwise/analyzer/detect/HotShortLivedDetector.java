// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.finding.EstimatedSaving;
import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.finding.FindingSite;
import io.heapwise.analyzer.finding.Severity;
import io.heapwise.analyzer.model.AllocationSite;
import io.heapwise.analyzer.model.Frame;
import io.heapwise.analyzer.model.MeasuredLifetimes;
import io.heapwise.analyzer.report.SiteSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A source line that allocates at a high rate objects that die young, such as {@code line.split(" ")} (a
 * {@code String[]}, an {@code ArrayList} and its {@code Object[]}, and a {@code String} plus {@code byte[]} per
 * field). Sites are grouped by application line because the developer changes a line, not a type. Buffers that
 * {@link PoolingCandidateDetector} speaks for, or whose size is unknown, are left out: one piece of advice per
 * line, and the more specific one wins.
 */
public final class HotShortLivedDetector implements Detector {

  static final Threshold MIN_LINE_SHARE = new Threshold("hot-short-lived.min-line-share", 0.10,
      "A line under 10% of allocation cannot change young-GC frequency by more than a tenth.");
  static final Threshold MIN_COLLECTIONS_CAUSED = new Threshold("hot-short-lived.min-collections-caused", 3,
      "GC cost comes per collection: a line whose share of allocation accounts for under 3 collections cost 2 pauses.");
  static final Threshold CRITICAL_LINE_SHARE = new Threshold("hot-short-lived.critical-line-share", 0.5,
      "A line that is half of all allocation sets the young-GC rate by itself.");

  /**
   * The agent's lifetimes speak for a line only when the types it measured there are at least half of the line's
   * bytes: what the JDK allocates for the line (a split's strings) is not instrumented, so not measured.
   */
  static final double MIN_MEASURED_LINE_COVERAGE = 0.5;

  private static final double MB = 1024.0 * 1024.0;
  /** What to write instead, for the JDK APIs whose garbage a line most often makes. */
  private static final Map<String, String> MECHANISM_ADVICE = new LinkedHashMap<>();

  static {
    MECHANISM_ADVICE.put("String.split", "Instead of split(), find the field bounds with indexOf and parse in place"
        + " (Integer.parseInt(CharSequence, begin, end, radix), startsWith(prefix, offset)), keeping the bounds"
        + " in an int[] reused across calls.");
    MECHANISM_ADVICE.put("String.substring", "Pass (string, begin, end) instead of substrings, and parse or"
        + " compare in place (regionMatches, Integer.parseInt(CharSequence, begin, end, radix)).");
    MECHANISM_ADVICE.put("String.format", "Replace String.format, which builds a Formatter and parses the format"
        + " with a regex on every call, with StringBuilder appends (or java.util.HexFormat for hex digits).");
    MECHANISM_ADVICE.put("String.replaceAll", "Compile the Pattern once into a static final field, or use"
        + " String.replace(CharSequence, CharSequence), which needs no regex.");
    MECHANISM_ADVICE.put("string concatenation", "Append into one StringBuilder reused across the loop (setLength(0))"
        + " instead of concatenating per iteration.");
  }

  @Override
  public FindingKind kind() {
    return FindingKind.HOT_SHORT_LIVED;
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_LINE_SHARE, MIN_COLLECTIONS_CAUSED, CRITICAL_LINE_SHARE, Lifetimes.MAX_SURVIVOR_RATIO,
        Lifetimes.MAX_RETAINED_SHARE, Lifetimes.MIN_MEASURED_OBJECTS, Lifetimes.MIN_MEASURED_YOUNG_SHARE);
  }

  @Override
  public List<Finding> detect(DetectionInput input) {
    Thresholds limits = input.thresholds();
    Lifetimes lifetimes = new Lifetimes(input.profile(), limits);
    List<Finding> findings = new ArrayList<>();
    int collections = input.profile().collections().size();
    for (LineGroup line : lines(input)) {
      // Collections scale with bytes allocated, so a line's share of them is its share of allocation.
      if (line.share < limits.get(MIN_LINE_SHARE)
          || collections * line.share < limits.get(MIN_COLLECTIONS_CAUSED)) {
        continue;
      }
      // Measured objects that mostly live long (a cache) get no finding: that is what measuring is for.
      Lifetimes.Verdict lifetime = lifetimes.judge(line.share, line.survivors,
          line.measuredShare >= MIN_MEASURED_LINE_COVERAGE * line.share ? line.measured : null);
      if (lifetime.state() == Lifetimes.State.UNKNOWN) {
        input.undecided().accept("HOT_SHORT_LIVED: cannot tell whether what " + line.top.location()
            + " allocates dies young: " + lifetime.reason());
      } else if (lifetime.state() == Lifetimes.State.SHORT_LIVED) {
        findings.add(finding(input, line, lifetime));
      }
    }
    return findings;
  }

  /** The hot application lines, largest first, without the buffers another detector (or nobody) speaks for. */
  private static List<LineGroup> lines(DetectionInput input) {
    Set<String> pointerHeavy = PointerHeavyClassDetector.flaggedTypes(input);
    Map<Frame, LineGroup> byLine = new LinkedHashMap<>();
    for (DetectionInput.HotSite hot : input.hotSites()) {
      AllocationSite site = hot.site();
      Frame frame = site.key().appFrame();
      if (frame == null) {
        continue;
      }
      if (BufferSizes.isBuffer(site) && !smallBuffer(input, hot)) {
        continue;
      }
      // One piece of advice per allocation: growth of the application's collections belongs to
      // UNSIZED_COLLECTION, boxes to BOXING and pointer-heavy classes to POINTER_HEAVY_CLASS, whose advice
      // (presize, use primitives, flatten) is more specific than "stop allocating".
      if (UnsizedCollectionDetector.isApplicationCollectionGrowth(site) || BoxingDetector.isBoxing(site)
          || pointerHeavy.contains(site.key().allocatedType())) {
        continue;
      }
      byLine.computeIfAbsent(site.key().appFrame(), f -> new LineGroup(hot.summary()))
          .add(hot, input.profile().measuredLifetimesOf(site).orElse(null));
    }
    List<LineGroup> lines = new ArrayList<>(byLine.values());
    lines.sort((a, b) -> Double.compare(b.share, a.share));
    return lines;
  }

  /**
   * Whether a buffer is known to be under {@link PoolingCandidateDetector#MIN_BUFFER_BYTES}, so that this
   * detector's advice (stop allocating, do not pool) is the right one. Direct buffers and large arrays are
   * PoolingCandidateDetector's; a buffer of unknown size is nobody's, and both detectors say so.
   */
  private static boolean smallBuffer(DetectionInput input, DetectionInput.HotSite hot) {
    AllocationSite site = hot.site();
    if (BufferSizes.DIRECT_BUFFER.equals(site.key().allocatedType())) {
      return false;
    }
    Optional<BufferSizes.Size> size = BufferSizes.of(site, input);
    if (size.isEmpty()) {
      if (input.profile().collections().size() * hot.summary().share()
          >= input.thresholds().get(MIN_COLLECTIONS_CAUSED)) {
        input.undecided().accept("HOT_SHORT_LIVED: " + site.key().allocatedType() + " at "
            + hot.summary().location() + " is a buffer of unknown size: small ones get HOT_SHORT_LIVED advice,"
            + " large ones POOLING_CANDIDATE; pass --classpath to size it");
      }
      return false;
    }
    return size.get().bytes() < input.thresholds().get(PoolingCandidateDetector.MIN_BUFFER_BYTES);
  }

  private static Finding finding(DetectionInput input, LineGroup line, Lifetimes.Verdict lifetime) {
    SiteSummary top = line.top;
    FindingSite where = new FindingSite(top.className(), top.method(), top.line(), top.allocatedType());
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("lineShare", line.share);
    evidence.put("bytesPerSecond", line.bytesPerSecond);
    evidence.put("samples", line.samples);
    evidence.put("collectionsCaused", Math.round(input.profile().collections().size() * line.share));
    evidence.put("allocatedTypes", line.types);
    evidence.put("mechanisms", new ArrayList<>(line.mechanisms));
    evidence.putAll(lifetime.evidence());
    evidence.put("measuredBy", "bytes from " + input.profile().allocationSource().eventNames()
        + " grouped by application line; lifetime from " + lifetime.evidence().get("lifetimeMeasuredBy"));
    String location = top.location();
    String summary = String.format(Locale.ROOT, "%s allocates %.1f MB/s (%.0f%% of allocation) of %s that die"
        + " young%s.", location, line.bytesPerSecond / MB, line.share * 100, String.join(", ", line.typeNames()),
        lifetime.measuredByAgent() ? ": " + lifetime.measured() + " (measured by the agent)" : "");
    return new Finding(Finding.idOf(FindingKind.HOT_SHORT_LIVED, where), FindingKind.HOT_SHORT_LIVED,
        line.share >= input.thresholds().get(CRITICAL_LINE_SHARE) ? Severity.CRITICAL : Severity.WARNING,
        where, null, summary, evidence, recommendation(line),
        new EstimatedSaving(line.bytesPerSecond, line.share), lifetime.confidence(),
        (lifetime.measuredByAgent()
            ? "Lifetime is measured by the agent on sampled objects; an age is when the agent saw the object dead,"
                + " just after the GC that freed it, so an upper bound at GC resolution."
            : "Lifetime is inferred from jdk.* events, not measured per object; if some of these objects are kept"
                + " (cached, queued), removing them saves less.")
            + " The saving assumes the line stops allocating entirely.");
  }

  private static String recommendation(LineGroup line) {
    SiteSummary top = line.top;
    String where = (top.file() != null ? top.file() : "") + ":" + top.line();
    StringBuilder advice = new StringBuilder("Stop allocating at ").append(top.location()).append(". ");
    int specific = 0;
    for (Map.Entry<String, String> hint : MECHANISM_ADVICE.entrySet()) {
      if (line.mechanisms.contains(hint.getKey())) {
        advice.append(hint.getValue()).append(' ');
        specific++;
      }
    }
    if (specific == 0) {
      advice.append("Reuse indices or a mutable holder instead of building new objects per call, and keep the"
          + " objects local (not stored in fields, not passed to non-inlined calls) so that C2's escape analysis"
          + " can scalar-replace them. ");
    }
    advice.append("Do not pool these objects: on the JVM a small allocation is a TLAB pointer bump (~10 ns) and a"
        + " young collection costs in proportion to survivors, not to garbage, so they are nearly free to collect;"
        + " a pool adds synchronization, promotes the pooled objects to the old generation, and every young object"
        + " stored into one dirties a card that the next young collection must scan. Saves up to ")
        .append(String.format(Locale.ROOT, "%.1f MB/s at line %s.", line.bytesPerSecond / MB, where));
    return advice.toString();
  }

  /** The hot sites of one application line. */
  private static final class LineGroup {
    final SiteSummary top;
    double share;
    double bytesPerSecond;
    long samples;
    long survivors;
    /** The agent's lifetimes of the line's measured sites, summed; {@code null} when none was measured. */
    MeasuredLifetimes measured;
    double measuredShare;
    final Map<String, Double> types = new LinkedHashMap<>();
    final TreeSet<String> mechanisms = new TreeSet<>();

    LineGroup(SiteSummary top) {
      this.top = top;
    }

    void add(DetectionInput.HotSite hot, MeasuredLifetimes siteLifetimes) {
      if (siteLifetimes != null) {
        measured = measured == null ? siteLifetimes : measured.plus(siteLifetimes);
        measuredShare += hot.summary().share();
      }
      share += hot.summary().share();
      bytesPerSecond += hot.summary().bytesPerSecond();
      samples += hot.summary().samples();
      survivors += hot.site().survivorSamples();
      types.merge(hot.site().key().allocatedType(), hot.summary().share(), Double::sum);
      if (hot.site().key().mechanism() != null) {
        mechanisms.add(hot.site().key().mechanism());
      }
    }

    List<String> typeNames() {
      return new ArrayList<>(types.keySet());
    }
  }
}
