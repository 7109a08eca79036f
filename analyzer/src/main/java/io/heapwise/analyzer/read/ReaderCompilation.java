// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Tells HotSpot's C2 compiler which of the reader's code is cold, so that reading a large recording spends its CPU
 * on reading. A recording is one hot path (tens of millions of allocation events) and much code run per chunk, per
 * constant-pool entry or per rare event: hundreds of thousands of calls, enough for C2, which then compiles the
 * recursive value decoder and the event handlers into 50 to 70 KB of code each, about a second of compiling apiece,
 * and inlines them into the hot path as well. On two CPUs that second is taken from reading, and the hot path's own
 * compilation waits behind them in the queue (seen in JFR's {@code jdk.Compilation} events: the event loop compiled
 * 3 to 5 s into a 10 s read).
 *
 * <p>The directives (HotSpot's {@code Compiler.directives_add}, the diagnostic command behind {@code jcmd}) leave
 * the methods of {@link #COLD_METHODS} to C1, which compiles them in milliseconds to code that is fast enough for
 * how often they run, and keep them out of what C2 inlines into the hot path; those of {@link #COMPILED_APART} C2
 * compiles once, on their own. They change how fast, never what: a JVM without the command (not HotSpot, or without
 * {@code jdk.management}) reads the same, only slower to warm up.
 *
 * <p>For the command-line tool's own JVM only: directives are global to the JVM, so an analyzer running inside
 * someone's application leaves that JVM's compiler alone.
 */
public final class ReaderCompilation {

  /**
   * Method patterns ({@code package/Class.method}, {@code *} for every method of the class) of code that runs per
   * chunk or per rare event. {@code ReaderCompilationTest} checks that each still names a class and method.
   */
  static final List<String> COLD_METHODS = List.of(
      // Opening a chunk: its metadata, and indexing every constant-pool entry by skipping it.
      "io/heapwise/analyzer/read/jfr/MetadataParser.*",
      "io/heapwise/analyzer/read/jfr/MetadataCache.*",
      "io/heapwise/analyzer/read/jfr/JfrChunkReader.<init>",
      "io/heapwise/analyzer/read/jfr/JfrChunkReader.open",
      "io/heapwise/analyzer/read/jfr/JfrChunkReader.readConstantPools",
      "io/heapwise/analyzer/read/jfr/JfrChunkReader.indexPool",
      "io/heapwise/analyzer/read/jfr/ConstantPool.index",
      "io/heapwise/analyzer/read/jfr/ConstantPool.seal",
      // Values decoded once per chunk and entry (a stack's frames, a thread's name), or read from rare events.
      "io/heapwise/analyzer/read/jfr/Decoder.*",
      "io/heapwise/analyzer/read/jfr/PoolRef.*",
      "io/heapwise/analyzer/read/jfr/ConstantPool.decode",
      "io/heapwise/analyzer/read/jfr/FieldValues.*",
      "io/heapwise/analyzer/read/jfr/StructObject.value",
      "io/heapwise/analyzer/read/jfr/EventView.value",
      "io/heapwise/analyzer/read/jfr/EventView.decodeAt",
      // The mapper's work per new stack, class or thread of a chunk, and per event of the rarer types.
      "io/heapwise/analyzer/read/EventMapper.frames",
      "io/heapwise/analyzer/read/EventMapper.siteOf",
      "io/heapwise/analyzer/read/EventMapper.typeName",
      "io/heapwise/analyzer/read/EventMapper.className",
      "io/heapwise/analyzer/read/EventMapper.attribution",
      "io/heapwise/analyzer/read/EventMapper$ThreadRef.of",
      "io/heapwise/analyzer/read/EventMapper$AllocationFields.of",
      "io/heapwise/analyzer/read/EventMapper.readOther",
      "io/heapwise/analyzer/read/EventMapper.collection",
      "io/heapwise/analyzer/read/EventMapper.heapSummary",
      "io/heapwise/analyzer/read/EventMapper.survivor",
      "io/heapwise/analyzer/read/EventMapper.activeSetting",
      "io/heapwise/analyzer/read/EventMapper.compilation",
      "io/heapwise/analyzer/read/EventMapper.inlining",
      "io/heapwise/analyzer/read/EventMapper.methodId",
      "io/heapwise/analyzer/read/EventMapper.embeddedClassFile",
      "io/heapwise/analyzer/read/EventMapper.testRan",
      "io/heapwise/analyzer/read/EventMapper.stringField",
      "io/heapwise/analyzer/read/EventMapper.longField",
      "io/heapwise/analyzer/read/InstrumentationEvents.*",
      "io/heapwise/analyzer/read/TypeNames.*",
      // The model's side of the same: a new site or thread, and the rare events' records.
      "io/heapwise/analyzer/model/SiteAttributor.*",
      "io/heapwise/analyzer/model/JitEvents.*",
      "io/heapwise/analyzer/model/ProfileBuilder.site",
      "io/heapwise/analyzer/model/ProfileBuilder.thread",
      "io/heapwise/analyzer/model/ProfileBuilder.threadStarted",
      "io/heapwise/analyzer/model/ProfileBuilder.compilation",
      "io/heapwise/analyzer/model/ProfileBuilder.inlining",
      "io/heapwise/analyzer/model/ProfileBuilder.flag");

  /**
   * Hot methods that C2 should compile on their own rather than inline into their caller. The event loop is
   * compiled twice, on-stack as the first chunk is read and then as a method, and each copy inlined the whole event
   * mapper (about 50 KB of code apiece); the mapper in turn was compiled with the allocation path inlined, and that
   * path again on its own, since it was hot before its caller was compiled. Each compiled once, on its own, they
   * cost C2 a fraction of that, for two calls per allocation event (six interleaved runs each: 3% less wall time).
   */
  static final List<String> COMPILED_APART = List.of(
      "io/heapwise/analyzer/read/EventMapper.read",
      "io/heapwise/analyzer/read/EventMapper.allocation");

  /** Inputs smaller than this are read in about a second: the directives would cost more than they save. */
  static final long WORTHWHILE_BYTES = 64L << 20;

  private static final String DIAGNOSTIC_COMMANDS = "com.sun.management:type=DiagnosticCommand";
  /** Whether the JVM took the directives; null until asked, so that a JVM without the command is asked once. */
  private static Boolean installed;

  private ReaderCompilation() {
  }

  /**
   * Installs the directives on a daemon thread: getting at the diagnostic command starts the JVM's management
   * server, about 0.2 s of class loading that need not hold up the reading, which takes C2's attention only later.
   */
  public static void installInBackground() {
    Thread thread = new Thread(ReaderCompilation::install, "heapwise-compiler-directives");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Whether reading these files is long enough for the directives to pay: together {@link #WORTHWHILE_BYTES} or
   * more. Paths that are not readable files count for nothing.
   */
  public static boolean worthwhileFor(List<Path> files) {
    long total = 0;
    for (Path file : files) {
      try {
        if (Files.isRegularFile(file)) {
          total += Files.size(file);
        }
      } catch (IOException e) {
        // The reader says what is wrong with it.
      }
    }
    return total >= WORTHWHILE_BYTES;
  }

  /** Installs the directives once per JVM; whether the JVM took them. */
  public static synchronized boolean install() {
    if (installed == null) {
      installed = addDirectives();
    }
    return installed;
  }

  private static boolean addDirectives() {
    Path file = null;
    try {
      // The command reads a file, as jcmd's does.
      file = Files.createTempFile("heapwise-compiler-directives-", ".json");
      Files.writeString(file, directives());
      Object reply = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(DIAGNOSTIC_COMMANDS),
          "compilerDirectivesAdd", new Object[] {new String[] {file.toString()}},
          new String[] {String[].class.getName()});
      return String.valueOf(reply).contains("compiler directives added");
    } catch (IOException | JMException | RuntimeException | LinkageError e) {
      // Not HotSpot, no jdk.management, or no temporary directory: read as fast as the JIT manages unaided.
      return false;
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // A few hundred bytes left in the temporary directory.
        }
      }
    }
  }

  /**
   * Two directives, the first match of a compiled method winning: the cold methods are not compiled by C2, and no
   * method of Heapwise's that C2 compiles inlines them or those compiled apart.
   */
  static String directives() {
    String cold = COLD_METHODS.stream().map(pattern -> "\"" + pattern + "\"").collect(Collectors.joining(", "));
    String notInlined = Stream.concat(COLD_METHODS.stream(), COMPILED_APART.stream())
        .map(pattern -> "\"-" + pattern + "\"").collect(Collectors.joining(", "));
    return "[\n"
        + "  {\"match\": [" + cold + "], \"c2\": {\"Exclude\": true}},\n"
        + "  {\"match\": [\"io/heapwise/*.*\"], \"inline\": [" + notInlined + "]}\n"
        + "]\n";
  }
}
