// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.gate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.heapwise.analyzer.finding.Severity;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

/**
 * A baseline as a file people review: keys in a fixed order, one recording, site or finding per line, so that a
 * change to the workload's allocation shows in a diff as the lines of the sites that moved.
 */
public final class BaselineJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      // 455187839.2, not 4.551878392E8: a reviewer reads bytes per unit, and a diff should show the digits that moved.
      .addModule(new SimpleModule().addSerializer(Double.class, new PlainDoubles()).addSerializer(double.class,
          new PlainDoubles()))
      .build();

  private BaselineJson() {
  }

  public static void write(Baseline baseline, Writer out) throws IOException {
    out.write("{\n");
    field(out, "schema", baseline.schema(), true);
    field(out, "unit", baseline.unit(), true);
    out.write("  \"recordings\": [\n");
    for (Iterator<Baseline.Recording> it = baseline.recordings().iterator(); it.hasNext(); ) {
      Baseline.Recording r = it.next();
      out.write("    " + MAPPER.writeValueAsString(new Baseline.Recording(r.source(), r.units(),
          rounded(r.bytesPerUnit()))) + (it.hasNext() ? ",\n" : "\n"));
    }
    out.write("  ],\n");
    field(out, "total", rounded(baseline.total()), true);
    field(out, "siteFloor", rounded(baseline.siteFloor()), true);
    map(out, "sites", baseline.sites(), BaselineJson::rounded, true);
    if (!baseline.tests().isEmpty()) {
      map(out, "tests", baseline.tests(), BaselineJson::rounded, true);
    }
    map(out, "findings", baseline.findings(), Severity::jsonName, false);
    out.write("}\n");
  }

  /**
   * Reads a baseline, checking what a gate relies on.
   *
   * @throws BadBaselineException naming the problem in one line, for malformed JSON, another schema, or a missing
   *     part
   */
  public static Baseline read(Reader in) throws IOException, BadBaselineException {
    Baseline baseline;
    try {
      baseline = MAPPER.readValue(in, Baseline.class);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new BadBaselineException("not a Heapwise baseline" + where + ": " + e.getOriginalMessage());
    }
    if (baseline == null || !Baseline.SCHEMA.equals(baseline.schema())) {
      throw new BadBaselineException("not a Heapwise baseline: its schema is "
          + (baseline == null ? "missing" : "'" + baseline.schema() + "'") + ", expected '" + Baseline.SCHEMA
          + "' (make it with heapwise baseline)");
    }
    if (baseline.unit() == null || baseline.unit().kind() == null) {
      throw new BadBaselineException("the baseline names no unit of work ('unit'); make it again with heapwise"
          + " baseline");
    }
    if (baseline.total() == null || !(baseline.total().bytesPerUnit() > 0)) {
      throw new BadBaselineException("the baseline has no total allocation per unit ('total.bytesPerUnit'); make"
          + " it again with heapwise baseline");
    }
    return baseline;
  }

  /** A baseline file that cannot be used; the message says why in one line. */
  public static final class BadBaselineException extends Exception {
    private static final long serialVersionUID = 1L;

    public BadBaselineException(String message) {
      super(message);
    }
  }

  private static void field(Writer out, String name, Object value, boolean more) throws IOException {
    out.write("  " + MAPPER.writeValueAsString(name) + ": " + MAPPER.writeValueAsString(value) + (more ? ",\n" : "\n"));
  }

  private static <V> void map(Writer out, String name, Map<String, V> entries, Function<V, Object> value,
      boolean more) throws IOException {
    if (entries.isEmpty()) {
      out.write("  " + MAPPER.writeValueAsString(name) + ": {}" + (more ? ",\n" : "\n"));
      return;
    }
    out.write("  " + MAPPER.writeValueAsString(name) + ": {\n");
    for (Iterator<Map.Entry<String, V>> it = entries.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, V> entry = it.next();
      out.write("    " + MAPPER.writeValueAsString(entry.getKey()) + ": "
          + MAPPER.writeValueAsString(value.apply(entry.getValue())) + (it.hasNext() ? ",\n" : "\n"));
    }
    out.write("  }" + (more ? ",\n" : "\n"));
  }

  /** A tenth of a byte per unit is below any noise: fewer digits, quieter diffs. */
  private static Object rounded(Quantity q) {
    return new Quantity(rounded(q.bytesPerUnit()), q.samples(),
        q.spread() == null ? null : Math.round(q.spread() * 10_000) / 10_000.0);
  }

  private static Object rounded(Baseline.TestRuns test) {
    return new Baseline.TestRuns(rounded(test.bytesPerRun()),
        test.spread() == null ? null : Math.round(test.spread() * 10_000) / 10_000.0);
  }

  private static double rounded(double bytes) {
    return Math.round(bytes * 10) / 10.0;
  }

  /** Writes a double in plain decimal notation, without a trailing {@code .0}. */
  private static final class PlainDoubles extends StdSerializer<Double> {
    private static final long serialVersionUID = 1L;

    PlainDoubles() {
      super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      if (value.isNaN() || value.isInfinite()) {
        gen.writeNumber(value);
      } else {
        gen.writeNumber(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
      }
    }
  }
}
