// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.model.VmSettings;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Layouts checked against what JOL prints for HotSpot 17-25 with the same settings. */
class ClassLayoutTest {

  private static final ObjectModel COMPRESSED = ObjectModel.DEFAULT;
  private static final ObjectModel UNCOMPRESSED = new ObjectModel(16, 8, 8, List.of());
  private static final ObjectModel COMPACT = new ObjectModel(8, 4, 8, List.of());

  private static ClassFiles samples;
  private static ClassFiles tests;

  /** One int and one reference: 12 + 4 + 4 = 20, aligned to 24. */
  static final class IntAndRef {
    int count;
    Object value;
  }

  /** A long cannot sit at offset 12: it goes to 16 and the 4-byte gap takes the reference. */
  static final class LongAndRef {
    long total;
    String name;
  }

  /** A node of a linked list of boxed longs. */
  static final class BoxedNode {
    Long value;
    BoxedNode next;
  }

  static class Base {
    byte flag;
  }

  /** The subclass's int fills the gap HotSpot leaves after the superclass's byte (JDK 15+). */
  static final class Derived extends Base {
    int count;
    short tag;
  }

  @BeforeAll
  static void open() throws Exception {
    samples = ClassFiles.open(List.of(TestEnvironment.samplesClassPath()));
    tests = ClassFiles.open(List.of(Path.of(ClassLayoutTest.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI())));
  }

  @AfterAll
  static void close() throws Exception {
    samples.close();
    tests.close();
  }

  private static ClassLayout layout(ClassFiles files, Class<?> type, ObjectModel model) {
    return ClassLayout.of(files, type.getName(), model).orElseThrow();
  }

  @Test
  void oneIntAndOneReferenceUnderCompressedOops() {
    ClassLayout layout = layout(tests, IntAndRef.class, COMPRESSED);
    assertThat(layout.instanceBytes()).isEqualTo(24);
    assertThat(layout.fields()).extracting(ClassLayout.Field::name, ClassLayout.Field::offset)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("count", 12), org.assertj.core.groups.Tuple.tuple("value", 16));
    assertThat(layout.paddingBytes()).isEqualTo(4);
    assertThat(layout.pointerShare()).isEqualTo(16.0 / 24);
  }

  @Test
  void withoutCompressionHeadersAndReferencesDouble() {
    ClassLayout layout = layout(tests, IntAndRef.class, UNCOMPRESSED);
    assertThat(layout.instanceBytes()).isEqualTo(32); // 16 + 4 + pad 4 + 8
    assertThat(layout.fields()).extracting(ClassLayout.Field::offset).containsExactly(16, 24);
  }

  @Test
  void compactHeadersLeaveEightBytes() {
    assertThat(layout(tests, IntAndRef.class, COMPACT).instanceBytes()).isEqualTo(16); // 8 + 4 + 4
    assertThat(ClassLayout.of(tests, "java.lang.Object", COMPACT)).hasValueSatisfying(
        l -> assertThat(l.instanceBytes()).isEqualTo(8));
  }

  @Test
  void referenceFillsTheGapBeforeALong() {
    ClassLayout layout = layout(tests, LongAndRef.class, COMPRESSED);
    assertThat(layout.instanceBytes()).isEqualTo(24);
    assertThat(layout.fields()).extracting(ClassLayout.Field::name).containsExactly("name", "total");
    assertThat(layout.fields()).extracting(ClassLayout.Field::offset).containsExactly(12, 16);
    assertThat(layout.paddingBytes()).isZero();
  }

  @Test
  void subclassFieldsFillSuperclassGaps() {
    ClassLayout layout = layout(tests, Derived.class, COMPRESSED);
    // flag@12, count@16, tag@13? no: tag (2 bytes, 2-aligned) takes 14, the smallest gap after flag.
    assertThat(layout.fields()).extracting(ClassLayout.Field::name, ClassLayout.Field::offset).containsExactly(
        org.assertj.core.groups.Tuple.tuple("flag", 12), org.assertj.core.groups.Tuple.tuple("tag", 14),
        org.assertj.core.groups.Tuple.tuple("count", 16));
    assertThat(layout.instanceBytes()).isEqualTo(24);
  }

  @Test
  void boxedAndSelfTypedFieldsAreNamed() {
    ClassLayout layout = layout(tests, BoxedNode.class, COMPRESSED);
    assertThat(layout.boxedFields()).extracting(ClassLayout.Field::name).containsExactly("value");
    assertThat(layout.selfTypedFields()).extracting(ClassLayout.Field::name).containsExactly("next");
    assertThat(layout.instanceBytes()).isEqualTo(24); // 12 + 4 + 4 = 20 -> 24
    assertThat(layout.referenceCount()).isEqualTo(2);
  }

  @Test
  void theSampleRoadIsMostlyHeaderAndPointers() {
    ClassLayout road = ClassLayout.of(samples, "io.heapwise.samples.pointers.GraphWalk$Road", COMPRESSED)
        .orElseThrow();
    assertThat(road.instanceBytes()).isEqualTo(24); // 12 + int 4 + two references 4 + 4
    assertThat(road.referenceCount()).isEqualTo(2);
    assertThat(road.selfTypedFields()).extracting(ClassLayout.Field::name).containsExactly("next");
    assertThat(road.pointerShare()).isCloseTo(20.0 / 24, org.assertj.core.api.Assertions.within(1e-9));
    ClassLayout report = ClassLayout.of(samples, "io.heapwise.samples.pointers.TickReport", COMPRESSED)
        .orElseThrow();
    assertThat(report.instanceBytes()).isEqualTo(32); // 12, int at 12, longs at 16 and 24
    assertThat(report.pointerShare()).isLessThan(0.5);
  }

  @Test
  void missingClassFilesGiveNoLayout() {
    assertThat(ClassLayout.of(ClassFiles.NONE, "com.acme.Missing", COMPRESSED)).isEmpty();
  }

  @Test
  void objectModelFollowsTheRecordedFlags() {
    ObjectModel big = ObjectModel.of(new VmSettings(Map.of("UseCompressedClassPointers", "false"), false, 16));
    assertThat(big).isEqualTo(new ObjectModel(16, 8, 16, List.of()));
    ObjectModel compact = ObjectModel.of(new VmSettings(Map.of("UseCompactObjectHeaders", "true"), true, 8));
    assertThat(compact.headerBytes()).isEqualTo(8);
    ObjectModel unknown = ObjectModel.of(VmSettings.UNKNOWN);
    assertThat(unknown.headerBytes()).isEqualTo(12);
    assertThat(unknown.assumed()).contains("UseCompressedOops=true", "ObjectAlignmentInBytes=8");
    assertThat(ObjectModel.DEFAULT.arrayBytes(4, 1024 * 1024)).isEqualTo(16 + 4L * 1024 * 1024);
  }
}
