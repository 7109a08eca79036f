// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer;

import java.util.List;

/**
 * How to read and summarize recordings.
 *
 * @param topSites how many allocation sites the report lists
 * @param applicationPackages package prefixes whose frames are the application (empty: every frame that is not
 *     the JDK's); a recording made by the agent with {@code include=} supplies its own
 * @param libraryPackages package prefixes to treat like JDK frames (libraries the developer does not change)
 * @param progress told how far reading has come, for long recordings
 */
public record AnalysisOptions(
    int topSites, List<String> applicationPackages, List<String> libraryPackages, ReadProgress progress) {

  public static final int DEFAULT_TOP_SITES = 10;

  public AnalysisOptions {
    if (topSites < 1) {
      throw new IllegalArgumentException("topSites must be at least 1, was " + topSites);
    }
    applicationPackages = List.copyOf(applicationPackages);
    libraryPackages = List.copyOf(libraryPackages);
  }

  public static AnalysisOptions defaults() {
    return new AnalysisOptions(DEFAULT_TOP_SITES, List.of(), List.of(), ReadProgress.NONE);
  }

  public AnalysisOptions withTopSites(int n) {
    return new AnalysisOptions(n, applicationPackages, libraryPackages, progress);
  }

  public AnalysisOptions withApplicationPackages(List<String> packages) {
    return new AnalysisOptions(topSites, packages, libraryPackages, progress);
  }

  public AnalysisOptions withLibraryPackages(List<String> packages) {
    return new AnalysisOptions(topSites, applicationPackages, packages, progress);
  }

  public AnalysisOptions withProgress(ReadProgress listener) {
    return new AnalysisOptions(topSites, applicationPackages, libraryPackages, listener);
  }
}
