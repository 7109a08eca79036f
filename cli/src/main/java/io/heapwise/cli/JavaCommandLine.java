// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A {@code java ...} command line to run under the agent. The {@code -javaagent:} option goes right after the
 * executable: a JVM option placed after {@code -jar app.jar} or the main class would be an argument to the
 * application instead.
 */
final class JavaCommandLine {

  static final String EXAMPLE = "heapwise record -- java -jar app.jar";

  /** Arguments made only of these characters read the same in a POSIX shell without quotes. */
  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

  private final List<String> command;

  private JavaCommandLine(List<String> command) {
    this.command = List.copyOf(command);
  }

  /** Accepts only a command whose first element is a java launcher, because only a JVM takes -javaagent. */
  static JavaCommandLine of(List<String> command) throws BadInputException {
    if (command == null || command.isEmpty()) {
      throw new BadInputException("no command to record; give the java command after --, e.g. " + EXAMPLE);
    }
    String executable = command.get(0);
    if (!isJavaLauncher(executable)) {
      throw new BadInputException("'" + executable + "' is not a java executable; Heapwise records JVMs started "
          + "with java, e.g. " + EXAMPLE);
    }
    return new JavaCommandLine(command);
  }

  static boolean isJavaLauncher(String executable) {
    String name = executable.substring(Math.max(executable.lastIndexOf('/'), executable.lastIndexOf('\\')) + 1);
    return name.equals("java") || name.toLowerCase(Locale.ROOT).equals("java.exe");
  }

  /** The command with {@code -javaagent:<jar>=<options>} inserted after the executable. */
  List<String> withAgent(String agentJar, String agentOptions) {
    List<String> result = new ArrayList<>(command.size() + 1);
    result.add(command.get(0));
    result.add("-javaagent:" + agentJar + (agentOptions.isEmpty() ? "" : "=" + agentOptions));
    result.addAll(command.subList(1, command.size()));
    return result;
  }

  List<String> arguments() {
    return command;
  }

  /**
   * The command as a POSIX shell line, for showing the user what runs so they can rerun it themselves; the
   * agent's {@code ;}-separated lists would otherwise end the shell command.
   */
  static String toShellLine(List<String> command) {
    List<String> quoted = new ArrayList<>(command.size());
    for (String arg : command) {
      quoted.add(SHELL_SAFE.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'");
    }
    return String.join(" ", quoted);
  }
}
