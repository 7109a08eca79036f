// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged chunks, cut short or with bytes changed: each is read completely or refused with a
 * {@link JfrFormatException}, never another exception, never a hang. Variants come from fixed seeds, so a failure
 * names one that can be replayed.
 */
class JfrChunkReaderDamageTest {

  private static final int TRUNCATIONS = 200;
  private static final int FLIPS = 600;
  private static final int MAX_DEPTH = 24;

  private static byte[] chunk;

  @BeforeAll
  static void recordSmallChunk(@TempDir Path dir) throws Exception {
    Path jfr = dir.resolve("small.jfr");
    try (Recording recording = new Recording(Configuration.getConfiguration("default"))) {
      recording.enable("jdk.ObjectAllocationSample").withStackTrace().with("throttle", "10000/s");
      recording.start();
      allocateForAWhile();
      recording.stop();
      recording.dump(jfr);
    }
    byte[] file = Files.readAllBytes(jfr);
    long size = ByteBuffer.wrap(file).getLong(8);
    chunk = Arrays.copyOf(file, (int) size);
  }

  private static void allocateForAWhile() {
    List<Object> kept = new ArrayList<>();
    long until = System.nanoTime() + 300_000_000L;
    while (System.nanoTime() < until) {
      kept.add(new StringBuilder("item ").append(kept.size()).toString());
      if (kept.size() > 10_000) {
        kept.clear();
      }
    }
  }

  @Test
  void theUndamagedChunkReadsWhole() throws Exception {
    int[] events = new int[1];
    Map<JfrObject, Boolean> seen = new IdentityHashMap<>();
    JfrChunkReader.open(ByteBuffer.wrap(chunk)).readEvents(null, event -> {
      events[0]++;
      touch(event, seen, 0);
    });
    assertThat(events[0]).isPositive();
  }

  // The timeout detects a hang, not slowness: 800 variants take a few seconds, many more on a loaded machine.
  @Test
  void truncatedOrFlippedChunksAreReadOrRefused() {
    List<String> failures = new ArrayList<>();
    int[] refused = new int[1];
    assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
      for (int seed = 0; seed < TRUNCATIONS; seed++) {
        Random random = new Random(seed);
        int length = JfrChunkReader.HEADER_BYTES + random.nextInt(chunk.length - JfrChunkReader.HEADER_BYTES);
        byte[] cut = Arrays.copyOf(chunk, length);
        // Most cuts say their new size, or the header check alone would refuse them.
        if (seed % 10 != 0) {
          ByteBuffer.wrap(cut).putLong(8, length);
        }
        readOrRefuse("truncation " + seed + " to " + length + " bytes", cut, failures, refused);
      }
      for (int seed = 0; seed < FLIPS; seed++) {
        Random random = new Random(seed);
        byte[] flipped = chunk.clone();
        int flips = 1 + random.nextInt(4);
        StringBuilder what = new StringBuilder("flip " + seed + ":");
        for (int i = 0; i < flips; i++) {
          int at = target(random);
          flipped[at] = (byte) random.nextInt(256);
          what.append(' ').append(at);
        }
        readOrRefuse(what.toString(), flipped, failures, refused);
      }
    });
    System.out.println("damage: a chunk of " + chunk.length + " bytes; " + refused[0] + " of "
        + (TRUNCATIONS + FLIPS) + " variants refused");
    assertThat(failures).isEmpty();
  }

  /** A third of the changes go to the metadata and a third to the last checkpoint, where damage does most harm. */
  private static int target(Random random) {
    ByteBuffer header = ByteBuffer.wrap(chunk);
    int metadata = (int) header.getLong(24);
    int checkpoint = (int) header.getLong(16);
    return switch (random.nextInt(3)) {
      case 0 -> metadata + random.nextInt(Math.min(4096, chunk.length - metadata));
      case 1 -> checkpoint + random.nextInt(chunk.length - checkpoint);
      default -> 8 + random.nextInt(chunk.length - 8);
    };
  }

  private static void readOrRefuse(String variant, byte[] bytes, List<String> failures, int[] refused) {
    try {
      Map<JfrObject, Boolean> seen = new IdentityHashMap<>();
      JfrChunkReader.open(ByteBuffer.wrap(bytes)).readEvents(null, event -> touch(event, seen, 0));
    } catch (JfrFormatException e) {
      assertThat(e.getMessage()).doesNotContain("\n").contains("at byte");
      refused[0]++;
    } catch (RuntimeException | Error e) {
      failures.add(variant + ": " + e);
    }
  }

  /**
   * Reads every field the way the analyzer could, down to nested objects; each shared object once (the event itself
   * is one reused object, so it is never marked as seen).
   */
  private static void touch(JfrObject object, Map<JfrObject, Boolean> seen, int depth) {
    if (depth > MAX_DEPTH || !(object instanceof JfrEvent) && seen.put(object, Boolean.TRUE) != null) {
      return;
    }
    if (object instanceof JfrEvent event) {
      event.startEpochNanos();
      event.endEpochNanos();
    }
    JfrField[] fields = ((FieldValues) object).type().fields;
    for (JfrField field : fields) {
      Object value = object.getValue(field.name);
      touchValue(value, seen, depth);
      if (value instanceof Number && !(value instanceof Float || value instanceof Double)) {
        object.getLong(field.name);
        if (field.timespanUnit != null) {
          object.getDurationNanos(field.name);
        }
      }
    }
  }

  private static void touchValue(Object value, Map<JfrObject, Boolean> seen, int depth) {
    if (value instanceof JfrObject nested) {
      touch(nested, seen, depth + 1);
    } else if (value instanceof Object[] array) {
      for (Object element : array) {
        touchValue(element, seen, depth + 1);
      }
    }
  }
}
