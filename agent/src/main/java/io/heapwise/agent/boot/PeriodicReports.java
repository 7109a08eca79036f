// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.boot;

import java.time.Instant;

/**
 * The {@code report=} option: each period's findings, analysed inside the application and logged. The
 * analyzer it needs is not part of this module (the analyzer's own tests record with this agent), so the agent jar
 * that users run bundles an implementation, found by name at start.
 */
public interface PeriodicReports {

  /** The implementation in the {@code heapwise-reporter} module, which the released agent jar carries. */
  String IMPLEMENTATION = "io.heapwise.reporter.PeriodicReporter";

  /**
   * Starts reporting on the events recorded since {@code since}; problems after this returns go to {@code log}.
   *
   * @return what stops the reports and releases what they hold; safe to run more than once
   * @throws Exception when reporting cannot start; the recording goes on without it
   */
  Runnable start(AgentArgs args, AgentLog log, Instant since) throws Exception;
}
