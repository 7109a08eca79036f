// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Set;
import org.junit.jupiter.api.Test;

class FlagsTest {
    private static final Set<String> PORT_ONLY = Set.of("port");

    @Test
    void acceptsBothFormsAndDefaults() {
        Flags flags = Flags.parse(new String[] {"--port", "8080", "--rate=0"}, Set.of("port", "rate", "seconds"));

        assertThat(flags.intValue("port", 0, 1, 65_535)).isEqualTo(8080);
        assertThat(flags.intValue("rate", 200, 0, 1_000)).isZero();
        assertThat(flags.has("seconds")).isFalse();
        assertThat(flags.intValue("seconds", 10, 0, 60)).isEqualTo(10);
    }

    @Test
    void rejectsWhatItDoesNotKnow() {
        // The load generator has no --host: it only ever talks to the loopback address.
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Flags.parse(new String[] {"--host", "example.org"}, PORT_ONLY))
                .withMessage("unknown option: --host");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Flags.parse(new String[] {"8080"}, PORT_ONLY));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Flags.parse(new String[] {"--port", "1", "--port", "2"}, PORT_ONLY));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Flags.parse(new String[] {"--port"}, PORT_ONLY));
    }

    @Test
    void rejectsValuesThatAreNotWholeNumbersInRange() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Flags.parse(new String[] {"--port=http"}, PORT_ONLY).intValue("port", 0, 1, 9))
                .withMessageContaining("whole number");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Flags.parse(new String[] {"--port=70000"}, PORT_ONLY).intValue("port", 0, 1, 65_535))
                .withMessageContaining("between 1 and 65535");
    }
}
