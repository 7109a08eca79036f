// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.Analyzer;
import io.heapwise.analyzer.finding.Confidence;
import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.model.Frame;
import io.heapwise.analyzer.model.TestProfiles;
import io.heapwise.analyzer.model.ThreadStartSite;
import io.heapwise.analyzer.report.Report;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThreadChurnDetectorTest {

  private static final Analyzer ANALYZER = new Analyzer(new Detectors(List.of(new ThreadChurnDetector())));

  private static Report analyze(TestProfiles profile) {
    return ANALYZER.report(profile.site("byte[]", TestProfiles.line("work", 3), null, 1_000_000, 0).build(),
        AnalysisOptions.defaults());
  }

  @Test
  void advisesVirtualThreadsOnlyFromJdk21() {
    TestProfiles churn = TestProfiles.profile().threadStarts(TestProfiles.line("fanOut", 12), 5_000)
        .flag("ThreadStackSize", "512");
    Finding on17 = analyze(churn).findings().get(0);
    assertThat(on17.recommendation()).contains("Service.java:12", "newFixedThreadPool")
        .doesNotContain("newVirtualThreadPerTaskExecutor");
    assertThat(on17.evidence()).containsEntry("threadStackBytes", 512L * 1024)
        .containsEntry("startsPerSecond", 500.0);
    assertThat(on17.confidence()).isEqualTo(Confidence.HIGH);
    Finding on21 = analyze(churn.jdk("21.0.2+13-LTS")).findings().get(0);
    assertThat(on21.recommendation()).contains("newVirtualThreadPerTaskExecutor");
  }

  @Test
  void assumesTheDefaultStackWhenTheRecordingDoesNotSayAndLowersConfidence() {
    Finding finding = analyze(TestProfiles.profile().threadStarts(TestProfiles.line("fanOut", 12), 500))
        .findings().get(0);
    assertThat(finding.evidence()).containsEntry("threadStackBytes", 1024L * 1024);
    assertThat(finding.evidence().get("threadStackSizeFrom").toString()).contains("default");
    assertThat(finding.confidence()).isEqualTo(Confidence.MEDIUM);
  }

  @Test
  void ignoresSlowStartsAndSaysWhatItCouldNotCheck() {
    assertThat(analyze(TestProfiles.profile().threadStarts(TestProfiles.line("fanOut", 12), 90)).findings())
        .isEmpty();
    Report noStack = analyze(TestProfiles.profile().threadStarts(null, 5_000));
    assertThat(noStack.findings()).isEmpty();
    assertThat(noStack.undecided()).singleElement().asString().startsWith("THREAD_CHURN: 500 threads/s");
    Report disabled = analyze(TestProfiles.profile().enabledEvents(Set.of("jdk.OldObjectSample")));
    assertThat(disabled.undecided()).singleElement().asString().contains("did not enable jdk.ThreadStart");
  }

  @Test
  void recognizesPoolsThatReplaceTheirThreadsAndVirtualThreads() {
    Frame start = new Frame("java.lang.Thread", "start", 800, -1, true);
    Frame addWorker = new Frame("java.util.concurrent.ThreadPoolExecutor", "addWorker", 945, -1, true);
    Frame submit = TestProfiles.line("submit", 40);
    ThreadStartSite site = new ThreadStartSite(submit, List.of(start, addWorker, submit), 5_000);
    assertThat(ThreadChurnDetector.executor(site)).isEqualTo("ThreadPoolExecutor.addWorker");
    assertThat(ThreadChurnDetector.executor(new ThreadStartSite(submit, List.of(start, submit), 1))).isNull();
    Frame virtualStart = new Frame("java.lang.VirtualThread", "start", 500, -1, true);
    assertThat(ThreadChurnDetector.virtual(new ThreadStartSite(submit, List.of(virtualStart, submit), 1))).isTrue();
    assertThat(ThreadChurnDetector.virtual(site)).isFalse();
  }

  @Test
  void readsTheFeatureRelease() {
    assertThat(ThreadChurnDetector.featureRelease("17.0.15+6-Debian-1deb12u1")).isEqualTo(17);
    assertThat(ThreadChurnDetector.featureRelease("25+36-LTS")).isEqualTo(25);
    assertThat(ThreadChurnDetector.featureRelease(null)).isEqualTo(-1);
    assertThat(ThreadChurnDetector.featureRelease("unknown")).isEqualTo(-1);
  }
}
