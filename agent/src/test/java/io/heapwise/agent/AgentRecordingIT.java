// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.agent.testapp.AllocatingApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records a real application with the packaged agent and reads the file back as the analyzer would. */
class AgentRecordingIT {

  private static final String APP_PACKAGE = AllocatingApp.class.getPackageName();
  /** A small heap, so that steady allocation forces young collections within a second or two. */
  private static final List<String> SMALL_HEAP = List.of("-Xmx64m");
  private static final Pattern WROTE =
      Pattern.compile("\\[heapwise] wrote (.+) \\((\\d+\\.\\d) MB, (\\d+\\.\\d) s of recording\\)");

  @TempDir
  Path dir;

  @Test
  void recordsUntilExitWithAllocationSamplesGcAndSession() throws Exception {
    Path out = dir.resolve("r.jfr");

    ForkedJvm.Result result = ForkedJvm.runWithAgent("out=" + out + ",include=" + APP_PACKAGE, SMALL_HEAP,
        AllocatingApp.class, "1500");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdout()).doesNotContain("[heapwise]");
    assertThat(result.heapwiseLines()).as(result.toString()).hasSize(2);
    assertThat(result.heapwiseLines().get(0))
        .isEqualTo("[heapwise] recording to " + out + " (settings heapwise, duration until exit)");
    Matcher wrote = WROTE.matcher(result.heapwiseLines().get(1));
    assertThat(wrote.matches()).as(result.heapwiseLines().get(1)).isTrue();
    assertThat(wrote.group(1)).isEqualTo(out.toString());
    assertThat(Double.parseDouble(wrote.group(3))).isBetween(1.0, 30.0);

    assertThat(out).isRegularFile();
    assertThat(dir.resolve("r.jfr.tmp")).doesNotExist();
    List<RecordedEvent> events = RecordingFile.readAllEvents(out);
    Map<String, List<RecordedEvent>> byName =
        events.stream().collect(Collectors.groupingBy(e -> e.getEventType().getName()));

    List<RecordedEvent> samples = byName.getOrDefault("jdk.ObjectAllocationSample", List.of());
    // JVM-internal threads (JDK 25's compiler threads, for one) can allocate with no Java frames to show, and so
    // can the main thread while the VM itself works on it (one frameless main-thread sample was seen in CI, taken
    // before the application's first).
    List<RecordedEvent> mainSamples = samples.stream()
        .filter(e -> e.getThread() != null && "main".equals(e.getThread().getJavaName())).toList();
    assertThat(mainSamples).isNotEmpty();
    assertThat(mainSamples.stream().filter(e -> e.getStackTrace() != null && !e.getStackTrace().getFrames().isEmpty())
        .count()).as("main-thread samples with frames, of %d", mainSamples.size())
        .isGreaterThanOrEqualTo(mainSamples.size() * 9L / 10);
    assertThat(samples).as("samples with a frame in the application")
        .anyMatch(e -> e.getStackTrace().getFrames().stream()
            .map(frameClass())
            .anyMatch(name -> name.startsWith(APP_PACKAGE + ".")));
    assertThat(byName).doesNotContainKeys("jdk.ObjectAllocationInNewTLAB", "jdk.ObjectAllocationOutsideTLAB");
    assertThat(byName).containsKey("jdk.GarbageCollection");

    List<RecordedEvent> sessions = byName.getOrDefault("heapwise.Session", List.of());
    assertThat(sessions).hasSize(1);
    RecordedEvent session = sessions.get(0);
    assertThat(session.getString("include")).isEqualTo(APP_PACKAGE);
    assertThat(session.getString("exclude")).isEmpty();
    assertThat(session.getString("agentVersion")).isNotBlank().isNotEqualTo("dev");
    assertThat(session.getString("options")).isEqualTo("out=" + out + ",include=" + APP_PACKAGE);
    assertThat(session.getString("settings")).isEqualTo("heapwise");
    assertThat(session.getLong("durationMillis")).isZero();
    assertThat(session.getStackTrace()).isNull();
  }

  @Test
  void writesTheFileWhenTheDurationEndsWhileTheAppRunsOn() throws Exception {
    Path out = dir.resolve("short.jfr");

    ForkedJvm.Result result = ForkedJvm.runWithAgent("out=" + out + ",duration=1s", SMALL_HEAP,
        AllocatingApp.class, "3000", out.toString());

    assertThat(result.exitCode()).as(result.toString()).isZero();
    // The app saw the file while it was still running, so it was written at the end of the duration, not at exit.
    assertThat(result.stdout()).as(result.toString()).contains(AllocatingApp.FILE_APPEARED);
    assertThat(result.heapwiseLines()).as(result.toString()).hasSize(3);
    assertThat(result.heapwiseLines().get(0))
        .isEqualTo("[heapwise] recording to " + out + " (settings heapwise, duration 1s)");
    assertThat(result.heapwiseLines().get(1)).isEqualTo("[heapwise] ending the recording: the duration of 1s ended");
    Matcher wrote = WROTE.matcher(result.heapwiseLines().get(2));
    assertThat(wrote.matches()).as(result.heapwiseLines().get(2)).isTrue();
    assertThat(Double.parseDouble(wrote.group(3))).isBetween(0.9, 2.5);

    List<RecordedEvent> events = RecordingFile.readAllEvents(out);
    assertThat(events).anyMatch(e -> e.getEventType().getName().equals("jdk.ObjectAllocationSample"));
    assertThat(events).filteredOn(e -> e.getEventType().getName().equals("heapwise.Session"))
        .singleElement()
        .satisfies(session -> assertThat(session.getLong("durationMillis")).isEqualTo(1_000));
  }

  @Test
  void usesTheJdkSettingsWhenAskedByName() throws Exception {
    Path out = dir.resolve("profile.jfr");

    ForkedJvm.Result result = ForkedJvm.runWithAgent("out=" + out + ",settings=profile", SMALL_HEAP,
        AllocatingApp.class, "300");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.heapwiseLines()).as(result.toString()).hasSize(2)
        .first().isEqualTo("[heapwise] recording to " + out + " (settings profile, duration until exit)");
    assertThat(RecordingFile.readAllEvents(out))
        .anyMatch(e -> e.getEventType().getName().equals("heapwise.Session"));
  }

  @Test
  void allocationProfilingSetsTheSampleThrottleOverTheSettingsOwn() throws Exception {
    Path out = dir.resolve("maximum.jfr");

    ForkedJvm.Result result = ForkedJvm.runWithAgent("out=" + out + ",settings=default,allocation-profiling=maximum",
        SMALL_HEAP, AllocatingApp.class, "300");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.heapwiseLines()).as(result.toString()).first().isEqualTo("[heapwise] recording to " + out
        + " (settings default, allocation samples at 1000000000/s, duration until exit)");
    long sampleType;
    try (RecordingFile file = new RecordingFile(out)) {
      sampleType = file.readEventTypes().stream().filter(t -> t.getName().equals("jdk.ObjectAllocationSample"))
          .findFirst().orElseThrow().getId();
    }
    // The JDK's default.jfc throttles at 150/s; what JFR says it applied is the level asked for.
    Map<String, String> applied = RecordingFile.readAllEvents(out).stream()
        .filter(e -> e.getEventType().getName().equals("jdk.ActiveSetting") && e.getLong("id") == sampleType)
        .collect(Collectors.toMap(e -> e.getString("name"), e -> e.getString("value"), (a, b) -> b));
    assertThat(applied).containsEntry("throttle", "1000000000/s").containsEntry("stackTrace", "true")
        .containsEntry("enabled", "true");
  }

  @Test
  void replacesAnOlderRecordingAtTheSamePath() throws Exception {
    Path out = Files.writeString(dir.resolve("again.jfr"), "an older recording");

    ForkedJvm.Result result = ForkedJvm.runWithAgent("out=" + out, SMALL_HEAP, AllocatingApp.class, "200");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(RecordingFile.readAllEvents(out)).isNotEmpty();
  }

  private static Function<RecordedFrame, String> frameClass() {
    return frame -> frame.getMethod() == null ? "" : frame.getMethod().getType().getName();
  }
}
