// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

/**
 * A problem with what the user gave us (a file, a path, a command line to run). Its message is the one line the
 * user sees after {@code heapwise: }, so it names the file or value and says what is wrong with it.
 */
final class BadInputException extends Exception {

  private static final long serialVersionUID = 1L;

  BadInputException(String message) {
    super(message);
  }

  BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
