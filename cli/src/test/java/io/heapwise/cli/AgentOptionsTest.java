// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {

  private static final Path OUT = Path.of("/tmp/app.jfr");

  @Test
  void instrumentationOptionsReachTheAgent() throws Exception {
    String rendered = new AgentOptions(OUT, "30s", List.of("com.acme", "org.shop"), List.of(), null, true, "1/64")
        .render();
    assertThat(rendered).isEqualTo("out=/tmp/app.jfr,duration=30s,include=com.acme;org.shop,instrument=true,"
        + "sample=1/64");
  }

  @Test
  void instrumentationNeedsIncludedPackages() {
    assertThatThrownBy(() -> new AgentOptions(OUT, null, List.of(), List.of(), null, true, null).render())
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("--instrument needs --include PKG");
  }

  @Test
  void sampleWithoutInstrumentIsRefused() {
    assertThatThrownBy(() -> new AgentOptions(OUT, null, List.of("a"), List.of(), null, false, "1/64").render())
        .isInstanceOf(BadInputException.class)
        .hasMessage("--sample only applies with --instrument");
  }
}
