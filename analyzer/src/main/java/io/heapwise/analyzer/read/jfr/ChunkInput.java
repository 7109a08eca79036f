// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read.jfr;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of one chunk, read by absolute index from a cursor that the caller moves. Integers are LEB128 varints
 * when the chunk's header says they are compressed, else big-endian of their Java width; floats, doubles and the
 * header are always big-endian. Every read checks the bytes left before the current {@link #end}, so damage becomes
 * a {@link JfrFormatException}, never an index exception.
 *
 * <p>The bytes are a heap array: reading a mapped buffer byte by byte costs a bounds and liveness check per byte,
 * and copying a chunk (12 MB by default) once is cheaper than that.
 */
final class ChunkInput {

  private final byte[] bytes;
  private final boolean compressedIntegers;
  /** The chunk's size: no read goes past it, whatever {@link #end} says. */
  private final int chunkEnd;
  int position;
  /** Where the current event ends; reads of an event's fields stop there. */
  int end;

  ChunkInput(byte[] bytes, int chunkEnd, boolean compressedIntegers) {
    this.bytes = bytes;
    this.chunkEnd = chunkEnd;
    this.compressedIntegers = compressedIntegers;
    this.end = chunkEnd;
  }

  /** Whether the bytes at {@code offset} are {@code expected}, and are read with the same integer encoding. */
  boolean holds(int offset, byte[] expected, boolean expectedCompressed) {
    return compressedIntegers == expectedCompressed && offset + expected.length <= chunkEnd
        && Arrays.equals(bytes, offset, offset + expected.length, expected, 0, expected.length);
  }

  byte[] copy(int offset, int length) {
    return Arrays.copyOfRange(bytes, offset, offset + length);
  }

  boolean compressedIntegers() {
    return compressedIntegers;
  }

  int chunkEnd() {
    return chunkEnd;
  }

  /** Limits reads to {@code [position, newEnd)}, which must lie within the chunk. */
  void window(int newPosition, int newEnd) {
    position = newPosition;
    end = newEnd;
  }

  int remaining() {
    return end - position;
  }

  /** Checks that {@code count} items of at least one byte each can still be there. */
  int checkCount(long count, String what) throws JfrFormatException {
    if (count < 0 || count > end - position) {
      throw damaged(what + " " + count + " is more than the " + (end - position) + " bytes left");
    }
    return (int) count;
  }

  JfrFormatException damaged(String problem) {
    return new JfrFormatException(problem, position);
  }

  byte readByte() throws JfrFormatException {
    if (position >= end) {
      throw truncated();
    }
    return bytes[position++];
  }

  boolean readBoolean() throws JfrFormatException {
    return readByte() != 0;
  }

  short readShort() throws JfrFormatException {
    return compressedIntegers ? (short) readVarLong() : (short) readFixed(Short.BYTES);
  }

  char readChar() throws JfrFormatException {
    return compressedIntegers ? (char) readVarLong() : (char) readFixed(Character.BYTES);
  }

  int readInt() throws JfrFormatException {
    return compressedIntegers ? (int) readVarLong() : (int) readFixed(Integer.BYTES);
  }

  long readLong() throws JfrFormatException {
    return compressedIntegers ? readVarLong() : readFixed(Long.BYTES);
  }

  /**
   * An event's size: a varint when integers are compressed, else four bytes (HotSpot reserves a u4 for it and
   * writes it once the event is done).
   */
  long readSize() throws JfrFormatException {
    return compressedIntegers ? readVarLong() : readFixed(Integer.BYTES);
  }

  float readFloat() throws JfrFormatException {
    return Float.intBitsToFloat((int) readFixed(Float.BYTES));
  }

  double readDouble() throws JfrFormatException {
    return Double.longBitsToDouble(readFixed(Double.BYTES));
  }

  void skip(int count) throws JfrFormatException {
    if (count < 0 || count > end - position) {
      throw truncated();
    }
    position += count;
  }

  /** Skips an integer of the given Java width. */
  void skipInteger(int width) throws JfrFormatException {
    if (compressedIntegers) {
      skipVarLong();
    } else {
      skip(width);
    }
  }

  /**
   * LEB128 as JFR writes it: seven bits a byte, low bits first, and a ninth byte that carries all eight of its
   * bits, so that no long needs a tenth.
   */
  private long readVarLong() throws JfrFormatException {
    int at = position;
    // Nine bytes of the array are there, so the loop needs no bounds check of its own; whether the value ends
    // within the event is checked once it has.
    if (at < end && at <= bytes.length - 9) {
      long b = bytes[at];
      if (b >= 0) {
        position = at + 1;
        return b;
      }
      long result = b & 0x7f;
      for (int shift = 7; shift < 56; shift += 7) {
        b = bytes[++at];
        result |= (b & 0x7f) << shift;
        if (b >= 0) {
          return endVarLong(at + 1, result);
        }
      }
      return endVarLong(at + 2, result | (bytes[at + 1] & 0xffL) << 56);
    }
    return readVarLongNearEnd();
  }

  /**
   * Reads {@code into[from..to)} as longs: the run of long and pool-key fields an allocation event is made of, in one
   * loop over the array that keeps the cursor in a register.
   */
  void readLongs(long[] into, int from, int to) throws JfrFormatException {
    if (!compressedIntegers) {
      for (int i = from; i < to; i++) {
        into[i] = readFixed(Long.BYTES);
      }
      return;
    }
    byte[] array = bytes;
    int at = position;
    int safe = array.length - 9;
    for (int i = from; i < to; i++) {
      if (at > safe || at >= end) {
        position = at;
        into[i] = readVarLongNearEnd();
        at = position;
        continue;
      }
      long b = array[at++];
      if (b < 0) {
        long result = b & 0x7f;
        for (int shift = 7; ; shift += 7) {
          b = array[at++];
          if (shift == 56) {
            result |= (b & 0xff) << 56;
            break;
          }
          result |= (b & 0x7f) << shift;
          if (b >= 0) {
            break;
          }
        }
        b = result;
      }
      into[i] = b;
    }
    if (at > end) {
      throw truncated();
    }
    position = at;
  }

  private long endVarLong(int next, long value) throws JfrFormatException {
    if (next > end) {
      throw truncated();
    }
    position = next;
    return value;
  }

  private long readVarLongNearEnd() throws JfrFormatException {
    long result = 0;
    for (int shift = 0; shift < 56; shift += 7) {
      long b = readByte();
      result |= (b & 0x7f) << shift;
      if (b >= 0) {
        return result;
      }
    }
    return result | (readByte() & 0xffL) << 56;
  }

  private void skipVarLong() throws JfrFormatException {
    for (int i = 0; i < 8; i++) {
      if (readByte() >= 0) {
        return;
      }
    }
    readByte();
  }

  private long readFixed(int width) throws JfrFormatException {
    if (end - position < width) {
      throw truncated();
    }
    long result = 0;
    for (int i = 0; i < width; i++) {
      result = result << 8 | (bytes[position + i] & 0xff);
    }
    position += width;
    return result;
  }

  String readString(int length, boolean latin1) throws JfrFormatException {
    if (length < 0 || length > end - position) {
      throw damaged("a string of " + length + " bytes is longer than the " + (end - position) + " bytes left");
    }
    String text = new String(bytes, position, length, latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    position += length;
    return text;
  }

  /** Reads a header field: always big-endian, whatever the chunk's integers are. */
  long headerLong(int offset) {
    long result = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      result = result << 8 | (bytes[offset + i] & 0xff);
    }
    return result;
  }

  private JfrFormatException truncated() {
    return damaged("a value runs past the end of its " + (end == chunkEnd ? "chunk" : "event"));
  }
}
