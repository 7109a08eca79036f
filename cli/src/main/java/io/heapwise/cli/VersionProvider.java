// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest ({@code Implementation-Version}), and the JVM it runs on. */
public final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {
        "heapwise " + version(),
        "JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
            + " (" + System.getProperty("java.home") + ")"
    };
  }

  /** Classes run from a build directory (tests, IDE) have no manifest. */
  static String version() {
    String version = HeapwiseCli.class.getPackage().getImplementationVersion();
    return version != null ? version : "(development build)";
  }
}
