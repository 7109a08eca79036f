// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heapwise.analyzer.finding.Severity;
import io.heapwise.analyzer.gate.Comparison;
import io.heapwise.analyzer.gate.Comparison.Check;
import io.heapwise.analyzer.gate.Comparison.Kind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A comparison as a SARIF 2.1.0 log, for code scanning (GitHub's upload-sarif, GitLab, Azure DevOps): one result
 * per failing check, at the source line of its site or finding, so a regression shows in the pull request next to
 * the code that allocates. A diff has no verdict: its results are the checks a gate would fail on, as notes.
 */
final class ComparisonSarif implements ComparisonRenderer {

  static final String VERSION = "2.1.0";
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  /** Where the relative paths start; a code-scanning upload resolves it to the repository's checkout. */
  static final String SOURCE_ROOT = "%SRCROOT%";

  private final SourceTree sources;

  /** Paths found in the working directory's source tree, as in CI, where the gate runs from the checkout. */
  ComparisonSarif() {
    this(new SourceTree(Path.of("")));
  }

  ComparisonSarif(SourceTree sources) {
    this.sources = sources;
  }

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .build();

  @Override
  public void render(Comparison comparison, String source, boolean verdict, Writer out) throws IOException {
    ObjectNode log = JSON.createObjectNode();
    log.put("$schema", SCHEMA);
    log.put("version", VERSION);
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "heapwise");
    // Absent when run from a build directory, whose classes have no manifest: SARIF makes the version optional.
    String version = ComparisonSarif.class.getPackage().getImplementationVersion();
    if (version != null) {
      driver.put("version", version);
    }
    List<GateRules.Rule> rules = GateRules.all();
    ArrayNode ruleNodes = driver.putArray("rules");
    rules.forEach(rule -> rule(rule, ruleNodes.addObject()));
    ArrayNode results = run.putArray("results");
    Path baselineFile = Path.of(source.split(" -> ", 2)[0]);
    for (Check check : comparison.checks()) {
      if (check.fails()) {
        result(check, verdict, rules, baselineFile, results.addObject());
      }
    }
    ObjectNode properties = run.putObject("properties");
    properties.put("command", verdict ? "heapwise gate" : "heapwise diff");
    properties.put("baseline", source);
    properties.put("unit", comparison.baseline().unit().describe());
    properties.put("maxIncrease", comparison.limits().maxIncrease());
    properties.put("sigmas", comparison.sigmas());
    properties.put("checks", comparison.checks().size());
    JSON.writeValue(out, log);
    out.write('\n');
    out.flush();
  }

  private static void rule(GateRules.Rule rule, ObjectNode node) {
    node.put("id", rule.id());
    node.put("name", rule.name());
    node.putObject("shortDescription").put("text", rule.shortDescription());
    node.putObject("fullDescription").put("text", rule.fullDescription());
    node.putObject("defaultConfiguration").put("level", "error");
  }

  /**
   * @param baselineFile where a result about no line of code (the total) is placed: at its line in the baseline,
   *     since GitHub's code scanning rejects a whole file that has a result without a location
   */
  private void result(Check check, boolean verdict, List<GateRules.Rule> rules, Path baselineFile, ObjectNode node) {
    GateRules.Rule rule = GateRules.of(check);
    node.put("ruleId", rule.id());
    int index = rules.indexOf(rule);
    if (index >= 0) {
      node.put("ruleIndex", index);
    }
    node.put("level", level(check, verdict));
    node.putObject("message").put("text", message(check));
    Optional<SourceLocation> where = SourceLocation.of(check);
    if (where.isPresent()) {
      ObjectNode location = node.putArray("locations").addObject();
      ObjectNode physical = location.putObject("physicalLocation");
      physical.putObject("artifactLocation").put("uri", sources.resolve(where.get().path()))
          .put("uriBaseId", SOURCE_ROOT);
      if (where.get().line() != null) {
        physical.putObject("region").put("startLine", where.get().line());
      }
      location.putArray("logicalLocations").addObject().put("fullyQualifiedName", where.get().method())
          .put("kind", "function");
    } else if (Files.isRegularFile(baselineFile)) {
      ObjectNode physical = node.putArray("locations").addObject().putObject("physicalLocation");
      ObjectNode artifact = physical.putObject("artifactLocation");
      Optional<String> inCheckout = sources.relative(baselineFile);
      if (inCheckout.isPresent()) {
        artifact.put("uri", inCheckout.get()).put("uriBaseId", SOURCE_ROOT);
      } else {
        artifact.put("uri", baselineFile.toAbsolutePath().normalize().toUri().toString());
      }
      int line = lineOf(baselineFile, "\"" + check.kind().name().toLowerCase(Locale.ROOT) + "\"");
      if (line > 0) {
        physical.putObject("region").put("startLine", line);
      }
    }
    // The line is left out so that an edit above the site does not make it a new alert to the code-scanning tool.
    node.putObject("partialFingerprints").put("heapwiseCheck/v1",
        check.kind().name().toLowerCase(Locale.ROOT) + ":" + withoutLines(check.name()));
    ObjectNode properties = node.putObject("properties");
    properties.put("verdict", check.verdict().name());
    if (check.kind() != Kind.FINDING) {
      properties.put("bytesPerUnitBefore", check.baseline());
      properties.put("bytesPerUnitAfter", check.current());
      properties.put("noiseBytesPerUnit", check.noise());
    }
  }

  /**
   * A gate's failures are errors; a new finding of severity warning stays a warning, as {@code heapwise analyze}
   * rated it. A diff fails nothing, so what a gate would fail on is a note.
   */
  private static String level(Check check, boolean verdict) {
    if (!verdict) {
      return "note";
    }
    return check.kind() == Kind.FINDING && check.current() < Severity.CRITICAL.ordinal() ? "warning" : "error";
  }

  /** What, where and why in one sentence, since code scanning shows the message alone. */
  private static String message(Check check) {
    return switch (check.kind()) {
      case TOTAL -> "Total allocation per unit of work rose: " + CheckWords.detail(check) + ".";
      case SITE -> (check.verdict() == Comparison.Verdict.NEW ? "New allocation site " : "Allocation rose at ")
          + check.name() + ": " + CheckWords.detail(check) + ".";
      case TEST -> "Test " + check.name() + " allocates more per run: " + CheckWords.detail(check) + ".";
      case FINDING -> "Finding " + check.name() + ": " + check.why() + ".";
    };
  }

  /** The first line of {@code file} holding {@code text}, 1-based; 0 when none does or it cannot be read. */
  private static int lineOf(Path file, String text) {
    try (BufferedReader in = Files.newBufferedReader(file)) {
      int number = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        if (line.contains(text)) {
          return number;
        }
      }
    } catch (IOException e) {
      // Then the result points at the file without a line, which code scanning accepts.
    }
    return 0;
  }

  private static String withoutLines(String id) {
    return id.replaceAll(":\\d+\\)", ")").replaceAll(":\\d+$", "");
  }
}
