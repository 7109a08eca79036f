// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent;

import io.heapwise.agent.boot.AgentMain;
import java.lang.instrument.Instrumentation;

/** Entry point named by the jar manifest: hands over to {@link AgentMain} behind a fail-safe boundary. */
public final class AllocAgent {

  private AllocAgent() {}

  /** Called before {@code main} for {@code -javaagent:heapwise-agent.jar=OPTIONS}. */
  public static void premain(String args, Instrumentation inst) {
    // A throwable escaping premain aborts JVM startup, so nothing may get past this line.
    try {
      AgentMain.start(args, inst, "premain");
    } catch (Throwable t) {
      System.err.println("[heapwise] agent disabled: premain failed: " + t + "; the application runs without profiling");
    }
  }

  /** Called when the agent is attached to a running JVM. */
  public static void agentmain(String args, Instrumentation inst) {
    try {
      AgentMain.start(args, inst, "agentmain");
    } catch (Throwable t) {
      System.err.println("[heapwise] agent disabled: agentmain failed: " + t + "; the application runs without profiling");
    }
  }
}
