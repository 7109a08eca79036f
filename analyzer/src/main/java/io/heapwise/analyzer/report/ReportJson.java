// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;

/** The one place that decides how a {@link Report} looks as JSON, for writing it and for reading it back. */
public final class ReportJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      // Evidence is a free-form map: whole numbers come back as the longs they were written from.
      .enable(DeserializationFeature.USE_LONG_FOR_INTS)
      .build();

  private ReportJson() {
  }

  public static void write(Report report, Writer out) throws IOException {
    MAPPER.writeValue(out, report);
  }

  public static String toJson(Report report) throws IOException {
    return MAPPER.writeValueAsString(report);
  }

  /** The same JSON on one line: for embedding, where a deep call tree indented would be mostly spaces. */
  public static String toCompactJson(Report report) throws IOException {
    return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
  }

  public static Report read(Reader in) throws IOException {
    return MAPPER.readValue(in, Report.class);
  }
}
