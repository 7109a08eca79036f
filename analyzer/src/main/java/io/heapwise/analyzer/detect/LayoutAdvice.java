// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.bytecode.ClassLayout;
import io.heapwise.analyzer.report.SiteSummary;
import java.util.List;
import java.util.Locale;

/** The flatter layout a {@code POINTER_HEAVY_CLASS} finding proposes, worded from the class's own fields. */
final class LayoutAdvice {

  private LayoutAdvice() {
  }

  static String recommendation(ClassLayout layout, SiteSummary hottest, long survivors, int flatBytes) {
    String simple = PointerHeavyClassDetector.simpleName(layout.className());
    List<ClassLayout.Field> links = layout.selfTypedFields();
    List<ClassLayout.Field> boxes = layout.boxedFields();
    StringBuilder advice = new StringBuilder();
    advice.append("Stop allocating a ").append(simple).append(" per element at ").append(hottest.location())
        .append(". ");
    if (!links.isEmpty()) {
      advice.append("Its ").append(fieldList(links)).append(links.size() == 1 ? " makes" : " make").append(" it a linked node: keep the structure as parallel"
          + " primitive arrays indexed by an int row instead (one array per field, an int[] of row indexes with -1"
          + " for null in place of each link; for adjacency lists, compressed sparse rows: an int[] of offsets per"
          + " owner and the targets in one int[]), allocated once and refilled in place. ");
    }
    List<ClassLayout.Field> others = layout.fields().stream()
        .filter(f -> f.reference() && !links.contains(f) && !boxes.contains(f)).toList();
    if (!others.isEmpty()) {
      advice.append("Replace the reference").append(others.size() > 1 ? "s " : " ").append(fieldList(others))
          .append(" by int indexes into the owning arrays. ");
    }
    if (!boxes.isEmpty()) {
      advice.append("Store ").append(fieldList(boxes)).append(" as primitives: each box is a separate object behind"
          + " a reference (for maps keyed by boxes, use a primitive-keyed map such as fastutil's or Eclipse"
          + " Collections'). ");
    }
    advice.append(String.format(Locale.ROOT, "Per element the flat layout holds %d bytes instead of %d: the"
        + " %d-byte header, %d bytes of padding and the reference slots go, and with them the pointers young and"
        + " concurrent collections must trace and the cache misses of chasing them.", flatBytes,
        layout.instanceBytes(), layout.headerBytes(), layout.paddingBytes()));
    if (survivors > 0) {
      advice.append(String.format(Locale.ROOT, " %d jdk.OldObjectSample survivor%s came from its sites: instances"
          + " also live long, so every marking cycle traces their %d references each.", survivors,
          survivors == 1 ? "" : "s", layout.referenceCount()));
    }
    return advice.toString();
  }

  private static String fieldList(List<ClassLayout.Field> fields) {
    return String.join(", ", fields.stream()
        .map(f -> "'" + PointerHeavyClassDetector.simpleName(f.type()).replace('$', '.') + " " + f.name() + "'")
        .toList());
  }
}
