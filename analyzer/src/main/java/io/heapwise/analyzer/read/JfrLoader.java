// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read;

import io.heapwise.analyzer.ReadProgress;
import io.heapwise.analyzer.UnreadableRecordingException;
import io.heapwise.analyzer.model.ProfileBuilder;
import io.heapwise.analyzer.model.SiteAttributor;
import io.heapwise.analyzer.read.jfr.JfrChunkReader;
import io.heapwise.analyzer.read.jfr.JfrFormatException;
import io.heapwise.analyzer.read.jfr.MetadataCache;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads JFR files into a {@link ProfileBuilder}, chunk by chunk, as {@link LiveProfile} reads a live event stream;
 * only this package uses {@code jdk.jfr.consumer}.
 *
 * <p>A JFR file is a sequence of self-contained chunks, so chunks are read in parallel, each into its own builder,
 * and appended to the result in file order ({@link ProfileBuilder#append}): the result does not depend on how many
 * threads read. At most two chunks per thread are in memory at once, waiting to be appended.
 *
 * <p>The first {@link #READ_ALONE_BYTES}, or the first quarter of a smaller input, are read by one thread. Until
 * the JIT has compiled the hot path, more readers cost more than they give: they run the profiling tier, whose
 * counters they share, so those cache lines bounce between cores, and they take the CPU the compiler needs. On the
 * benchmark recording (BENCHMARKS.md), one reader for the first 64 MB and two after took about 10% less time in all
 * than two readers from the first chunk.
 *
 * <p>Real recordings are often damaged: copied while the JVM was writing, truncated by a full disk, or written
 * by tools whose output the JDK's reader rejects part of. What can be read is read; each part that cannot is
 * reported in one line with the number of events read before it.
 */
public final class JfrLoader {

  /** Each reading thread's last chunk's types. */
  private static final ThreadLocal<MetadataCache> METADATA = ThreadLocal.withInitial(MetadataCache::new);
  /** Read by one thread before the others join in: five chunks of HotSpot's default size, about 3 s here. */
  static final long READ_ALONE_BYTES = 64L << 20;

  private final ProfileBuilder builder;
  private final List<String> applicationPackages;
  private final List<String> libraryPackages;
  private final ReadProgress progress;
  private final int threads;

  /**
   * @param applicationPackages the user's choice; when empty, a recording made by the Heapwise agent supplies
   *     its own {@code include=} packages
   * @param threads how many chunks to read at once
   */
  public JfrLoader(ProfileBuilder builder, List<String> applicationPackages, List<String> libraryPackages,
      ReadProgress progress, int threads) {
    this.builder = builder;
    this.applicationPackages = List.copyOf(applicationPackages);
    this.libraryPackages = List.copyOf(libraryPackages);
    this.progress = progress;
    this.threads = threads;
  }

  /** A loader reading as many chunks at once as there are processors. */
  public JfrLoader(ProfileBuilder builder, List<String> applicationPackages, List<String> libraryPackages,
      ReadProgress progress) {
    this(builder, applicationPackages, libraryPackages, progress, Runtime.getRuntime().availableProcessors());
  }

  /** Reads one file; throws only when nothing at all could be read from it. */
  public void load(Path file) throws UnreadableRecordingException {
    load(List.of(file));
  }

  /**
   * Reads the files, in this order, as one analysis: each stays a recording of its own (a JVM's thread counters and
   * stack traces do not carry over to another's file). Throws when nothing at all could be read from one of them.
   */
  public void load(List<Path> files) throws UnreadableRecordingException {
    List<RecordingInput> inputs = new ArrayList<>();
    try {
      for (Path file : files) {
        inputs.add(open(file));
      }
      List<ChunkJob> jobs = new ArrayList<>();
      for (RecordingInput input : inputs) {
        List<JfrChunks.Chunk> chunks = input.layout().chunks();
        for (int i = 0; i < chunks.size(); i++) {
          jobs.add(new ChunkJob(input, chunks.get(i), i == 0, i == chunks.size() - 1));
        }
      }
      readAll(jobs, timelineOrigin(inputs));
    } finally {
      inputs.forEach(RecordingInput::close);
      ChunkBytes.release();
      METADATA.remove();
    }
  }

  /**
   * A file ready to be read: checked, gunzipped if it was, split into chunks, its agent session found, and open for
   * the reader threads' positional reads.
   */
  private record RecordingInput(Path file, Path jfr, FileChannel channel, JfrChunks.Layout layout,
      SiteAttributor attributor) {

    String where(JfrChunks.Chunk chunk) {
      return layout.chunks().size() == 1 ? "" : String.format(Locale.ROOT, "chunk %d of %d: ", chunk.index(),
          layout.chunks().size());
    }

    void close() {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Only read from.
      }
      if (!jfr.equals(file)) {
        deleteQuietly(jfr);
      }
    }
  }

  private record ChunkJob(RecordingInput input, JfrChunks.Chunk chunk, boolean firstOfFile, boolean lastOfFile) {
  }

  /** A chunk read into its own builder, and why it could not be read whole ({@code null} when it could). */
  private record ChunkResult(ProfileBuilder partial, String problem) {
  }

  private RecordingInput open(Path file) throws UnreadableRecordingException {
    checkReadable(file);
    Path jfr = null;
    try {
      jfr = isGzip(file) ? gunzip(file) : file;
      JfrChunks.Layout layout = JfrChunks.scan(jfr);
      FileChannel channel = FileChannel.open(jfr, StandardOpenOption.READ);
      try {
        RecordingInput input = new RecordingInput(file, jfr, channel, layout, attributorFor(jfr, channel, layout));
        jfr = null;
        return input;
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UnreadableRecordingException(file, "cannot be read: " + describe(e), e);
    } finally {
      if (jfr != null && !jfr.equals(file)) {
        deleteQuietly(jfr);
      }
    }
  }

  /** Where the builder's site timelines begin: the first complete chunk's start, unless it knows already. */
  private long timelineOrigin(List<RecordingInput> inputs) {
    for (RecordingInput input : inputs) {
      for (JfrChunks.Chunk chunk : input.layout().chunks()) {
        if (chunk.complete()) {
          return builder.timelineOrigin(chunk.startEpochNanos());
        }
      }
    }
    return builder.timelineOrigin(0);
  }

  private void readAll(List<ChunkJob> jobs, long origin) throws UnreadableRecordingException {
    int readers = Math.max(1, Math.min(threads, jobs.size()));
    ExecutorService pool = readers == 1 ? null : Executors.newFixedThreadPool(readers, runnable -> {
      Thread thread = new Thread(runnable, "heapwise-chunk-reader");
      thread.setDaemon(true);
      return thread;
    });
    try {
      Deque<Future<ChunkResult>> ahead = new ArrayDeque<>();
      int submitted = 0;
      long fileEvents = 0;
      List<String> fileProblems = new ArrayList<>();
      long readAlone = Math.min(READ_ALONE_BYTES, totalBytes(jobs) / 4);
      for (ChunkJob job : jobs) {
        ChunkResult result;
        if (pool == null || readAlone > 0) {
          submitted++;
          readAlone -= job.chunk().availableSize();
          result = readHere(job, origin);
        } else {
          while (submitted < jobs.size() && ahead.size() < 2 * readers) {
            ChunkJob next = jobs.get(submitted++);
            ahead.add(pool.submit(() -> read(next, origin)));
          }
          result = await(ahead.poll(), job.input().file());
        }
        fileEvents += result.partial().eventsRead();
        if (result.problem() != null) {
          fileProblems.add(result.problem());
        }
        builder.append(result.partial());
        progress.update(job.input().file(), job.chunk().offset() + job.chunk().availableSize(),
            job.input().layout().fileSize());
        if (job.lastOfFile()) {
          fileDone(job.input(), fileEvents, fileProblems);
          fileEvents = 0;
          fileProblems.clear();
        }
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  private static long totalBytes(List<ChunkJob> jobs) {
    long total = 0;
    for (ChunkJob job : jobs) {
      total += job.chunk().availableSize();
    }
    return total;
  }

  /** {@link #read} on this thread, failing as {@link #await} does. */
  private ChunkResult readHere(ChunkJob job, long origin) throws UnreadableRecordingException {
    try {
      return read(job, origin);
    } catch (UncheckedIOException e) {
      throw cannotRead(job.input().file(), e);
    }
  }

  private static UnreadableRecordingException cannotRead(Path file, UncheckedIOException e) {
    return new UnreadableRecordingException(file, "cannot be read: " + describe(e.getCause()), e.getCause());
  }

  private static ChunkResult await(Future<ChunkResult> future, Path file) throws UnreadableRecordingException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnreadableRecordingException(file, "reading was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw cannotRead(file, io);
      }
      if (e.getCause() instanceof RuntimeException bug) {
        throw bug;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private void fileDone(RecordingInput input, long eventsRead, List<String> problems)
      throws UnreadableRecordingException {
    List<String> all = new ArrayList<>(problems);
    if (input.layout().trailingProblem() != null) {
      all.add(input.layout().trailingProblem());
    }
    if (eventsRead == 0 && !all.isEmpty()) {
      throw new UnreadableRecordingException(input.file(), String.join("; ", all) + "; no events could be read");
    }
    for (String problem : all) {
      builder.problem(String.format(Locale.ROOT, "%s: %s (%,d events read from this file in all)", input.file(),
          problem, eventsRead));
    }
  }

  /**
   * Reads one chunk into a builder of its own; runs on a reader thread. Heapwise's chunk reader reads it when it
   * understands all of it; otherwise the JDK's reader reads it again from the start, into a fresh builder, and
   * reports what it could not read.
   */
  private ChunkResult read(ChunkJob job, long origin) {
    RecordingInput input = job.input();
    JfrChunks.Chunk chunk = job.chunk();
    if (!chunk.complete()) {
      return new ChunkResult(chunkBuilder(job, origin), input.where(chunk) + incompleteChunk(chunk));
    }
    try {
      ProfileBuilder partial = chunkBuilder(job, origin);
      if (readWithChunkReader(input, chunk, new EventMapper(partial, input.attributor()))) {
        partial.chunkSpan(chunk.durationNanos());
        return new ChunkResult(partial, null);
      }
      partial = chunkBuilder(job, origin);
      String failure;
      try (ChunkFile chunkFile = ChunkFile.of(input.jfr(), input.layout(), chunk)) {
        failure = readWithJdk(chunkFile, new EventMapper(partial, input.attributor()));
      }
      partial.chunkSpan(chunk.durationNanos());
      return new ChunkResult(partial, failure == null ? null : String.format(Locale.ROOT,
          "%s%s; %,d events of this chunk were read before it", input.where(chunk), failure, partial.eventsRead()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ProfileBuilder chunkBuilder(ChunkJob job, long origin) {
    ProfileBuilder partial = ProfileBuilder.forChunk(origin);
    if (builder.callTree() != null) {
      partial.recordStacks();
    }
    if (job.firstOfFile()) {
      partial.file(job.input().file().toString());
    }
    if (job.chunk().complete()) {
      partial.chunkStarted(job.chunk().startEpochNanos());
    }
    return partial;
  }

  /**
   * Whether the chunk reader read the whole chunk; {@code false} (a chunk it does not understand, or too large to
   * hold) leaves the mapper's builder half-filled.
   */
  private boolean readWithChunkReader(RecordingInput input, JfrChunks.Chunk chunk, EventMapper mapper)
      throws IOException {
    if (chunk.declaredSize() > ChunkBytes.maxCopiedBytes(threads)) {
      return false;
    }
    try {
      JfrChunkReader reader = JfrChunkReader.open(ChunkBytes.read(input.channel(), chunk.offset(),
          chunk.declaredSize()), METADATA.get());
      mapper.eventTypes(reader.eventTypeNames());
      reader.readEvents(EventMapper.EVENT_TYPES, mapper::read);
      mapper.counted(reader.eventCounts());
      return true;
    } catch (JfrFormatException e) {
      return false;
    } finally {
      mapper.chunkDone();
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
  private static String readWithJdk(ChunkFile chunkFile, EventMapper mapper) {
    try (RecordingFile recording = new RecordingFile(chunkFile.path())) {
      mapper.eventTypes(namesById(recording.readEventTypes()));
      while (recording.hasMoreEvents()) {
        mapper.accept(new JdkRecordedEvent(recording.readEvent()));
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

  /** Event type names by id, as {@code jdk.ActiveSetting} refers to them. */
  static Map<Long, String> namesById(List<EventType> types) {
    Map<Long, String> names = new HashMap<>();
    for (EventType type : types) {
      names.put(type.getId(), type.getName());
    }
    return names;
  }

  /** Attributes by the agent's session, which is in the file's first complete chunk when the agent made it. */
  private SiteAttributor attributorFor(Path jfr, FileChannel channel, JfrChunks.Layout layout) throws IOException {
    JfrChunks.Chunk first = layout.chunks().stream().filter(JfrChunks.Chunk::complete).findFirst().orElse(null);
    AgentSession session = first == null ? AgentSession.NONE : sessionIn(jfr, channel, layout, first);
    return session.attributor(builder, applicationPackages, libraryPackages);
  }

  private static AgentSession sessionIn(Path jfr, FileChannel channel, JfrChunks.Layout layout,
      JfrChunks.Chunk chunk) throws IOException {
    if (chunk.declaredSize() <= ChunkBytes.maxCopiedBytes(1)) {
      AgentSession[] found = {AgentSession.NONE};
      try {
        JfrChunkReader.open(ChunkBytes.read(channel, chunk.offset(), chunk.declaredSize()))
            .readEvents(Set.of(AgentSession.EVENT_NAME), event -> {
              if (found[0] == AgentSession.NONE) {
                found[0] = AgentSession.of(event);
              }
            });
        return found[0];
      } catch (JfrFormatException e) {
        // The JDK's reader may understand the chunk.
      }
    }
    try (ChunkFile chunkFile = ChunkFile.of(jfr, layout, chunk)) {
      return AgentSession.find(chunkFile.path());
    }
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
