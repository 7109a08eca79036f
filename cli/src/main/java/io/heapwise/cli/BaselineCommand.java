// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.UnreadableRecordingException;
import io.heapwise.analyzer.gate.Baseline;
import io.heapwise.analyzer.gate.BaselineJson;
import io.heapwise.analyzer.report.AtomicFiles;
import io.heapwise.analyzer.report.Units;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code heapwise baseline}: allocation per unit of work of a workload, kept in the repository for the gate. */
@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Measures a workload's allocation per unit of work, per site and in all, from recordings of it, and writes "
            + "it as a small sorted JSON file to commit beside the code; heapwise gate then fails a build whose "
            + "allocation rose beyond it. Give several recordings of the same workload to measure how much it "
            + "varies from run to run: the gate then tolerates that much."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  heapwise baseline run1.jfr run2.jfr run3.jfr --work-event app.Request",
        "  heapwise baseline it-tests.jfr -o src/test/heapwise-baseline.json",
        "  heapwise baseline load-test.jfr --work 250000"
    })
final class BaselineCommand implements Callable<Integer> {

  static final String DEFAULT_FILE = "heapwise-baseline.json";

  @Spec
  private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE.jfr", description = "Recordings of the same workload.")
  private List<Path> recordings;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = DEFAULT_FILE,
      description = "Where to write the baseline (default: ${DEFAULT-VALUE}); replaced atomically.")
  private Path output;

  @Mixin
  private WorkOptions work;

  @Mixin
  private ProfileOptions profile;

  @Override
  public Integer call() throws UnreadableRecordingException, BadInputException {
    ReportPipeline.checkOutputDirectory(output);
    for (Path recording : recordings) {
      if (recording.getFileName().toString().endsWith(".json")) {
        throw new BadInputException(recording + ": a baseline is measured from recordings (.jfr), not JSON");
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    GateInputs measured = profile.read(AnalysisOptions.defaults(), err,
        options -> GateInputs.read(recordings, work, null, options));
    measured.printNotes(err);
    Baseline baseline = measured.measured();
    try {
      AtomicFiles.writeText(output, out -> BaselineJson.write(baseline, out));
    } catch (IOException e) {
      throw new BadInputException(output + ": cannot write the baseline: " + e.getMessage(), e);
    }
    err.println(String.format(Locale.ROOT, "heapwise: wrote %s: %s %s%s from %d recording%s; %d site%s, %d finding%s",
        output, Units.bytes(baseline.total().bytesPerUnit()), baseline.unit().describe(),
        baseline.total().spread() == null ? ""
            : String.format(Locale.ROOT, " (varies %.1f%% between runs)", 100 * baseline.total().spread()),
        baseline.recordings().size(), plural(baseline.recordings().size()), baseline.sites().size(),
        plural(baseline.sites().size()), baseline.findings().size(), plural(baseline.findings().size())));
    err.flush();
    return ExitCodes.OK;
  }

  private static String plural(int n) {
    return n == 1 ? "" : "s";
  }
}
