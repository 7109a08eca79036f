// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read.jfr;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a small chunk by hand, with integers compressed (as every JDK writes them) or fixed-width (as the format
 * allows and no JDK reader reads), so that both encodings can be read and compared: one event type with a field of
 * every kind, three constant pools, every string encoding, arrays, inline and pooled structs, a simple type,
 * unsigned fields and timespans in two units.
 */
final class TestChunkWriter {

  static final long START_NANOS = 1_700_000_000_000_000_000L;
  static final long START_TICKS = 1_000_000L;
  /** Not a whole number of ticks per nanosecond, so that the conversion's rounding shows. */
  static final long TICKS_PER_SECOND = 2_500_000_001L;

  private final boolean compressed;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private TestChunkWriter(boolean compressed) {
    this.compressed = compressed;
  }

  static byte[] chunk(boolean compressed) {
    return new TestChunkWriter(compressed).write();
  }

  private byte[] write() {
    byte[] metadata = event(TestChunkWriter::metadata);
    byte[] checkpoint = event(TestChunkWriter::checkpoint);
    List<byte[]> events = List.of(event(w -> w.everything(1)), event(w -> w.everything(2)));
    int metadataOffset = 68;
    int checkpointOffset = metadataOffset + metadata.length;
    int size = checkpointOffset + checkpoint.length + events.stream().mapToInt(e -> e.length).sum();
    ByteBuffer header = ByteBuffer.allocate(68);
    header.put(new byte[] {'F', 'L', 'R', 0}).putShort((short) 2).putShort((short) 1).putLong(size)
        .putLong(checkpointOffset).putLong(metadataOffset).putLong(START_NANOS).putLong(5_000_000_000L)
        .putLong(START_TICKS).putLong(TICKS_PER_SECOND).put((byte) 0).put((byte) 0).put((byte) 0)
        .put((byte) (compressed ? 3 : 2));
    ByteArrayOutputStream chunk = new ByteArrayOutputStream();
    chunk.writeBytes(header.array());
    chunk.writeBytes(metadata);
    chunk.writeBytes(checkpoint);
    events.forEach(chunk::writeBytes);
    return chunk.toByteArray();
  }

  /** An event: its size (four bytes either way, as HotSpot writes it) and then what {@code body} writes. */
  private byte[] event(java.util.function.Consumer<TestChunkWriter> body) {
    TestChunkWriter inner = new TestChunkWriter(compressed);
    body.accept(inner);
    byte[] content = inner.out.toByteArray();
    int size = content.length + 4;
    ByteArrayOutputStream event = new ByteArrayOutputStream();
    if (compressed) {
      event.write(size & 0x7f | 0x80);
      event.write(size >>> 7 & 0x7f | 0x80);
      event.write(size >>> 14 & 0x7f | 0x80);
      event.write(size >>> 21 & 0x7f);
    } else {
      event.writeBytes(ByteBuffer.allocate(4).putInt(size).array());
    }
    event.writeBytes(content);
    return event.toByteArray();
  }

  private void metadata() {
    writeLong(0); // type: metadata
    writeLong(START_TICKS);
    writeLong(0);
    writeLong(1); // metadata id
    List<String> strings = new ArrayList<>();
    Element root = new Element("root");
    Element types = root.child("metadata");
    String[] primitives = {"long", "int", "short", "char", "byte", "boolean", "float", "double", "java.lang.String"};
    for (int i = 0; i < primitives.length; i++) {
      types.child("class").set("id", 10 + i).set("name", primitives[i]);
    }
    types.child("class").set("id", 20).set("name", "test.Symbol").set("simpleType", "true")
        .child("field").set("name", "string").set("class", 18);
    Element item = types.child("class").set("id", 21).set("name", "test.Item");
    item.child("field").set("name", "name").set("class", 20).set("constantPool", "true");
    unsigned(item.child("field").set("name", "count").set("class", 11));
    types.child("class").set("id", 40).set("name", "jdk.jfr.Unsigned").set("superType",
        "java.lang.annotation.Annotation");
    types.child("class").set("id", 41).set("name", "jdk.jfr.Timespan").set("superType",
        "java.lang.annotation.Annotation").child("field").set("name", "value").set("class", 18);
    Element event = types.child("class").set("id", 30).set("name", "test.Everything").set("superType",
        "jdk.jfr.Event");
    event.child("field").set("name", "startTime").set("class", 10);
    timespan(event.child("field").set("name", "duration").set("class", 10), "TICKS");
    unsigned(event.child("field").set("name", "unsignedByte").set("class", 14));
    event.child("field").set("name", "aShort").set("class", 12);
    event.child("field").set("name", "aChar").set("class", 13);
    unsigned(event.child("field").set("name", "anInt").set("class", 11));
    event.child("field").set("name", "aLong").set("class", 10);
    event.child("field").set("name", "aFloat").set("class", 16);
    event.child("field").set("name", "aDouble").set("class", 17);
    event.child("field").set("name", "aBoolean").set("class", 15);
    for (String name : List.of("utf8", "chars", "latin1", "empty", "nothing", "pooledText")) {
      event.child("field").set("name", name).set("class", 18);
    }
    event.child("field").set("name", "item").set("class", 21).set("constantPool", "true");
    event.child("field").set("name", "inlineItem").set("class", 21);
    event.child("field").set("name", "items").set("class", 21).set("dimension", 1);
    event.child("field").set("name", "symbols").set("class", 20).set("constantPool", "true").set("dimension", 1);
    timespan(event.child("field").set("name", "micros").set("class", 10), "MICROSECONDS");
    event.child("field").set("name", "missing").set("class", 21).set("constantPool", "true");
    event.child("field").set("name", "symbol").set("class", 20);
    root.child("region").set("gmtOffset", 0).set("locale", "en_US");
    root.collect(strings);
    writeInt(strings.size());
    for (String string : strings) {
      writeUtf8(string);
    }
    root.write(this, strings);
  }

  private static void unsigned(Element field) {
    field.child("annotation").set("class", 40);
  }

  private static void timespan(Element field, String unit) {
    field.child("annotation").set("class", 41).set("value", unit);
  }

  private void checkpoint() {
    writeLong(1); // type: checkpoint
    writeLong(START_TICKS);
    writeLong(0);
    writeLong(0); // delta: the only one
    out.write(0);
    writeInt(3);
    writeLong(18); // strings
    writeInt(1);
    writeLong(1);
    writeUtf8("a pooled string");
    writeLong(20); // symbols, the first as Latin-1 bytes, the second as chars
    writeInt(2);
    writeLong(7);
    out.write(5);
    writeInt(3);
    out.writeBytes("sym".getBytes(StandardCharsets.ISO_8859_1));
    writeLong(8);
    writeChars("\u00e9t\u00e9");
    writeLong(21); // items
    writeInt(1);
    writeLong(3);
    writeLong(7);
    writeInt(-1);
  }

  private void everything(int n) {
    writeLong(30);
    writeLong(START_TICKS + 1_000_003L * n); // start
    writeLong(2_500_001L * n); // duration in ticks
    out.write(200 + n); // unsigned byte
    writeShort((short) -n);
    writeChar((char) ('A' + n));
    writeInt(-n); // unsigned int
    writeLong(Long.MIN_VALUE + n);
    writeFixed(Float.floatToIntBits(1.5f * n), 4);
    writeFixed(Double.doubleToLongBits(-2.25 * n), 8);
    out.write(n % 2);
    writeUtf8("h\u00e9llo \u2603 " + n);
    writeChars("chars " + n);
    out.write(5);
    writeInt(6);
    out.writeBytes(("l\u00e4tin" + n).getBytes(StandardCharsets.ISO_8859_1));
    out.write(1); // empty
    out.write(0); // null
    out.write(2); // from the string pool
    writeLong(1);
    writeLong(3); // item
    writeLong(8); // inline item: name (symbol key) and count
    writeInt(n);
    writeInt(2); // two inline items
    writeLong(7);
    writeInt(10);
    writeLong(8);
    writeInt(-10);
    writeInt(3); // three symbols, the last missing
    writeLong(7);
    writeLong(8);
    writeLong(42);
    writeLong(5L * n); // micros
    writeLong(99); // a missing item
    out.write(3); // an inline symbol
    writeInt(2);
    out.writeBytes("in".getBytes(StandardCharsets.UTF_8));
  }

  private void writeUtf8(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.write(3);
    writeInt(bytes.length);
    out.writeBytes(bytes);
  }

  private void writeChars(String text) {
    out.write(4);
    writeInt(text.length());
    for (char c : text.toCharArray()) {
      writeChar(c);
    }
  }

  private void writeShort(short value) {
    writeInteger(value, 2);
  }

  private void writeChar(char value) {
    writeInteger(value, 2);
  }

  private void writeInt(int value) {
    writeInteger(value, 4);
  }

  private void writeLong(long value) {
    writeInteger(value, 8);
  }

  private void writeInteger(long value, int width) {
    if (!compressed) {
      writeFixed(value, width);
      return;
    }
    writeVarint(out, width == 8 ? value : value & (1L << width * 8) - 1);
  }

  /** As JFR writes a compressed integer: seven bits a byte, low bits first; a ninth byte takes eight. */
  static void writeVarint(ByteArrayOutputStream out, long value) {
    long rest = value;
    for (int i = 0; i < 8; i++) {
      if ((rest & ~0x7fL) == 0) {
        out.write((int) rest);
        return;
      }
      out.write((int) (rest & 0x7f | 0x80));
      rest >>>= 7;
    }
    out.write((int) rest);
  }

  private void writeFixed(long value, int width) {
    for (int i = width - 1; i >= 0; i--) {
      out.write((int) (value >>> i * 8));
    }
  }

  /** A metadata element: a name, attributes and children, all strings given as indexes into the table. */
  private static final class Element {
    final String name;
    final Map<String, String> attributes = new LinkedHashMap<>();
    final List<Element> children = new ArrayList<>();

    Element(String name) {
      this.name = name;
    }

    Element child(String childName) {
      Element child = new Element(childName);
      children.add(child);
      return child;
    }

    Element set(String key, Object value) {
      attributes.put(key, String.valueOf(value));
      return this;
    }

    void collect(List<String> strings) {
      add(strings, name);
      attributes.forEach((k, v) -> {
        add(strings, k);
        add(strings, v);
      });
      children.forEach(c -> c.collect(strings));
    }

    private static void add(List<String> strings, String s) {
      if (!strings.contains(s)) {
        strings.add(s);
      }
    }

    void write(TestChunkWriter writer, List<String> strings) {
      writer.writeInt(strings.indexOf(name));
      writer.writeInt(attributes.size());
      attributes.forEach((k, v) -> {
        writer.writeInt(strings.indexOf(k));
        writer.writeInt(strings.indexOf(v));
      });
      writer.writeInt(children.size());
      children.forEach(c -> c.write(writer, strings));
    }
  }
}
