// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.model.AllocationProfile;
import io.heapwise.analyzer.model.AllocationSite;
import io.heapwise.analyzer.model.SiteKey;
import io.heapwise.analyzer.model.StackNode;
import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.report.ReportJson;
import io.heapwise.analyzer.testing.ForkedJvm;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipFile;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reading a recording's chunks in parallel gives the report of reading them one after another, and recordings given
 * together add up to each analyzed alone. The recordings are real: {@code LateRecording}'s workers allocate before
 * and during its recording, so that each worker's first sample (which the analyzer holds aside and caps) and its
 * counter readings fall into different chunks, with 1 MB chunks and many samples a second. Two brief recordings
 * started and stopped during it add four chunk boundaries JFR cannot postpone: on a busy machine its 1 MB rotation
 * came so late that the file had three chunks (one of 2.1 MB), too few to give each of three readers one.
 */
class ChunkParallelReadIT {

  private static final String LATE_RECORDING = "io.heapwise.samples.recording.LateRecording";
  private static final String HEAPWISE_JFC = "io/heapwise/agent/jfr/heapwise.jfc";

  private static Path manyChunks;

  @BeforeAll
  static void recordManyChunks() throws Exception {
    Path dir = TestEnvironment.workDir("ChunkParallelReadIT/many-chunks");
    manyChunks = record(dir, "many-chunks.jfr", "-XX:FlightRecorderOptions:maxchunksize=1M", "-XX:-ResizeTLAB",
        "-XX:TLABSize=4k", "--settings", denseSettings(dir).toString(), "--seconds", "7", "--workers", "3",
        "--split", "2");
  }

  @Test
  void chunksReadInParallelGiveTheReportOfReadingThemOneAfterAnother() throws Exception {
    assertThat(chunkOffsets(manyChunks)).as("chunks in %s", manyChunks).hasSizeGreaterThanOrEqualTo(5);

    String sequential = reportOf(List.of(manyChunks), 1);

    assertThat(reportOf(List.of(manyChunks), 2)).isEqualTo(sequential);
    assertThat(reportOf(List.of(manyChunks), 3)).isEqualTo(sequential);
    assertThat(sequential).contains("\"allocationSamples\"");
  }

  @Test
  void theCallTreeHoldsEverySampledByteWhetherChunksAreReadInParallelOrNot() throws Exception {
    AnalysisOptions graphs = AnalysisOptions.defaults().withGraphs(true);

    Report sequential = new Analyzer().analyze(List.of(manyChunks), graphs.withReaderThreads(1));
    Report parallel = new Analyzer().analyze(List.of(manyChunks), graphs.withReaderThreads(3));
    AllocationProfile profile = new Analyzer().profile(List.of(manyChunks), graphs);

    StackNode root = sequential.stacks();
    assertThat(root.bytes()).isPositive().isEqualTo(sequential.gc().allocatedBytes());
    assertThat(root.samples()).isEqualTo(profile.allocationSamples());
    assertThat(ReportJson.toJson(parallel)).isEqualTo(ReportJson.toJson(sequential));
    Map<String, Long> bytesByLeafType = new HashMap<>();
    // A thread's first sample can be settled at 0 bytes (all allocated before the recording): a sample, no bytes,
    // and the profile's per-type totals leave such a type out.
    leaves(root, leaf -> bytesByLeafType.merge(leaf.className(), leaf.bytes(), Long::sum));
    bytesByLeafType.values().removeIf(bytes -> bytes == 0);
    assertThat(bytesByLeafType).isEqualTo(profile.bytesByType());
    assertThat(sequential.collections()).hasSize(profile.collections().size()).isNotEmpty();
    assertThat(new Analyzer().analyze(List.of(manyChunks), AnalysisOptions.defaults()).stacks())
        .as("only asked for").isNull();
  }

  private static void leaves(StackNode node, Consumer<StackNode> leaf) {
    if (node.kind() == StackNode.Kind.ALLOCATED_TYPE) {
      leaf.accept(node);
    }
    node.children().forEach(child -> leaves(child, leaf));
  }

  @Test
  void twoRecordingsGivenTogetherAddUpToEachAnalyzedAlone() throws Exception {
    Path dir = TestEnvironment.workDir("ChunkParallelReadIT/two-inputs");
    Path other = record(dir, "two-workers.jfr", "--settings", "profile", "--seconds", "2", "--workers", "2");
    Analyzer analyzer = new Analyzer();
    AnalysisOptions options = AnalysisOptions.defaults();

    AllocationProfile first = analyzer.profile(List.of(manyChunks), options);
    AllocationProfile second = analyzer.profile(List.of(other), options);
    AllocationProfile together = analyzer.profile(List.of(manyChunks, other), options);

    assertThat(first.totalBytes()).isPositive();
    assertThat(second.totalBytes()).isPositive();
    assertThat(together.totalBytes()).isEqualTo(first.totalBytes() + second.totalBytes());
    assertThat(together.allocationSamples()).isEqualTo(first.allocationSamples() + second.allocationSamples());
    assertThat(together.eventsRead()).isEqualTo(first.eventsRead() + second.eventsRead());
    assertThat(together.durationSeconds()).isCloseTo(first.durationSeconds() + second.durationSeconds(),
        Offset.offset(1e-9));
    assertThat(together.collections()).hasSize(first.collections().size() + second.collections().size());
    assertThat(bytesBySite(together)).isEqualTo(sum(bytesBySite(first), bytesBySite(second)));
    assertThat(together.bytesByType()).isEqualTo(sum(first.bytesByType(), second.bytesByType()));
    assertThat(together.firstSampleCorrection().bytesRemoved()).isEqualTo(
        first.firstSampleCorrection().bytesRemoved() + second.firstSampleCorrection().bytesRemoved());
  }

  @Test
  void aChunkNeitherReaderUnderstandsIsReportedAndTheOthersAreRead() throws Exception {
    Path dir = TestEnvironment.workDir("ChunkParallelReadIT/damaged");
    Path damaged = dir.resolve("second-chunk-damaged.jfr");
    Files.copy(manyChunks, damaged, StandardCopyOption.REPLACE_EXISTING);
    long second = chunkOffsets(damaged).get(1);
    try (FileChannel file = FileChannel.open(damaged, StandardOpenOption.WRITE)) {
      // The header's metadata offset, pointed past the chunk's end: no reader can make sense of its events.
      file.write(ByteBuffer.allocate(8).putLong(0, Long.MAX_VALUE / 2), second + 24);
    }

    Report whole = new Analyzer().analyze(List.of(manyChunks), AnalysisOptions.defaults());
    Report report = new Analyzer().analyze(List.of(damaged), AnalysisOptions.defaults());

    int chunks = chunkOffsets(damaged).size();
    assertThat(report.recording().problems()).singleElement().asString()
        .contains("chunk 2 of " + chunks, "the JDK's JFR reader stopped", "0 events of this chunk");
    assertThat(report.recording().eventsRead()).isPositive().isLessThan(whole.recording().eventsRead());
  }

  private static String reportOf(List<Path> recordings, int readerThreads) throws Exception {
    AnalysisOptions options = AnalysisOptions.defaults().withTopSites(10_000).withReaderThreads(readerThreads);
    return ReportJson.toJson(new Analyzer().analyze(recordings, options));
  }

  private static Map<SiteKey, Long> bytesBySite(AllocationProfile profile) {
    Map<SiteKey, Long> bytes = new HashMap<>();
    for (AllocationSite site : profile.sites()) {
      bytes.put(site.key(), site.bytes());
    }
    return bytes;
  }

  private static <K> Map<K, Long> sum(Map<K, Long> a, Map<K, Long> b) {
    Map<K, Long> sum = new HashMap<>(a);
    b.forEach((key, value) -> sum.merge(key, value, Long::sum));
    return sum;
  }

  /** JVM options first, then LateRecording's own. */
  private static Path record(Path dir, String name, String... options) throws Exception {
    Path jfr = dir.resolve(name);
    Files.deleteIfExists(jfr);
    int split = 0;
    while (split < options.length && options[split].startsWith("-XX:")) {
      split++;
    }
    ForkedJvm.java()
        .args(List.of(options).subList(0, split))
        .args("-cp", TestEnvironment.samplesClassPath().toString(), LATE_RECORDING, "--out", jfr.toString())
        .args(List.of(options).subList(split, options.length))
        .run(dir)
        .assertSuccess();
    return jfr;
  }

  /** The agent's settings with allocation samples unthrottled: many events a second, so many chunks. */
  private static Path denseSettings(Path dir) throws IOException {
    String jfc;
    try (ZipFile agent = new ZipFile(TestEnvironment.agentJar().toFile());
        InputStream in = agent.getInputStream(agent.getEntry(HEAPWISE_JFC))) {
      jfc = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String dense = jfc.replaceFirst("<setting name=\"throttle\">[^<]*</setting>",
        "<setting name=\"throttle\">1000000/s</setting>");
    assertThat(dense).as("the agent's settings have a throttle to raise").isNotEqualTo(jfc);
    Path settings = dir.resolve("dense.jfc");
    Files.writeString(settings, dense);
    return settings;
  }

  /** Where each chunk begins, by the headers: "FLR\0", the version, then the chunk's size. */
  private static List<Long> chunkOffsets(Path jfr) throws IOException {
    long size = Files.size(jfr);
    List<Long> offsets = new ArrayList<>();
    try (DataInputStream in = new DataInputStream(Files.newInputStream(jfr))) {
      long offset = 0;
      while (offset < size) {
        assertThat(in.readInt()).as("chunk magic at %d", offset).isEqualTo(0x464c5200);
        in.readInt();
        long chunkSize = in.readLong();
        assertThat(chunkSize).isGreaterThan(16);
        in.skipNBytes(chunkSize - 16);
        offsets.add(offset);
        offset += chunkSize;
      }
    }
    return offsets;
  }
}
