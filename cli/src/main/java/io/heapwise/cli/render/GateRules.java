// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.gate.Comparison.Check;
import io.heapwise.analyzer.gate.Comparison.Kind;
import io.heapwise.analyzer.gate.Comparison.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reasons a gate fails, as stable rule ids: what SARIF's results refer to and JUnit's failures are typed
 * with, so that a code-scanning tool can group and dismiss them across builds.
 */
final class GateRules {

  static final Rule ALLOCATION_REGRESSION = new Rule("heapwise/allocation-regression", "AllocationRegression",
      "Allocation per unit of work rose beyond the baseline",
      "Allocation per unit of work, in all or at one site, rose by more than the gate's limit and by more than the "
          + "noise of JFR's sampling and of the baseline's own runs.");
  static final Rule NEW_SITE = new Rule("heapwise/new-site", "NewAllocationSite",
      "A new allocation site allocates more than the gate allows",
      "A site absent from the baseline now allocates more per unit of work than the baseline's site floor (the most "
          + "any unlisted site allocated) plus the gate's limit and the noise.");
  static final Rule TEST_REGRESSION = new Rule("heapwise/test-allocation-regression", "TestAllocationRegression",
      "A test allocates more per run than in the baseline",
      "The bytes the test's thread allocated per run (exact, from the Heapwise JUnit extension) rose by more than the "
          + "gate's limit and by more than the run-to-run noise of the baseline's recordings.");

  /** Where a finding id holds its kind: {@code UNSIZED_COLLECTION:com.acme.Book.match:61}. */
  private static final char KIND_END = ':';

  private GateRules() {
  }

  /**
   * One reason to fail.
   *
   * @param id the stable id, {@code heapwise/...}
   * @param name the same in PascalCase, as SARIF's rule names are
   */
  record Rule(String id, String name, String shortDescription, String fullDescription) {
  }

  /** Every rule a gate can break: the three about bytes, then one per finding kind. */
  static List<Rule> all() {
    List<Rule> rules = new ArrayList<>(List.of(ALLOCATION_REGRESSION, NEW_SITE, TEST_REGRESSION));
    for (FindingKind kind : FindingKind.values()) {
      rules.add(finding(kind));
    }
    return rules;
  }

  /** The rule {@code check} breaks when it fails. */
  static Rule of(Check check) {
    if (check.kind() == Kind.TEST) {
      return TEST_REGRESSION;
    }
    if (check.kind() != Kind.FINDING) {
      return check.verdict() == Verdict.NEW ? NEW_SITE : ALLOCATION_REGRESSION;
    }
    FindingKind kind = findingKind(check.name());
    return kind == null ? new Rule("heapwise/new-finding", "NewFinding", "A new finding", "A finding of severity "
        + "warning or worse that the baseline did not have.") : finding(kind);
  }

  /** The kind a finding id starts with, or {@code null} for an id this version does not know. */
  static FindingKind findingKind(String findingId) {
    int end = findingId.indexOf(KIND_END);
    String name = end < 0 ? findingId : findingId.substring(0, end);
    for (FindingKind kind : FindingKind.values()) {
      if (kind.name().equals(name)) {
        return kind;
      }
    }
    return null;
  }

  private static Rule finding(FindingKind kind) {
    String words = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    StringBuilder name = new StringBuilder("New");
    for (String word : words.split(" ")) {
      name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return new Rule("heapwise/" + words.replace(' ', '-'), name.toString(),
        "New finding: " + words,
        "A finding of kind " + kind.name() + ", of severity warning or worse, that the baseline did not have or had"
            + " at a lower severity (heapwise analyze explains it, with its evidence and what to change).");
  }
}
