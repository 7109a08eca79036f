// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.Analyzer;
import io.heapwise.analyzer.detect.Detectors;
import io.heapwise.analyzer.model.Frame;
import io.heapwise.analyzer.model.InstrumentationStats;
import io.heapwise.analyzer.model.TestProfiles;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The agent's measurements in the report: additive fields of {@code heapwise-report/1} that survive JSON. */
class MeasuredReportTest {

  private static final Frame QUOTE = TestProfiles.line("quote", 41);
  private static final Frame BUILD = TestProfiles.line("build", 12);

  private static Report report() {
    TestProfiles profile = TestProfiles.profile()
        .site("com.acme.Quote", QUOTE, null, 900_000, 0)
        .site("java.util.ArrayList", BUILD, null, 100_000, 0)
        .site("java.lang.String", QUOTE, "String.split", 50_000, 0)
        .lifetimes(QUOTE, "com.acme.Quote", 4, "0:90,1:4,16:2", "1:20,5:74")
        .collectionSizes(BUILD, "java.util.ArrayList", "0:3,96:120", 95)
        .instrumentation(new InstrumentationStats(List.of("com.acme"), 256, false, 20_000, 42, 1, 310, 17, 9));
    return new Analyzer(new Detectors(List.of())).report(profile.build(), AnalysisOptions.defaults());
  }

  @Test
  void measuredSitesCarryTheirLifetimesAndSizes() {
    Report report = report();
    SiteSummary quote = report.sites().get(0);
    assertThat(quote.lifetime().tracked()).isEqualTo(100);
    assertThat(quote.lifetime().diedBeforeFirstGcShare()).isEqualTo(0.9);
    assertThat(quote.lifetime().gcCycles()).containsExactly(java.util.Map.entry("0", 90L),
        java.util.Map.entry("1", 4L), java.util.Map.entry("2", 0L), java.util.Map.entry("3", 0L),
        java.util.Map.entry("4", 0L), java.util.Map.entry("8", 0L), java.util.Map.entry("16", 2L));
    assertThat(quote.lifetime().ageMillis()).containsOnlyKeys("1", "5");
    assertThat(quote.lifetime().exactAllocations()).isNull();
    assertThat(report.sites().get(1).collectionSizes().p90()).isEqualTo(94);
    // the strings String.split makes at the same line are the JDK's: not the agent's quotes
    assertThat(report.sites().get(2).lifetime()).isNull();
    InstrumentationSummary instrumentation = report.recording().instrumentation();
    assertThat(instrumentation.sampleInterval()).isEqualTo(256);
    assertThat(instrumentation.measuredLifetimeSites()).isEqualTo(1);
    assertThat(instrumentation.measuredCollectionSites()).isEqualTo(1);
  }

  @Test
  void theFieldsAreAdditiveAndReadBack() throws Exception {
    Report report = report();
    String json = ReportJson.toJson(report);
    assertThat(json).contains("\"schema\" : \"heapwise-report/1\"", "\"lifetime\" : {", "\"gcCycles\" : {",
        "\"collectionSizes\" : {", "\"instrumentation\" : {");
    assertThat(ReportJson.read(new StringReader(json))).isEqualTo(report);
    Report plain = new Analyzer(new Detectors(List.of())).report(TestProfiles.profile()
        .site("com.acme.Quote", QUOTE, null, 900_000, 0).build(), AnalysisOptions.defaults());
    assertThat(ReportJson.toJson(plain)).doesNotContain("lifetime", "collectionSizes", "instrumentation");
  }
}
