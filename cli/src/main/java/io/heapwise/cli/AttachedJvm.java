// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.File;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One Attach API connection to a running JVM: its system properties, and loading the agent into it. Every failure
 * becomes a one-line {@link BadInputException} that says what the user can do about it.
 */
final class AttachedJvm implements AutoCloseable {

  /** The oldest Java the agent runs on: it is compiled for release 17 and uses JFR's 17 API. */
  static final int MIN_JAVA = 17;

  private final JvmTarget target;
  private final VirtualMachine vm;
  private Properties properties;

  private AttachedJvm(JvmTarget target, VirtualMachine vm) {
    this.target = target;
    this.vm = vm;
  }

  static AttachedJvm attach(JvmTarget target) throws BadInputException {
    try {
      return new AttachedJvm(target, VirtualMachine.attach(Long.toString(target.pid())));
    } catch (AttachNotSupportedException e) {
      throw new BadInputException(refusal(target, e.getMessage()), e);
    } catch (IOException | RuntimeException e) {
      throw new BadInputException("cannot attach to JVM " + target.describe() + ": " + HeapwiseCli.oneLine(
          String.valueOf(e.getMessage())), e);
    }
  }

  /** What the JDK's refusal means, in the user's terms. */
  static String refusal(JvmTarget target, String jdkMessage) {
    String message = String.valueOf(jdkMessage);
    if (message.contains("does not support the attach mechanism")) {
      return "JVM " + target.describe() + " does not accept attach: it was started with "
          + "-XX:+DisableAttachMechanism; restart it without that flag, or start it with the agent "
          + "(java -javaagent:heapwise-agent.jar=..., see the README)";
    }
    return "JVM " + target.describe() + " did not answer the attach request (" + HeapwiseCli.oneLine(message)
        + "); it may run as another user or in another container, or have been started with "
        + "-XX:+DisableAttachMechanism or -Xrs";
  }

  /** The Java feature version the target runs, e.g. 17; checked before any agent is loaded. */
  int javaVersion() throws BadInputException {
    String spec = property("java.specification.version");
    try {
      return featureVersion(spec);
    } catch (NumberFormatException e) {
      throw new BadInputException("JVM " + target.describe() + " reports an unknown Java version '" + spec + "'",
          e);
    }
  }

  /** {@code 1.8} is 8, {@code 17} is 17: {@code java.specification.version} before and after Java 9. */
  static int featureVersion(String specificationVersion) {
    String spec = specificationVersion.strip();
    return Integer.parseInt(spec.startsWith("1.") ? spec.substring(2) : spec);
  }

  /** Refuses JVMs the agent cannot run in, before anything is loaded into them. */
  void checkSupported() throws BadInputException {
    String problem = unsupported(target, javaVersion(), property("java.home"));
    if (problem != null) {
      throw new BadInputException(problem);
    }
  }

  /** Why the agent cannot run in a JVM of this version, or null when it can. */
  static String unsupported(JvmTarget target, int javaVersion, String javaHome) {
    return javaVersion >= MIN_JAVA ? null : "JVM " + target.describe() + " runs Java " + javaVersion + " ("
        + javaHome + "); Heapwise's agent needs Java " + MIN_JAVA + " or later";
  }

  String property(String name) throws BadInputException {
    if (properties == null) {
      try {
        properties = vm.getSystemProperties();
      } catch (IOException | RuntimeException e) {
        throw new BadInputException("cannot read the system properties of JVM " + target.describe() + ": "
            + HeapwiseCli.oneLine(String.valueOf(e.getMessage())), e);
      }
    }
    return properties.getProperty(name, "");
  }

  /**
   * The directory where the target's JFR writes its chunks as it records, which JFR names in a system property
   * once a recording runs; null when it names none.
   */
  Path jfrRepository() throws BadInputException {
    properties = null; // read again: the property appears when the agent starts recording
    String repository = property("jdk.jfr.repository");
    try {
      return repository.isEmpty() ? null : Path.of(repository);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /**
   * The target's class path, with relative entries resolved against its working directory, so that the analysis
   * can read the bytecode of classes loaded before the agent came.
   */
  List<Path> classPath() throws BadInputException {
    List<Path> entries = new ArrayList<>();
    String workDir = property("user.dir");
    for (String entry : property("java.class.path").split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      try {
        Path path = Path.of(entry);
        entries.add(path.isAbsolute() || workDir.isEmpty() ? path : Path.of(workDir).resolve(path).normalize());
      } catch (InvalidPathException e) {
        // Not a path this machine can name: leave it out, the analysis says what it could not check.
      }
    }
    return entries;
  }

  /** Runs the agent's agentmain in the target and waits for it to return. */
  void loadAgent(Path agentJar, String options) throws BadInputException {
    try {
      vm.loadAgent(agentJar.toString(), options);
    } catch (AgentLoadException | AgentInitializationException e) {
      throw new BadInputException("JVM " + target.describe() + " could not load the Heapwise agent: "
          + HeapwiseCli.oneLine(String.valueOf(e.getMessage())), e);
    } catch (IOException | RuntimeException e) {
      throw new BadInputException("the connection to JVM " + target.describe() + " failed while loading the "
          + "agent: " + HeapwiseCli.oneLine(String.valueOf(e.getMessage())), e);
    }
  }

  @Override
  public void close() {
    try {
      vm.detach();
    } catch (IOException e) {
      // The target may have exited meanwhile; there is nothing left to release.
    }
  }
}
