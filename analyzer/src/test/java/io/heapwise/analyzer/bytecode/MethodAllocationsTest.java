// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.testing.PlantedSite;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads the real class files of the samples, as {@code --classpath} would give them. */
class MethodAllocationsTest {

  private static ClassFiles samples;

  @BeforeAll
  static void open() throws Exception {
    samples = ClassFiles.open(List.of(TestEnvironment.samplesClassPath()));
  }

  @AfterAll
  static void close() throws Exception {
    samples.close();
  }

  @Test
  void defaultCapacityListIsANoArgConstructorCall() throws Exception {
    PlantedSite planted = PlantedSite.of("io.heapwise.samples.unsized.OrderBook");
    List<AllocationInstruction> match = MethodAllocations.of(samples, planted.className(), planted.method())
        .orElseThrow();
    assertThat(match).filteredOn(a -> a.type().equals("java.util.ArrayList"))
        .singleElement()
        .satisfies(list -> {
          assertThat(list.noArgConstructor()).isTrue();
          assertThat(list.line()).isLessThan(planted.line());
        });
  }

  @Test
  void presizedListPassesItsCapacity() throws Exception {
    List<AllocationInstruction> match = MethodAllocations.of(samples,
        "io.heapwise.samples.unsized.PresizedOrderBook", "match").orElseThrow();
    assertThat(match).filteredOn(a -> a.type().equals("java.util.ArrayList"))
        .singleElement()
        .satisfies(list -> assertThat(list.constructorDescriptor()).isEqualTo("(I)V"));
  }

  @Test
  void constantBufferLengthIsKnown() throws Exception {
    PlantedSite planted = PlantedSite.of("io.heapwise.samples.pooling.RequestHandlerLoop");
    List<AllocationInstruction> method = MethodAllocations.of(samples, planted.className(), planted.method())
        .orElseThrow();
    assertThat(method).filteredOn(a -> a.line() == planted.line())
        .singleElement()
        .satisfies(buffer -> {
          assertThat(buffer.type()).isEqualTo("byte[]");
          assertThat(buffer.constantArrayLength()).isEqualTo(64 * 1024);
        });
  }

  @Test
  void missingClassIsEmpty() {
    assertThat(MethodAllocations.of(samples, "com.acme.Missing", "run")).isEmpty();
    assertThat(MethodAllocations.of(ClassFiles.NONE, "io.heapwise.samples.unsized.OrderBook", "match")).isEmpty();
  }
}
