// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heapwise.agent.boot.AgentArgs.InvalidOptionException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AgentArgsTest {

  private static final long PID = 4242;
  private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 14, 15, 9, 26);

  private static AgentArgs parse(String raw) throws InvalidOptionException {
    return AgentArgs.parse(raw, PID, NOW);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", ",", " , ,"})
  void noOptionsMeansAllDefaults(String raw) throws Exception {
    AgentArgs args = parse(raw);

    assertThat(args.out()).isEqualTo(Path.of("heapwise-4242-20260314-150926.jfr").toAbsolutePath());
    assertThat(args.durationMillis()).isZero();
    assertThat(args.include()).isEmpty();
    assertThat(args.exclude()).isEmpty();
    assertThat(args.settings()).isEqualTo(AgentArgs.DEFAULT_SETTINGS);
    assertThat(args.allocationThrottle()).as("the settings' own throttle").isNull();
    assertThat(args.log()).isEqualTo(AgentArgs.DEFAULT_LOG);
    assertThat(args.raw()).isEqualTo(raw == null ? "" : raw);
    assertThat(args.instrument()).isFalse();
    assertThat(args.sampleInterval()).isEqualTo(AgentArgs.DEFAULT_SAMPLE_INTERVAL);
    assertThat(args.exactCounts()).isFalse();
    assertThat(args.maxTracked()).isEqualTo(AgentArgs.DEFAULT_MAX_TRACKED);
  }

  @Test
  void instrumentationOptionsAreRead() throws Exception {
    AgentArgs args = parse("instrument=true,include=com.acme.**,sample=1/64,count=exact,track=500");

    assertThat(args.instrument()).isTrue();
    assertThat(args.include()).containsExactly("com.acme");
    assertThat(args.sampleInterval()).isEqualTo(64);
    assertThat(args.exactCounts()).isTrue();
    assertThat(args.maxTracked()).isEqualTo(500);
    assertThat(parse("instrument=true,include=a,sample=1000").sampleInterval()).isEqualTo(1000);
    assertThat(parse("instrument=true,include=a,count=sampled").exactCounts()).isFalse();
  }

  @Test
  void instrumentationNeedsTheIncludedPackages() {
    assertThatThrownBy(() -> parse("instrument=true"))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageStartingWith("instrument=true needs include=<packages>");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sample=1/64", "count=exact", "track=10"})
  void instrumentationOptionsWithoutInstrumentationAreRejected(String raw) {
    String key = raw.substring(0, raw.indexOf('='));
    assertThatThrownBy(() -> parse("include=a," + raw))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessage("option '" + key + "' only applies with instrument=true");
  }

  @ParameterizedTest
  @ValueSource(strings = {"instrument=yes", "sample=1/0", "sample=0.01", "sample=1/", "count=all", "track=0",
      "track=many"})
  void badInstrumentationValuesNameTheOption(String raw) {
    String key = raw.substring(0, raw.indexOf('='));
    String value = raw.substring(raw.indexOf('=') + 1);
    assertThatThrownBy(() -> parse((key.equals("instrument") ? "" : "instrument=true,include=a,") + raw))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("'" + value + "'");
  }

  @Test
  void everyOptionIsRead() throws Exception {
    String raw = "out=rec/app.jfr,duration=30s,include=com.acme;org.shop,exclude=com.acme.vendor,"
        + "settings=profile,log=/tmp/heapwise.log";

    AgentArgs args = parse(raw);

    assertThat(args.out()).isEqualTo(Path.of("rec/app.jfr").toAbsolutePath().normalize());
    assertThat(args.durationMillis()).isEqualTo(30_000);
    assertThat(args.include()).containsExactly("com.acme", "org.shop");
    assertThat(args.exclude()).containsExactly("com.acme.vendor");
    assertThat(args.settings()).isEqualTo("profile");
    assertThat(args.log()).isEqualTo("/tmp/heapwise.log");
    assertThat(args.raw()).isEqualTo(raw);
  }

  @ParameterizedTest
  @CsvSource({"low, 150/s", "medium, 300/s", "high, 1000/s", "maximum, 1000000000/s"})
  void allocationProfilingTakesTheJdksLevelsAndTheirThrottles(String level, String throttle) throws Exception {
    assertThat(parse("allocation-profiling=" + level).allocationThrottle()).isEqualTo(throttle);
  }

  @ParameterizedTest
  @ValueSource(strings = {"off", "max", "1000/s", "MAXIMUM"})
  void allocationProfilingRefusesAnythingElseAndListsTheLevels(String value) {
    assertThatThrownBy(() -> parse("allocation-profiling=" + value))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageStartingWith("option 'allocation-profiling' is low (150 samples/s), medium")
        .hasMessageEndingWith(", not '" + value + "'");
  }

  @Test
  void ownerIsTheProcessWhoseExitEndsTheRecording() throws Exception {
    assertThat(parse("owner=31337").ownerPid()).isEqualTo(31337);
    assertThat(parse("").ownerPid()).isZero();
  }

  @Test
  void reportTakesAPeriodAndOptionallyAFile() throws Exception {
    AgentArgs args = parse("report=5m,report-file=reports/latest.json");

    assertThat(args.reportMillis()).isEqualTo(300_000);
    assertThat(args.reportFile()).isEqualTo(Path.of("reports", "latest.json").toAbsolutePath());
    assertThat(parse("").reportMillis()).isZero();
    assertThat(parse("").reportFile()).isNull();
  }

  @Test
  void reportFileWithoutAPeriodIsRefused() {
    assertThatThrownBy(() -> parse("report-file=latest.json"))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("latest.json needs report=<period>");
  }

  @ParameterizedTest
  @ValueSource(strings = {"report=500ms", "report=0", "report=often"})
  void reportPeriodsBelowASecondOrMalformedAreRefused(String raw) {
    assertThatThrownBy(() -> parse(raw)).isInstanceOf(InvalidOptionException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"owner=0", "owner=-4", "owner=me"})
  void badOwnerIsRefused(String raw) {
    assertThatThrownBy(() -> parse(raw))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageStartingWith("option 'owner' is the pid of the process");
  }

  @ParameterizedTest
  @ValueSource(strings = {"stop", " stop ", "stop,log=/tmp/a.log"})
  void stopRequestIsRecognized(String raw) {
    assertThat(AgentArgs.isStopRequest(raw)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"out=stop", "log=/tmp/a.log,stop", "stopped"})
  void otherOptionsAreNotAStopRequest(String raw) {
    assertThat(AgentArgs.isStopRequest(raw)).isFalse();
  }

  @Test
  void spacesAroundKeysAndValuesAreIgnored() throws Exception {
    AgentArgs args = parse(" duration = 5m , include = com.acme ; org.shop ");

    assertThat(args.durationMillis()).isEqualTo(300_000);
    assertThat(args.include()).containsExactly("com.acme", "org.shop");
  }

  @ParameterizedTest
  @CsvSource({
      "500ms, 500",
      "30s, 30000",
      "5m, 300000",
      "1h, 3600000",
      "45, 45000",
      "0, 0",
      "0s, 0",
  })
  void durationsTakeAUnitOrMeanSeconds(String value, long millis) throws Exception {
    assertThat(parse("duration=" + value).durationMillis()).isEqualTo(millis);
  }

  @ParameterizedTest
  @ValueSource(strings = {"banana", "10 s", "-5s", "1.5s", "5d", "s", "10sec", "1234567890123"})
  void badDurationsNameTheValue(String value) {
    assertThatThrownBy(() -> parse("duration=" + value))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("bad duration '" + value.trim() + "'");
  }

  @ParameterizedTest
  @CsvSource({
      "1500, 1500ms",
      "30000, 30s",
      "300000, 5m",
      "7200000, 2h",
      "90000, 90s",
  })
  void durationsFormatInTheirShortestExactForm(long millis, String text) {
    assertThat(AgentArgs.formatDuration(millis)).isEqualTo(text);
  }

  @Test
  void includeGlobsAreTreatedAsPrefixes() throws Exception {
    AgentArgs args = parse("include=com.acme.**;org.shop.*;net.plain,exclude=com.acme.gen.**");

    assertThat(args.include()).containsExactly("com.acme", "org.shop", "net.plain");
    assertThat(args.exclude()).containsExactly("com.acme.gen");
  }

  @Test
  void emptyPackagesBetweenSemicolonsAreSkipped() throws Exception {
    assertThat(parse("include=a;;b;").include()).containsExactly("a", "b");
  }

  @ParameterizedTest
  @ValueSource(strings = {"include=com..acme", "include=com.acme-web", "include=1com", "exclude=com/acme"})
  void badPackagePrefixesNameTheOption(String raw) {
    String key = raw.substring(0, raw.indexOf('='));
    assertThatThrownBy(() -> parse(raw))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("bad package prefix")
        .hasMessageContaining("option '" + key + "'");
  }

  @Test
  void unknownKeyIsNamedAndTheValidKeysListed() {
    assertThatThrownBy(() -> parse("out=a.jfr,interval=5s"))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("unknown option 'interval'")
        .hasMessageContaining("valid: out, duration, include, exclude, settings, allocation-profiling, log,"
            + " instrument, sample, count, track, owner, report, report-file");
  }

  @Test
  void optionWithoutEqualsIsMalformed() {
    assertThatThrownBy(() -> parse("out=a.jfr,verbose"))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("malformed option 'verbose'");
  }

  @Test
  void emptyValueIsRejected() {
    assertThatThrownBy(() -> parse("out="))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("option 'out' has an empty value");
  }

  @Test
  void repeatedKeyIsRejected() {
    assertThatThrownBy(() -> parse("duration=1s,duration=2s"))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("option 'duration' is given twice");
  }

  @Test
  void invalidPathNamesTheOption() {
    assertThatThrownBy(() -> parse("out=bad\0name.jfr"))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("option 'out' is not a valid path");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''|stderr",
      "out=a.jfr|stderr",
      "log=none|none",
      "duration=banana,log=/tmp/x.log|/tmp/x.log",
      "log=,out=a.jfr|stderr",
  })
  void logTargetIsFoundEvenWhenOtherOptionsAreBad(String raw, String target) {
    assertThat(AgentArgs.logTarget(raw)).isEqualTo(target);
  }

  @Test
  void logTargetOfNoOptionsIsStderr() {
    assertThat(AgentArgs.logTarget(null)).isEqualTo("stderr");
  }
}
