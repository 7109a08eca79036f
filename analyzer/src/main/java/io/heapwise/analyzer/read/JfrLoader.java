// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read;

import io.heapwise.analyzer.ReadProgress;
import io.heapwise.analyzer.UnreadableRecordingException;
import io.heapwise.analyzer.model.ProfileBuilder;
import io.heapwise.analyzer.model.SiteAttributor;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads JFR files into a {@link ProfileBuilder}, chunk by chunk, as {@link LiveProfile} reads a live event stream;
 * only this package uses {@code jdk.jfr.consumer}.
 *
 * <p>Real recordings are often damaged: copied while the JVM was writing, truncated by a full disk, or written
 * by tools whose output the JDK's reader rejects part of. What can be read is read; each part that cannot is
 * reported in one line with the number of events read before it.
 */
public final class JfrLoader {

  private final ProfileBuilder builder;
  private final List<String> applicationPackages;
  private final List<String> libraryPackages;
  private final ReadProgress progress;

  /**
   * @param applicationPackages the user's choice; when empty, a recording made by the Heapwise agent supplies
   *     its own {@code include=} packages
   */
  public JfrLoader(ProfileBuilder builder, List<String> applicationPackages, List<String> libraryPackages,
      ReadProgress progress) {
    this.builder = builder;
    this.applicationPackages = List.copyOf(applicationPackages);
    this.libraryPackages = List.copyOf(libraryPackages);
    this.progress = progress;
  }

  /** Reads one file; throws only when nothing at all could be read from it. */
  public void load(Path file) throws UnreadableRecordingException {
    checkReadable(file);
    builder.file(file.toString());
    Path jfr = null;
    try {
      jfr = isGzip(file) ? gunzip(file) : file;
      loadChunks(file, jfr);
    } catch (IOException e) {
      throw new UnreadableRecordingException(file, "cannot be read: " + describe(e), e);
    } finally {
      if (jfr != null && !jfr.equals(file)) {
        deleteQuietly(jfr);
      }
    }
  }

  private void loadChunks(Path file, Path jfr) throws IOException, UnreadableRecordingException {
    JfrChunks.Layout layout = JfrChunks.scan(jfr);
    JfrChunks.Chunk first = layout.chunks().stream().filter(JfrChunks.Chunk::complete).findFirst().orElse(null);
    // The first chunk is read twice, for the agent's session and then for its events: copied once.
    try (ChunkFile firstFile = first == null ? null : ChunkFile.of(jfr, layout, first)) {
      EventMapper mapper = new EventMapper(builder, attributorFor(firstFile));
      readChunks(file, jfr, layout, first, firstFile, mapper);
    }
  }

  private void readChunks(Path file, Path jfr, JfrChunks.Layout layout, JfrChunks.Chunk first, ChunkFile firstFile,
      EventMapper mapper) throws IOException, UnreadableRecordingException {
    List<JfrChunks.Chunk> chunks = layout.chunks();
    long eventsBefore = builder.eventsRead();
    List<String> problems = new ArrayList<>();
    for (JfrChunks.Chunk chunk : chunks) {
      String where = chunks.size() == 1 ? "" : String.format(Locale.ROOT, "chunk %d of %d: ", chunk.index(),
          chunks.size());
      if (!chunk.complete()) {
        problems.add(where + incompleteChunk(chunk));
        continue;
      }
      long chunkEventsBefore = builder.eventsRead();
      builder.chunkStarted(chunk.startEpochNanos());
      String failure;
      if (chunk == first) {
        failure = readChunk(firstFile, mapper);
      } else {
        try (ChunkFile chunkFile = ChunkFile.of(jfr, layout, chunk)) {
          failure = readChunk(chunkFile, mapper);
        }
      }
      if (failure != null) {
        problems.add(String.format(Locale.ROOT, "%s%s; %,d events of this chunk were read before it",
            where, failure, builder.eventsRead() - chunkEventsBefore));
      }
      builder.chunkSpan(chunk.durationNanos());
      progress.update(file, chunk.offset() + chunk.declaredSize(), layout.fileSize());
    }
    if (layout.trailingProblem() != null) {
      problems.add(layout.trailingProblem());
    }
    long eventsRead = builder.eventsRead() - eventsBefore;
    if (eventsRead == 0 && !problems.isEmpty()) {
      throw new UnreadableRecordingException(file, String.join("; ", problems) + "; no events could be read");
    }
    for (String problem : problems) {
      builder.problem(String.format(Locale.ROOT, "%s: %s (%,d events read from this file in all)", file,
          problem, eventsRead));
    }
  }

  private static String incompleteChunk(JfrChunks.Chunk chunk) {
    if (chunk.declaredSize() == 0) {
      return String.format(Locale.ROOT, "truncated recording: the chunk at byte %,d was still being written"
          + " (its header has no size yet), so it was skipped", chunk.offset());
    }
    return String.format(Locale.ROOT, "truncated recording: the chunk at byte %,d has %,d of its %,d bytes,"
        + " so it was skipped", chunk.offset(), chunk.availableSize(), chunk.declaredSize());
  }

  /** Returns {@code null} when the whole chunk was read, else what stopped the reader. */
  private static String readChunk(ChunkFile chunkFile, EventMapper mapper) {
    try (RecordingFile recording = new RecordingFile(chunkFile.path())) {
      mapper.eventTypes(recording.readEventTypes());
      while (recording.hasMoreEvents()) {
        RecordedEvent event = recording.readEvent();
        mapper.accept(event);
      }
      return null;
    } catch (IOException | RuntimeException | InternalError | StackOverflowError e) {
      // InternalError is what the JDK's reader throws on constant pools it does not understand
      // (seen on async-profiler's jfrsync output); it is bad input, not a broken VM.
      return "the JDK's JFR reader stopped: " + describe(e);
    } finally {
      mapper.chunkDone();
    }
  }

  /** @param firstChunk the file's first complete chunk, where the agent's session event is; null when none */
  private SiteAttributor attributorFor(ChunkFile firstChunk) {
    AgentSession session = firstChunk == null ? AgentSession.NONE : AgentSession.find(firstChunk.path());
    return session.attributor(builder, applicationPackages, libraryPackages);
  }

  private static void checkReadable(Path file) throws UnreadableRecordingException {
    if (Files.isDirectory(file)) {
      throw new UnreadableRecordingException(file, "is a directory, not a JFR recording");
    }
    try {
      if (Files.size(file) == 0) {
        throw new UnreadableRecordingException(file, "empty file (0 bytes), not a JFR recording");
      }
    } catch (NoSuchFileException e) {
      throw new UnreadableRecordingException(file, "no such file");
    } catch (AccessDeniedException e) {
      throw new UnreadableRecordingException(file, "permission denied");
    } catch (IOException e) {
      throw new UnreadableRecordingException(file, "cannot be read: " + describe(e), e);
    }
    if (!Files.isReadable(file)) {
      throw new UnreadableRecordingException(file, "permission denied");
    }
  }

  private static boolean isGzip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }

  private static Path gunzip(Path file) throws IOException, UnreadableRecordingException {
    Path plain = Files.createTempFile("heapwise-gunzip-", ".jfr");
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
        OutputStream out = Files.newOutputStream(plain)) {
      in.transferTo(out);
    } catch (EOFException e) {
      // A cut-off gzip stream still holds the recording's beginning; the chunk scan reports the truncation.
      return plain;
    } catch (ZipException e) {
      deleteQuietly(plain);
      throw new UnreadableRecordingException(file, "damaged gzip file: " + describe(e), e);
    } catch (IOException e) {
      deleteQuietly(plain);
      throw e;
    }
    return plain;
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    String type = e.getClass().getSimpleName();
    return message == null || message.isBlank() ? type : type + ": " + message.strip().replaceAll("\\s+", " ");
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // A temporary file left behind is not worth failing an analysis for.
    }
  }
}
