// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.Analyzer;
import io.heapwise.analyzer.report.ReportJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Chunks read each into its own builder and appended in file order give the profile that one builder reading every
 * chunk in turn gives: the contract that lets the loader read chunks in parallel. The event streams are random
 * (fixed seeds) and cross every boundary that matters: a thread's samples on both sides of a chunk, its first sample
 * in a later chunk than its earlier ones, readings, thread starts, a second file, and files joined end to end.
 */
class ProfileBuilderAppendTest {

  private static final long START = 1_790_000_000_000_000_000L;
  private static final long MILLIS = 1_000_000L;

  /** One chunk: its header's start and duration, and the calls its events make. */
  private record Chunk(boolean firstOfFile, long start, long duration, List<Consumer<ProfileBuilder>> events) {
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void appendedChunksGiveTheProfileOfOneBuilderReadingThemInTurn(long seed) throws IOException {
    List<Chunk> chunks = randomChunks(new Random(seed));

    ProfileBuilder oneBuilder = new ProfileBuilder();
    for (Chunk chunk : chunks) {
      read(chunk, oneBuilder);
    }
    ProfileBuilder appended = new ProfileBuilder();
    for (Chunk chunk : chunks) {
      ProfileBuilder partial = ProfileBuilder.forChunk(chunks.get(0).start());
      read(chunk, partial);
      appended.append(partial);
    }

    assertThat(reportOf(appended)).isEqualTo(reportOf(oneBuilder));
    assertThat(appended.build().effectiveAllocationSamples())
        .isEqualTo(oneBuilder.build().effectiveAllocationSamples());
  }

  private static void read(Chunk chunk, ProfileBuilder builder) {
    if (chunk.firstOfFile()) {
      builder.file("recording.jfr");
    }
    builder.chunkStarted(chunk.start());
    chunk.events().forEach(event -> event.accept(builder));
    builder.chunkSpan(chunk.duration());
  }

  private static String reportOf(ProfileBuilder builder) throws IOException {
    AnalysisOptions options = AnalysisOptions.defaults().withTopSites(1_000);
    return ReportJson.toJson(new Analyzer().report(builder.build(), options));
  }

  private static List<Chunk> randomChunks(Random random) {
    List<Frame> frames = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      frames.add(new Frame("com.acme.Worker" + i % 4, "work" + i % 3, 10 + i, i, true));
    }
    List<String> types = List.of("byte[]", "java.lang.String", "java.util.ArrayList", "java.lang.Long");
    List<Chunk> chunks = new ArrayList<>();
    long chunkStart = START;
    int count = 3 + random.nextInt(5);
    for (int c = 0; c < count; c++) {
      boolean firstOfFile = c == 0 || random.nextInt(4) == 0;
      if (c > 0 && random.nextInt(5) == 0) {
        // Files joined with cat: a chunk that begins before the one it follows is another recording.
        chunkStart -= 30_000 * MILLIS;
      }
      long duration = (500 + random.nextInt(3_000)) * MILLIS;
      List<Consumer<ProfileBuilder>> events = new ArrayList<>();
      int eventCount = 20 + random.nextInt(200);
      for (int e = 0; e < eventCount; e++) {
        long at = chunkStart + (long) (random.nextDouble() * duration);
        long thread = random.nextInt(6);
        String threadName = "worker-" + thread;
        switch (random.nextInt(10)) {
          case 0 -> events.add(b -> b.threadAllocated(threadName, thread, at, at - START + thread * 1_000_000));
          case 1 -> {
            Frame frame = frames.get(random.nextInt(frames.size()));
            events.add(b -> b.threadStarted(new SiteAttributor.Attribution(frame, null, List.of(frame)), thread));
          }
          case 2 -> events.add(b -> b.eventEnabled("jdk.ThreadStart"));
          case 3 -> events.add(b -> b.collection(new GcEvent(at, "G1New", "G1 Evacuation Pause", at / MILLIS, 1.5,
              1.5)));
          default -> {
            Frame frame = frames.get(random.nextInt(frames.size()));
            String type = types.get(random.nextInt(types.size()));
            long weight = 1 + random.nextInt(5_000_000);
            SiteAttributor.Attribution attribution = new SiteAttributor.Attribution(frame,
                random.nextInt(3) == 0 ? "ArrayList.grow" : null, List.of(frame));
            AllocationSource source = random.nextInt(8) == 0 ? AllocationSource.TLAB
                : AllocationSource.OBJECT_ALLOCATION_SAMPLE;
            long size = source == AllocationSource.TLAB ? 16 + random.nextInt(4_096) : -1;
            events.add(b -> {
              b.eventsRead("jdk.ObjectAllocationSample", 1);
              b.eventCommitted(at);
              b.allocation(source, type, attribution, weight, size, threadName, thread, at);
            });
          }
        }
      }
      chunks.add(new Chunk(firstOfFile, chunkStart, duration, events));
      chunkStart += duration;
    }
    return chunks;
  }
}
