// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A running JVM named on the command line, by pid or by a piece of its main class or jar, checked to be one before
 * anything is sent to it: the Attach API signals the process it is given, and a process that is not a JVM gets
 * nothing from us but a clear message.
 *
 * @param pid the process id
 * @param displayName its main class or jar and arguments, as {@code jps -l -m} shows them; may be empty
 */
record JvmTarget(long pid, String displayName) {

  static final String LIST_HINT = "'heapwise list' shows the JVMs you can attach to";

  /** The JVMs this user can see, without this one, in pid order. */
  static List<JvmTarget> running() {
    long self = ProcessHandle.current().pid();
    return VirtualMachine.list().stream()
        .map(JvmTarget::of)
        .flatMap(Optional::stream)
        .filter(target -> target.pid != self)
        .sorted((a, b) -> Long.compare(a.pid, b.pid))
        .toList();
  }

  /** {@code spec} is a pid, or a substring of exactly one running JVM's main class or jar. */
  static JvmTarget find(String spec) throws BadInputException {
    String wanted = spec.strip();
    if (wanted.isEmpty()) {
      throw new BadInputException("name the JVM to attach to, by pid or by part of its main class or jar; "
          + LIST_HINT);
    }
    if (wanted.chars().allMatch(Character::isDigit)) {
      try {
        return byPid(Long.parseLong(wanted));
      } catch (NumberFormatException e) {
        throw new BadInputException("'" + wanted + "' is not a process id", e);
      }
    }
    return byName(wanted);
  }

  private static JvmTarget byPid(long pid) throws BadInputException {
    if (pid == ProcessHandle.current().pid()) {
      throw new BadInputException("process " + pid + " is this heapwise command itself; " + LIST_HINT);
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      throw new BadInputException("no process with pid " + pid + " is running; " + LIST_HINT);
    }
    Optional<JvmTarget> listed = running().stream().filter(t -> t.pid == pid).findFirst();
    if (listed.isPresent()) {
      return listed.get();
    }
    // JVMs started with -XX:-UsePerfData are missing from the list; on Linux the loaded libjvm tells them apart.
    Boolean loadsJvm = loadsLibJvm(pid);
    String command = process.get().info().command().orElse("");
    if (Boolean.TRUE.equals(loadsJvm)) {
      return new JvmTarget(pid, command);
    }
    String shown = command.isEmpty() ? "" : " (" + command + ")";
    if (loadsJvm == null) {
      throw new BadInputException("process " + pid + shown + " is not among the JVMs this user can attach to;"
          + " it is another user's, not a JVM, or was started with -XX:-UsePerfData; " + LIST_HINT);
    }
    throw new BadInputException("process " + pid + shown + " is not a Java virtual machine; " + LIST_HINT);
  }

  private static JvmTarget byName(String wanted) throws BadInputException {
    List<JvmTarget> matches = running().stream()
        .filter(t -> t.displayName.contains(wanted))
        .toList();
    if (matches.isEmpty()) {
      throw new BadInputException("no running JVM's main class or jar contains '" + wanted + "'; " + LIST_HINT);
    }
    if (matches.size() > 1) {
      throw new BadInputException(String.format(Locale.ROOT, "'%s' matches %d JVMs (%s); give the pid instead",
          wanted, matches.size(), matches.stream().map(JvmTarget::describe).collect(Collectors.joining(", "))));
    }
    return matches.get(0);
  }

  /** Whether the process maps a libjvm (Linux); null when that cannot be told (no /proc, another user's). */
  private static Boolean loadsLibJvm(long pid) {
    Path maps = Path.of("/proc", Long.toString(pid), "maps");
    try (var lines = Files.lines(maps, StandardCharsets.ISO_8859_1)) {
      return lines.anyMatch(line -> line.endsWith("/libjvm.so"));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Optional<JvmTarget> of(VirtualMachineDescriptor descriptor) {
    try {
      return Optional.of(new JvmTarget(Long.parseLong(descriptor.id()), descriptor.displayName()));
    } catch (NumberFormatException e) {
      return Optional.empty(); // not a process id: another attach provider's naming, which we cannot check
    }
  }

  /** {@code 4242 (com.acme.Main --port 8080)}, for messages. */
  String describe() {
    return displayName.isBlank() ? Long.toString(pid) : pid + " (" + shortName() + ")";
  }

  /** The main class or jar without its arguments, shortened for one line. */
  String shortName() {
    String name = displayName.strip();
    int space = name.indexOf(' ');
    return space < 0 ? name : name.substring(0, space);
  }
}
