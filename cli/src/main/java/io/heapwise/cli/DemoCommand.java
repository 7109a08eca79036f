// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.UnreadableRecordingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code heapwise demo}: the whole path on a bundled sample, so a newcomer sees a real report in seconds. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Runs a bundled sample, an order-matching engine whose hot loop collects fills into an ArrayList that "
            + "keeps growing, under the Heapwise agent, and prints the report. The sample's own output goes to "
            + "standard error; the report to standard output."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  java -jar heapwise.jar demo",
        "  java -jar heapwise.jar demo --seconds 10 --format json"
    })
final class DemoCommand implements Callable<Integer> {

  static final String SAMPLE = "io.heapwise.samples.unsized.OrderBook";
  static final String SAMPLE_PACKAGE = "io.heapwise.samples";

  @Spec
  private CommandSpec spec;

  @ParentCommand
  private HeapwiseCli cli;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "5",
      description = "How long the sample runs (default: ${DEFAULT-VALUE}).")
  private int seconds;

  @Option(names = "--out", paramLabel = "FILE.jfr",
      description = "Keep the recording here (default: a file in the temporary directory, named at the end).")
  private Path out;

  @Mixin
  private OutputOptions output;

  @Override
  public Integer call() throws BadInputException, UnreadableRecordingException, IOException {
    if (seconds < 1) {
      throw new BadInputException("--seconds must be at least 1, was " + seconds);
    }
    AnalysisOptions options = output.analysisOptions();
    EmbeddedJars jars = EmbeddedJars.inUserCache();
    Path agent = jars.extract(EmbeddedJars.AGENT);
    Path samples = jars.extract(EmbeddedJars.SAMPLES);
    Path recording = (out != null ? out : Files.createTempDirectory("heapwise-demo-").resolve("OrderBook.jfr"))
        .toAbsolutePath().normalize();
    Files.deleteIfExists(recording);
    // With exact sizes from TLAB events the report can name the capacity to presize to; a demo can afford them.
    String agentOptions =
        new AgentOptions(recording, null, List.of(SAMPLE_PACKAGE), List.of(), "heapwise-sizes", null, false, null)
            .render();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = JavaCommandLine.of(List.of(java.toString(), "-cp", samples.toString(), SAMPLE,
        "--seconds", String.valueOf(seconds))).withAgent(agent.toString(), agentOptions);
    PrintWriter err = spec.commandLine().getErr();
    err.println(String.format(Locale.ROOT, "heapwise demo: running %s for %d s under the agent",
        SAMPLE.substring(SAMPLE.lastIndexOf('.') + 1), seconds));
    int exitCode = new AgentRun(cli.terminal(), err, err)
        .run(command, recording.getParent(), Duration.ofSeconds(seconds));
    if (exitCode != 0 || !Files.isRegularFile(recording)) {
      throw new BadInputException("the demo sample exited with code " + exitCode
          + (Files.isRegularFile(recording) ? "" : " without writing " + recording) + "; see the lines above");
    }
    new ReportPipeline(cli.terminal(), spec.commandLine().getOut(), err)
        .runWithClassPath(List.of(recording), List.of(samples), options, output);
    err.println("heapwise demo: the recording is " + recording + "; next, record your own application: "
        + JavaCommandLine.EXAMPLE);
    return ExitCodes.OK;
  }
}
