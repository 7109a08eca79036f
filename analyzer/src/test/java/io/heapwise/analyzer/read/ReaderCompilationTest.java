// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Executable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReaderCompilationTest {

  /** A renamed method would silently drop out of the directives: the reader would be slower, and nobody told. */
  @Test
  void everyPatternNamesAClassAndAMethodOfIt() throws Exception {
    List<String> stale = new ArrayList<>();
    for (String pattern : Stream.concat(ReaderCompilation.COLD_METHODS.stream(),
        ReaderCompilation.COMPILED_APART.stream()).toList()) {
      int dot = pattern.lastIndexOf('.');
      String className = pattern.substring(0, dot).replace('/', '.');
      String method = pattern.substring(dot + 1);
      Class<?> type;
      try {
        type = Class.forName(className, false, getClass().getClassLoader());
      } catch (ClassNotFoundException e) {
        stale.add(pattern + " (no class " + className + ")");
        continue;
      }
      boolean found = method.equals("*")
          || Stream.concat(Arrays.stream(type.getDeclaredMethods()), Arrays.stream(type.getDeclaredConstructors()))
              .map(ReaderCompilationTest::bytecodeName).anyMatch(method::equals);
      if (!found) {
        stale.add(pattern + " (no method " + method + ")");
      }
    }
    assertThat(stale).as("patterns that name nothing").isEmpty();
  }

  @Test
  void theHotPathStaysWithC2() {
    assertThat(ReaderCompilation.COLD_METHODS).noneMatch(pattern -> pattern.endsWith("JfrChunkReader.readEvents")
        || pattern.contains("EventView.scan") || pattern.endsWith("EventMapper.read")
        || pattern.endsWith("EventMapper.allocation") || pattern.endsWith("ProfileBuilder.allocation")
        || pattern.endsWith("ChunkInput.*") || pattern.endsWith("ConstantPool.get"));
  }

  @Test
  void theJvmTakesTheDirectives() throws Exception {
    assertThat(ReaderCompilation.install()).as("installed on this HotSpot").isTrue();
    assertThat(ReaderCompilation.install()).as("a second call is a no-op").isTrue();

    String printed = String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint", null, null));
    // The JVM prints each directive back, the match patterns with their dots as it keeps them.
    assertThat(printed).contains("io/heapwise/analyzer/read/jfr/Decoder.*")
        .contains("io/heapwise/analyzer/read/EventMapper.readOther")
        .contains("-io/heapwise/analyzer/read/EventMapper.read");
  }

  @Test
  void worthwhileFromSixtyFourMegabytesTogether(@TempDir Path directory) throws Exception {
    Path big = sparseFile(directory.resolve("big.jfr"), 48L << 20);
    Path small = sparseFile(directory.resolve("small.jfr"), 16L << 20);

    assertThat(ReaderCompilation.worthwhileFor(List.of(big))).isFalse();
    assertThat(ReaderCompilation.worthwhileFor(List.of(big, small))).isTrue();
    assertThat(ReaderCompilation.worthwhileFor(List.of(big, directory, directory.resolve("missing.jfr"))))
        .as("directories and missing files count for nothing").isFalse();
  }

  private static Path sparseFile(Path file, long size) throws Exception {
    try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
      out.setLength(size);
    }
    return file;
  }

  private static String bytecodeName(Executable executable) {
    return executable instanceof java.lang.reflect.Constructor<?> ? "<init>" : executable.getName();
  }
}
