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
    String rendered = new AgentOptions(OUT, "30s", List.of("com.acme", "org.shop"), List.of(), null, null, true, "1/64")
        .render();
    assertThat(rendered).isEqualTo("out=/tmp/app.jfr,duration=30s,include=com.acme;org.shop,instrument=true,"
        + "sample=1/64");
  }

  @Test
  void instrumentationNeedsIncludedPackages() {
    assertThatThrownBy(() -> new AgentOptions(OUT, null, List.of(), List.of(), null, null, true, null).render())
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("--instrument needs --include PKG");
  }

  @Test
  void sampleWithoutInstrumentIsRefused() {
    assertThatThrownBy(() -> new AgentOptions(OUT, null, List.of("a"), List.of(), null, null, false, "1/64").render())
        .isInstanceOf(BadInputException.class)
        .hasMessage("--sample only applies with --instrument");
  }

  @Test
  void allocationProfilingReachesTheAgentByTheJdksLevelNames() throws Exception {
    String rendered = new AgentOptions(OUT, null, List.of(), List.of(), null, "maximum", false, null).render();
    assertThat(rendered).isEqualTo("out=/tmp/app.jfr,allocation-profiling=maximum");
    assertThatThrownBy(() -> new AgentOptions(OUT, null, List.of(), List.of(), null, "max", false, null).render())
        .isInstanceOf(BadInputException.class)
        .hasMessage("--allocation-profiling is low, medium, high or maximum (150, 300 or 1000 samples/s, or every"
            + " TLAB refill), not 'max'");
  }
}
