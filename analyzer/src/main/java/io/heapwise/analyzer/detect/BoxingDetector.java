// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.bytecode.ObjectModel;

import io.heapwise.analyzer.finding.Confidence;
import io.heapwise.analyzer.finding.EstimatedSaving;
import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.finding.FindingSite;
import io.heapwise.analyzer.finding.Severity;
import io.heapwise.analyzer.model.AllocationProfile;
import io.heapwise.analyzer.model.AllocationSite;
import io.heapwise.analyzer.model.Frame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Hot autoboxing: allocations under {@code Integer.valueOf}, {@code Long.valueOf}, ... at an application line.
 * {@code valueOf} returns cached boxes for -128..127 (and {@code Boolean} never allocates), so every sampled box
 * is a value beyond the cache, or a {@code Float}/{@code Double}, which have none. A box C2 could prove local
 * would have been scalar-replaced and never sampled: these reached the heap.
 */
public final class BoxingDetector implements Detector {

  static final Threshold WARNING_SHARE = new Threshold("boxing.warning-share", 0.10,
      "At 10% of allocation, one line's boxes set a tenth of the young-collection rate.");
  static final Threshold CRITICAL_SHARE = new Threshold("boxing.critical-share", 0.30,
      "At 30% of allocation, making one line's values primitive removes a large part of all GC work.");
  /** Fewer samples than this make the rate a rough figure: the confidence says so. */
  static final int STABLE_SAMPLES = 20;

  private static final double MB = 1024.0 * 1024.0;

  /** The boxing mechanism, as {@code SiteKey.mechanism} names it, and the primitive it boxes. */
  private static final Map<String, Primitive> BOXES = Map.of(
      "Integer.valueOf", new Primitive("int", "java.lang.Integer", 4),
      "Long.valueOf", new Primitive("long", "java.lang.Long", 8),
      "Short.valueOf", new Primitive("short", "java.lang.Short", 2),
      "Byte.valueOf", new Primitive("byte", "java.lang.Byte", 1),
      "Character.valueOf", new Primitive("char", "java.lang.Character", 2),
      "Float.valueOf", new Primitive("float", "java.lang.Float", 4),
      "Double.valueOf", new Primitive("double", "java.lang.Double", 8));

  @Override
  public FindingKind kind() {
    return FindingKind.BOXING;
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARNING_SHARE, CRITICAL_SHARE);
  }

  /** Whether the site allocates boxes beyond the small-value cache: {@code Long.valueOf} allocating a Long. */
  static boolean isBoxing(AllocationSite site) {
    String mechanism = site.key().mechanism();
    return mechanism != null && BOXES.containsKey(mechanism)
        && BOXES.get(mechanism).box().equals(site.key().allocatedType());
  }

  @Override
  public List<Finding> detect(DetectionInput input) {
    AllocationProfile profile = input.profile();
    if (profile.allocationSource() == null || profile.totalBytes() == 0 || profile.durationSeconds() <= 0) {
      input.undecided().accept("BOXING: the recording has no allocation events (jdk.ObjectAllocationSample or"
          + " TLAB events): boxing could not be measured");
      return List.of();
    }
    Map<Frame, List<AllocationSite>> byLine = new LinkedHashMap<>();
    for (AllocationSite site : profile.sites()) {
      if (site.key().appFrame() != null && isBoxing(site)) {
        byLine.computeIfAbsent(site.key().appFrame(), line -> new ArrayList<>()).add(site);
      }
    }
    double minShare = input.thresholds().get(DetectionInput.MIN_SITE_SHARE);
    ObjectModel sizing = ObjectModel.of(profile.vmSettings());
    List<Finding> findings = new ArrayList<>();
    byLine.forEach((line, sites) -> {
      long bytes = sites.stream().mapToLong(AllocationSite::bytes).sum();
      double share = (double) bytes / profile.totalBytes();
      if (share >= minShare) {
        Optional<BoxingUses> uses = BoxingUses.of(input.classFiles(), line.className(), line.method(), line.line());
        findings.add(finding(line, sites, bytes, share, profile, sizing, input.thresholds(), uses));
      }
    });
    return findings;
  }

  private static Finding finding(Frame line, List<AllocationSite> sites, long bytes, double share,
      AllocationProfile profile, ObjectModel sizing, Thresholds limits, Optional<BoxingUses> uses) {
    double seconds = profile.durationSeconds();
    double rate = bytes / seconds;
    long samples = sites.stream().mapToLong(AllocationSite::samples).sum();
    AllocationSite top = sites.stream().max((a, b) -> Long.compare(a.bytes(), b.bytes())).orElseThrow();
    Primitive main = BOXES.get(top.key().mechanism());
    List<String> boxedTypes = new ArrayList<>();
    double boxesPerSecond = 0;
    for (AllocationSite site : sites) {
      Primitive boxed = BOXES.get(site.key().mechanism());
      long boxBytes = sizing.instanceBytes(0, boxed.bytes());
      boxesPerSecond += site.bytes() / seconds / boxBytes;
      boxedTypes.add(String.format(Locale.ROOT, "%s (%d bytes each): %.2f MB/s, %d samples", boxed.box(),
          boxBytes, site.bytes() / seconds / MB, site.samples()));
    }
    FindingSite site = new FindingSite(line.className(), line.method(), line.line(), main.box());
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("boxingBytesPerSecond", rate);
    evidence.put("shareOfAllocation", share);
    evidence.put("boxesPerSecond", boxesPerSecond);
    evidence.put("boxedTypes", boxedTypes);
    evidence.put("samples", samples);
    evidence.put("boxingFrames", top.frames().stream().map(Frame::toString).toList());
    evidence.put("boxesFlowInto", uses.map(u -> u.consumers().isEmpty()
        ? (Object) "no call after valueOf on the line: stored in a field or array, or returned"
        : u.consumers()).orElse("not checked: no class files for " + line.className() + " (pass --classpath)"));
    evidence.put("measuredBy", profile.allocationSource().eventNames() + " bytes whose stack holds "
        + String.join(", ", sites.stream().map(s -> s.key().mechanism()).distinct().toList())
        + " below the application frame; box sizes from the recording's compressed-oops and header settings");
    String file = line.sourceFileGuess() + ":" + line.line();
    String summary = String.format(Locale.ROOT, "%s boxes %,.0f %s values a second into new %s objects at %.1f MB/s"
        + " (%.0f%% of all allocation).", file, boxesPerSecond, main.name(), simple(main.box()), rate / MB,
        share * 100);
    return new Finding(Finding.idOf(FindingKind.BOXING, site), FindingKind.BOXING, severity(share, limits), site,
        null, summary, evidence, recommendation(file, main, sizing.instanceBytes(0, main.bytes()), uses),
        new EstimatedSaving(rate, share),
        samples >= STABLE_SAMPLES ? Confidence.HIGH : Confidence.MEDIUM, confidenceNote(samples, sizing));
  }

  private static String recommendation(String file, Primitive boxed, long boxBytes, Optional<BoxingUses> uses) {
    String name = boxed.name();
    String box = simple(boxed.box());
    String containers = switch (name) {
      case "long" -> "a `long[]` indexed by a dense key number (resolve names to indexes once, at the edge), a"
          + " primitive-valued map (fastutil `Object2LongOpenHashMap`, Eclipse Collections `ObjectLongHashMap`),"
          + " or a `LongAdder` / plain `long` field for a counter";
      case "int" -> "an `int[]` indexed by a dense key number, a primitive map (fastutil `Int2IntOpenHashMap` /"
          + " `Object2IntOpenHashMap`, Eclipse Collections `IntIntHashMap`), or an `int` field for a counter";
      case "double", "float" -> "a `" + name + "[]` indexed by a dense key number, a primitive-valued map (fastutil"
          + " `Object2DoubleOpenHashMap`), or a `DoubleAdder` / plain `" + name + "` field for a running sum";
      default -> "a `" + name + "[]` or a primitive collection instead of a `List<" + box + ">` or `Map<…, " + box
          + ">`";
    };
    String flow = uses.filter(u -> !u.consumers().isEmpty())
        .map(u -> " The boxes go to " + u.describe() + (u.unboxes() ? " and the line unboxes too (`" + name
            + "Value`): a read-modify-write of a boxed value, so every update allocates a new " + box + "." : "."))
        .orElse("");
    return "Keep the values primitive at " + file + ": a `" + name + "` local for a running value, " + containers
        + "." + flow + " Every `" + box + ".valueOf` beyond the small-value cache allocates a new " + boxBytes
        + "-byte object; C2's escape analysis removes a box only when it does not leave the compiled method, and these"
        + " left it (stored in a collection or field, or passed to a call that was not inlined).";
  }

  private static String confidenceNote(long samples, ObjectModel sizing) {
    String note = "Rates come from sampled allocations; a value that must cross a generic API you do not own"
        + " (a `Map<K, V>` parameter, a callback) stays boxed whatever this line does.";
    if (samples < STABLE_SAMPLES) {
      note += " Only " + samples + " samples: record longer for a stable rate.";
    }
    return String.join(" ", note, sizing.assumptionNote()).strip();
  }

  private static Severity severity(double share, Thresholds limits) {
    if (share >= limits.get(CRITICAL_SHARE)) {
      return Severity.CRITICAL;
    }
    return share >= limits.get(WARNING_SHARE) ? Severity.WARNING : Severity.INFO;
  }

  private static String simple(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /** A primitive type, its box class and the box's value size in bytes. */
  private record Primitive(String name, String box, int bytes) {
  }
}
