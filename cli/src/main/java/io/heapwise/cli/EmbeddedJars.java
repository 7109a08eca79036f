// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import io.heapwise.analyzer.report.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The jars that travel inside {@code heapwise.jar} (the agent, the demo's samples), extracted to a per-user cache
 * so that a JVM can load them from a file. The directory is named after the content's SHA-256, so versions never
 * mix and a second run reuses the file.
 */
final class EmbeddedJars {

  static final String AGENT = "heapwise-agent.jar";
  static final String SAMPLES = "heapwise-samples.jar";

  private static final String RESOURCE_DIR = "/io/heapwise/cli/embedded/";
  private static final int HASH_DIR_CHARS = 12;

  private final String resourceDir;
  private final Path cacheRoot;

  EmbeddedJars(String resourceDir, Path cacheRoot) {
    this.resourceDir = resourceDir;
    this.cacheRoot = cacheRoot;
  }

  /** {@code ${java.io.tmpdir}/heapwise-${user.name}}: per user, because the temp directory is often shared. */
  static EmbeddedJars inUserCache() {
    Path root = Path.of(System.getProperty("java.io.tmpdir"), "heapwise-" + System.getProperty("user.name"));
    return new EmbeddedJars(RESOURCE_DIR, root);
  }

  /** Returns the extracted file, extracting it unless an identical copy is already there. */
  Path extract(String jarName) throws IOException {
    byte[] content = read(jarName);
    String hash = sha256(content);
    Path target = cacheRoot.resolve(hash.substring(0, HASH_DIR_CHARS)).resolve(jarName);
    // Re-check the content of a cached copy: another user could have planted a file in a shared temp directory,
    // and the JVM will load this jar as an agent.
    if (Files.isRegularFile(target) && hash.equals(sha256(Files.readAllBytes(target)))) {
      return target;
    }
    createPrivateDirectories(target.getParent());
    AtomicFiles.copy(new ByteArrayInputStream(content), target);
    return target;
  }

  private byte[] read(String jarName) throws IOException {
    String resource = resourceDir + jarName;
    try (InputStream in = EmbeddedJars.class.getResourceAsStream(resource)) {
      if (in == null) {
        // Only a CLI run from its build directory before `mvn package` lacks them: a build problem, not input.
        throw new IllegalStateException(resource + " is not inside this heapwise build; run `mvn package` and use "
            + "cli/target/heapwise.jar");
      }
      return in.readAllBytes();
    }
  }

  private static void createPrivateDirectories(Path dir) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(dir);
    }
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new UncheckedIOException(new IOException("SHA-256 is missing from this JDK", e));
    }
  }
}
