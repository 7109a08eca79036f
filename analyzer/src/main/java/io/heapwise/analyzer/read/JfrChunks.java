// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read;

import io.heapwise.analyzer.UnreadableRecordingException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a JFR file into its chunks by reading their headers, so that one damaged chunk does not cost the
 * others. A JFR file is a sequence of self-contained chunks, each starting with {@code FLR\0}, the format
 * version and the chunk's size.
 */
public final class JfrChunks {

  private static final byte[] MAGIC = {'F', 'L', 'R', 0};
  private static final int HEADER_BYTES = 68;

  private JfrChunks() {
  }

  /**
   * One chunk as its header describes it.
   *
   * @param declaredSize the size its header claims; {@code 0} while the JVM is still writing it
   * @param availableSize the bytes the file really has for it
   * @param startEpochNanos when the chunk began, in nanoseconds since the epoch
   */
  public record Chunk(int index, long offset, long declaredSize, long availableSize, int major, int minor,
      long startEpochNanos, long durationNanos) {

    public boolean complete() {
      return declaredSize >= HEADER_BYTES && availableSize == declaredSize;
    }
  }

  /** The chunks, and what follows the last one when it is not a chunk. */
  public record Layout(List<Chunk> chunks, long fileSize, String trailingProblem) {
  }

  public static Layout scan(Path file) throws IOException, UnreadableRecordingException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      List<Chunk> chunks = new ArrayList<>();
      long offset = 0;
      ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
      while (offset < size) {
        header.clear();
        int read = readFully(channel, header, offset);
        if (!hasMagic(header, read)) {
          if (chunks.isEmpty()) {
            throw new UnreadableRecordingException(file, "not a JFR recording (" + describeStart(header, read) + ")");
          }
          return new Layout(chunks, size, String.format(Locale.ROOT,
              "%,d bytes after chunk %d are not a JFR chunk and were skipped", size - offset, chunks.size()));
        }
        if (read < HEADER_BYTES) {
          throw truncatedHeader(file, chunks, offset, size);
        }
        int major = header.getShort(4) & 0xffff;
        int minor = header.getShort(6) & 0xffff;
        if (major < 1 || major > 2) {
          throw new UnreadableRecordingException(file, "JFR format " + major + "." + minor
              + (major == 0 ? " (JRockit)" : "") + " is not supported; Heapwise reads recordings made by"
              + " JDK 11 or newer (format 2.x)");
        }
        long declared = header.getLong(8);
        long available = Math.min(size - offset, declared > 0 ? declared : size - offset);
        long start = header.getLong(32);
        long duration = header.getLong(40);
        chunks.add(new Chunk(chunks.size() + 1, offset, declared, available, major, minor, start, duration));
        if (declared < HEADER_BYTES || declared > size - offset) {
          break;
        }
        offset += declared;
      }
      return new Layout(chunks, size, null);
    }
  }

  private static UnreadableRecordingException truncatedHeader(Path file, List<Chunk> chunks, long offset,
      long size) {
    return new UnreadableRecordingException(file, String.format(Locale.ROOT,
        "truncated recording: the file ends %d bytes into the header of chunk %d", size - offset,
        chunks.size() + 1));
  }

  private static int readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    int total = 0;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, position + total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }

  private static boolean hasMagic(ByteBuffer header, int read) {
    if (read < MAGIC.length) {
      return false;
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (header.get(i) != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  /** A few words on what the file looks like instead, so the user recognizes the mix-up. */
  private static String describeStart(ByteBuffer header, int read) {
    byte[] start = new byte[Math.min(read, 16)];
    header.get(0, start);
    if (start.length >= 4 && start[0] == 'P' && start[1] == 'K') {
      return "it is a zip or jar file";
    }
    if (start.length >= 4 && start[0] == '%' && start[1] == 'P' && start[2] == 'D' && start[3] == 'F') {
      return "it is a PDF file";
    }
    boolean text = start.length > 0;
    for (byte b : start) {
      text &= (b >= 0x20 && b < 0x7f) || b == '\n' || b == '\r' || b == '\t';
    }
    if (text) {
      String shown = new String(start, StandardCharsets.US_ASCII).replaceAll("\\s+", " ").trim();
      return "it starts with text: \"" + shown + "\"";
    }
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < Math.min(start.length, 4); i++) {
      hex.append(String.format(Locale.ROOT, "%02x ", start[i] & 0xff));
    }
    return "it starts with bytes " + hex.toString().trim() + ", not FLR";
  }
}
