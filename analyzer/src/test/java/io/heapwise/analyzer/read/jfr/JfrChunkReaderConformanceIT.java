// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.testing.SampleRecording;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chunk reader against the JDK's reader, event for event, on recordings of the samples made by the JDK under
 * test: with the agent, in small chunks and with the TLAB events on; and with the JDK's own {@code profile} settings,
 * which turn on most event types and so most field types.
 */
class JfrChunkReaderConformanceIT {

  private static final String LOG_AGGREGATOR = "io.heapwise.samples.shortlived.LogAggregator";
  private static final String GEOMETRY_KERNEL = "io.heapwise.samples.escape.GeometryKernel";
  /** Every allocation event on, with stacks, so that chunks fill fast and hold all three kinds. */
  private static final String ALLOCATION_SETTINGS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <configuration version="2.0" label="allocations" description="chunk reader conformance" provider="Heapwise">
        <event name="jdk.ObjectAllocationSample">
          <setting name="enabled">true</setting>
          <setting name="stackTrace">true</setting>
          <setting name="throttle">1000000/s</setting>
        </event>
        <event name="jdk.ObjectAllocationInNewTLAB">
          <setting name="enabled">true</setting>
          <setting name="stackTrace">true</setting>
        </event>
        <event name="jdk.ObjectAllocationOutsideTLAB">
          <setting name="enabled">true</setting>
          <setting name="stackTrace">true</setting>
        </event>
        <event name="jdk.GarbageCollection">
          <setting name="enabled">true</setting>
          <setting name="threshold">0 ms</setting>
        </event>
        <event name="jdk.ThreadStart">
          <setting name="enabled">true</setting>
        </event>
      </configuration>
      """;

  @Test
  void agentRecordingInSeveralChunksWithTlabEvents() throws Exception {
    Path dir = TestEnvironment.workDir("JfrChunkReaderConformanceIT-tlab");
    Path settings = Files.writeString(dir.resolve("allocations.jfc"), ALLOCATION_SETTINGS);
    SampleRecording recording = SampleRecording.withAgent(TestEnvironment.agentJar(), LOG_AGGREGATOR,
        "log=none,settings=" + settings, 3, dir, "-XX:FlightRecorderOptions=maxchunksize=1M", "-XX:TLABSize=4k",
        "-XX:-ResizeTLAB");

    List<ChunkConformance.Outcome> outcomes = readAlike(recording.jfr());

    assertThat(outcomes).hasSizeGreaterThan(1);
  }

  @Test
  void agentRecordingWithItsOwnSettings() throws Exception {
    Path dir = TestEnvironment.workDir("JfrChunkReaderConformanceIT-agent");
    SampleRecording recording = SampleRecording.withAgent(TestEnvironment.agentJar(), GEOMETRY_KERNEL, "log=none", 3,
        dir);

    readAlike(recording.jfr());
  }

  @Test
  void jdkProfileSettings() throws Exception {
    Path dir = TestEnvironment.workDir("JfrChunkReaderConformanceIT-profile");
    SampleRecording recording = SampleRecording.withJdkSettings(LOG_AGGREGATOR, "profile", 3, dir);

    readAlike(recording.jfr());
  }

  private static List<ChunkConformance.Outcome> readAlike(Path jfr) throws Exception {
    List<ChunkConformance.Outcome> outcomes = ChunkConformance.compareFile(jfr);
    outcomes.forEach(outcome -> System.out.println("conformance: " + outcome));
    assertThat(outcomes).isNotEmpty().allSatisfy(outcome -> {
      assertThat(outcome.jdkFailure()).as(outcome.chunk()).isNull();
      assertThat(outcome.ourFailure()).as(outcome.chunk()).isNull();
      assertThat(outcome.ourEvents()).as(outcome.chunk()).isEqualTo(outcome.jdkEvents()).isPositive();
    });
    return outcomes;
  }
}
