// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-written chunk with a field of every kind ({@link TestChunkWriter}): with compressed integers it reads as the
 * JDK reads it; with fixed-width integers, which the JDK's reader cannot read, it gives the same values.
 */
class JfrChunkReaderEncodingTest {

  @Test
  void everyKindOfValueReadsAsTheJdkReadsIt(@TempDir Path dir) throws Exception {
    Path jfr = Files.write(dir.resolve("everything.jfr"), TestChunkWriter.chunk(true));

    List<ChunkConformance.Outcome> outcomes = ChunkConformance.compareFile(jfr);

    assertThat(outcomes).singleElement().satisfies(outcome -> {
      assertThat(outcome.jdkFailure()).isNull();
      assertThat(outcome.ourFailure()).isNull();
      assertThat(outcome.ourEvents()).isEqualTo(2);
    });
  }

  @Test
  void fixedWidthIntegersGiveTheSameValues() throws Exception {
    List<Object> compressed = read(TestChunkWriter.chunk(true));
    List<Object> fixed = read(TestChunkWriter.chunk(false));

    assertThat(fixed).hasSize(2).isEqualTo(compressed);
  }

  @Test
  void unsignedTimespansStringsAndPools() throws Exception {
    List<String> seen = new ArrayList<>();
    JfrChunkReader.open(ByteBuffer.wrap(TestChunkWriter.chunk(false))).readEvents(null, event -> {
      seen.add(event.typeName());
      if (seen.size() > 1) {
        return;
      }
      assertThat(event.typeName()).isEqualTo("test.Everything");
      assertThat(event.getLong("unsignedByte")).isEqualTo(201);
      assertThat(event.getValue("unsignedByte")).isEqualTo((byte) 201);
      assertThat(event.getLong("anInt")).isEqualTo(0xffff_ffffL);
      assertThat(event.getLong("aShort")).isEqualTo(-1);
      assertThat(event.getLong("aChar")).isEqualTo('B');
      assertThat(event.getDurationNanos("micros")).isEqualTo(5_000);
      // 2,500,001 ticks at 2.500000001 ticks per nanosecond, truncated as the JDK truncates.
      assertThat(event.getDurationNanos("duration")).isEqualTo(1_000_000);
      assertThat(event.endEpochNanos() - event.startEpochNanos()).isEqualTo(1_000_000);
      assertThat(event.getString("chars")).isEqualTo("chars 1");
      assertThat(event.getString("latin1")).isEqualTo("l\u00e4tin1");
      assertThat(event.getString("empty")).isEmpty();
      assertThat(event.getString("nothing")).isNull();
      assertThat(event.getString("pooledText")).isEqualTo("a pooled string");
      assertThat(event.getString("symbol")).isEqualTo("in");
      assertThat(event.getObject("missing")).isNull();
      JfrObject item = event.getObject("item");
      assertThat(item.typeName()).isEqualTo("test.Item");
      assertThat(item.getString("name")).isEqualTo("sym");
      assertThat(item.getLong("count")).isEqualTo(0xffff_ffffL);
      assertThat(event.getObject("item")).isSameAs(item);
      assertThat((Object[]) event.getValue("symbols")).containsExactly("sym", "\u00e9t\u00e9", null);
      assertThat(event.hasField("noSuchField")).isFalse();
    });
    assertThat(seen).hasSize(2);
  }

  @Test
  void chunksOpenedThroughOneMetadataCacheReadAsChunksOpenedAlone() throws Exception {
    MetadataCache metadata = new MetadataCache();
    byte[] compressed = TestChunkWriter.chunk(true);
    byte[] fixed = TestChunkWriter.chunk(false);

    // The same metadata twice (reused), then another encoding (parsed anew), then the first again.
    assertThat(read(compressed, metadata)).isEqualTo(read(compressed, null));
    assertThat(read(compressed, metadata)).isEqualTo(read(compressed, null));
    assertThat(read(fixed, metadata)).isEqualTo(read(fixed, null));
    assertThat(read(compressed, metadata)).hasSize(2).isEqualTo(read(compressed, null));
  }

  private static List<Object> read(byte[] chunk) throws JfrFormatException {
    return read(chunk, null);
  }

  private static List<Object> read(byte[] chunk, MetadataCache metadata) throws JfrFormatException {
    List<Object> events = new ArrayList<>();
    JfrChunkReader.open(ByteBuffer.wrap(chunk), metadata).readEvents(null, event -> {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("$start", event.startEpochNanos());
      values.put("$end", event.endEpochNanos());
      values.putAll(tree(event));
      events.add(values);
    });
    return events;
  }

  /** A value as plain maps, lists and boxes, so that two readings can be compared with equals. */
  private static Map<String, Object> tree(JfrObject object) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("$type", object.typeName());
    for (String name : ((FieldValues) object).fieldNames()) {
      values.put(name, plain(object.getValue(name)));
    }
    return values;
  }

  private static Object plain(Object value) {
    if (value instanceof JfrObject object) {
      return tree(object);
    }
    if (value instanceof Object[] array) {
      return Arrays.stream(array).map(JfrChunkReaderEncodingTest::plain).toList();
    }
    return value;
  }
}
