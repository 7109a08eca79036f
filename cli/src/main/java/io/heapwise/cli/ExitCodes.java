// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import io.heapwise.analyzer.UnreadableRecordingException;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParameterException;

/** The process exit codes; scripts and CI depend on them, so they never change meaning. */
public final class ExitCodes {

  /** The command did what was asked. */
  public static final int OK = 0;
  /** The gate failed, or there are findings at or above the requested severity. */
  public static final int FINDINGS_OR_GATE_FAILED = 1;
  /** Bad usage, or input that could not be read (picocli uses 2 for usage errors too). */
  public static final int USAGE_OR_INPUT = 2;
  /** A bug in Heapwise. */
  public static final int INTERNAL = 3;

  /** Maps what a command threw to its exit code; everything unexpected is a bug. */
  static final IExitCodeExceptionMapper MAPPER = ExitCodes::of;

  private ExitCodes() {
  }

  static int of(Throwable t) {
    if (isInputProblem(t) || t instanceof ParameterException) {
      return USAGE_OR_INPUT;
    }
    return INTERNAL;
  }

  /** Problems with what the user gave us, reported in one line without a stack trace. */
  static boolean isInputProblem(Throwable t) {
    return t instanceof UnreadableRecordingException || t instanceof BadInputException;
  }
}
