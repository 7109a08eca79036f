// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.jfr;

import io.heapwise.agent.boot.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Puts each application class file into the recording as it loads ({@link ClassFileEvent}). It only reads: it
 * returns {@code null}, which tells the JVM the class is unchanged, and it never throws into class loading.
 */
public final class ClassFileRecorder implements ClassFileTransformer {

  /**
   * Class files beyond this many bytes are not embedded: enough for the application code of a large service
   * (a few thousand classes), small next to the allocation events of a long recording.
   */
  static final long MAX_EMBEDDED_BYTES = 32L * 1024 * 1024;

  /** Never the application: the JDK, and the agent itself. Internal names, with slashes. */
  private static final List<String> NOT_APPLICATION = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/",
      "io/heapwise/agent/", "io/heapwise/shaded/");

  private final List<String> include;
  private final List<String> exclude;
  private final AgentLog log;
  private final AtomicLong embeddedBytes = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicBoolean failed = new AtomicBoolean();

  /** @param include package prefixes with dots ({@code com.acme}); empty means every non-JDK class */
  public ClassFileRecorder(List<String> include, List<String> exclude, AgentLog log) {
    this.include = internal(include);
    this.exclude = internal(exclude);
    this.log = log;
  }

  @Override
  public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain, byte[] classfileBuffer) {
    try {
      if (className != null && classBeingRedefined == null && isApplication(className)) {
        embed(className, classfileBuffer);
      }
    } catch (Throwable t) {
      // Class loading must never see our problem; say it once and carry on without class files.
      if (failed.compareAndSet(false, true)) {
        log.info("class files are not embedded after a failure (" + t + "); pass --classpath when analyzing");
      }
    }
    return null;
  }

  private void embed(String className, byte[] bytes) {
    if (embeddedBytes.addAndGet(bytes.length) > MAX_EMBEDDED_BYTES) {
      if (skipped.getAndIncrement() == 0) {
        log.info("class files over " + MAX_EMBEDDED_BYTES / (1024 * 1024) + " MB are not embedded in the recording"
            + " (from " + className.replace('/', '.') + " on); pass --classpath when analyzing, or narrow include=");
      }
      return;
    }
    ClassFileEvent event = new ClassFileEvent();
    if (!event.isEnabled()) {
      return;
    }
    event.className = className.replace('/', '.');
    event.classFile = Base64.getEncoder().encodeToString(bytes);
    event.commit();
  }

  private boolean isApplication(String internalName) {
    if (startsWithAny(internalName, NOT_APPLICATION) || startsWithAny(internalName, exclude)) {
      return false;
    }
    return include.isEmpty() || startsWithAny(internalName, include);
  }

  private static boolean startsWithAny(String name, List<String> prefixes) {
    for (String prefix : prefixes) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** {@code com.acme}, {@code com.acme.*} and {@code com.acme.**} all become {@code com/acme/}. */
  private static List<String> internal(List<String> packages) {
    return packages.stream()
        .map(p -> p.replaceAll("\\.\\*+$", "").replaceAll("\\.$", ""))
        .filter(p -> !p.isEmpty())
        .map(p -> p.replace('.', '/') + "/")
        .toList();
  }
}
