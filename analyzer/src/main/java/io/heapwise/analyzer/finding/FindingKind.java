// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.finding;

/** The kinds of advice Heapwise gives; their minimum evidence is in DESIGN.md. */
public enum FindingKind {
  HOT_SHORT_LIVED,
  POOLING_CANDIDATE,
  ESCAPE_CANDIDATE,
  UNSIZED_COLLECTION,
  POINTER_HEAVY_CLASS,
  BOXING,
  THREAD_CHURN,
  LARGE_ARRAY,
  VM_SETTING,
  GC_PRESSURE
}
