// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A {@code java ...} command line to run under the agent. The {@code -javaagent:} option goes right after the
 * executable: a JVM option placed after {@code -jar app.jar} or the main class would be an argument to the
 * application instead.
 */
final class JavaCommandLine {

  static final String EXAMPLE = "heapwise record -- java -jar app.jar";

  /** Arguments made only of these characters read the same in a POSIX shell without quotes. */
  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

  /** Launcher options whose value is the next argument, so that it is not taken for the main class. */
  private static final Set<String> OPTIONS_WITH_VALUE = Set.of("-p", "--module-path", "--add-modules",
      "--add-opens", "--add-exports", "--add-reads", "--limit-modules", "--upgrade-module-path");

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
   * The application's class path as the command gives it ({@code -cp}, {@code -classpath}, {@code --class-path},
   * or {@code -jar} with its manifest's {@code Class-Path}), existing entries only: the analysis reads bytecode
   * facts from them. Options after the main class belong to the application and are not read.
   */
  List<Path> classPathEntries() {
    for (int i = 1; i < command.size(); i++) {
      String arg = command.get(i);
      if ((arg.equals("-cp") || arg.equals("-classpath") || arg.equals("--class-path")) && i + 1 < command.size()) {
        return existing(splitClassPath(command.get(i + 1)));
      } else if (arg.startsWith("--class-path=")) {
        return existing(splitClassPath(arg.substring("--class-path=".length())));
      } else if (arg.equals("-jar") && i + 1 < command.size()) {
        return existing(withManifestClassPath(Path.of(command.get(i + 1))));
      } else if (!arg.startsWith("-")) {
        return List.of(); // the main class: no class path given, so the JVM uses the current directory
      } else if (OPTIONS_WITH_VALUE.contains(arg)) {
        i++;
      }
    }
    return List.of();
  }

  private static List<Path> splitClassPath(String classPath) {
    List<Path> entries = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (entry.endsWith("*")) {
        // "lib/*" means every jar in lib, as the launcher expands it.
        Path dir = Path.of(entry.substring(0, entry.length() - 1).isEmpty() ? "." : entry.substring(0,
            entry.length() - 1));
        try (Stream<Path> jars = Files.list(dir)) {
          jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(entries::add);
        } catch (IOException e) {
          // The launcher ignores a missing directory too.
        }
      } else if (!entry.isEmpty()) {
        entries.add(Path.of(entry));
      }
    }
    return entries;
  }

  private static List<Path> withManifestClassPath(Path jar) {
    List<Path> entries = new ArrayList<>(List.of(jar));
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
      if (classPath != null) {
        Path base = jar.toAbsolutePath().getParent();
        for (String entry : classPath.trim().split("\\s+")) {
          entries.add(base.resolve(entry));
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not a readable jar: the JVM will say so when it starts; the analysis goes without its classes.
    }
    return entries;
  }

  private static List<Path> existing(List<Path> entries) {
    return entries.stream().filter(Files::exists).toList();
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
