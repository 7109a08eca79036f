// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --include}, {@code --exclude}, {@code --settings}, {@code --allocation-profiling}, {@code --instrument}
 * and {@code --sample}: what the agent records, for every command that loads it ({@code record}, {@code attach}).
 */
final class AgentFlags {

  private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  @Option(names = "--include", paramLabel = "PKG",
      description = "A package prefix of your application (repeatable), e.g. com.acme: allocation sites are "
          + "attributed to its frames. Default: every frame that is not the JDK's.")
  List<String> include = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "PKG",
      description = "A package prefix to treat like the JDK (repeatable): libraries you do not change.")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--settings", paramLabel = "S",
      description = "JFR settings: heapwise (default: allocation samples, GC, JIT, threads), heapwise-sizes "
          + "(adds TLAB events: exact sizes for capacity advice, more events), default, profile, or a .jfc file.")
  String settings;

  @Option(names = "--allocation-profiling", paramLabel = "LEVEL",
      description = "How often JFR samples allocations, by the JDK's levels: low, medium (the heapwise settings' "
          + "300/s), high (1000/s) or maximum (every TLAB refill). Use maximum for test runs and CI baselines: "
          + "throttled samples that cut a burst give its bytes to one object, and short runs' sites move.")
  String allocationProfiling;

  @Option(names = "--instrument",
      description = "Also rewrite the --include packages' allocation sites (classes already loaded too) to measure "
          + "how long their objects live and how large their default-capacity collections grow (sampled; costs "
          + "some throughput, see BENCHMARKS.md); the classes get their original code back when the recording "
          + "ends. Needs --include.")
  boolean instrument;

  @Option(names = "--sample", paramLabel = "1/N",
      description = "With --instrument: sample one allocation in N per thread (default 1/1024).")
  String sample;

  /**
   * The absolute path the recording goes to: {@code out}, or {@code <prefix>-<date>-<time>.jfr} in the current
   * directory; a file already there is removed first, so that its presence later means the agent wrote it.
   */
  static Path freshRecording(Path out, String prefix) throws IOException {
    Path recording = (out != null ? out : Path.of(prefix + "-" + LocalDateTime.now().format(FILE_STAMP) + ".jfr"))
        .toAbsolutePath().normalize();
    Files.deleteIfExists(recording);
    return recording;
  }

  /** The agent's option string for a recording to {@code out}; {@code duration} null: until the end. */
  String render(Path out, String duration) throws BadInputException {
    return new AgentOptions(out, duration, include, exclude, settings, allocationProfiling, instrument,
        sample).render();
  }
}
