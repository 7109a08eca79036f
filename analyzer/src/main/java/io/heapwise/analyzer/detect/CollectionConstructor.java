// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.bytecode.AllocationInstruction;
import io.heapwise.analyzer.bytecode.ClassFiles;
import io.heapwise.analyzer.bytecode.MethodAllocations;
import java.util.List;
import java.util.Optional;

/**
 * Where the collection that grows at a line was constructed, and with which constructor, from the bytecode of
 * the method that grows it. The recording only shows the growth; the line to change is the constructor.
 *
 * @param type the collection, refined by the bytecode ({@code LinkedHashMap} behind {@code HashMap} frames)
 * @param lines the lines of the matching constructions ({@code Status#DEFAULT_CAPACITY}: exactly one)
 */
record CollectionConstructor(Status status, CollectionType type, List<Integer> lines) {

  enum Status {
    /** Exactly one {@code new T()} of the type in the method, and no other construction of it. */
    DEFAULT_CAPACITY,
    /** The method constructs the type only with arguments (a capacity, a source collection): not unsized. */
    SIZED,
    /** Several constructions, some default: which one grows cannot be told from the recording. */
    AMBIGUOUS,
    /** The method constructs none: the collection is a field's, a caller's, or a JDK method's. */
    ELSEWHERE,
    /** No class file for the method's class: nothing could be checked. */
    NO_CLASS_FILES,
    /**
     * Not from the bytecode: the agent, which measures only default-capacity constructions, measured the type at
     * exactly one line of the method (without class files, or where the bytecode shows several constructions).
     */
    MEASURED_BY_AGENT
  }

  CollectionConstructor {
    lines = List.copyOf(lines);
  }

  static CollectionConstructor find(ClassFiles classFiles, String className, String method,
      CollectionType fromFrames) {
    Optional<List<AllocationInstruction>> allocations = MethodAllocations.of(classFiles, className, method);
    if (allocations.isEmpty()) {
      return new CollectionConstructor(Status.NO_CLASS_FILES, fromFrames, List.of());
    }
    List<CollectionType> candidates = fromFrames.sameFrames();
    List<AllocationInstruction> constructions = allocations.get().stream()
        .filter(a -> a.constructorDescriptor() != null)
        .filter(a -> candidates.stream().anyMatch(t -> t.className().equals(a.type())))
        .toList();
    if (constructions.isEmpty()) {
      return new CollectionConstructor(Status.ELSEWHERE, fromFrames, List.of());
    }
    List<AllocationInstruction> defaults = constructions.stream()
        .filter(AllocationInstruction::noArgConstructor).toList();
    CollectionType refined = CollectionType.ofFrameClass(
        (defaults.isEmpty() ? constructions : defaults).get(0).type()).orElse(fromFrames);
    List<Integer> lines = (defaults.isEmpty() ? constructions : defaults).stream()
        .map(AllocationInstruction::line).distinct().toList();
    if (defaults.isEmpty()) {
      return new CollectionConstructor(Status.SIZED, refined, lines);
    }
    boolean one = defaults.size() == 1 && constructions.size() == 1;
    return new CollectionConstructor(one ? Status.DEFAULT_CAPACITY : Status.AMBIGUOUS, refined,
        constructions.stream().map(AllocationInstruction::line).distinct().toList());
  }

  /** The default-capacity construction at {@code measured}'s line, known from the agent's measurements. */
  static CollectionConstructor measuredByAgent(MeasuredConstruction measured) {
    return new CollectionConstructor(Status.MEASURED_BY_AGENT, measured.type(), List.of(measured.line()));
  }

  /** The line to change when there is exactly one default-capacity construction; else {@code -1}. */
  int line() {
    return status == Status.DEFAULT_CAPACITY || status == Status.MEASURED_BY_AGENT ? lines.get(0) : -1;
  }
}
