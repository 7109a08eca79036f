// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.report.ReportJson;
import io.heapwise.analyzer.testing.ForkedJvm;
import io.heapwise.analyzer.testing.SampleRecording;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.io.StringReader;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 100 MB recording analyzed in a 256 MB heap: the model is aggregated while events stream by. JFR files are
 * sequences of self-contained chunks, so one real recording repeated makes a large, valid one.
 */
class LargeRecordingIT {

  private static final long TARGET_BYTES = 100L * 1024 * 1024;

  @Test
  void hundredMegabyteRecordingFitsInA256MegabyteHeap() throws Exception {
    Path dir = TestEnvironment.workDir("LargeRecordingIT");
    // TLAB events with stacks make a dense recording: millions of events, as from a busy production service.
    Path settings = dir.resolve("dense.jfc");
    Files.writeString(settings, """
        <?xml version="1.0" encoding="UTF-8"?>
        <configuration version="2.0" label="dense">
          <event name="jdk.ObjectAllocationInNewTLAB"><setting name="enabled">true</setting>\
        <setting name="stackTrace">true</setting></event>
          <event name="jdk.ObjectAllocationOutsideTLAB"><setting name="enabled">true</setting>\
        <setting name="stackTrace">true</setting></event>
          <event name="jdk.GarbageCollection"><setting name="enabled">true</setting>\
        <setting name="threshold">0 ms</setting></event>
          <event name="jdk.GCHeapSummary"><setting name="enabled">true</setting></event>
        </configuration>
        """);
    // Tiny fixed TLABs make the JVM emit an allocation event every couple of KB: a ~10 MB chunk in 3 s.
    Path one = SampleRecording.withJdkSettings("io.heapwise.samples.unsized.OrderBook", settings.toString(),
        3, dir, "-Xmx64m", "-XX:TLABSize=2k", "-XX:-ResizeTLAB").jfr();
    long size = Files.size(one);
    int copies = (int) ((TARGET_BYTES + size - 1) / size);
    Path large = dir.resolve("large.jfr");
    try (FileChannel out = FileChannel.open(large, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      for (int i = 0; i < copies; i++) {
        try (FileChannel in = FileChannel.open(one)) {
          in.transferTo(0, size, out);
        }
      }
    }
    assertThat(Files.size(large)).isGreaterThanOrEqualTo(TARGET_BYTES);

    ForkedJvm.Result result = Heapwise.run(dir, List.of("-Xmx256m"), "analyze", large.toString(), "--format", "json")
        .assertSuccess();
    Report report = ReportJson.read(new StringReader(result.stdout()));
    Report single = Heapwise.analyzeJson(dir, one);
    assertThat(report.recording().eventsRead()).isEqualTo(copies * single.recording().eventsRead());
    assertThat(report.gc().collections()).isEqualTo(copies * single.gc().collections());
    assertThat(report.sites().get(0).location()).isEqualTo(single.sites().get(0).location());
    Files.delete(large);
  }
}
