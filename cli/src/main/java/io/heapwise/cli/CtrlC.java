// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (or SIGTERM) into a request to finish early, and holds this JVM's exit until the command has
 * finished: a recording ended by Ctrl-C still gets its report.
 */
final class CtrlC implements AutoCloseable {

  /** Ending the recording, writing it and analyzing it; a second Ctrl-C is not needed in practice. */
  private static final Duration FINISH_WAIT = Duration.ofMinutes(2);

  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;
  private volatile boolean requested;

  private CtrlC() {
    hook = new Thread(this::holdExit, "heapwise-ctrl-c");
  }

  static CtrlC watch() {
    CtrlC ctrlC = new CtrlC();
    Runtime.getRuntime().addShutdownHook(ctrlC.hook);
    return ctrlC;
  }

  boolean requested() {
    return requested;
  }

  private void holdExit() {
    requested = true;
    try {
      finished.await(FINISH_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running and returns now that the command has finished.
    }
  }
}
