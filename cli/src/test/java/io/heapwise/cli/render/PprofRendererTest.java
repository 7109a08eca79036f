// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import static io.heapwise.cli.render.CallTrees.frame;
import static io.heapwise.cli.render.CallTrees.root;
import static io.heapwise.cli.render.CallTrees.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heapwise.analyzer.model.StackNode;
import io.heapwise.analyzer.report.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The call tree as a pprof profile, read back with the protobuf library as pprof's tools read it. */
class PprofRendererTest {

  private static PprofDecoder.Profile render(Report report) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new PprofRenderer().render(report, out);
    return PprofDecoder.decode(out.toByteArray());
  }

  @Test
  void valuesAreAllocationEventsAndSampledBytesAddingUpToTheRoot() throws Exception {
    StackNode tree = CallTrees.twoThreads();
    PprofDecoder.Profile profile = render(CallTrees.report(tree));

    assertThat(profile.sampleTypes()).containsExactly("alloc_objects/count", "alloc_space/bytes");
    assertThat(profile.defaultSampleType()).isEqualTo("alloc_space");
    assertThat(profile.periodType()).isEqualTo("space/bytes");
    assertThat(profile.total(0)).isEqualTo(tree.samples()).isEqualTo(9);
    assertThat(profile.total(1)).isEqualTo(tree.bytes()).isEqualTo(950);
    assertThat(profile.stringTable().get(0)).isEmpty();
    assertThat(profile.brokenReferences()).isEmpty();
  }

  @Test
  void eachPathIsOneSampleLeafFirstEndingInTheAllocatedType() throws Exception {
    PprofDecoder.Profile profile = render(CallTrees.report(CallTrees.twoThreads()));

    assertThat(profile.samples()).containsExactly(
        "byte[];com.acme.Book.match;com.acme.Server.main 4 400",
        "com.acme.Order;com.acme.Book.match;com.acme.Server.main 2 100",
        "byte[];com.acme.Book.match;com.acme.Book$Index.find;java.lang.Thread.run 2 300",
        "(other stacks) 1 150");
  }

  @Test
  void framesNameTheirFunctionSourceFileAndLineOnce() throws Exception {
    PprofDecoder.Profile profile = render(CallTrees.report(CallTrees.twoThreads()));

    // Book.match:61 is on both threads' paths: one function, one location.
    assertThat(profile.functions()).containsExactlyInAnyOrder(
        "com.acme.Server.main [com.acme.Server.main] com/acme/Server.java",
        "com.acme.Book.match [com.acme.Book.match] com/acme/Book.java",
        "byte[] [byte[]] ",
        "com.acme.Order [com.acme.Order] ",
        "java.lang.Thread.run [java.lang.Thread.run] java/lang/Thread.java",
        "com.acme.Book$Index.find [com.acme.Book$Index.find] com/acme/Book.java",
        "(other stacks) [(other stacks)] ");
    assertThat(profile.locations()).containsExactlyInAnyOrder(
        "com.acme.Server.main com/acme/Server.java:10",
        "com.acme.Book.match com/acme/Book.java:61",
        "byte[] :0",
        "com.acme.Order :0",
        "java.lang.Thread.run java/lang/Thread.java:833",
        "com.acme.Book$Index.find com/acme/Book.java:0",
        "(other stacks) :0");
  }

  @Test
  void oneFunctionOnTwoLinesIsTwoLocations() throws Exception {
    StackNode tree = root(
        frame("com.acme.Book", "match", 61, type("byte[]", 10, 1)),
        frame("com.acme.Book", "match", 73, type("byte[]", 20, 1)));
    PprofDecoder.Profile profile = render(CallTrees.report(tree));

    assertThat(profile.functions()).containsOnlyOnce("com.acme.Book.match [com.acme.Book.match] com/acme/Book.java");
    assertThat(profile.locations()).contains("com.acme.Book.match com/acme/Book.java:61",
        "com.acme.Book.match com/acme/Book.java:73");
    assertThat(profile.brokenReferences()).isEmpty();
  }

  @Test
  void allocationsWithoutAStackKeepTheTotalsWhole() throws Exception {
    StackNode tree = new StackNode(StackNode.Kind.ROOT, null, null, -1, 130, 3,
        List.of(frame("com.acme.Book", "match", 61, type("byte[]", 100, 2))));
    PprofDecoder.Profile profile = render(CallTrees.report(tree));

    assertThat(profile.samples()).contains("(no stack) 1 30");
    assertThat(profile.total(1)).isEqualTo(130);
  }

  @Test
  void theCommentsSayWhatIsCountedAndWhereItCameFrom() throws Exception {
    PprofDecoder.Profile profile = render(CallTrees.report(CallTrees.twoThreads()));

    assertThat(String.join("\n", profile.comments())).contains("allocation events (jdk.ObjectAllocationSample)",
        "not objects", "sampled bytes", "JDK 17.0.15", "app.jfr");
    assertThat(profile.timeNanos()).isEqualTo(CallTrees.START_EPOCH_MILLIS * 1_000_000);
    assertThat(profile.durationNanos()).isEqualTo(12_500_000_000L);
  }

  @Test
  void aReportWithoutTheTreeIsABug() {
    Report withoutGraphs = CallTrees.report(null);

    assertThatThrownBy(() -> new PprofRenderer().render(withoutGraphs, new ByteArrayOutputStream()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("without graphs");
  }
}
