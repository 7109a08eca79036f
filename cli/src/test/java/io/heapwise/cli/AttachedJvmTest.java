// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The checks made before the agent is loaded that no JVM on this machine can exercise: no JDK older than 17 is
 * installed here, so the version rule is tested on the values such a JVM reports.
 */
class AttachedJvmTest {

  private static final JvmTarget TARGET = new JvmTarget(4242, "com.acme.Main --port 8080");

  @ParameterizedTest
  @CsvSource({"1.8, 8", "9, 9", "11, 11", "17, 17", "25, 25"})
  void featureVersionReadsBothSpecificationVersionForms(String spec, int expected) {
    assertThat(AttachedJvm.featureVersion(spec)).isEqualTo(expected);
  }

  @Test
  void aJvmOlderThan17IsRefusedNamingItsVersionAndHome() {
    assertThat(AttachedJvm.unsupported(TARGET, 11, "/opt/jdk-11"))
        .isEqualTo("JVM 4242 (com.acme.Main) runs Java 11 (/opt/jdk-11); Heapwise's agent needs Java 17 or later");
    assertThat(AttachedJvm.unsupported(TARGET, 8, "/opt/jdk8")).contains("runs Java 8");
  }

  @Test
  void java17AndLaterAreSupported() {
    assertThat(AttachedJvm.unsupported(TARGET, 17, "/opt/jdk-17")).isNull();
    assertThat(AttachedJvm.unsupported(TARGET, 25, "/opt/jdk-25")).isNull();
  }

  @Test
  void disabledAttachIsExplainedWithTheFlagAndTheAlternative() {
    assertThat(AttachedJvm.refusal(TARGET, "The VM does not support the attach mechanism"))
        .contains("-XX:+DisableAttachMechanism", "-javaagent:");
  }
}
