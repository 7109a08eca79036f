// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SiteAttributorTest {

  private static final Frame GROW = new Frame("java.util.ArrayList", "grow", 237, 12, true);
  private static final Frame ADD = new Frame("java.util.ArrayList", "add", 455, 3, true);
  private static final Frame MATCH = new Frame("com.acme.OrderBook", "match", 88, 40, true);
  private static final Frame MAIN = new Frame("com.acme.Main", "main", 12, 7, true);

  @Test
  void firstApplicationFrameAndGrowthMechanism() {
    SiteAttributor.Attribution a = new SiteAttributor(List.of(), List.of()).attribute(List.of(GROW, ADD, MATCH, MAIN));
    assertThat(a.appFrame()).isEqualTo(MATCH);
    assertThat(a.mechanism()).isEqualTo("ArrayList.grow");
    assertThat(a.frames()).containsExactly(GROW, ADD, MATCH);
  }

  @Test
  void libraryFramesAreSkippedLikeTheJdk() {
    Frame library = new Frame("org.lib.Codec", "decode", 5, 1, true);
    SiteAttributor.Attribution a = new SiteAttributor(List.of(), List.of("org.lib.*"))
        .attribute(List.of(library, MATCH));
    assertThat(a.appFrame()).isEqualTo(MATCH);
    assertThat(a.mechanism()).isEqualTo("Codec.decode");
  }

  @Test
  void namedApplicationPackagesWinOverOtherNonJdkFrames() {
    Frame framework = new Frame("io.framework.Dispatcher", "dispatch", 5, 1, true);
    SiteAttributor.Attribution a = new SiteAttributor(List.of("com.acme.**"), List.of())
        .attribute(List.of(framework, MATCH));
    assertThat(a.appFrame()).isEqualTo(MATCH);
  }

  @Test
  void directAllocationHasNoMechanism() {
    assertThat(new SiteAttributor(List.of(), List.of()).attribute(List.of(MATCH, MAIN)).mechanism()).isNull();
  }

  @Test
  void boxingAndStringConcatenationAreNamed() {
    SiteAttributor attributor = new SiteAttributor(List.of(), List.of());
    Frame valueOf = new Frame("java.lang.Long", "valueOf", 1, 1, true);
    assertThat(attributor.attribute(List.of(valueOf, MATCH)).mechanism()).isEqualTo("Long.valueOf");
    Frame concat = new Frame("java.lang.StringConcatHelper", "newArray", 1, 1, true);
    assertThat(attributor.attribute(List.of(concat, MATCH)).mechanism()).isEqualTo("string concatenation");
  }

  @Test
  void jdkOnlyStackHasNoApplicationFrame() {
    SiteAttributor.Attribution a = new SiteAttributor(List.of(), List.of()).attribute(List.of(GROW, ADD));
    assertThat(a.appFrame()).isNull();
    assertThat(a.mechanism()).isNull();
    assertThat(a.frames()).containsExactly(GROW, ADD);
  }
}
