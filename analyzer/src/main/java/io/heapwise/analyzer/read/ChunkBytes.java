// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * One chunk's bytes for the chunk reader, which reads from an array: copied into a buffer that the reading thread
 * keeps for its next chunk, so that reading a file of gigabytes holds a few chunks' worth. Mapping the file instead
 * would leave every page read resident in the process until the garbage collector happened to unmap it.
 */
final class ChunkBytes {

  private static final ThreadLocal<byte[]> REUSED = new ThreadLocal<>();

  private ChunkBytes() {
  }

  /**
   * The largest chunk copied for {@code readers} threads reading at once: a quarter of the heap between them. The
   * JDK rotates chunks at 12 MB; a larger one (async-profiler's, or a raised {@code maxchunksize}) goes to the JDK's
   * reader, which streams it.
   */
  static long maxCopiedBytes(int readers) {
    return Math.min(Integer.MAX_VALUE - 8, Runtime.getRuntime().maxMemory() / 4 / Math.max(1, readers));
  }

  /** Lets this thread's buffer go, when it reads no more chunks for a while. */
  static void release() {
    REUSED.remove();
  }

  /**
   * The chunk's bytes from position 0 to the limit, in this thread's buffer: valid until the thread reads its next
   * chunk, so nothing read from them may outlive the chunk's reading.
   */
  static ByteBuffer read(FileChannel file, long offset, long size) throws IOException {
    byte[] array = REUSED.get();
    if (array == null || array.length < size) {
      array = new byte[(int) Math.max(size, 16L << 20)];
      REUSED.set(array);
    }
    ByteBuffer buffer = ByteBuffer.wrap(array, 0, (int) size);
    while (buffer.hasRemaining()) {
      if (file.read(buffer, offset + buffer.position()) < 0) {
        throw new EOFException("the file ended " + buffer.remaining() + " bytes before the chunk's end");
      }
    }
    return buffer.flip();
  }
}
