// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.bytecode.AllocationInstruction;
import io.heapwise.analyzer.bytecode.MethodAllocations;
import io.heapwise.analyzer.bytecode.ObjectModel;
import io.heapwise.analyzer.model.AllocationProfile;
import io.heapwise.analyzer.model.AllocationSite;
import io.heapwise.analyzer.model.Frame;
import io.heapwise.analyzer.model.LargeAllocationSite;
import java.util.List;

/**
 * The size of the arrays a site allocates, from the most direct evidence there is. An
 * {@code jdk.ObjectAllocationSample} carries no size (its weight is the bytes since the thread's previous sample),
 * so sizes come from events that do, or from the class file.
 */
final class ArraySizes {

  private ArraySizes() {
  }

  /**
   * An array's footprint and where it was learnt.
   *
   * @param measured an event carried the size; otherwise it was computed from a constant length in the class file
   */
  record ArraySize(long bytes, String source, boolean measured) {
  }

  /** G1 makes an object humongous when it is larger than half a region (HotSpot's {@code is_humongous}). */
  static boolean isHumongous(long bytes, long regionBytes) {
    return bytes > regionBytes / 2;
  }

  static boolean usesG1(AllocationProfile profile) {
    return profile.collectors().stream().anyMatch(c -> c.startsWith("G1"));
  }

  /** The G1 region size when the recording ran G1 and states it, else {@code -1}. */
  static long g1RegionBytes(AllocationProfile profile) {
    return usesG1(profile) ? profile.vmSettings().g1RegionBytes() : -1;
  }

  /** The size of the arrays at {@code site}, or {@code null} when neither the recording nor the class file says. */
  static ArraySize at(DetectionInput input, AllocationSite site) {
    Frame frame = site.key().appFrame();
    if (frame == null) {
      return null;
    }
    long region = g1RegionBytes(input.profile());
    for (LargeAllocationSite large : input.profile().largeAllocationSites()) {
      Frame other = large.appFrame();
      // The event's size is the request that failed, which is a new TLAB as often as an object. Only a request
      // above G1's largest TLAB (half a region) is certainly the object itself.
      boolean certainlyAnObject = region > 0 && isHumongous(large.maxSizeBytes(), region);
      if (certainlyAnObject && sameLine(frame, other)) {
        return new ArraySize(large.maxSizeBytes(), "jdk.AllocationRequiringGC size (largest of " + large.count()
            + ")", true);
      }
    }
    if (site.exactSizes().count() > 0) {
      return new ArraySize(site.exactSizes().max(), "allocationSize of " + site.exactSizes().count()
          + " TLAB events (largest)", true);
    }
    String type = site.key().allocatedType();
    if (site.key().mechanism() != null || !type.endsWith("[]")) {
      return null; // allocated inside a JDK method: the application's bytecode does not show its length
    }
    List<AllocationInstruction> code = MethodAllocations.of(input.classFiles(), frame.className(), frame.method())
        .orElse(List.of());
    long length = constantLength(code, frame.line(), type);
    if (length < 0) {
      return null;
    }
    ObjectModel model = ObjectModel.of(input.profile().vmSettings());
    int element = model.elementBytes(type);
    return new ArraySize(model.arrayBytes(element, length), "constant array length " + length + " at "
        + frame.sourceFileGuess() + ":" + frame.line() + " in the class file x " + element + "-byte elements + "
        + model.arrayHeaderBytes(element) + "-byte array header", false);
  }

  /**
   * The largest constant length of the arrays of {@code type} allocated on {@code line}, or {@code -1} when there
   * is none or one of them has a computed length (then the constant one may not be the one sampled).
   */
  static long constantLength(List<AllocationInstruction> instructions, int line, String type) {
    long longest = -1;
    for (AllocationInstruction instruction : instructions) {
      if (instruction.line() == line && instruction.type().equals(type)) {
        if (instruction.constantArrayLength() < 0) {
          return -1;
        }
        longest = Math.max(longest, instruction.constantArrayLength());
      }
    }
    return longest;
  }

  static boolean sameLine(Frame a, Frame b) {
    return b != null && a.className().equals(b.className()) && a.method().equals(b.method()) && a.line() == b.line();
  }
}
