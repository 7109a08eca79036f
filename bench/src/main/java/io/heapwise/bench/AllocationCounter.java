// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.bench;

import com.google.monitoring.runtime.instrumentation.AllocationRecorder;
import com.google.monitoring.runtime.instrumentation.Sampler;
import java.util.concurrent.atomic.LongAdder;

/**
 * java-allocation-instrumenter's typical use: a Sampler that sees every allocation. It only counts (objects and
 * bytes), as cheaply as a shared counter can, so that what the benchmark measures is the tool's own cost.
 *
 * <p>Only loaded with {@code --count-allocations}; the classes it uses come from the instrumenter's agent jar,
 * which puts itself on the boot class path when given as {@code -javaagent}.
 */
final class AllocationCounter implements Sampler {
  static final String RECORDER = "com.google.monitoring.runtime.instrumentation.AllocationRecorder";

  private final LongAdder objects = new LongAdder();
  private final LongAdder bytes = new LongAdder();

  private AllocationCounter() {}

  static AllocationCounter register() {
    AllocationCounter counter = new AllocationCounter();
    AllocationRecorder.addSampler(counter);
    return counter;
  }

  @Override
  public void sampleAllocation(int arrayLength, String descriptor, Object newObject, long size) {
    objects.increment();
    bytes.add(size);
  }

  long objects() {
    return objects.sum();
  }

  long bytes() {
    return bytes.sum();
  }
}
