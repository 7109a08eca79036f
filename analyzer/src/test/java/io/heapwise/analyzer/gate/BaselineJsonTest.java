// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.heapwise.analyzer.finding.Severity;
import io.heapwise.analyzer.model.TestAllocation;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BaselineJsonTest {

  private static final String RENDER = "byte[] at com.acme.Invoice.render(Invoice.java:88)";
  private static final String PARSE = "char[] at com.acme.Invoice.parse(Invoice.java:40)";

  private static Baseline twoRuns() {
    Measurement a = new Measurement("a.jfr", 1_000, 31_000_000, 3_100,
        Map.of(RENDER, new long[] {20_000_000, 2_000}, PARSE, new long[] {11_000_000, 1_100}), Map.of(), Map.of());
    Measurement b = new Measurement("b.jfr", 2_000, 61_000_000, 6_000,
        Map.of(RENDER, new long[] {40_000_000, 4_000}, PARSE, new long[] {21_000_000, 2_000}), Map.of(), Map.of());
    return Baseline.of(WorkUnit.event("app.Request"), List.of(a, b));
  }

  @Test
  void aBaselineReadsBackAsWritten() throws Exception {
    Baseline written = twoRuns();
    StringWriter text = new StringWriter();
    BaselineJson.write(written, text);

    Baseline read = BaselineJson.read(new StringReader(text.toString()));

    assertThat(read.unit()).isEqualTo(written.unit());
    assertThat(read.sites()).containsOnlyKeys(RENDER, PARSE);
    assertThat(read.sites().get(RENDER).bytesPerUnit()).isEqualTo(20_000);
    assertThat(read.sites().get(PARSE).bytesPerUnit()).isEqualTo(10_750);
    assertThat(read.sites().get(PARSE).samples()).isEqualTo(3_100);
    assertThat(read.total().spread()).isEqualTo(written.total().spread(), within(1e-4));
    assertThat(read.recordings()).extracting(Baseline.Recording::source).containsExactly("a.jfr", "b.jfr");
  }

  /** Reviewed like code: one site per line, sorted, numbers as people write them. */
  @Test
  void theFileHasOneSitePerLineSortedAndPlainNumbers() throws Exception {
    StringWriter text = new StringWriter();
    BaselineJson.write(twoRuns(), text);
    List<String> lines = text.toString().lines().toList();

    assertThat(lines).filteredOn(line -> line.contains(" at com.acme.")).hasSize(2)
        .first().asString()
        .startsWith("    \"byte[] at com.acme.Invoice.render(Invoice.java:88)\": {\"bytesPerUnit\":20000,");
    assertThat(text.toString()).doesNotContain("E7").doesNotContain("E4");
  }

  @Test
  void testsAreWrittenOnePerLineOnlyWhenTheRecordingsHadThemAndReadBack() throws Exception {
    Measurement run = new Measurement("suite.jfr", 1, 9_000_000, 900, Map.of(RENDER, new long[] {9_000_000, 900}),
        Map.of(), Map.of("com.acme.OrderTest.totals(int)[2]", new TestAllocation(2_400_000, 2, 0),
            "com.acme.OrderTest.render()", new TestAllocation(700_000, 1, 0)));
    StringWriter text = new StringWriter();
    BaselineJson.write(Baseline.of(WorkUnit.perRun(), List.of(run)), text);
    StringWriter withoutTests = new StringWriter();
    BaselineJson.write(twoRuns(), withoutTests);

    assertThat(text.toString()).contains("    \"com.acme.OrderTest.totals(int)[2]\": {\"bytesPerRun\":1200000}");
    assertThat(withoutTests.toString()).doesNotContain("\"tests\"");
    Baseline read = BaselineJson.read(new StringReader(text.toString()));
    assertThat(read.tests()).containsOnlyKeys("com.acme.OrderTest.totals(int)[2]", "com.acme.OrderTest.render()");
    assertThat(BaselineJson.read(new StringReader(withoutTests.toString())).tests()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "{",
      "[]",
      "{\"schema\": \"heapwise-report/1\"}",
      "{\"schema\": \"heapwise-baseline/1\", \"total\": {\"bytesPerUnit\": 10, \"samples\": 1}}",
      "{\"schema\": \"heapwise-baseline/1\", \"unit\": {\"kind\": \"run\"}}",
      "{\"schema\": \"heapwise-baseline/1\", \"unit\": {\"kind\": \"run\"}, \"total\": {\"bytesPerUnit\": \"x\"}}"})
  void anUnusableFileIsRefusedInOneLine(String content) {
    assertThatThrownBy(() -> BaselineJson.read(new StringReader(content)))
        .isInstanceOf(BaselineJson.BadBaselineException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").isNotBlank());
  }

  @Test
  void findingsKeepTheirSeverities() throws Exception {
    Baseline withFinding = new Baseline(Baseline.SCHEMA, WorkUnit.perRun(), List.of(), new Quantity(10, 5, null), 0,
        new TreeMap<>(), new TreeMap<>(),
        new TreeMap<>(Map.of("UNSIZED_COLLECTION:com.acme.A.b:3", Severity.CRITICAL)));
    StringWriter text = new StringWriter();
    BaselineJson.write(withFinding, text);

    assertThat(text.toString()).contains("\"UNSIZED_COLLECTION:com.acme.A.b:3\": \"critical\"");
    assertThat(BaselineJson.read(new StringReader(text.toString())).findings())
        .containsEntry("UNSIZED_COLLECTION:com.acme.A.b:3", Severity.CRITICAL);
  }
}
