// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import io.heapwise.analyzer.gate.Comparison;
import io.heapwise.analyzer.gate.Comparison.Check;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A comparison as a JUnit XML report (the Surefire {@code testsuite} format that Jenkins, GitLab, Azure DevOps and
 * GitHub test-report actions read): one test case per compared quantity, failed when the gate fails on it, so a
 * CI shows a regressed site the way it shows a broken test. A diff has no verdict, so none of its cases fail.
 */
final class ComparisonJunit implements ComparisonRenderer {

  private static final String INDENT = "  ";

  @Override
  public void render(Comparison comparison, String source, boolean verdict, Writer out) throws IOException {
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      newline(xml, 0);
      write(comparison, source, verdict, xml);
      newline(xml, 0);
      xml.writeEndDocument();
      xml.flush();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("the JUnit report could not be written: " + e.getMessage(), e);
    }
  }

  private static void write(Comparison comparison, String source, boolean verdict, XMLStreamWriter xml)
      throws XMLStreamException {
    String command = verdict ? "gate" : "diff";
    long failures = verdict ? comparison.failures().size() : 0;
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", "heapwise " + command);
    xml.writeAttribute("tests", String.valueOf(comparison.checks().size()));
    xml.writeAttribute("failures", String.valueOf(failures));
    xml.writeAttribute("errors", "0");
    xml.writeAttribute("skipped", "0");
    xml.writeAttribute("time", "0");
    newline(xml, 1);
    xml.writeStartElement("properties");
    property(xml, "baseline", source);
    property(xml, "unit", comparison.baseline().unit().describe());
    property(xml, "maxIncrease", String.format(Locale.ROOT, "%.4f", comparison.limits().maxIncrease()));
    property(xml, "sigmas", String.format(Locale.ROOT, "%.2f", comparison.sigmas()));
    newline(xml, 1);
    xml.writeEndElement();
    for (Check check : comparison.checks()) {
      newline(xml, 1);
      testcase(check, command, verdict && check.fails(), xml);
    }
    newline(xml, 0);
    xml.writeEndElement();
  }

  /**
   * A test case named by the site or finding id, in a class per kind ({@code heapwise.gate.site}), so a CI's
   * test list groups the sites together; every case says its numbers, since a passing one is asked about too.
   */
  private static void testcase(Check check, String command, boolean failed, XMLStreamWriter xml)
      throws XMLStreamException {
    xml.writeStartElement("testcase");
    xml.writeAttribute("classname", "heapwise." + command + "." + check.kind().name().toLowerCase(Locale.ROOT));
    xml.writeAttribute("name", xmlText(check.name()));
    xml.writeAttribute("time", "0");
    if (failed) {
      newline(xml, 2);
      xml.writeStartElement("failure");
      xml.writeAttribute("message", xmlText(CheckWords.title(check) + ": " + CheckWords.detail(check)));
      xml.writeAttribute("type", GateRules.of(check).id());
      xml.writeCharacters(xmlText(check.verdict().name() + " " + CheckWords.title(check) + "\n"
          + CheckWords.detail(check)));
      xml.writeEndElement();
    }
    newline(xml, 2);
    xml.writeStartElement("system-out");
    xml.writeCharacters(xmlText(check.verdict().name().toLowerCase(Locale.ROOT) + ": " + CheckWords.detail(check)));
    xml.writeEndElement();
    newline(xml, 1);
    xml.writeEndElement();
  }

  private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    newline(xml, 2);
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", xmlText(value));
  }

  /** The writer escapes markup but passes through characters XML 1.0 forbids, which would make the file unreadable. */
  private static String xmlText(String text) {
    StringBuilder clean = new StringBuilder(text.length());
    text.codePoints().forEach(c -> clean.appendCodePoint(
        c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
            || c >= 0x10000 ? c : '?'));
    return clean.toString();
  }

  private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
    xml.writeCharacters("\n" + INDENT.repeat(depth));
  }
}
