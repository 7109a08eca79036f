// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.report.ReportJson;
import io.heapwise.analyzer.testing.ForkedJvm;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A genuine recording of more than a gigabyte, analyzed in a 256 MB heap: the model grows with distinct sites and
 * stacks, never with events. The recording is one JVM's ({@code BulkRecording}: every allocation event JFR can make,
 * through thousands of call paths), not copies of one file joined together, which
 * JFR readers do not read as one recording. It is deleted afterwards.
 */
class LargeRecordingIT {

  /** Just over a GiB once written out; about 6 MB of recording a second here, so three minutes. */
  private static final long MEGABYTES = 1_060;

  @Test
  void aGigabyteRecordingIsAnalyzedInA256MegabyteHeap() throws Exception {
    Path dir = TestEnvironment.workDir("LargeRecordingIT");
    Path large = dir.resolve("bulk.jfr");
    try {
      ForkedJvm.java()
          .args("-XX:-ResizeTLAB", "-XX:TLABSize=4k", "-cp", TestEnvironment.samplesClassPath().toString(),
              "io.heapwise.samples.recording.BulkRecording", "--mb", String.valueOf(MEGABYTES), "--out",
              large.toString())
          .start(dir)
          .await(Duration.ofMinutes(10))
          .assertSuccess();
      assertThat(Files.size(large)).isGreaterThan(1L << 30);

      ForkedJvm.Result result = Heapwise.run(dir, List.of("-Xmx256m"), "analyze", large.toString(), "--format",
          "json").assertSuccess();
      Report report = ReportJson.read(new StringReader(result.stdout()));

      Map<String, Long> counts = Heapwise.jfrSummary(dir, large);
      // jfr summary lists the metadata and constant-pool records too: "jdk.CheckPoint" on 17, "jdk.Checkpoint" on 25.
      long events = counts.entrySet().stream()
          .filter(type -> !type.getKey().equals("jdk.Metadata") && !type.getKey().equalsIgnoreCase("jdk.CheckPoint"))
          .mapToLong(Map.Entry::getValue).sum();
      assertThat(report.recording().problems()).isEmpty();
      assertThat(report.recording().eventsRead()).isEqualTo(events);
      assertThat(report.recording().allocationSamples()).isEqualTo(counts.get("jdk.ObjectAllocationSample"));
      assertThat(report.sites()).isNotEmpty();
      assertThat(report.sites().get(0).className()).isEqualTo("io.heapwise.samples.recording.BulkRecording");
    } finally {
      Files.deleteIfExists(large);
    }
  }
}
