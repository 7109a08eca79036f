// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.report.ReportJson;
import io.heapwise.analyzer.testing.ForkedJvm;
import io.heapwise.analyzer.testing.PlantedSite;
import io.heapwise.analyzer.testing.SampleRecording;
import io.heapwise.analyzer.testing.TestEnvironment;
import io.heapwise.cli.render.PprofDecoder;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A recording exported for other tools ({@code --format pprof} and {@code collapsed}): the exports hold the same
 * bytes as the report, and the planted site is a frame with its line, where pprof's source view and a flame graph
 * would point.
 */
class ProfileExportIT {

  private static final String ORDER_BOOK = "io.heapwise.samples.unsized.OrderBook";

  private static Path dir;
  private static Path recording;
  private static Report report;

  @BeforeAll
  static void recordAndReport() throws Exception {
    dir = TestEnvironment.workDir("ProfileExportIT");
    recording = SampleRecording.withAgent(Heapwise.agentJar(), ORDER_BOOK, "include=io.heapwise.samples.unsized", 3,
        dir, "-Xmx64m").jfr();
    Path json = dir.resolve("r.json");
    Heapwise.run(dir, "analyze", recording.toString(), "--format", "json", "-o", json.toString()).assertSuccess();
    try (Reader in = Files.newBufferedReader(json)) {
      report = ReportJson.read(in);
    }
    assertThat(report.gc().allocatedBytes()).as("sampled bytes in the report").isPositive();
  }

  @Test
  void pprofHoldsTheReportsBytesAndThePlantedLine() throws Exception {
    Path pprof = dir.resolve("p.pb.gz");
    Heapwise.run(dir, "analyze", recording.toString(), "--format", "pprof", "-o", pprof.toString()).assertSuccess();
    PprofDecoder.Profile profile = PprofDecoder.decode(Files.readAllBytes(pprof));

    assertThat(profile.sampleTypes()).containsExactly("alloc_objects/count", "alloc_space/bytes");
    assertThat(profile.total(1)).isEqualTo(report.gc().allocatedBytes());
    assertThat(profile.total(0)).isEqualTo(report.recording().allocationSamples());
    assertThat(profile.brokenReferences()).isEmpty();
    PlantedSite planted = PlantedSite.of(ORDER_BOOK);
    assertThat(profile.locations()).contains(ORDER_BOOK + "." + planted.method() + " "
        + ORDER_BOOK.replace('.', '/') + ".java:" + planted.line());
    assertThat(String.join("\n", profile.comments())).contains(report.recording().allocationSource(),
        recording.getFileName().toString());
  }

  @Test
  void openWritesThePageToATemporaryFileAndPrintsItsPathAlone() throws Exception {
    ForkedJvm.Result result = Heapwise.run(dir, "analyze", recording.toString(), "--open").assertSuccess();

    List<String> printed = result.stdout().lines().toList();
    assertThat(printed).as("%s", result).hasSize(1);
    Path page = Path.of(printed.get(0));
    try {
      assertThat(page).isAbsolute().isRegularFile();
      assertThat(page.getFileName().toString()).startsWith("heapwise-report-").endsWith(".html");
      assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>").contains(ORDER_BOOK);
    } finally {
      Files.deleteIfExists(page);
    }
  }

  @Test
  void collapsedStacksHoldTheReportsBytesAndThePlantedLine() throws Exception {
    Path collapsed = dir.resolve("c.txt");
    Heapwise.run(dir, "analyze", recording.toString(), "--format", "collapsed", "-o", collapsed.toString())
        .assertSuccess();
    List<String> lines = Files.readAllLines(collapsed);

    long sum = lines.stream().mapToLong(line -> Long.parseLong(line.substring(line.lastIndexOf(' ') + 1))).sum();
    assertThat(sum).isEqualTo(report.gc().allocatedBytes());
    PlantedSite planted = PlantedSite.of(ORDER_BOOK);
    assertThat(lines).anyMatch(line -> line.contains(";" + ORDER_BOOK + "." + planted.method() + ":" + planted.line()
        + ";"));
    assertThat(lines).allMatch(line -> line.matches("[^ ;][^;]*(;[^;]+)* \\d+"), "frames;frames bytes");
  }
}
