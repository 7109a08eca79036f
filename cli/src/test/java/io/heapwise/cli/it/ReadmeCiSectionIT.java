// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heapwise.analyzer.testing.TestEnvironment;
import io.heapwise.cli.it.ActionsWorkflow.Run;
import io.heapwise.cli.it.ActionsWorkflow.Status;
import io.heapwise.cli.it.ActionsWorkflow.Step;
import io.heapwise.cli.it.ActionsWorkflow.StepResult;
import io.heapwise.junit.AllocationPerTest;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The README's "Gate a Maven project's integration tests in CI", run as written on {@code examples/maven-gate}: the
 * README's pom profile inserted into a copy of the example, the built jars where the README's workflow looks for
 * them, the README's baseline commands in bash, then the README's workflow, step by step as a runner would run it,
 * once on the unchanged code (the gate passes) and once with the example's regression drill applied (the gate fails
 * and names the changed line in its log, its SARIF and its JUnit report). Maven runs nested, on the JDK under test,
 * offline when the outer build is.
 */
class ReadmeCiSectionIT {

  private static final String EXAMPLE = "examples/maven-gate";
  private static final String PROFILE_MARKER = "<!-- heapwise-profile: the README's pom-profile block goes here -->";
  private static final String FORMATTER = "src/main/java/com/example/invoice/InvoiceFormatter.java";
  /** The regression drill of the example's README: the same text, a Formatter and a String more per line. */
  private static final String DRILL_BEFORE = "padRight(out, item.description(), DESCRIPTION_WIDTH);";
  private static final String DRILL_AFTER = "out.append(String.format(\"%-28s\", item.description()));";
  private static final long SCRIPT_TIMEOUT_MINUTES = 10;
  /** The example's integration test, by the name the JUnit extension gives it. */
  private static final String MONTH_END_TEST =
      "com.example.invoice.MonthEndInvoiceRunIT.everyInvoiceIsFormattedInColumnsAndItsTotalIsPrinted()";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path dir;
  private static Path checkout;
  private static ActionsWorkflow workflow;
  private static Map<String, String> machine;

  @BeforeAll
  static void theReadmesBaselineCommandsOnACopyOfTheExample() throws Exception {
    Path maven = maven();
    Path repo = Path.of(required("heapwise.test.repoRoot"));
    String readme = Files.readString(repo.resolve("README.md"));
    String profile = block(readme, "pom-profile", "xml");
    String baselineCommands = block(readme, "baseline", "sh");
    workflow = ActionsWorkflow.parse(block(readme, "workflow", "yaml"));

    dir = TestEnvironment.workDir("ReadmeCiSectionIT");
    checkout = dir.resolve("checkout");
    deleteTree(checkout);
    copyTree(repo.resolve(EXAMPLE), checkout);
    insertProfile(checkout.resolve("pom.xml"), profile);
    Path tools = Files.createDirectories(checkout.resolve(workflow.env("HEAPWISE")));
    Files.copy(Heapwise.cliJar(), tools.resolve("heapwise.jar"));
    Files.copy(Heapwise.agentJar(), tools.resolve("heapwise-agent.jar"));
    Files.copy(junitExtensionJar(), tools.resolve("heapwise-junit.jar"));
    machine = machine(maven);

    long start = System.nanoTime();
    ScriptResult made = bash(checkout, baselineCommands, "bash", "-eo", "pipefail");
    System.out.printf("ReadmeCiSectionIT: the README's baseline commands took %d s%n", seconds(start));

    assertThat(made.exitCode()).as("%s", made).isZero();
    assertThat(made.stderr()).as("%s", made).contains("heapwise: wrote heapwise-baseline.json")
        .contains("per run").contains("from 3 recordings");
    JsonNode baseline = JSON.readTree(checkout.resolve("heapwise-baseline.json").toFile());
    assertThat(baseline.path("schema").asText()).isEqualTo("heapwise-baseline/1");
    assertThat(baseline.at("/unit/kind").asText()).isEqualTo("run");
    assertThat(baseline.path("recordings")).hasSize(3);
    assertThat(baseline.path("sites").fieldNames()).toIterable()
        .anySatisfy(site -> assertThat(site).contains("com.example.invoice.InvoiceFormatter.format("));
    assertThat(baseline.path("tests").fieldNames()).toIterable().as("the JUnit extension's tests")
        .containsExactly(MONTH_END_TEST);
  }

  @Test
  void theUnchangedProjectPassesTheGateAndItsSummarySaysSo() throws Exception {
    Path workspace = copyOfCheckout("unchanged");

    Run run = runWorkflow(workspace, "unchanged");

    StepResult gate = run.of(gateStep());
    assertThat(gate.status()).as("%s", run).isEqualTo(Status.PASSED);
    assertThat(gate.stdout()).as("%s", gate).startsWith("heapwise gate: passed against heapwise-baseline.json");
    assertThat(gate.summary()).startsWith("### :white_check_mark: heapwise gate passed");
    assertThat(run.results()).filteredOn(result -> result.status() == Status.FAILED).isEmpty();
    assertCodeScanningGetsTheGatesSarif(run, workspace);
  }

  @Test
  void thePlantedRegressionFailsTheGateAtItsLineInTheLogTheSarifAndTheJunitReport() throws Exception {
    Path workspace = copyOfCheckout("regression");
    int line = plantTheRegression(workspace.resolve(FORMATTER));

    Run run = runWorkflow(workspace, "regression");

    assertThat(run.of(workflow.running("mvn ")).status()).as("the unit tests pass: the same text\n%s", run)
        .isEqualTo(Status.PASSED);
    StepResult gate = run.of(gateStep());
    assertThat(gate.status()).as("%s", run).isEqualTo(Status.FAILED);
    assertThat(gate.exitCode()).as("%s", gate).isEqualTo(1);
    List<String> failures = gate.stdout().lines().filter(l -> l.startsWith("  FAIL  ")).toList();
    assertThat(failures).as("%s", gate).first().isEqualTo("  FAIL  total allocation");
    assertThat(failures).as("%s", gate)
        .anySatisfy(l -> assertThat(l).contains("InvoiceFormatter.appendItem(InvoiceFormatter.java:" + line + ")"))
        .contains("  FAIL  test " + MONTH_END_TEST);
    assertThat(gate.summary()).startsWith("### :x: heapwise gate failed")
        .contains("InvoiceFormatter.java:" + line);

    JsonNode sarif = JSON.readTree(workspace.resolve(alsoWritten("sarif")).toFile());
    assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
    List<JsonNode> atTheLine = new ArrayList<>();
    for (JsonNode result : sarif.at("/runs/0/results")) {
      JsonNode physical = result.at("/locations/0/physicalLocation");
      if (physical.at("/artifactLocation/uri").asText().equals(FORMATTER)
          && physical.at("/region/startLine").asInt() == line) {
        atTheLine.add(result);
      }
    }
    assertThat(atTheLine).as("SARIF results at %s:%d in\n%s", FORMATTER, line, sarif.toPrettyString()).isNotEmpty()
        .allSatisfy(result -> assertThat(result.path("level").asText()).isIn("error", "warning"));
    // The regressed sites are the gate's failures: errors. A new finding at the line keeps its own severity (an
    // ESCAPE_CANDIDATE for String.format's varargs array comes and goes with C2's inlining, as a warning).
    assertThat(atTheLine).filteredOn(result -> List.of("heapwise/new-site", "heapwise/allocation-regression")
        .contains(result.path("ruleId").asText())).isNotEmpty()
        .allSatisfy(result -> assertThat(result.path("level").asText()).isEqualTo("error"));

    Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(workspace.resolve(alsoWritten("junit")).toFile());
    assertThat(Integer.parseInt(junit.getDocumentElement().getAttribute("failures"))).isPositive();
    NodeList failed = junit.getElementsByTagName("failure");
    List<String> failedCases = new ArrayList<>();
    for (int i = 0; i < failed.getLength(); i++) {
      failedCases.add(((Element) failed.item(i).getParentNode()).getAttribute("name"));
    }
    assertThat(failedCases).contains("total")
        .anySatisfy(name -> assertThat(name).contains("InvoiceFormatter.java:" + line));

    assertCodeScanningGetsTheGatesSarif(run, workspace);
  }

  /** The extension's jar, as this build made it: the test class path holds it as a dependency. */
  private static Path junitExtensionJar() throws Exception {
    Path jar = Path.of(AllocationPerTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(jar).as("heapwise-junit as a jar (run the build's package phase first)").isRegularFile();
    return jar;
  }

  /** The workflow's steps in a copy of the checkout, as a CI job sees it; the time it took goes to the log. */
  private static Run runWorkflow(Path workspace, String name) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Run run = workflow.run(workspace, machine, dir.resolve("runner-temp-" + name));
    System.out.printf("ReadmeCiSectionIT: the README's workflow (%s) took %d s%n", name, seconds(start));
    assertThat(run.of(workflow.uses("actions/setup-java")).step().with("java-version")).isEqualTo("17");
    return run;
  }

  /** The SARIF upload runs after a failed gate too, and uploads the very file the gate wrote. */
  private static void assertCodeScanningGetsTheGatesSarif(Run run, Path workspace) {
    Step upload = workflow.uses("github/codeql-action/upload-sarif");
    assertThat(run.of(upload).status()).as("%s", run).isEqualTo(Status.ACTION);
    assertThat(upload.with("sarif_file")).isEqualTo(alsoWritten("sarif"));
    assertThat(workspace.resolve(upload.with("sarif_file"))).isRegularFile();
    JsonNode permission = workflow.job().at("/permissions/security-events");
    if (permission.isMissingNode()) {
      permission = workflow.root().at("/permissions/security-events");
    }
    assertThat(permission.asText()).as("the security-events permission that upload-sarif needs").isEqualTo("write");
  }

  private static Step gateStep() {
    return workflow.running(" gate --baseline ");
  }

  /** The file the gate step's {@code --also-write FORMAT=FILE} names. */
  private static String alsoWritten(String format) {
    Matcher file = Pattern.compile("--also-write " + format + "=(\\S+)").matcher(gateStep().run());
    assertThat(file.find()).as("the gate step writes %s:\n%s", format, gateStep().run()).isTrue();
    return file.group(1);
  }

  /** The regression drill: replaces the padding line and returns its line number. */
  private static int plantTheRegression(Path source) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(source));
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(DRILL_BEFORE)) {
        at.add(i);
      }
    }
    assertThat(at).as("the line of the regression drill in %s", source).hasSize(1);
    int index = at.get(0);
    lines.set(index, lines.get(index).replace(DRILL_BEFORE, DRILL_AFTER));
    Files.write(source, lines);
    return index + 1;
  }

  /** The fenced block right after {@code <!-- ci-example: NAME -->} in the README. */
  static String block(String readme, String name, String language) {
    List<String> lines = readme.lines().toList();
    String marker = "<!-- ci-example: " + name + " -->";
    int at = lines.indexOf(marker);
    assertThat(at).as("README.md has the line %s", marker).isNotNegative();
    assertThat(lines.lastIndexOf(marker)).as("README.md has %s once", marker).isEqualTo(at);
    int open = at + 1;
    while (open < lines.size() && lines.get(open).isBlank()) {
      open++;
    }
    assertThat(lines.get(open)).as("the block after %s", marker).isEqualTo("```" + language);
    int close = lines.subList(open + 1, lines.size()).indexOf("```") + open + 1;
    assertThat(close).as("the end of the block after %s", marker).isGreaterThan(open);
    return String.join("\n", lines.subList(open + 1, close)) + "\n";
  }

  /** The README's profile at the example's marker, indented like the marker. */
  private static void insertProfile(Path pom, String profile) throws IOException {
    String text = Files.readString(pom);
    Matcher marker = Pattern.compile("(?m)^([ \\t]*)" + Pattern.quote(PROFILE_MARKER) + "\\n").matcher(text);
    assertThat(marker.find()).as("%s has the marker %s", pom, PROFILE_MARKER).isTrue();
    String indent = marker.group(1);
    StringBuilder indented = new StringBuilder();
    profile.lines().forEach(line -> indented.append(line.isEmpty() ? "" : indent + line).append('\n'));
    Files.writeString(pom, text.substring(0, marker.start()) + indented + text.substring(marker.end()));
  }

  /**
   * The Maven that runs this build (its {@code maven.home}, else {@code MAVEN_HOME}, else {@code mvn} on the PATH);
   * the test is skipped, saying so, only when there is none.
   */
  private static Path maven() {
    List<Path> candidates = new ArrayList<>();
    for (String home : new String[] {System.getProperty("heapwise.test.mavenHome"), System.getenv("MAVEN_HOME")}) {
      if (home != null && !home.isBlank()) {
        candidates.add(Path.of(home, "bin", "mvn"));
      }
    }
    for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        candidates.add(Path.of(entry, "mvn"));
      }
    }
    Path found = candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
    Assumptions.assumeTrue(found != null, "ReadmeCiSectionIT needs Maven (mvn): none in maven.home, MAVEN_HOME or "
        + "on the PATH, so the README's commands cannot run");
    return found;
  }

  /**
   * What the runner and setup-java would give the job: the JDK under test as JAVA_HOME and first on the PATH, and
   * {@code mvn} on the PATH as a script that runs this build's Maven, with {@code -o} when this build is offline
   * (the example's plugins and dependencies are then in the local repository already).
   */
  private static Map<String, String> machine(Path maven) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    // "offline=true" from the cli module's pom, or "true" given by hand.
    boolean offline = System.getProperty("heapwise.test.mavenOffline", "false").strip().endsWith("true");
    Path mvn = bin.resolve("mvn");
    Files.writeString(mvn, "#!/bin/sh\n# This build's Maven" + (offline ? ", offline as this build is" : "")
        + " (ReadmeCiSectionIT).\nexec '" + maven + "'" + (offline ? " -o" : "") + " \"$@\"\n");
    Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path javaHome = TestEnvironment.javaHome();
    String path = bin + File.pathSeparator + javaHome.resolve("bin") + File.pathSeparator + System.getenv("PATH");
    return Map.of("JAVA_HOME", javaHome.toString(), "PATH", path);
  }

  /** {@code script} run by {@code shell} in {@code workDir}, as a developer runs it in a terminal there. */
  private static ScriptResult bash(Path workDir, String script, String... shell)
      throws IOException, InterruptedException {
    Path file = Files.writeString(dir.resolve("readme-commands.sh"), script);
    Path out = dir.resolve("readme-commands.out");
    Path err = dir.resolve("readme-commands.err");
    List<String> command = new ArrayList<>(List.of(shell));
    command.add(file.toString());
    int exit = ActionsWorkflow.execute(command, workDir, machine, out, err, SCRIPT_TIMEOUT_MINUTES);
    return new ScriptResult(script, exit, Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  record ScriptResult(String script, int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return script + "--- exit code " + exitCode + "\n--- stdout:\n" + ActionsWorkflow.tail(stdout)
          + "\n--- stderr:\n" + ActionsWorkflow.tail(stderr);
    }
  }

  /** The checkout with its committed baseline, without the build's output, as {@code actions/checkout} gives it. */
  private static Path copyOfCheckout(String name) throws IOException {
    Path copy = dir.resolve("workspace-" + name);
    deleteTree(copy);
    copyTree(checkout, copy);
    return copy;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(f -> !from.relativize(f).startsWith("target")).toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> {
        try {
          Files.delete(file);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  private static long seconds(long startNanos) {
    return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    assertThat(value).as("system property %s (set by the cli module's failsafe configuration)", property)
        .isNotBlank();
    return value;
  }
}
