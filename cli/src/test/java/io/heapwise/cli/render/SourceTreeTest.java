// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkout laid out as a multi-module Maven build, as the gate finds it in CI. */
class SourceTreeTest {

  @TempDir
  Path checkout;

  private void file(String path) throws Exception {
    Path file = checkout.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "class X {}");
  }

  @Test
  void aClassIsFoundInTheRootsOrAModulesSourceRoot() throws Exception {
    file("src/main/java/com/acme/App.java");
    file("orders/src/main/java/com/acme/orders/Book.java");
    file("orders/src/test/java/com/acme/orders/BookIT.java");
    SourceTree tree = new SourceTree(checkout);

    assertThat(tree.resolve("com/acme/App.java")).isEqualTo("src/main/java/com/acme/App.java");
    assertThat(tree.resolve("com/acme/orders/Book.java")).isEqualTo("orders/src/main/java/com/acme/orders/Book.java");
    assertThat(tree.resolve("com/acme/orders/BookIT.java"))
        .isEqualTo("orders/src/test/java/com/acme/orders/BookIT.java");
  }

  @Test
  void nestedModulesAreSearchedAndTheShallowestCopyWins() throws Exception {
    file("services/orders/api/src/main/java/com/acme/orders/OrderApi.java");
    file("services/billing/src/main/java/com/acme/billing/Invoice.java");
    file("services/billing/src/main/java/com/acme/Shared.java");
    file("src/main/java/com/acme/Shared.java");
    file("a/b/c/d/src/main/java/com/acme/TooDeep.java");
    SourceTree tree = new SourceTree(checkout);

    assertThat(tree.resolve("com/acme/orders/OrderApi.java"))
        .isEqualTo("services/orders/api/src/main/java/com/acme/orders/OrderApi.java");
    assertThat(tree.resolve("com/acme/billing/Invoice.java"))
        .isEqualTo("services/billing/src/main/java/com/acme/billing/Invoice.java");
    assertThat(tree.resolve("com/acme/Shared.java")).isEqualTo("src/main/java/com/acme/Shared.java");
    assertThat(tree.resolve("com/acme/TooDeep.java")).isEqualTo("com/acme/TooDeep.java");
  }

  @Test
  void aClassNotInTheTreeKeepsItsPackagePathAndBuildOutputIsNotSearched() throws Exception {
    file("target/src/main/java/com/acme/Gone.java");
    SourceTree tree = new SourceTree(checkout);

    assertThat(tree.resolve("com/acme/Gone.java")).isEqualTo("com/acme/Gone.java");
    assertThat(tree.resolve("com/other/Lib.java")).isEqualTo("com/other/Lib.java");
  }
}
