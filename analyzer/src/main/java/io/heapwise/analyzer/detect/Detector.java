// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import java.util.List;

/**
 * Looks for one kind of problem in the allocation model; one stateless implementation per {@link FindingKind}.
 * Missing data is not good news: a detector that needs an event the recording lacks says so in its findings or
 * in {@link DetectionInput#undecided}, and never reports "no problem" on no evidence.
 */
public interface Detector {

  FindingKind kind();

  /** Every limit this detector applies, for {@code --threshold} and for the documentation. */
  List<Threshold> thresholds();

  /** The findings of this kind, each with its evidence; empty when the profile gives no reason for one. */
  List<Finding> detect(DetectionInput input);
}
