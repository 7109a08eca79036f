// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.bytecode.ObjectModel;

import io.heapwise.analyzer.detect.CollectionConstructor.Status;
import io.heapwise.analyzer.detect.UnsizedCollectionDetector.Growth;
import io.heapwise.analyzer.finding.Confidence;
import io.heapwise.analyzer.finding.EstimatedSaving;
import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.finding.FindingSite;
import io.heapwise.analyzer.finding.Severity;
import io.heapwise.analyzer.model.AllocationProfile;
import io.heapwise.analyzer.model.AllocationSite;
import io.heapwise.analyzer.model.MeasuredSizes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The words and numbers of one {@code UNSIZED_COLLECTION} finding, from what the detector measured. */
record UnsizedCollectionFinding(Growth growth, double share, long lineBytes, CollectionConstructor constructor,
    GrowthEstimate estimate, AllocationProfile profile, ObjectModel sizing) {

  private static final double MB = 1024.0 * 1024.0;

  Finding toFinding(Severity severity) {
    CollectionType type = constructor.type();
    int line = constructor.line() >= 0 ? constructor.line() : growth.line.line();
    FindingSite site = new FindingSite(growth.line.className(), growth.line.method(), line, type.className());
    double growthRate = growth.bytes / profile.durationSeconds();
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("collectionType", type.className());
    evidence.put("growthBytesPerSecond", growthRate);
    evidence.put("growthShareOfAllocation", share);
    evidence.put("growthShareOfLine", lineBytes > 0 ? (double) growth.bytes / lineBytes : 1.0);
    evidence.put("samples", growth.samples);
    evidence.put("growthAllocations", growthAllocations());
    evidence.put("growthLine", growth.line.toString());
    evidence.put("constructor", constructorText());
    if (constructor.status() == Status.NO_CLASS_FILES && estimate.constructorLine() >= 0) {
      // Not the bytecode's word, but the recording's: the collection objects themselves were sampled there.
      evidence.put("collectionObjectsSampledAt", growth.line.sourceFileGuess() + ":" + estimate.constructorLine());
    }
    if (estimate.collectionsPerSecond() > 0) {
      evidence.put("collectionsPerSecond", estimate.collectionsPerSecond());
    }
    evidence.put("suggestedCapacity", estimate.suggested() > 0 ? estimate.suggested() : "unknown");
    evidence.put("capacityFrom", estimate.method());
    if (estimate.measured() != null) {
      MeasuredSizes sizes = estimate.measured();
      evidence.put("measuredCollections", sizes.measured());
      evidence.put("measuredSizeMedian", sizes.quantile(0.5));
      evidence.put("measuredSizeP90", sizes.quantile(0.9));
      evidence.put("measuredSizeMax", sizes.max());
      evidence.put("measuredSizeMean", Math.round(sizes.mean() * 10) / 10.0);
    }
    evidence.put("measuredBy", profile.allocationSource().eventNames() + " bytes whose stack holds a growth frame ("
        + growth.bytesByType.keySet().stream().map(CollectionType::simpleName).sorted()
            .collect(Collectors.joining(", "))
        + "), attributed to the first application frame; constructor " + switch (constructor.status()) {
          case NO_CLASS_FILES -> "not checked (no class files)";
          case MEASURED_BY_AGENT -> "where the agent measured default-capacity instances";
          default -> "from the bytecode";
        } + (estimate.basis() == GrowthEstimate.Basis.MEASURED
            ? "; sizes from heapwise.CollectionSizes (the agent read them when the allocating method returned)" : ""));
    return new Finding(Finding.idOf(FindingKind.UNSIZED_COLLECTION, site), FindingKind.UNSIZED_COLLECTION,
        severity, site, null, summary(type, growthRate), evidence, recommendation(type),
        new EstimatedSaving(estimate.savingBytesPerSecond(),
            estimate.savingBytesPerSecond() / profile.bytesPerSecond()),
        confidence(), confidenceNote(type));
  }

  private List<String> growthAllocations() {
    List<String> lines = new ArrayList<>();
    for (List<AllocationSite> sites : growth.sitesByType.values()) {
      for (AllocationSite site : sites) {
        lines.add(String.format(Locale.ROOT, "%s via %s: %.2f MB/s (%d samples)", site.key().allocatedType(),
            site.key().mechanism(), site.bytes() / profile.durationSeconds() / MB, site.samples()));
      }
    }
    return lines;
  }

  private String constructorText() {
    String file = growth.line.sourceFileGuess();
    String simple = constructor.type().simpleName();
    return switch (constructor.status()) {
      case DEFAULT_CAPACITY -> constructor.type().defaultConstructor() + " at " + file + ":" + constructor.line()
          + " (bytecode: ()V)";
      case AMBIGUOUS -> simple + " constructed at several lines of " + growth.line.method() + " "
          + constructor.lines() + ", some at default capacity: which one grows is not in the recording";
      case ELSEWHERE -> "not constructed in " + growth.line.method() + ": a field, a parameter or a JDK method's";
      case NO_CLASS_FILES -> "not checked: no class files for " + growth.line.className() + " (pass --classpath)";
      case MEASURED_BY_AGENT -> constructor.type().defaultConstructor() + " at " + file + ":" + constructor.line()
          + " (the agent, which measures only default-capacity constructions, measured instances there)";
      case SIZED -> simple + " constructed with arguments at " + constructor.lines();
    };
  }

  private String summary(CollectionType type, double growthRate) {
    return String.format(Locale.ROOT, "The %s grown at %s:%d reallocates its backing array at %.1f MB/s"
        + " (%.0f%% of all allocation)%s.", type.simpleName(), growth.line.sourceFileGuess(), growth.line.line(),
        growthRate / MB, share * 100, constructor.status() == Status.DEFAULT_CAPACITY
            ? ": it is created at default capacity at " + growth.line.sourceFileGuess() + ":" + constructor.line()
            : "");
  }

  private String recommendation(CollectionType type) {
    String file = growth.line.sourceFileGuess();
    int jdk = jdkFeature(profile.jdkVersion());
    String code = estimate.suggested() > 0 ? type.presized(estimate.suggested(), jdk)
        : type.presized(0, jdk).replace("(0)", "(expectedSize)").replace("(0 /", "(expectedSize /");
    String why = String.format(Locale.ROOT, "each growth allocates a %s larger %s and copies the old one into it,"
        + " which is garbage at once; a presized %s allocates one array, once",
        type.growth().ratioText(), arrayName(type), type.simpleName());
    String size;
    if (estimate.suggested() > 0) {
      String grows = estimate.basis() == GrowthEstimate.Basis.MEASURED
          ? "the measured ones hold up to ~%,d %s, the largest few more; " : "it grows to ~%,d %s; ";
      size = String.format(Locale.ROOT, grows, estimate.elements(), type.unit());
    } else if (estimate.basis() == GrowthEstimate.Basis.MEASURED) {
      size = String.format(Locale.ROOT, "most measured ones fit the default capacity and the largest reach %,d %s:"
          + " pass the count where it is known, e.g. the source's size(); ", estimate.measured().max(), type.unit());
    } else {
      size = "the size it grows to could not be measured: use the count you know at that point; ";
    }
    String where = switch (constructor.status()) {
      case DEFAULT_CAPACITY, MEASURED_BY_AGENT -> "`" + code + "` at " + file + ":" + constructor.line()
          + " instead of `" + type.defaultConstructor() + "`";
      case AMBIGUOUS -> "`" + code + "` at whichever of " + file + " lines " + constructor.lines()
          + " builds the " + type.simpleName() + " filled at line " + growth.line.line();
      case ELSEWHERE -> "`" + code + "` where the " + type.simpleName() + " filled at " + file + ":"
          + growth.line.line() + " is created (not in " + growth.line.method() + ": a field, a caller, or a JDK"
          + " method such as Collectors.toList(), which cannot be presized: then collect into your own)";
      default -> "`" + code + "` where the " + type.simpleName() + " filled at " + file + ":" + growth.line.line()
          + " is created (" + (estimate.constructorLine() >= 0 ? "the recording saw " + type.simpleName()
              + " objects allocated at " + file + ":" + estimate.constructorLine() + "; " : "")
          + "pass --classpath to have the constructor line checked)";
    };
    return "Presize it: " + where + " (" + size + why + ").";
  }

  private static String arrayName(CollectionType type) {
    return switch (type.growth()) {
      case HASH_MAP -> "HashMap$Node[] table";
      case STRING_BUILDER, BYTE_STREAM -> "byte[]";
      default -> "Object[]";
    };
  }

  /**
   * High only when the default-capacity constructor is known (bytecode or the agent's measurements) and exact or
   * measured sizes give the capacity; each of a rate estimate, an unconfirmed constructor and an unknown capacity
   * lowers it.
   */
  private Confidence confidence() {
    int level = 2;
    if (!sizesKnown()) {
      level--;
    }
    if (constructor.line() < 0) {
      level--;
    }
    if (estimate.suggested() < 0) {
      level--;
    }
    return Confidence.values()[Math.max(0, level)];
  }

  private String confidenceNote(CollectionType type) {
    List<String> notes = new ArrayList<>();
    if (estimate.basis() == GrowthEstimate.Basis.MEASURED) {
      notes.add("Sizes were read by the agent from sampled collections when the method that made them returned; a"
          + " collection kept in a field and filled later was measured too early, and its size understated.");
    }
    if (!sizesKnown()) {
      notes.add(estimate.suggested() > 0 ? "The capacity is an estimate from sampled rates: the average growth per "
          + type.simpleName() + " leans towards the largest collections when sizes vary, and a capacity for the"
          + " largest wastes memory on the small ones. TLAB events (jdk.ObjectAllocationInNewTLAB) give exact array"
          + " sizes." : "No capacity could be measured (see capacityFrom).");
    }
    notes.add(String.format(Locale.ROOT, "The saving counts the growth bytes minus the final array a presized"
        + " %s still allocates, taken as %.0f%% of growth for %s growth (1/r of a geometric series of ratio r);"
        + " collections that outgrow the suggested capacity still grow once.", type.simpleName(),
        type.growth().savedFraction() * 100, type.growth().ratioText()));
    if (constructor.status() == Status.NO_CLASS_FILES) {
      notes.add("Without class files the constructor was not seen: if it already passes a capacity, the capacity"
          + " is too small rather than missing.");
    }
    if (!sizing.assumed().isEmpty()) {
      notes.add(sizing.assumptionNote());
    }
    return String.join(" ", notes);
  }

  private boolean sizesKnown() {
    return estimate.basis() == GrowthEstimate.Basis.MEASURED || estimate.basis() == GrowthEstimate.Basis.EXACT_SIZES;
  }

  /** The feature release of a version such as {@code 21.0.2}; {@code -1} when the recording does not say. */
  static int jdkFeature(String version) {
    if (version == null) {
      return -1;
    }
    java.util.regex.Matcher digits = java.util.regex.Pattern.compile("^(\\d+)").matcher(version.strip());
    return digits.find() ? Integer.parseInt(digits.group(1)) : -1;
  }
}
