// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.UnreadableRecordingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code heapwise record -- java ...}: runs a JVM with the agent, then analyzes what it recorded. */
@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Runs a Java command with the Heapwise agent, then analyzes the recording and prints the report.",
        "The agent is inserted right after the java executable. The application's own output passes through. "
            + "Exit code: 2 when the recording cannot be made or read, else the application's own exit code."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  heapwise record -- java -jar target/app.jar --port 8080",
        "  heapwise record --duration 60s --include com.acme -- java -cp app.jar com.acme.Main",
        "  heapwise record --out load-test.jfr --format json -o report.json -- java -jar app.jar"
    })
final class RecordCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @ParentCommand
  private HeapwiseCli cli;

  @Option(names = "--out", paramLabel = "FILE.jfr",
      description = "Where the recording goes (default: heapwise-<date>-<time>.jfr in the current directory).")
  private Path out;

  @Option(names = "--duration", paramLabel = "D", converter = Durations.Text.class,
      description = "Stop recording after D (" + Durations.FORMS + "); the application keeps running and the "
          + "report follows when it exits. Default: record until the application exits.")
  private String duration;

  @Mixin
  private AgentFlags agentFlags;

  @Mixin
  private OutputOptions output;

  @Parameters(arity = "1..*", paramLabel = "JAVA_COMMAND",
      description = "The java command to run, after --: java [JVM options] -jar app.jar | MainClass [args].")
  private List<String> command;

  @Override
  public Integer call() throws BadInputException, UnreadableRecordingException, IOException {
    JavaCommandLine java = JavaCommandLine.of(command);
    AnalysisOptions options = output.analysisOptions();
    Path recording = AgentFlags.freshRecording(out, "heapwise");
    String agentOptions = agentFlags.render(recording, duration);
    Path agent = EmbeddedJars.inUserCache().extract(EmbeddedJars.AGENT);
    PrintWriter err = spec.commandLine().getErr();
    int exitCode = new AgentRun(cli.terminal(), spec.commandLine().getOut(), err)
        .run(java.withAgent(agent.toString(), agentOptions), Path.of("").toAbsolutePath(),
            duration == null ? null : Durations.parse(duration));
    if (!Files.isRegularFile(recording)) {
      throw new BadInputException("the application exited with code " + exitCode + " and no recording was "
          + "written to " + recording + "; the agent's '[heapwise]' lines above say why");
    }
    new ReportPipeline(cli.terminal(), spec.commandLine().getOut(), err)
        .runWithClassPath(List.of(recording), java.classPathEntries(), options, output);
    if (exitCode != 0) {
      err.println("heapwise: the application exited with code " + exitCode + "; the report covers what it did "
          + "until then");
    }
    return exitCode;
  }
}
