// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.bytecode.ClassLayout;
import io.heapwise.analyzer.bytecode.ObjectModel;
import io.heapwise.analyzer.finding.Confidence;
import io.heapwise.analyzer.finding.EstimatedSaving;
import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.finding.FindingSite;
import io.heapwise.analyzer.finding.Severity;
import io.heapwise.analyzer.report.SiteSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hot application classes whose instances are mostly object header and references: every instance costs a header the
 * collector must parse and pointers it must trace, and a web of them is walked by cache-missing loads. The layout is
 * computed from the class files with the recorded JVM's header, reference and alignment sizes.
 */
public final class PointerHeavyClassDetector implements Detector {

  static final Threshold MIN_POINTER_SHARE = new Threshold("pointer-heavy-class.min-pointer-share", 0.60,
      "When header and references are 60% of an instance, most of each allocation is bookkeeping, not data.");
  static final Threshold MIN_TYPE_SHARE = new Threshold("pointer-heavy-class.min-type-share", 0.05,
      "A class under 5% of allocation does not set GC frequency; rewriting its layout would not pay.");
  static final Threshold WARNING_TYPE_SHARE = new Threshold("pointer-heavy-class.warning-type-share", 0.25,
      "A quarter of all allocation in one pointer-heavy class is a first-order cost of young collections.");
  /** An index into parallel arrays replaces a reference: an {@code int}, whatever the reference size. */
  private static final int INDEX_BYTES = 4;

  @Override
  public FindingKind kind() {
    return FindingKind.POINTER_HEAVY_CLASS;
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_POINTER_SHARE, MIN_TYPE_SHARE, WARNING_TYPE_SHARE);
  }

  @Override
  public List<Finding> detect(DetectionInput input) {
    ObjectModel model = ObjectModel.of(input.profile().vmSettings());
    List<Finding> findings = new ArrayList<>();
    TreeSet<String> withoutClassFiles = new TreeSet<>();
    for (HotType type : HotType.of(input)) {
      if (type.share() < input.thresholds().get(MIN_TYPE_SHARE)) {
        continue;
      }
      ClassLayout layout = ClassLayout.of(input.classFiles(), type.name(), model).orElse(null);
      if (layout == null) {
        withoutClassFiles.add(type.name());
      } else if (isPointerHeavy(input, type, layout)) {
        findings.add(finding(input, type, layout));
      }
    }
    if (!withoutClassFiles.isEmpty()) {
      input.undecided().accept("POINTER_HEAVY_CLASS: no class files for " + String.join(", ", withoutClassFiles)
          + ": pass --classpath to compute their layout");
    }
    return findings;
  }

  /** The hot types this detector flags; HOT_SHORT_LIVED leaves their allocation to it. */
  static Set<String> flaggedTypes(DetectionInput input) {
    ObjectModel model = ObjectModel.of(input.profile().vmSettings());
    Set<String> flagged = new TreeSet<>();
    for (HotType type : HotType.of(input)) {
      ClassLayout.of(input.classFiles(), type.name(), model)
          .filter(layout -> isPointerHeavy(input, type, layout))
          .ifPresent(layout -> flagged.add(type.name()));
    }
    return flagged;
  }

  private static boolean isPointerHeavy(DetectionInput input, HotType type, ClassLayout layout) {
    return type.share() >= input.thresholds().get(MIN_TYPE_SHARE)
        && layout.pointerShare() >= input.thresholds().get(MIN_POINTER_SHARE);
  }

  private static Finding finding(DetectionInput input, HotType type, ClassLayout layout) {
    SiteSummary hottest = type.hottest();
    double bytesPerSecond = type.bytesPerSecond();
    int flatBytes = flatBytes(layout);
    double saving = bytesPerSecond * Math.max(0, layout.instanceBytes() - flatBytes) / layout.instanceBytes();
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("objectModel", layout.model().describe());
    evidence.put("instanceBytes", layout.instanceBytes());
    evidence.put("headerBytes", layout.headerBytes());
    evidence.put("primitiveBytes", layout.primitiveBytes());
    evidence.put("referenceCount", layout.referenceCount());
    evidence.put("referenceBytes", layout.referenceBytes());
    evidence.put("paddingBytes", layout.paddingBytes());
    evidence.put("boxedFields", names(layout.boxedFields()));
    evidence.put("selfTypedFields", names(layout.selfTypedFields()));
    evidence.put("pointerShare", layout.pointerShare());
    evidence.put("fields", layout.fields().stream().map(f -> f.offset() + ": " + f.type() + " " + f.name()).toList());
    evidence.put("allocationShare", type.share());
    evidence.put("allocationBytesPerSecond", bytesPerSecond);
    evidence.put("instancesPerSecond", bytesPerSecond / layout.instanceBytes());
    evidence.put("allocationSites", type.sites().size());
    evidence.put("survivorSamples", type.survivors());
    evidence.put("flatBytesPerInstance", flatBytes);
    evidence.put("measuredBy", "layout from the class files (HotSpot JDK 15+ field packing) with the recording's"
        + " jdk.GCHeapConfiguration and -XX flags; allocation from "
        + input.profile().allocationSource().eventNames() + " summed over the type's hot sites"
        + (type.survivors() > 0 ? "; live objects from jdk.OldObjectSample" : ""));
    Severity severity = type.share() >= input.thresholds().get(WARNING_TYPE_SHARE) ? Severity.WARNING : Severity.INFO;
    return new Finding(
        Finding.idOf(FindingKind.POINTER_HEAVY_CLASS, type.findingSite()),
        FindingKind.POINTER_HEAVY_CLASS,
        severity,
        type.findingSite(),
        type.name(),
        String.format(Locale.ROOT, "%s is %.0f%% header and references (%d of %d bytes) and makes %.0f%% of all"
            + " allocation (%.1f MB/s, hottest at %s).", simpleName(type.name()), layout.pointerShare() * 100,
            layout.headerBytes() + layout.referenceBytes(), layout.instanceBytes(), type.share() * 100,
            bytesPerSecond / (1024 * 1024), hottest.location()),
        evidence,
        LayoutAdvice.recommendation(layout, hottest, type.survivors(), flatBytes),
        new EstimatedSaving(saving, input.allocationBytesPerSecond() > 0
            ? saving / input.allocationBytesPerSecond() : 0),
        layout.model().assumed().isEmpty() ? Confidence.HIGH : Confidence.MEDIUM,
        "The layout is HotSpot's field packing without @Contended padding or JVM-injected fields"
            + (layout.model().assumed().isEmpty() ? "" : ", with assumed " + String.join(", ", layout.model().assumed()))
            + ". The saving assumes the flat arrays are allocated as often as the objects were; reusing them across"
            + " rebuilds saves all " + String.format(Locale.ROOT, "%.1f MB/s", bytesPerSecond / (1024 * 1024))
            + ". Allocation by type is sampled: a type seen in few samples has a rough rate.");
  }

  /**
   * Bytes per element of the flat layout: the primitives, an {@code int} index per reference (a row in parallel
   * arrays), and the primitive in place of each box. No header and no padding: those are what flattening removes.
   */
  static int flatBytes(ClassLayout layout) {
    int bytes = layout.primitiveBytes();
    for (ClassLayout.Field field : layout.fields()) {
      if (field.reference()) {
        int unboxed = ClassLayout.unboxedBytes(field.type());
        bytes += unboxed > 0 ? unboxed : INDEX_BYTES;
      }
    }
    return bytes;
  }

  private static List<String> names(List<ClassLayout.Field> fields) {
    return fields.stream().map(f -> f.type() + " " + f.name()).toList();
  }

  static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /** An allocated application class, its hot sites (largest first) and their totals. */
  private record HotType(String name, List<SiteSummary> sites, long bytes, double share, double bytesPerSecond,
      long survivors) {

    static List<HotType> of(DetectionInput input) {
      Map<String, List<DetectionInput.HotSite>> byType = new LinkedHashMap<>();
      for (DetectionInput.HotSite hot : input.hotSites()) {
        String type = hot.summary().allocatedType();
        // Lambdas are JVM-generated hidden classes: no class file to lay out, and nothing to flatten.
        if (!type.endsWith("[]") && !isJdk(type) && !type.contains("$$Lambda") && hot.summary().method() != null) {
          byType.computeIfAbsent(type, t -> new ArrayList<>()).add(hot);
        }
      }
      List<HotType> types = new ArrayList<>();
      byType.forEach((name, hots) -> types.add(new HotType(name,
          hots.stream().map(DetectionInput.HotSite::summary).toList(),
          hots.stream().mapToLong(h -> h.summary().bytes()).sum(),
          hots.stream().mapToDouble(h -> h.summary().share()).sum(),
          hots.stream().mapToDouble(h -> h.summary().bytesPerSecond()).sum(),
          hots.stream().mapToLong(h -> h.site().survivorSamples()).sum())));
      return types;
    }

    SiteSummary hottest() {
      return sites.get(0);
    }

    FindingSite findingSite() {
      SiteSummary site = hottest();
      return new FindingSite(site.className(), site.method(), site.line(), name);
    }

    private static boolean isJdk(String type) {
      return type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.")
          || type.startsWith("sun.") || type.startsWith("com.sun.");
    }
  }
}
