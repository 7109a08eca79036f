// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer;

import java.nio.file.Path;

/** Told, from the reading thread, how many bytes of a recording have been read; for progress displays. */
@FunctionalInterface
public interface ReadProgress {

  ReadProgress NONE = (file, bytesRead, totalBytes) -> { };

  void update(Path file, long bytesRead, long totalBytes);
}
