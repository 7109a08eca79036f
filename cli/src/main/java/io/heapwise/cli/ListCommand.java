// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code heapwise list}: the running JVMs, and whether heapwise attach can profile each. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Lists the running JVMs of this user on this machine, with their Java version, and says which heapwise "
            + "attach can profile. Each JVM is asked for its version through the Attach API."},
    footerHeading = "%nExamples:%n",
    footer = {"  heapwise list", "  heapwise attach $(pgrep -f OrderService) --duration 30s"})
final class ListCommand implements Callable<Integer> {

  private static final String ROW = "%-8s %-6s %s%n";

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<JvmTarget> jvms = JvmTarget.running();
    if (jvms.isEmpty()) {
      spec.commandLine().getErr().println("heapwise: no other JVM of this user is running (JVMs started with "
          + "-XX:-UsePerfData are not listed; attach to them by pid)");
      return ExitCodes.OK;
    }
    out.printf(Locale.ROOT, ROW, "PID", "JAVA", "MAIN CLASS OR JAR");
    for (JvmTarget jvm : jvms) {
      String version;
      String note = "";
      try (AttachedJvm attached = AttachedJvm.attach(jvm)) {
        int feature = attached.javaVersion();
        version = Integer.toString(feature);
        if (feature < AttachedJvm.MIN_JAVA) {
          note = "  (cannot attach: Heapwise needs Java " + AttachedJvm.MIN_JAVA + " or later)";
        }
      } catch (BadInputException e) {
        version = "?";
        String prefix = "JVM " + jvm.describe() + " ";
        String reason = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
        note = "  (cannot attach: " + reason + ")";
      }
      out.printf(Locale.ROOT, ROW, jvm.pid(), version, (jvm.displayName().isBlank() ? "?" : jvm.displayName())
          + note);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
