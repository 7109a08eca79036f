// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.UnreadableRecordingException;
import io.heapwise.analyzer.gate.Comparison;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code heapwise diff}: what the gate compares, as a table, with no verdict. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Shows how allocation per unit of work changed from A to B, in all, per site (the largest changes first) "
            + "and in findings: the comparison heapwise gate makes, without a verdict. A and B are each a "
            + "recording (.jfr), a baseline or a report (--format json)."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  heapwise diff before.jfr after.jfr --work-event app.Request",
        "  heapwise diff heapwise-baseline.json current.jfr",
        "  heapwise diff base.json run.jfr --format markdown >> \"$GITHUB_STEP_SUMMARY\""
    })
final class DiffCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @ParentCommand
  private HeapwiseCli cli;

  @Parameters(index = "0", paramLabel = "A", description = "Before: a recording, a baseline or a report.")
  private Path before;

  @Parameters(index = "1", paramLabel = "B", description = "After: a recording, a baseline or a report.")
  private Path after;

  @Mixin
  private ComparisonOutput output;

  @Mixin
  private WorkOptions work;

  @Mixin
  private ProfileOptions profile;

  @Override
  public Integer call() throws UnreadableRecordingException, BadInputException {
    output.check();
    PrintWriter err = spec.commandLine().getErr();
    GateInputs a = profile.read(AnalysisOptions.defaults(), err,
        options -> GateInputs.read(List.of(before), work, null, options));
    GateInputs b = profile.read(AnalysisOptions.defaults(), err,
        options -> GateInputs.read(List.of(after), work, a.measured().unit(), options));
    a.printNotes(err);
    b.printNotes(err);
    Comparison comparison;
    try {
      comparison = Comparison.of(a.measured(), b.measured(), b.findings(),
          new Comparison.Limits(Comparison.Limits.DEFAULT_MAX_INCREASE, null));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(before + " and " + after + ": " + e.getMessage(), e);
    }
    output.write(comparison, before + " -> " + after, false, cli.terminal(), spec.commandLine().getOut());
    return ExitCodes.OK;
  }
}
