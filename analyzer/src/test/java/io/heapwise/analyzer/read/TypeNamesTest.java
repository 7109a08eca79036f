// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypeNamesTest {

  @Test
  void arrayDescriptorsBecomeSourceNames() {
    assertThat(TypeNames.toJava("[B")).isEqualTo("byte[]");
    assertThat(TypeNames.toJava("[[I")).isEqualTo("int[][]");
    assertThat(TypeNames.toJava("[Ljava/lang/Object;")).isEqualTo("java.lang.Object[]");
    assertThat(TypeNames.toJava("java.util.HashMap$Node")).isEqualTo("java.util.HashMap$Node");
  }

  @Test
  void hiddenClassAddressesAreDropped() {
    assertThat(TypeNames.withoutHiddenSuffix("java.lang.invoke.LambdaForm$MH/0x0000000801578c00"))
        .isEqualTo("java.lang.invoke.LambdaForm$MH");
    assertThat(TypeNames.withoutHiddenSuffix("com.acme.Main")).isEqualTo("com.acme.Main");
    assertThat(TypeNames.withoutHiddenSuffix("com.acme.RunIT$$Lambda$614+0x00007f0a1c0b5a48"))
        .isEqualTo("com.acme.RunIT$$Lambda");
    assertThat(TypeNames.withoutHiddenSuffix("com.acme.RunIT$$Lambda$614/0x0000000800c0b000"))
        .isEqualTo("com.acme.RunIT$$Lambda");
    assertThat(TypeNames.withoutHiddenSuffix("com.acme.RunIT$$Lambda/0x0000000800c0b000"))
        .isEqualTo("com.acme.RunIT$$Lambda");
    assertThat(TypeNames.withoutHiddenSuffix("com.acme.Pay$1")).isEqualTo("com.acme.Pay$1");
  }

  @Test
  void versionIsTakenFromTheVmBanner() {
    assertThat(TypeNames.jdkVersion("OpenJDK 64-Bit Server VM (17.0.2+8-86) for linux-amd64 JRE (17.0.2+8-86),"
        + " built on Dec  7 2021 21:41:21 by \"mach5one\" with gcc 10.3.0")).isEqualTo("17.0.2+8-86");
    assertThat(TypeNames.jdkVersion("25+36-LTS")).isEqualTo("25+36-LTS");
  }
}
