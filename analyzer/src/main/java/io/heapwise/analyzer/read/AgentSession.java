// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The agent's {@code heapwise.Session} event: the options it ran with, among them the packages that are the
 * application. Read before the allocations, because it decides which frame of each stack is the site.
 */
record AgentSession(String agentVersion, List<String> include, List<String> exclude) {

  /** The event name the agent writes; the agent module defines the event, the analyzer reads it by name. */
  static final String EVENT_NAME = "heapwise.Session";

  /** The session of a recording made by the Heapwise agent, or {@code null} for any other recording. */
  static AgentSession find(Path firstChunk) {
    try (RecordingFile recording = new RecordingFile(firstChunk)) {
      boolean declared = false;
      for (EventType type : recording.readEventTypes()) {
        declared |= EVENT_NAME.equals(type.getName());
      }
      while (declared && recording.hasMoreEvents()) {
        RecordedEvent event = recording.readEvent();
        if (EVENT_NAME.equals(event.getEventType().getName())) {
          return new AgentSession(string(event, "agentVersion"), packages(event, "include"),
              packages(event, "exclude"));
        }
      }
      return null;
    } catch (IOException | RuntimeException | InternalError e) {
      // The main pass reports what is wrong with the file; here it only means "no session".
      return null;
    }
  }

  private static String string(RecordedEvent event, String field) {
    return event.hasField(field) ? event.getString(field) : null;
  }

  private static List<String> packages(RecordedEvent event, String field) {
    String value = string(event, field);
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
