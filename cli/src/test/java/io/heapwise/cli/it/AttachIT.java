// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.report.ReportJson;
import io.heapwise.analyzer.report.SiteSummary;
import io.heapwise.analyzer.testing.ForkedJvm;
import io.heapwise.analyzer.testing.PlantedSite;
import io.heapwise.analyzer.testing.TestEnvironment;
import io.heapwise.samples.lifetimes.QuoteService;
import io.heapwise.samples.service.CatalogService;
import io.heapwise.samples.service.LoadGenerator;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code heapwise attach} and {@code heapwise list} against real running JVMs: a service under load that must not
 * notice, JVMs of the other Java version, and the ones that cannot be attached to.
 */
class AttachIT {

  private static final Pattern SERVICE_READY = Pattern.compile("heapwise-service: port=(\\d+)");
  private static final Pattern LOAD_RESULT =
      Pattern.compile("heapwise-load: sent=(\\d+) ok=(\\d+) errors=(\\d+) lost=(\\d+)");
  private static final Pattern SERVICE_STATS = Pattern.compile("heapwise-service-stats: requests=(\\d+) errors=(\\d+)");
  private static final Duration STARTUP = Duration.ofSeconds(60);

  private static Path dir;

  @BeforeAll
  static void setUp() {
    dir = TestEnvironment.workDir("AttachIT");
  }

  /**
   * The acceptance test: two attaches in a row (the first one rewriting classes) while bounded load runs;
   * every request is answered, the report names the planted handlers, nothing of ours stays in the service.
   */
  @Test
  void attachToAServiceUnderLoadTwiceReportsItsHandlersAndLeavesNothingBehind() throws Exception {
    Path work = Files.createDirectories(dir.resolve("service"));
    try (ForkedJvm.Background service = startService(work)) {
      int port = Integer.parseInt(service.awaitLine(SERVICE_READY, STARTUP).group(1));
      // Longer than both attaches together, however slow the machine: the load runs before, during and after.
      try (ForkedJvm.Background load = ForkedJvm.java().args("-Xmx64m", "-cp", samplesJar(),
          LoadGenerator.class.getName(), "--port", Integer.toString(port), "--seconds", "60").start(work)) {
        // The handlers are loaded and warm, and the stats windows (boxed latencies) have filled.
        Thread.sleep(5_000);

        Path first = work.resolve("instrumented.json");
        ForkedJvm.Result attach = Heapwise.run(work, "attach", Long.toString(service.pid()), "--duration", "10s",
            "--instrument", "--include", CatalogService.class.getPackageName(), "--out",
            work.resolve("instrumented.jfr").toString(), "--top", "100", "--format", "json", "-o", first.toString());
        assertThat(attach.exitCode()).as("%s", attach).isZero();
        assertThat(attach.stderr()).as("%s", attach)
            .contains("[heapwise] instrumentation removed: ")
            .doesNotContain("\tat ", "agent disabled", "agent stopped");
        assertPlantedHandlersReported(read(first));

        ForkedJvm.Result second = Heapwise.run(work, "attach", Long.toString(service.pid()), "--duration", "4s",
            "--out", work.resolve("plain.jfr").toString(), "--format", "json", "-o",
            work.resolve("plain.json").toString());
        assertThat(second.exitCode()).as("%s", second).isZero();
        assertThat(read(work.resolve("plain.json")).sites()).isNotEmpty();

        ForkedJvm.Result check = ForkedJvm.tool("jcmd").args(Long.toString(service.pid()), "JFR.check").run(work)
            .assertSuccess();
        assertThat(check.stdout()).as("%s", check).doesNotContainIgnoringCase("heapwise");

        ForkedJvm.Result loadResult = load.await();
        Matcher counts = LOAD_RESULT.matcher(loadResult.stdout());
        assertThat(counts.find()).as("%s", loadResult).isTrue();
        long sent = Long.parseLong(counts.group(1));
        assertThat(sent).as("%s", loadResult).isGreaterThan(100);
        assertThat(Long.parseLong(counts.group(2))).as("%s", loadResult).isEqualTo(sent);
        assertThat(counts.group(3)).as("%s", loadResult).isEqualTo("0");
        assertThat(counts.group(4)).as("%s", loadResult).isEqualTo("0");
        assertThat(loadResult.exitCode()).as("%s", loadResult).isZero();

        assertThat(service.isAlive()).isTrue();
        ForkedJvm.Result stopped = service.terminate();
        Matcher served = SERVICE_STATS.matcher(stopped.stdout());
        assertThat(served.find()).as("%s", stopped).isTrue();
        assertThat(Long.parseLong(served.group(1))).as("%s", stopped).isEqualTo(sent);
        assertThat(served.group(2)).as("%s", stopped).isEqualTo("0");
        assertThat(stopped.stderr()).as("%s", stopped).doesNotContain("Exception", "[heapwise] agent");
      }
    }
  }

  /** A CLI on the other Java version than the target: 17 attaches to 25 in one CI run, 25 to 17 in the other. */
  @Test
  void attachAcrossJavaVersions() throws Exception {
    Path otherJdk = TestEnvironment.otherJavaHome().orElse(null);
    assumeTrue(otherJdk != null, "skipped: no second JDK (17+) beside " + TestEnvironment.javaHome()
        + "; set -Dheapwise.test.otherJavaHome");
    Path work = Files.createDirectories(dir.resolve("cross"));
    try (ForkedJvm.Background target = ForkedJvm.java().args("-Xmx64m", "-cp", samplesJar(),
        QuoteService.class.getName(), "--seconds", "60").start(work)) {
      Thread.sleep(1_500);
      List<String> command = new ArrayList<>(List.of("-jar", Heapwise.cliJar().toString(), "attach",
          Long.toString(target.pid()), "--duration", "3s", "--format", "json", "-o",
          work.resolve("report.json").toString(), "--out", work.resolve("cross.jfr").toString()));
      ForkedJvm.Result attach = ForkedJvm.java(otherJdk).args(command).run(work);
      assertThat(attach.exitCode()).as("%s", attach).isZero();
      Report report = read(work.resolve("report.json"));
      assertThat(report.recording().jdk()).startsWith(TestEnvironment.javaFeatureVersion() + ".");
      assertThat(report.sites()).anySatisfy(site -> assertThat(site.className()).isEqualTo(QuoteService.class.getName()));
      assertThat(target.isAlive()).isTrue();
    }
  }

  @Test
  void listShowsARunningJvmWithItsJavaVersion() throws Exception {
    Path work = Files.createDirectories(dir.resolve("list"));
    try (ForkedJvm.Background target = ForkedJvm.java().args("-Xmx32m", "-cp", samplesJar(),
        QuoteService.class.getName(), "--seconds", "60").start(work)) {
      Thread.sleep(1_000);
      ForkedJvm.Result list = Heapwise.run(work, "list").assertSuccess();
      assertThat(list.stdout().lines())
          .anySatisfy(line -> assertThat(line).matches(target.pid() + "\\s+" + TestEnvironment.javaFeatureVersion()
              + "\\s+" + Pattern.quote(QuoteService.class.getName()) + " --seconds 60"));
    }
  }

  @Test
  void noSuchProcess() throws Exception {
    assertOneLineError(Heapwise.run(dir, "attach", "2147483646", "--duration", "1s"),
        "no process with pid 2147483646 is running");
  }

  @Test
  void aProcessThatIsNotAJvmIsNotSignalled() throws Exception {
    Process sleep = new ProcessBuilder("sleep", "60").start();
    try {
      assertOneLineError(Heapwise.run(dir, "attach", Long.toString(sleep.pid()), "--duration", "1s"),
          "is not a Java virtual machine");
      assertThat(sleep.isAlive()).isTrue();
    } finally {
      sleep.destroyForcibly();
    }
  }

  @Test
  void aJvmWithAttachDisabled() throws Exception {
    Path work = Files.createDirectories(dir.resolve("disabled"));
    try (ForkedJvm.Background target = ForkedJvm.java().args("-XX:+DisableAttachMechanism", "-Xmx32m", "-cp",
        samplesJar(), QuoteService.class.getName(), "--seconds", "60").start(work)) {
      Thread.sleep(1_000);
      assertOneLineError(Heapwise.run(work, "attach", Long.toString(target.pid()), "--duration", "1s"),
          "-XX:+DisableAttachMechanism");
      assertThat(target.isAlive()).isTrue();
    }
  }

  @Test
  void aNameNoJvmHas() throws Exception {
    assertOneLineError(Heapwise.run(dir, "attach", "NoSuchMainClassAnywhere", "--duration", "1s"),
        "no running JVM's main class or jar contains 'NoSuchMainClassAnywhere'");
  }

  private static ForkedJvm.Background startService(Path work) throws IOException {
    return ForkedJvm.java().args("-Xmx128m", "-cp", samplesJar(), CatalogService.class.getName()).start(work);
  }

  private static void assertPlantedHandlersReported(Report report) throws IOException {
    List<PlantedSite> planted = new ArrayList<>();
    for (String handler : List.of("ProductSearchHandler", "InventoryImportHandler", "LatencyStatsHandler")) {
      planted.add(PlantedSite.of(CatalogService.class.getPackageName() + "." + handler));
    }
    for (PlantedSite site : planted) {
      assertThat(report.sites()).as("top sites; planted %s", site)
          .anySatisfy(summary -> assertThat(lineOf(summary)).isEqualTo(site.className() + ":" + site.line()));
    }
  }

  private static String lineOf(SiteSummary site) {
    return site.className() + ":" + site.line();
  }

  private static void assertOneLineError(ForkedJvm.Result result, String expected) {
    assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
    assertThat(result.stderrLines()).as("%s", result).hasSize(1);
    assertThat(result.stderr()).as("%s", result).startsWith("heapwise: ").contains(expected)
        .doesNotContain("\tat ", "Exception");
    assertThat(result.stdout()).as("%s", result).isEmpty();
  }

  private static Report read(Path json) throws IOException {
    try (Reader reader = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
      return ReportJson.read(reader);
    }
  }

  private static String samplesJar() {
    return TestEnvironment.samplesClassPath().toString();
  }
}
