// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import jdk.jfr.EventType;
import jdk.jfr.ValueDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordingControlTest {

  @Test
  void bundledSettingsSampleAllocationsAndLeaveTheTlabEventsOff() throws Exception {
    Map<String, String> settings = RecordingControl.loadSettings("heapwise").getSettings();

    assertThat(settings)
        .containsEntry("jdk.ObjectAllocationSample#enabled", "true")
        .containsEntry("jdk.ObjectAllocationSample#stackTrace", "true")
        .containsEntry("jdk.ObjectAllocationSample#throttle", "300/s")
        .containsEntry("jdk.ObjectAllocationInNewTLAB#enabled", "false")
        .containsEntry("jdk.ObjectAllocationOutsideTLAB#enabled", "false")
        .containsEntry("jdk.ObjectCount#enabled", "false")
        .containsEntry("jdk.GarbageCollection#enabled", "true")
        .containsEntry("jdk.GCPhasePauseLevel1#threshold", "0 ms")
        .containsEntry("jdk.Compilation#threshold", "0 ms")
        .containsEntry("jdk.CompilerInlining#enabled", "true")
        .containsEntry("jdk.ThreadAllocationStatistics#period", "1000 ms")
        .containsEntry("jdk.InitialSystemProperty#period", "beginChunk");
  }

  @Test
  void everyEventInTheBundledSettingsExistsInThisJdk() throws Exception {
    Map<String, String> settings = RecordingControl.loadSettings("heapwise").getSettings();
    // Registering makes our own event show up among the known types.
    jdk.jfr.FlightRecorder.register(SessionEvent.class);
    var known = jdk.jfr.FlightRecorder.getFlightRecorder().getEventTypes().stream()
        .map(EventType::getName)
        .toList();

    // JFR silently ignores an unknown name, so a typo here would quietly turn an event off.
    assertThat(settings.keySet())
        .map(key -> key.substring(0, key.indexOf('#')))
        .allSatisfy(name -> assertThat(known).contains(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"default", "profile"})
  void jdkSettingsLoadByName(String name) throws Exception {
    assertThat(RecordingControl.loadSettings(name).getSettings()).containsKey("jdk.ObjectAllocationSample#enabled");
  }

  @Test
  void missingSettingsFileIsNamed(@TempDir Path dir) {
    Path missing = dir.resolve("nope.jfc");

    assertThatThrownBy(() -> RecordingControl.loadSettings(missing.toString()))
        .isInstanceOf(RecordingControl.StartFailure.class)
        .hasMessageContaining("settings file " + missing + " does not exist");
  }

  @Test
  void settingsFileThatIsNotJfcIsNamed(@TempDir Path dir) throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.jfc"), "this is not XML");

    assertThatThrownBy(() -> RecordingControl.loadSettings(broken.toString()))
        .isInstanceOf(RecordingControl.StartFailure.class)
        .hasMessageContaining("settings file " + broken + " is not a valid .jfc file");
  }

  @Test
  void directoryAsSettingsFileIsNamed(@TempDir Path dir) {
    assertThatThrownBy(() -> RecordingControl.loadSettings(dir.toString()))
        .isInstanceOf(RecordingControl.StartFailure.class)
        .hasMessageContaining("settings file " + dir + " is a directory");
  }

  @Test
  void sessionEventKeepsTheNamesTheAnalyzerReads() {
    EventType type = EventType.getEventType(SessionEvent.class);

    assertThat(type.getName()).isEqualTo("heapwise.Session");
    assertThat(type.getFields()).extracting(ValueDescriptor::getName)
        .contains("agentVersion", "options", "settings", "include", "exclude", "durationMillis");
    assertThat(type.getSettingDescriptors())
        .filteredOn(setting -> setting.getName().equals("stackTrace"))
        .singleElement()
        .satisfies(setting -> assertThat(setting.getDefaultValue()).isEqualTo("false"));
  }
}
