// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.Analyzer;
import io.heapwise.analyzer.bytecode.ClassFiles;
import io.heapwise.analyzer.bytecode.EscapeAnalysis;
import io.heapwise.analyzer.bytecode.EscapeState;
import io.heapwise.analyzer.bytecode.EscapeVerdict;
import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.testing.PlantedSite;
import io.heapwise.analyzer.testing.SampleRecording;
import io.heapwise.analyzer.testing.TestEnvironment;
import io.heapwise.samples.escape.EscapeSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ESCAPE_CANDIDATE on real recordings made with the agent: each planted sample is found at its line with its
 * reason; its fixed twin, which allocates nothing there once C2 compiled it (EscapeSamplesIT measures that with the
 * thread's exact allocated bytes), and the decoys that C2 scalar-replaces are not; and objects that truly escape
 * are never candidates.
 */
class EscapeCandidateIT {

  /** Long enough for C2 to compile the hot method and for a few seconds of compiled code after it. */
  private static final double SECONDS = 4;

  private static Path dir;
  private static ClassFiles classFiles;

  @BeforeAll
  static void open() throws Exception {
    dir = TestEnvironment.workDir("EscapeCandidateIT");
    classFiles = ClassFiles.open(List.of(TestEnvironment.samplesClassPath()));
  }

  @AfterAll
  static void close() throws Exception {
    classFiles.close();
  }

  static Stream<Arguments> planted() {
    return EscapeSamples.planted().stream().map(p -> Arguments.of(p.mainClass().getName(), p.reason().name(),
        p.twinClass().getName()));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("planted")
  void eachReasonIsFoundAtItsLineAndTheFixedTwinIsNotFlagged(String planted, String reason, String twin)
      throws Exception {
    PlantedSite site = PlantedSite.of(planted);

    List<Finding> found = escapeFindings(analyze(planted));

    assertThat(found).as("ESCAPE_CANDIDATE findings of %s", planted).singleElement().satisfies(finding -> {
      assertThat(finding.site().className()).isEqualTo(planted);
      assertThat(finding.site().method()).isEqualTo(site.method());
      assertThat(finding.site().line()).isEqualTo(site.line());
      assertThat(finding.evidence().get("reason")).isEqualTo(reason);
      assertThat(finding.evidence().get("escape")).isNotEqualTo(EscapeState.GLOBAL_ESCAPE.name());
      assertThat(finding.summary()).contains(planted.substring(planted.lastIndexOf('.') + 1) + ".java:" + site.line());
      assertThat(finding.recommendation()).contains("Expected: once C2 compiles the changed code");
      assertThat(finding.estimatedSaving().shareOfAllocation()).isGreaterThan(0.5);
    });
    assertThat(escapeFindings(analyze(twin))).as("ESCAPE_CANDIDATE findings of the twin %s", twin).isEmpty();
  }

  static Stream<String> decoys() {
    return EscapeSamples.decoys().stream().map(d -> d.mainClass().getName());
  }

  @ParameterizedTest
  @MethodSource("decoys")
  void objectsC2ScalarReplacesAreNotFlagged(String decoy) throws Exception {
    assertThat(escapeFindings(analyze(decoy))).isEmpty();
  }

  /** C1 alone never scalar-replaces: the decoy C2 cleans up is a candidate when C2 never runs, and says why. */
  @Test
  void aJvmThatStopsAtC1IsToldThatC2NeverCompiledTheMethod() throws Exception {
    String decoy = EscapeSamples.decoys().get(0).mainClass().getName();
    Path jfr = SampleRecording.withAgent(TestEnvironment.agentJar(), decoy, "log=none", SECONDS,
        TestEnvironment.workDir("EscapeCandidateIT-c1"), "-XX:TieredStopAtLevel=1").jfr();
    Report report = new Analyzer(new Detectors(List.of(new EscapeCandidateDetector())))
        .analyze(List.of(jfr), AnalysisOptions.defaults().withClassFiles(classFiles));

    assertThat(escapeFindings(report)).singleElement().satisfies(finding -> {
      assertThat(finding.evidence().get("reason")).isEqualTo("NOT_COMPILED_BY_C2");
      assertThat(finding.summary()).contains("-XX:TieredStopAtLevel=1");
    });
  }

  /**
   * A method C2 never compiled, for no reason the recording shows (here a compiler directive keeps C2 off the
   * decoy's class, as a short recording would end before it is hot), is no finding: it would come and go with how
   * busy the compiler threads were. The report says what it could not decide.
   */
  @Test
  void aMethodC2NeverCompiledForNoVisibleReasonIsUndecidedNotAFinding() throws Exception {
    String decoy = EscapeSamples.decoys().get(0).mainClass().getName();
    Path dir = TestEnvironment.workDir("EscapeCandidateIT-no-c2");
    Path directives = dir.resolve("no-c2.json");
    Files.writeString(directives, "[{match: \"" + decoy.replace('.', '/') + ".*\", c2: {Exclude: true}}]");
    Path jfr = SampleRecording.withAgent(TestEnvironment.agentJar(), decoy, "log=none", SECONDS, dir,
        "-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=" + directives).jfr();
    Report report = new Analyzer(new Detectors(List.of(new EscapeCandidateDetector())))
        .analyze(List.of(jfr), AnalysisOptions.defaults().withClassFiles(classFiles));

    assertThat(escapeFindings(report)).isEmpty();
    assertThat(report.undecided()).anySatisfy(line -> assertThat(line).startsWith("ESCAPE_CANDIDATE: ")
        .contains("C2 never compiled", "record past the warm-up"));
  }

  /** A boxed value put into a map, and a record kept in an array field: they escape, and are never candidates. */
  @ParameterizedTest
  @MethodSource("escaping")
  void objectsThatEscapeAreNeverCandidates(String sample, String method, int line, String madeBy, String type)
      throws Exception {
    List<EscapeVerdict> verdicts = new EscapeAnalysis(classFiles).allocations(sample, method).orElseThrow();
    List<EscapeVerdict> atLine = verdicts.stream().filter(v -> v.line() == line).toList();
    List<EscapeVerdict> returned = madeBy == null ? List.of()
        : new EscapeAnalysis(classFiles).returnedBy(sample, method, line, madeBy, type).orElseThrow();
    assertThat(Stream.concat(atLine.stream(), returned.stream()).toList()).as("the bytecode's verdicts at line %d",
        line).isNotEmpty().allMatch(v -> v.state() == EscapeState.GLOBAL_ESCAPE);

    assertThat(escapeFindings(analyze(sample))).noneMatch(f -> f.site().line() == line);
  }

  static Stream<Arguments> escaping() throws Exception {
    String rollup = "io.heapwise.samples.boxing.MetricsRollup";
    String kernel = "io.heapwise.samples.escape.ScalarGeometryKernel";
    return Stream.of(
        Arguments.of(rollup, PlantedSite.of(rollup).method(), PlantedSite.of(rollup).line(), "valueOf",
            "java.lang.Long"),
        Arguments.of(kernel, "step", PlantedSite.lineEndingWith(kernel, "// escapes: kept in the history"), null,
            null));
  }

  private static Report analyze(String sample) throws Exception {
    Path jfr = SampleRecording.withAgent(TestEnvironment.agentJar(), sample, "log=none", SECONDS, dir).jfr();
    return new Analyzer(new Detectors(List.of(new EscapeCandidateDetector())))
        .analyze(List.of(jfr), AnalysisOptions.defaults().withClassFiles(classFiles));
  }

  private static List<Finding> escapeFindings(Report report) {
    return report.findings().stream().filter(f -> f.kind() == FindingKind.ESCAPE_CANDIDATE).toList();
  }
}
