// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One chunk as a file the JDK's reader can open, which takes files, not byte ranges: the recording itself when it
 * is exactly that one chunk, else a temporary copy, deleted on close.
 */
public record ChunkFile(Path path, boolean copy) implements AutoCloseable {

  public static ChunkFile of(Path jfr, JfrChunks.Layout layout, JfrChunks.Chunk chunk) throws IOException {
    boolean wholeFile = layout.chunks().size() == 1 && chunk.declaredSize() == layout.fileSize();
    return wholeFile ? new ChunkFile(jfr, false) : new ChunkFile(copy(jfr, chunk), true);
  }

  private static Path copy(Path jfr, JfrChunks.Chunk chunk) throws IOException {
    Path copy = Files.createTempFile("heapwise-chunk-", ".jfr");
    try (FileChannel in = FileChannel.open(jfr, StandardOpenOption.READ);
        FileChannel out = FileChannel.open(copy, StandardOpenOption.WRITE)) {
      long done = 0;
      while (done < chunk.declaredSize()) {
        long n = in.transferTo(chunk.offset() + done, chunk.declaredSize() - done, out);
        if (n <= 0) {
          throw new IOException("short read copying chunk " + chunk.index());
        }
        done += n;
      }
    } catch (IOException e) {
      JfrLoader.deleteQuietly(copy);
      throw e;
    }
    return copy;
  }

  @Override
  public void close() {
    if (copy) {
      JfrLoader.deleteQuietly(path);
    }
  }
}
