// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.UnreadableRecordingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code heapwise attach PID}: records a running JVM for a while, then reports, and leaves nothing behind. */
@Command(
    name = "attach",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Loads the Heapwise agent into a running JVM (Java 17 or later, same user, same machine), records for the "
            + "given duration or until Ctrl-C, then analyzes the recording and prints the report. The JVM keeps "
            + "running; when the recording ends the agent stops it, takes back any instrumentation, and is idle.",
        "Uses the JDK's Attach API only (a local socket file); nothing listens on a network port. Java 21+ prints "
            + "a warning about a dynamically loaded agent; start the JVM with -XX:+EnableDynamicAgentLoading to "
            + "allow it silently."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  heapwise list",
        "  heapwise attach 4242 --duration 30s",
        "  heapwise attach 4242 --live --include com.acme",
        "  heapwise attach OrderService --duration 2m --include com.acme --out orders.jfr",
        "  heapwise attach 4242 --duration 60s --instrument --include com.acme --format json -o report.json"
    })
final class AttachCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @ParentCommand
  private HeapwiseCli cli;

  @Parameters(index = "0", paramLabel = "PID|NAME",
      description = "The JVM: its pid, or a part of its main class or jar name that only it has.")
  private String target;

  @Option(names = "--duration", paramLabel = "D", converter = Durations.Text.class,
      description = "Record for D (" + Durations.FORMS + "). Default: until Ctrl-C.")
  private String duration;

  @Option(names = "--out", paramLabel = "FILE.jfr",
      description = "Where the recording goes (default: heapwise-<pid>-<date>-<time>.jfr in the current "
          + "directory). The target JVM writes it, so it must be able to write there.")
  private Path out;

  @Mixin
  private AgentFlags agentFlags;

  @Option(names = "--live",
      description = "Show the report so far while recording: redrawn every 2 s on a terminal, a few summary lines "
          + "every 10 s otherwise (on standard error). Follows the JVM's JFR repository on disk as JFR writes it.")
  private boolean live;

  @Option(names = "--refresh", paramLabel = "D", converter = Durations.Text.class,
      description = "With --live: how often to show the report so far (" + Durations.FORMS + ").")
  private String refresh;

  @Mixin
  private OutputOptions output;

  @Override
  public Integer call() throws BadInputException, UnreadableRecordingException, IOException {
    AnalysisOptions options = output.analysisOptions();
    JvmTarget jvm = JvmTarget.find(target);
    Path recording = AgentFlags.freshRecording(out, "heapwise-" + jvm.pid());
    String agentOptions = agentFlags.render(recording, duration);
    if (refresh != null && !live) {
      throw new BadInputException("--refresh only applies with --live");
    }
    Path agent = EmbeddedJars.inUserCache().extract(EmbeddedJars.AGENT);
    PrintWriter err = spec.commandLine().getErr();
    Terminal terminal = cli.terminal();
    Duration period = refresh != null ? Durations.parse(refresh)
        : terminal.interactive() ? LiveView.TERMINAL_REFRESH : LiveView.LOG_REFRESH;
    AttachSession.Watcher watcher = !live ? AttachSession.countdown(jvm, terminal, err)
        : new LiveView(jvm, options, agentFlags.include, agentFlags.exclude, terminal, err, period);
    try (CtrlC ctrlC = CtrlC.watch();
        AttachSession session = AttachSession.open(jvm, agent, err)) {
      session.record(agentOptions, recording, duration == null ? null : Durations.parse(duration), ctrlC,
          watcher);
      new ReportPipeline(cli.terminal(), spec.commandLine().getOut(), err)
          .runWithClassPath(List.of(recording), session.classPath(), options, output);
    }
    return ExitCodes.OK;
  }
}
