// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, for one stack, which frame is the application's (the code a developer can change) and which JDK
 * frame explains the allocation ({@code ArrayList.grow}, {@code Integer.valueOf}, ...).
 */
public final class SiteAttributor {

  /** Code the developer does not change: the JDK's, and the Heapwise agent's own (its start-up allocates). */
  private static final List<String> JDK_PACKAGES =
      List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "io.heapwise.agent.", "io.heapwise.shaded.");

  /** Frames that turn an allocation into a known pattern; the first one found from the top names it. */
  private static final Map<String, Set<String>> MECHANISM_FRAMES = Map.ofEntries(
      Map.entry("java.util.ArrayList", Set.of("grow")),
      Map.entry("java.util.Vector", Set.of("grow")),
      Map.entry("java.util.ArrayDeque", Set.of("grow")),
      Map.entry("java.util.PriorityQueue", Set.of("grow")),
      Map.entry("java.util.HashMap", Set.of("resize")),
      Map.entry("java.util.IdentityHashMap", Set.of("resize")),
      Map.entry("java.util.Hashtable", Set.of("rehash")),
      Map.entry("java.util.concurrent.ConcurrentHashMap", Set.of("transfer", "tryPresize")),
      Map.entry("java.lang.AbstractStringBuilder",
          Set.of("ensureCapacityInternal", "ensureCapacitySameCoder", "newCapacity", "inflate")),
      Map.entry("java.io.ByteArrayOutputStream", Set.of("ensureCapacity", "grow")),
      Map.entry("java.lang.Integer", Set.of("valueOf")),
      Map.entry("java.lang.Long", Set.of("valueOf")),
      Map.entry("java.lang.Short", Set.of("valueOf")),
      Map.entry("java.lang.Byte", Set.of("valueOf")),
      Map.entry("java.lang.Character", Set.of("valueOf")),
      Map.entry("java.lang.Float", Set.of("valueOf")),
      Map.entry("java.lang.Double", Set.of("valueOf")));

  private static final int MAX_REPORTED_FRAMES = 24;

  private final List<String> applicationPackages;
  private final List<String> libraryPackages;

  /**
   * @param applicationPackages prefixes of the application's own packages; empty means "whatever is not the
   *     JDK's or a library's"
   * @param libraryPackages prefixes treated like the JDK: code the developer does not change
   */
  public SiteAttributor(List<String> applicationPackages, List<String> libraryPackages) {
    this.applicationPackages = normalize(applicationPackages);
    this.libraryPackages = normalize(libraryPackages);
  }

  /** The site of an allocation of {@code allocatedType} whose stack is {@code frames}, innermost first. */
  public Attribution attribute(List<Frame> frames) {
    int app = applicationFrameIndex(frames);
    String mechanism = app >= 0 ? mechanism(frames, app) : null;
    List<Frame> shown;
    if (app < 0) {
      shown = frames.subList(0, Math.min(frames.size(), MAX_REPORTED_FRAMES));
    } else if (app < MAX_REPORTED_FRAMES) {
      shown = frames.subList(0, app + 1);
    } else {
      // Deep framework stacks: the allocating frames and the application frame say what happened.
      shown = new ArrayList<>(frames.subList(0, MAX_REPORTED_FRAMES - 1));
      shown.add(frames.get(app));
    }
    return new Attribution(app >= 0 ? frames.get(app) : null, mechanism, List.copyOf(shown));
  }

  private int applicationFrameIndex(List<Frame> frames) {
    if (!applicationPackages.isEmpty()) {
      for (int i = 0; i < frames.size(); i++) {
        Frame frame = frames.get(i);
        if (frame.javaFrame() && matches(frame.className(), applicationPackages)) {
          return i;
        }
      }
    }
    // No frame of the named packages (a library thread, say): the first frame that is not the JDK's.
    for (int i = 0; i < frames.size(); i++) {
      Frame frame = frames.get(i);
      if (frame.javaFrame() && !frame.className().isEmpty() && !isJdkOrLibrary(frame.className())) {
        return i;
      }
    }
    return -1;
  }

  /** The JDK frame between the allocation and the application frame at {@code app} that explains it. */
  private static String mechanism(List<Frame> frames, int app) {
    for (int i = 0; i < app; i++) {
      Frame frame = frames.get(i);
      Set<String> methods = MECHANISM_FRAMES.get(frame.className());
      if (methods != null && methods.contains(frame.method())) {
        return frame.shortName();
      }
      if (frame.className().startsWith("java.lang.StringConcatHelper")
          || frame.className().startsWith("java.lang.invoke.StringConcatFactory")) {
        return "string concatenation";
      }
      if (frame.method().equals("iterator") || frame.method().equals("listIterator")) {
        return "iterator";
      }
    }
    // Otherwise the API the application called, e.g. String.substring: it says where the bytes went. Method
    // handle plumbing (lambda forms, invokedynamic linkage) says nothing a developer can act on.
    for (int i = app - 1; i >= 0; i--) {
      Frame frame = frames.get(i);
      if (frame.javaFrame() && !frame.className().isEmpty() && !frame.className().startsWith("java.lang.invoke.")) {
        return frame.shortName();
      }
    }
    return null;
  }

  private boolean isJdkOrLibrary(String className) {
    return matches(className, JDK_PACKAGES) || matches(className, libraryPackages);
  }

  private static boolean matches(String className, List<String> prefixes) {
    for (String prefix : prefixes) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** {@code com.acme}, {@code com.acme.}, {@code com.acme.*} and {@code com.acme.**} all mean the package tree. */
  private static List<String> normalize(List<String> packages) {
    return packages.stream()
        .map(String::trim)
        .filter(p -> !p.isEmpty())
        .map(p -> p.endsWith(".**") ? p.substring(0, p.length() - 3) : p)
        .map(p -> p.endsWith(".*") ? p.substring(0, p.length() - 2) : p)
        .map(p -> p.endsWith(".") ? p : p + ".")
        .toList();
  }

  /**
   * The outcome of {@link #attribute}.
   *
   * @param appFrame {@code null} when the stack holds no application frame; then {@code mechanism} is
   *     {@code null} too, and {@code frames} is the whole stack
   */
  public record Attribution(Frame appFrame, String mechanism, List<Frame> frames) {

    /** A lambda's class is allocated where it is captured, whatever the frames between say. */
    public Attribution asLambdaCapture() {
      return new Attribution(appFrame, LAMBDA_CAPTURE, frames);
    }
  }

  public static final String LAMBDA_CAPTURE = "lambda capture";
}
