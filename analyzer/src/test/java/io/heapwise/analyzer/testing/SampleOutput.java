// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code heapwise-sample:} line every sample prints at the end: its own exact measurement. */
public record SampleOutput(String name, double seconds, long allocatedBytes, String thread) {

  private static final Pattern LINE = Pattern.compile(
      "heapwise-sample: name=(\\S+) seconds=([0-9.]+) allocatedBytes=(\\d+) thread=(.+)");

  public static SampleOutput parse(String stdout) {
    Matcher m = LINE.matcher(stdout);
    if (!m.find()) {
      throw new AssertionError("no 'heapwise-sample:' line in the sample's output:\n" + stdout);
    }
    return new SampleOutput(m.group(1), Double.parseDouble(m.group(2)), Long.parseLong(m.group(3)),
        m.group(4).strip());
  }
}
