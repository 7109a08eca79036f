// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read;

import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * One chunk's bytes for the chunk reader. A chunk is copied into a buffer that its reading thread keeps for the next
 * one, so that reading a file of gigabytes keeps a few chunks' worth in memory: mapping the file instead would leave
 * every page read resident in the process until the garbage collector happened to unmap it. A chunk too large to copy
 * (recorders with a very large chunk size) is mapped, and unmapped as soon as it has been read.
 */
final class ChunkBytes implements AutoCloseable {

  /** Larger chunks are mapped: the JDK rotates chunks at 12 MB, async-profiler at 100 MB by default. */
  static final int MAX_COPIED_BYTES = 128 << 20;

  private static final ThreadLocal<ByteBuffer> REUSED = new ThreadLocal<>();

  private final ByteBuffer bytes;
  private final boolean mapped;

  private ChunkBytes(ByteBuffer bytes, boolean mapped) {
    this.bytes = bytes;
    this.mapped = mapped;
  }

  static ChunkBytes read(FileChannel file, long offset, long size) throws IOException {
    if (size > MAX_COPIED_BYTES) {
      return new ChunkBytes(file.map(FileChannel.MapMode.READ_ONLY, offset, size), true);
    }
    ByteBuffer buffer = REUSED.get();
    if (buffer == null || buffer.capacity() < size) {
      buffer = ByteBuffer.allocateDirect((int) Math.max(size, 16L << 20));
      REUSED.set(buffer);
    }
    buffer.clear().limit((int) size);
    while (buffer.hasRemaining()) {
      if (file.read(buffer, offset + buffer.position()) < 0) {
        throw new EOFException("the file ended " + buffer.remaining() + " bytes before the chunk's end");
      }
    }
    return new ChunkBytes(buffer.flip(), false);
  }

  /** The chunk from position 0 to the limit; valid until {@link #close()}. */
  ByteBuffer buffer() {
    return bytes;
  }

  @Override
  public void close() {
    if (mapped) {
      Unmapper.unmap(bytes);
    }
  }

  /**
   * Frees a mapping now, through {@code sun.misc.Unsafe.invokeCleaner} (module jdk.unsupported, in every JDK from 9
   * on); where it is missing, the mapping is left to the garbage collector, as any mapped buffer is.
   */
  private static final class Unmapper {
    private static final Object UNSAFE;
    private static final java.lang.reflect.Method INVOKE_CLEANER;

    static {
      Object unsafe = null;
      java.lang.reflect.Method invokeCleaner = null;
      try {
        Class<?> type = Class.forName("sun.misc.Unsafe");
        Field field = type.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        unsafe = field.get(null);
        invokeCleaner = type.getMethod("invokeCleaner", ByteBuffer.class);
      } catch (ReflectiveOperationException | RuntimeException e) {
        unsafe = null;
        invokeCleaner = null;
      }
      UNSAFE = unsafe;
      INVOKE_CLEANER = invokeCleaner;
    }

    static void unmap(ByteBuffer buffer) {
      if (INVOKE_CLEANER == null) {
        return;
      }
      try {
        INVOKE_CLEANER.invoke(UNSAFE, buffer);
      } catch (ReflectiveOperationException | RuntimeException e) {
        // Left to the garbage collector.
      }
    }
  }
}
