// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.UnreadableRecordingException;
import io.heapwise.analyzer.gate.Baseline;
import io.heapwise.analyzer.gate.Comparison;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code heapwise gate}: fails a build whose allocation per unit of work rose beyond its baseline and the noise. */
@Command(
    name = "gate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Compares a run with a baseline (made by heapwise baseline) and exits 1 when allocation per unit of work "
            + "rose: in all or at a site, by more than --max-increase and by more than the noise of JFR's sampling "
            + "and of the baseline's own runs; or when a finding of severity warning or worse is new. Exits 0 "
            + "otherwise, and 2 for unusable input. Prints why, the worst first."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  heapwise gate --baseline heapwise-baseline.json current.jfr",
        "  heapwise gate --baseline base.json run.jfr --max-increase 5%% --min-bytes 4KB",
        "  heapwise gate --baseline base.json run.jfr --format markdown \\",
        "      >> \"$GITHUB_STEP_SUMMARY\"",
        "  heapwise gate --baseline base.json run.jfr --format junit -o gate.xml",
        "  heapwise gate --baseline base.json run.jfr --format sarif -o heapwise.sarif",
        "  heapwise gate --baseline base.json run.jfr --also-write sarif=heapwise.sarif \\",
        "      --also-write junit=TEST-heapwise.xml"
    })
final class GateCommand implements Callable<Integer> {

  private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%?");
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMG]?)I?B?", Pattern.CASE_INSENSITIVE);

  @Spec
  private CommandSpec spec;

  @ParentCommand
  private HeapwiseCli cli;

  @Option(names = "--baseline", required = true, paramLabel = "FILE",
      description = "The baseline to compare with, made by heapwise baseline.")
  private Path baselineFile;

  @Parameters(arity = "1..*", paramLabel = "CURRENT",
      description = "This run: its recordings (.jfr), or one report (heapwise analyze --format json --top 1000) "
          + "or baseline file.")
  private List<Path> current;

  @Option(names = "--max-increase", paramLabel = "PERCENT", defaultValue = "10%",
      description = "How much allocation per unit may rise before the gate fails (default: ${DEFAULT-VALUE}).")
  private String maxIncrease;

  @Option(names = "--min-bytes", paramLabel = "SIZE",
      description = "A site fails only if it rose by at least this much per unit of work, e.g. 512, 4KB, 1MB "
          + "(default: 1%% of the baseline's total per unit).")
  private String minBytes;

  @Mixin
  private ComparisonOutput output;

  @Mixin
  private WorkOptions work;

  @Mixin
  private ProfileOptions profile;

  @Override
  public Integer call() throws UnreadableRecordingException, BadInputException {
    Comparison.Limits limits = new Comparison.Limits(percent(maxIncrease), bytes(minBytes));
    output.check();
    Baseline baseline = GateInputs.readBaseline(baselineFile);
    PrintWriter err = spec.commandLine().getErr();
    GateInputs run = profile.read(AnalysisOptions.defaults(), err,
        options -> GateInputs.read(current, work, baseline.unit(), options));
    run.printNotes(err);
    Comparison comparison;
    try {
      comparison = Comparison.of(baseline, run.measured(), run.findings(), limits);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(baselineFile + ": " + e.getMessage(), e);
    }
    output.write(comparison, baselineFile.toString(), true, cli.terminal(), spec.commandLine().getOut());
    return comparison.fails() ? ExitCodes.FINDINGS_OR_GATE_FAILED : ExitCodes.OK;
  }

  static double percent(String value) throws BadInputException {
    Matcher m = PERCENT.matcher(value.trim());
    if (!m.matches()) {
      throw new BadInputException("--max-increase: '" + value + "' is not a percentage, e.g. 10%");
    }
    return Double.parseDouble(m.group(1)) / 100;
  }

  static Double bytes(String value) throws BadInputException {
    if (value == null) {
      return null;
    }
    Matcher m = SIZE.matcher(value.trim());
    if (!m.matches()) {
      throw new BadInputException("--min-bytes: '" + value + "' is not a size, e.g. 512, 4KB or 1MB");
    }
    int power = switch (m.group(2).toUpperCase(Locale.ROOT)) {
      case "K" -> 1;
      case "M" -> 2;
      case "G" -> 3;
      default -> 0;
    };
    return Double.parseDouble(m.group(1)) * Math.pow(1024, power);
  }
}
