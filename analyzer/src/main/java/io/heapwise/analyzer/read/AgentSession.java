// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read;

import io.heapwise.analyzer.model.ProfileBuilder;
import io.heapwise.analyzer.model.SiteAttributor;
import io.heapwise.analyzer.read.jfr.JfrEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The agent's {@code heapwise.Session} event: the options it ran with, among them the packages that are the
 * application. It decides which frame of each stack is the site, so a file's is read before its allocations, and a
 * live stream's applies from where it arrives.
 */
record AgentSession(String agentVersion, List<String> include, List<String> exclude) {

  /** The event name the agent writes; the agent module defines the event, the analyzer reads it by name. */
  static final String EVENT_NAME = "heapwise.Session";

  /** What a recording not made by the agent has: no version, and no packages of its own. */
  static final AgentSession NONE = new AgentSession(null, List.of(), List.of());

  /** The session of a recording made by the Heapwise agent, or {@link #NONE} for any other recording. */
  static AgentSession find(Path firstChunk) {
    try (RecordingFile recording = new RecordingFile(firstChunk)) {
      boolean declared = false;
      for (EventType type : recording.readEventTypes()) {
        declared |= EVENT_NAME.equals(type.getName());
      }
      while (declared && recording.hasMoreEvents()) {
        RecordedEvent event = recording.readEvent();
        if (EVENT_NAME.equals(event.getEventType().getName())) {
          return of(new JdkRecordedEvent(event));
        }
      }
      return NONE;
    } catch (IOException | RuntimeException | InternalError e) {
      // The main pass reports what is wrong with the file; here it only means "no session".
      return NONE;
    }
  }

  /** The session a {@value #EVENT_NAME} event describes. */
  static AgentSession of(JfrEvent event) {
    return new AgentSession(string(event, "agentVersion"), packages(event, "include"), packages(event, "exclude"));
  }

  /**
   * The attributor for stacks recorded in this session, which the builder is told about: the user's application
   * packages win; without them the agent's {@code include=} are the application and its {@code exclude=} more
   * libraries.
   */
  SiteAttributor attributor(ProfileBuilder builder, List<String> applicationPackages, List<String> libraryPackages) {
    List<String> application = applicationPackages;
    List<String> libraries = new ArrayList<>(libraryPackages);
    if (application.isEmpty()) {
      application = include;
      libraries.addAll(exclude);
    }
    builder.attribution(application, agentVersion);
    return new SiteAttributor(application, libraries);
  }

  private static String string(JfrEvent event, String field) {
    return event.hasField(field) ? event.getString(field) : null;
  }

  private static List<String> packages(JfrEvent event, String field) {
    String value = string(event, field);
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
