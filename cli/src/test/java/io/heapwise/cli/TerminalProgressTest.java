// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

  private static final long MB = 1024 * 1024;
  private static final Path FILE = Path.of("/recordings/app.jfr");

  @Test
  void theLineShowsTheBarTheRateAndTheTimeLeft() {
    assertThat(TerminalProgress.line(FILE, 350 * MB, 1_000 * MB, 3_500_000_000L))
        .isEqualTo("reading app.jfr [#######.............]  35%  350 of 1,000 MB  100 MB/s  0:07 left");
  }

  @Test
  void noRateUntilHalfASecondHasPassed() {
    assertThat(TerminalProgress.line(FILE, 10 * MB, 1_000 * MB, 100_000_000L))
        .isEqualTo("reading app.jfr [....................]   1%  10 of 1,000 MB");
  }

  @Test
  void redrawsInPlaceOnlyWhenThePercentChangesAndClearsTheLineAtTheEnd() {
    StringWriter out = new StringWriter();
    long[] now = {0};
    try (TerminalProgress progress = new TerminalProgress(new PrintWriter(out), true, () -> now[0])) {
      progress.update(FILE, 0, 100 * MB);
      now[0] = 1_000_000_000L;
      progress.update(FILE, 50 * MB, 100 * MB);
      progress.update(FILE, 50 * MB + 1, 100 * MB);
    }

    String[] draws = out.toString().split("\r", -1);
    assertThat(draws).hasSize(5);
    assertThat(draws[2]).startsWith("reading app.jfr [##########..........]  50%  50 of 100 MB  50 MB/s  0:01 left");
    assertThat(draws[3].strip()).isEmpty();
  }

  @Test
  void quietWhenNobodyWatchesOrTheFileIsSmall() {
    StringWriter out = new StringWriter();
    try (TerminalProgress notWatched = new TerminalProgress(new PrintWriter(out), false);
        TerminalProgress watched = new TerminalProgress(new PrintWriter(out), true)) {
      notWatched.update(FILE, 50 * MB, 100 * MB);
      watched.update(FILE, MB, TerminalProgress.MIN_BYTES - 1);
    }
    assertThat(out.toString()).isEmpty();
  }
}
