// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * The options the agent ran with, committed once when the recording starts, so that a recording analyzed on
 * another machine still knows which packages are the application.
 */
@Name(SessionEvent.NAME)
@Label("Heapwise Session")
@Category({"Heapwise"})
@Description("Options of the Heapwise agent that made this recording")
@StackTrace(false)
final class SessionEvent extends Event {

  /** The analyzer reads this event by this name and by its field names, never by class: keep all of them. */
  static final String NAME = "heapwise.Session";

  @Label("Agent Version")
  String agentVersion;

  @Label("Options")
  @Description("The -javaagent option string exactly as given")
  String options;

  @Label("Settings")
  @Description("heapwise, default, profile or the path of a .jfc file")
  String settings;

  @Label("Include")
  @Description("Package prefixes of the application, separated by ';'")
  String include;

  @Label("Exclude")
  @Description("Package prefixes treated as libraries, separated by ';'")
  String exclude;

  @Label("Duration")
  @Description("How long the agent records; 0 means until the JVM exits")
  @Timespan(Timespan.MILLISECONDS)
  long durationMillis;
}
