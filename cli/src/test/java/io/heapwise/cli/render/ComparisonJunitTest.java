// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import static io.heapwise.cli.render.GateFixture.GROWN;
import static io.heapwise.cli.render.GateFixture.NEW;
import static io.heapwise.cli.render.GateFixture.NEW_BOXING;
import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.gate.Comparison;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The JUnit XML of a gate, read back with the JDK's DOM parser as a CI's test-report reader would. */
class ComparisonJunitTest {

  @Test
  void aGateIsATestSuiteWithACasePerQuantityFailedWhereTheGateFails() throws Exception {
    Comparison gate = GateFixture.gate();
    Element suite = parse(GateFixture.render(new ComparisonJunit(), gate, true));

    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(suite.getAttribute("name")).isEqualTo("heapwise gate");
    List<Element> cases = children(suite, "testcase");
    assertThat(cases).hasSize(gate.checks().size());
    assertThat(suite.getAttribute("tests")).isEqualTo(String.valueOf(cases.size()));
    List<Element> failures = children(suite, "failure");
    assertThat(failures).hasSize(4);
    assertThat(suite.getAttribute("failures")).isEqualTo("4");
    assertThat(suite.getAttribute("errors")).isEqualTo("0");
    assertThat(suite.getAttribute("skipped")).isEqualTo("0");

    Map<String, Element> byName = new LinkedHashMap<>();
    cases.forEach(c -> byName.put(c.getAttribute("name"), c));
    assertThat(byName.get("total").getAttribute("classname")).isEqualTo("heapwise.gate.total");
    assertThat(failure(byName.get("total")).getAttribute("type")).isEqualTo("heapwise/allocation-regression");

    Element grown = byName.get(GROWN);
    assertThat(grown.getAttribute("classname")).isEqualTo("heapwise.gate.site");
    Element grownFailure = failure(grown);
    assertThat(grownFailure.getAttribute("type")).isEqualTo("heapwise/allocation-regression");
    assertThat(grownFailure.getAttribute("message")).isEqualTo(GROWN + ": 97.7 KB -> 146.5 KB per unit (+48.8 KB): "
        + "+50.0%, above the +10% limit and the noise (6.3 KB per unit)");
    assertThat(grownFailure.getTextContent()).startsWith("REGRESSED " + GROWN + "\n97.7 KB -> 146.5 KB per unit");

    // A site id with <init> survives the round trip: the writer escaped it.
    assertThat(failure(byName.get(NEW)).getAttribute("type")).isEqualTo("heapwise/new-site");
    Element boxing = byName.get(NEW_BOXING);
    assertThat(boxing.getAttribute("classname")).isEqualTo("heapwise.gate.finding");
    assertThat(failure(boxing).getAttribute("type")).isEqualTo("heapwise/boxing");
    assertThat(failure(boxing).getAttribute("message")).contains("new warning: boxing at line 75");

    Element steady = byName.get(GateFixture.STEADY);
    assertThat(children(steady, "failure")).isEmpty();
    assertThat(children(steady, "system-out").get(0).getTextContent())
        .isEqualTo("within: 48.8 KB -> 49.3 KB per unit (+500 B): within the +10% limit");
  }

  @Test
  void aDiffFailsNothing() throws Exception {
    Comparison gate = GateFixture.gate();
    Element suite = parse(GateFixture.render(new ComparisonJunit(), gate, false));

    assertThat(suite.getAttribute("name")).isEqualTo("heapwise diff");
    assertThat(suite.getAttribute("failures")).isEqualTo("0");
    assertThat(children(suite, "failure")).isEmpty();
    assertThat(children(suite, "testcase")).hasSize(gate.checks().size())
        .allSatisfy(c -> assertThat(c.getAttribute("classname")).startsWith("heapwise.diff."));
  }

  @Test
  void charactersXmlForbidsDoNotMakeTheReportUnreadable() throws Exception {
    String odd = "byte[] at com.acme.Odd.run(Odd.java:3) via \u0001\"&'";
    Comparison comparison = GateFixture.compare(Map.of(GROWN, 100_000.0), Map.of(),
        Map.of(GROWN, 100_000.0, odd, 50_000.0), Map.of());
    Element suite = parse(GateFixture.render(new ComparisonJunit(), comparison, true));

    assertThat(children(suite, "testcase")).extracting(c -> c.getAttribute("name"))
        .contains("byte[] at com.acme.Odd.run(Odd.java:3) via ?\"&'");
    assertThat(suite.getAttribute("failures")).isEqualTo("2");
  }

  private static Element parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    return document.getDocumentElement();
  }

  private static Element failure(Element testcase) {
    List<Element> failures = children(testcase, "failure");
    assertThat(failures).as("failures of %s", testcase.getAttribute("name")).hasSize(1);
    return failures.get(0);
  }

  private static List<Element> children(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }
}
