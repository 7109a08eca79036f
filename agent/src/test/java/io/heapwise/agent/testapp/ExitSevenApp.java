// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.testapp;

/** Prints one line and exits with 7, so a test can see that the agent changed neither. */
public final class ExitSevenApp {

  public static final String OUTPUT = "app-output";
  public static final int EXIT_CODE = 7;

  private ExitSevenApp() {}

  public static void main(String[] args) {
    System.out.println(OUTPUT);
    System.exit(EXIT_CODE);
  }
}
