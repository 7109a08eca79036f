// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.bytecode.AllocationInstruction;
import io.heapwise.analyzer.bytecode.ObjectModel;
import io.heapwise.analyzer.model.AllocationSite;
import io.heapwise.analyzer.model.SiteKey;
import io.heapwise.analyzer.model.SiteTimeline;
import io.heapwise.analyzer.model.SizeStats;
import io.heapwise.analyzer.model.TestProfiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class BufferSizesTest {

  @Test
  void arraySizeIsHeaderPlusElementsAlignedToEightBytes() {
    ObjectModel model = ObjectModel.DEFAULT;
    assertThat(model.arrayBytes(1, 65536)).isEqualTo(65552);
    assertThat(model.arrayBytes(1, 1)).isEqualTo(24);
    assertThat(model.arrayBytes(8, 3)).isEqualTo(40);
    assertThat(model.arrayBytes(2, 8192)).isEqualTo(16400);
  }

  @Test
  void aConstantLengthCountsOnlyWhenEveryArrayOfTheTypeOnTheLineHasOne() {
    List<AllocationInstruction> constant = List.of(new AllocationInstruction(44, "byte[]", null, 65536),
        new AllocationInstruction(44, "int[]", null, -1), new AllocationInstruction(45, "byte[]", null, -1));
    assertThat(ArraySizes.constantLength(constant, 44, "byte[]")).isEqualTo(65536);
    assertThat(ArraySizes.constantLength(constant, 44, "int[]")).isEqualTo(-1);
    List<AllocationInstruction> mixed = List.of(new AllocationInstruction(7, "byte[]", null, 16),
        new AllocationInstruction(7, "byte[]", null, -1));
    assertThat(ArraySizes.constantLength(mixed, 7, "byte[]")).isEqualTo(-1);
  }

  @Test
  void buffersAreArraysTheApplicationAllocatesItselfOrDirectBuffers() {
    assertThat(BufferSizes.isBuffer(site("byte[]", null))).isTrue();
    assertThat(BufferSizes.isBuffer(site("byte[]", "ByteBuffer.allocate"))).isTrue();
    assertThat(BufferSizes.isBuffer(site("java.nio.DirectByteBuffer", "ByteBuffer.allocateDirect"))).isTrue();
    assertThat(BufferSizes.isBuffer(site("byte[]", "String.split"))).isFalse();
    assertThat(BufferSizes.isBuffer(site("java.lang.Object[]", null))).isFalse();
  }

  private static AllocationSite site(String type, String mechanism) {
    return new AllocationSite(new SiteKey(type, TestProfiles.line("handle", 44), mechanism), List.of(), 100, 1,
        new SizeStats(), 0, SiteTimeline.EMPTY);
  }
}
