// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import static io.heapwise.cli.render.GateFixture.GROWN;
import static io.heapwise.cli.render.GateFixture.STEADY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The markdown a gate or diff writes into a step summary or a PR comment, as GitHub would parse its tables. */
class ComparisonMarkdownTest {

  private static final String GROWN_CELL = "java.lang.Object\\[\\] at com.acme.Book.match(Book.java:73) via ArrayList.grow";
  private static final String NEW_CELL = "int\\[\\] at com.acme.Book$Page.&lt;init&gt;(Book.java:120)";

  @Test
  void aFailedGateHeadsWithTheVerdictAndTablesTheFailuresBeforeTheFoldedRest() throws Exception {
    String md = GateFixture.render(new ComparisonMarkdown(), GateFixture.gate(), true);

    assertThat(md).startsWith("### :x: heapwise gate failed: 4 of 9 checks\n\nAgainst heapwise-baseline.json (1 "
        + "recording), per app.Request event. A check fails on a rise above +10%");
    String failures = md.substring(0, md.indexOf("<details>"));
    assertThat(failures).contains("| total allocation | 195.3 KB | 264.2 KB | +35.3% | +35.3%, above the +10% limit")
        .contains("| " + GROWN_CELL + " | 97.7 KB | 146.5 KB | +50.0% | +50.0%, above the +10% limit")
        .contains("| " + NEW_CELL.replace("$", "\\$") + " | - | 39.1 KB | new | new: at most ")
        .contains("| finding BOXING:com.acme.Book.match:75 |  |  |  | new warning: boxing at line 75 |")
        .doesNotContain(STEADY);
    String folded = md.substring(md.indexOf("<details>"));
    assertThat(folded).contains("<summary>The other 5 checks: 2 sites within the limits, 1 gone; 1 finding fixed; 1 "
        + "new info finding</summary>\n\n| Check |")
        .contains("| byte\\[\\] at com.acme.Codec.read(Codec.java:40) | 48.8 KB | 49.3 KB | +1.0% | within the +10% "
            + "limit |")
        .contains("| char\\[\\] at com.acme.Legacy.format(Legacy.java:12) | 19.5 KB | - | gone |")
        .contains("| finding UNSIZED\\_COLLECTION:com.acme.Legacy.format:10 |  |  |  | fixed or no longer found |")
        .endsWith("</details>\n");
    assertTablesHold(md);
  }

  @Test
  void aPassedGateSaysSoAndFoldsEveryCheck() throws Exception {
    String md = GateFixture.render(new ComparisonMarkdown(), GateFixture.unchanged(), true);

    assertThat(md).startsWith("### :white_check_mark: heapwise gate passed\n");
    assertThat(md).contains("<details>\n<summary>3 checks: total +0.0%; 2 sites within the limits</summary>\n\n| Check |");
    assertThat(md.substring(0, md.indexOf("<details>"))).doesNotContain("| Check |");
    assertTablesHold(md);
  }

  @Test
  void aDiffTablesTheSitesTheLargestChangeFirst() throws Exception {
    String md = GateFixture.render(new ComparisonMarkdown(), GateFixture.gate(), false);

    assertThat(md).startsWith("### heapwise diff: heapwise-baseline.json\n\nTotal allocation per app.Request event: "
        + "195.3 KB -> 264.2 KB (+35.3%).\n\n| Change | Before (per unit) | After | Site |\n| ---: |");
    assertThat(md).doesNotContain(":x:").doesNotContain("<details>");
    List<String> rows = md.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| Change") && !line.startsWith("| ---")).toList();
    assertThat(rows).hasSize(5);
    assertThat(rows.get(0)).isEqualTo("| +50.0% | 97.7 KB | 146.5 KB | " + GROWN_CELL + " |");
    assertThat(rows.get(1)).isEqualTo("| new | - | 39.1 KB | " + NEW_CELL.replace("$", "\\$") + " |");
    assertThat(rows.get(2)).contains("| gone | 19.5 KB | - | char\\[\\]");
    assertThat(rows.get(3)).contains("| +1.0% |");
    assertThat(md).contains("**Findings**\n\n- new: BOXING:com.acme.Book.match:75: new warning: boxing at line 75\n")
        .contains("- gone: UNSIZED\\_COLLECTION:com.acme.Legacy.format:10: fixed or no longer found\n");
    assertTablesHold(md);
  }

  @Test
  void siteIdsCannotBreakACellOrBecomeMarkup() throws Exception {
    assertThat(ComparisonMarkdown.escape("a|b `c` <init> lambda$run$0 Object[] x_y *z* ~w~ #1 & \\"))
        .isEqualTo("a\\|b \\`c\\` &lt;init&gt; lambda\\$run\\$0 Object\\[\\] x\\_y \\*z\\* \\~w\\~ \\#1 &amp; \\\\");
    assertThat(ComparisonMarkdown.escape("line\nbreak")).isEqualTo("line break");

    String odd = "java.lang.String at com.acme.Q.lambda$run$0(Q.java:9) via `Concat|Helper`.<clinit>";
    String md = GateFixture.render(new ComparisonMarkdown(), GateFixture.compare(Map.of(GROWN, 100_000.0),
        Map.of(), Map.of(GROWN, 100_000.0, odd, 90_000.0), Map.of()), true);
    assertThat(md).contains("| java.lang.String at com.acme.Q.lambda\\$run\\$0(Q.java:9) via \\`Concat\\|Helper\\`."
        + "&lt;clinit&gt; | - |");
    assertTablesHold(md);
  }

  /** Every row of every table has as many cells as its header: no pipe inside a cell was left unescaped. */
  private static void assertTablesHold(String md) {
    int columns = -1;
    for (String line : md.lines().toList()) {
      if (!line.startsWith("|")) {
        columns = -1;
        continue;
      }
      int cells = line.replace("\\\\", "").replace("\\|", "").split("\\|", -1).length;
      if (columns < 0) {
        columns = cells;
      }
      assertThat(cells).as("cells in %s", line).isEqualTo(columns);
    }
  }
}
