// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import java.util.List;

/** Looks for one kind of problem in the allocation model; one implementation per {@link FindingKind}. */
public interface Detector {

  FindingKind kind();

  /** The findings of this kind, each with its evidence; empty when the profile gives no reason for one. */
  List<Finding> detect(DetectionInput input);
}
