// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One protobuf message in the wire format, written field by field: just the encodings a pprof profile uses
 * (varints, strings, nested messages, packed varints). Written by hand because the CLI jar ships to users and a
 * protobuf runtime would be a large dependency for one output format.
 */
final class ProtoWriter {

  private static final int VARINT = 0;
  private static final int LENGTH_DELIMITED = 2;

  private byte[] bytes = new byte[64];
  private int size;

  /** An int64, uint64 or bool field; zero is left out, as proto3 reads a missing field as zero. */
  ProtoWriter varint(int field, long value) {
    if (value != 0) {
      tag(field, VARINT);
      rawVarint(value);
    }
    return this;
  }

  /** Always written, even empty: an entry of a repeated string field such as the string table. */
  ProtoWriter string(int field, String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    tag(field, LENGTH_DELIMITED);
    rawVarint(utf8.length);
    append(utf8, utf8.length);
    return this;
  }

  /** Always written, even empty: an entry of a repeated message field. */
  ProtoWriter message(int field, ProtoWriter message) {
    tag(field, LENGTH_DELIMITED);
    rawVarint(message.size);
    append(message.bytes, message.size);
    return this;
  }

  /** A repeated int64 or uint64 field in its packed form, the proto3 default; nothing when empty. */
  ProtoWriter packed(int field, long[] values) {
    if (values.length == 0) {
      return this;
    }
    int length = 0;
    for (long value : values) {
      length += varintSize(value);
    }
    tag(field, LENGTH_DELIMITED);
    rawVarint(length);
    for (long value : values) {
      rawVarint(value);
    }
    return this;
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, size);
  }

  private void tag(int field, int wireType) {
    rawVarint(((long) field << 3) | wireType);
  }

  /** Negative values take ten bytes: int64 is encoded as its two's complement, unsigned. */
  private void rawVarint(long value) {
    ensureRoom(10);
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    bytes[size++] = (byte) rest;
  }

  private static int varintSize(long value) {
    int size = 1;
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      size++;
      rest >>>= 7;
    }
    return size;
  }

  private void append(byte[] data, int length) {
    ensureRoom(length);
    System.arraycopy(data, 0, bytes, size, length);
    size += length;
  }

  private void ensureRoom(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
