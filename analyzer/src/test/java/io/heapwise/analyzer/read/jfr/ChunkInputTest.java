// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChunkInputTest {

  /** Every length from one byte to nine, the boundaries of each, and negatives, which take all nine. */
  private static List<Long> values() {
    List<Long> values = new ArrayList<>(List.of(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 127L, 128L));
    for (int bits = 7; bits < 64; bits += 7) {
      values.add((1L << bits) - 1);
      values.add(1L << bits);
      values.add((1L << bits) + 1);
    }
    SplittableRandom random = new SplittableRandom(17);
    for (int i = 0; i < 20_000; i++) {
      // Uniform over lengths, not over values, of which most would take nine bytes.
      values.add(random.nextLong() >>> random.nextInt(64));
    }
    return values;
  }

  private static byte[] encoded(List<Long> values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    values.forEach(value -> TestChunkWriter.writeVarint(out, value));
    return out.toByteArray();
  }

  @Test
  void varintsReadOneByOneAndInRunsGiveWhatWasWritten() throws Exception {
    List<Long> values = values();
    byte[] bytes = encoded(values);
    // The last values sit within nine bytes of the array's end, where the reader goes byte by byte.
    ChunkInput single = new ChunkInput(bytes, bytes.length, true);
    List<Long> readSingly = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      readSingly.add(single.readLong());
    }
    assertThat(readSingly).isEqualTo(values);
    assertThat(single.remaining()).isZero();

    ChunkInput runs = new ChunkInput(bytes, bytes.length, true);
    long[] run = new long[7];
    List<Long> readInRuns = new ArrayList<>();
    while (readInRuns.size() < values.size()) {
      int count = Math.min(run.length, values.size() - readInRuns.size());
      runs.readLongs(run, 0, count);
      for (int i = 0; i < count; i++) {
        readInRuns.add(run[i]);
      }
    }
    assertThat(readInRuns).isEqualTo(values);
    assertThat(runs.remaining()).isZero();
  }

  @Test
  void aVarintRunningPastItsEventIsTruncatedEvenWithBytesAfterIt() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TestChunkWriter.writeVarint(out, 1L << 40);
    out.writeBytes(new byte[16]);
    byte[] bytes = out.toByteArray();
    ChunkInput in = new ChunkInput(bytes, bytes.length, true);

    in.window(0, 5);
    assertThatThrownBy(in::readLong).isInstanceOf(JfrFormatException.class).hasMessageContaining("past the end");
    in.window(0, 5);
    assertThatThrownBy(() -> in.readLongs(new long[1], 0, 1)).isInstanceOf(JfrFormatException.class)
        .hasMessageContaining("past the end");
    in.window(0, 6);
    assertThat(in.readSize()).isEqualTo(1L << 40);
  }
}
