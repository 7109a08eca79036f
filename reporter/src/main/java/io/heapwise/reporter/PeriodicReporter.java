// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.reporter;

import io.heapwise.agent.boot.AgentArgs;
import io.heapwise.agent.boot.AgentLog;
import io.heapwise.agent.boot.PeriodicReports;
import java.io.IOException;
import java.time.Instant;

/**
 * The agent's {@code report=} option, which the agent finds by name: the analyzer, run inside the application on
 * the agent's own recording as JFR writes it, reports each period's findings.
 */
public final class PeriodicReporter implements PeriodicReports {

  /** Found and constructed reflectively by the agent. */
  public PeriodicReporter() {
  }

  @Override
  public Runnable start(AgentArgs args, AgentLog log, Instant since) throws IOException {
    ReportLoop loop = ReportLoop.start(args, log, since);
    return loop::stop;
  }
}
