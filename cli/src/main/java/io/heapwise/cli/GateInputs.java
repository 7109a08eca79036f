// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.UnreadableRecordingException;
import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.gate.Baseline;
import io.heapwise.analyzer.gate.BaselineJson;
import io.heapwise.analyzer.gate.Measurement;
import io.heapwise.analyzer.gate.WorkUnit;
import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.report.ReportJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What baseline, gate and diff read: recordings ({@code .jfr}), a baseline ({@code heapwise baseline}'s JSON) or a
 * report ({@code heapwise analyze --format json}), each turned into a baseline-shaped measurement per unit of work.
 *
 * @param measured the input in a baseline's terms
 * @param findings the findings of the recordings or report, by id; a baseline file holds only their severities
 * @param notes what the analysis noted about each recording or report, as {@code file: note}
 */
record GateInputs(Baseline measured, Map<String, Finding> findings, List<String> notes) {

  GateInputs {
    notes = List.copyOf(notes);
  }

  /**
   * The notes on stderr, one line each, apart from the comparison's own output: that samples weighed so unevenly
   * that sites are rough is why a site may be missing from a failed gate's causes.
   */
  void printNotes(PrintWriter err) {
    notes.forEach(note -> err.println("heapwise: note: " + note));
    err.flush();
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads a baseline file, with one-line errors that name it. */
  static Baseline readBaseline(Path file) throws BadInputException {
    try (Reader in = Files.newBufferedReader(file)) {
      return BaselineJson.read(in);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such baseline file (make one with heapwise baseline)", e);
    } catch (BaselineJson.BadBaselineException e) {
      throw new BadInputException(file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read the baseline: " + e.getMessage(), e);
    }
  }

  /**
   * Reads {@code files}: recordings together (each one measurement, combined as a baseline combines them), or
   * one JSON file, a baseline or a report.
   */
  static GateInputs read(List<Path> files, WorkOptions work, WorkUnit fallback, AnalysisOptions options)
      throws BadInputException, UnreadableRecordingException {
    List<Path> json = files.stream().filter(GateInputs::isJson).toList();
    if (!json.isEmpty() && files.size() > 1) {
      throw new BadInputException(json.get(0) + ": give either recordings (.jfr) or one JSON file (a baseline or a"
          + " report), not both");
    }
    if (!json.isEmpty()) {
      return readJson(json.get(0), work, fallback);
    }
    WorkUnit unit = work.unit(fallback);
    List<Measurement> measurements = new ArrayList<>();
    Map<String, Finding> findings = new HashMap<>();
    List<String> notes = new ArrayList<>();
    for (Path file : files) {
      Measurement measurement;
      try {
        measurement = Measurement.ofRecording(file, unit, options);
      } catch (Measurement.NoWorkException e) {
        throw new BadInputException(e.getMessage(), e);
      }
      measurements.add(measurement);
      findings.putAll(measurement.findings());
      measurement.notes().forEach(note -> notes.add(file + ": " + note));
    }
    return new GateInputs(Baseline.of(unit, measurements), findings, notes);
  }

  private static GateInputs readJson(Path file, WorkOptions work, WorkUnit fallback) throws BadInputException {
    JsonNode tree;
    try {
      tree = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new BadInputException(file + ": not JSON: " + HeapwiseCli.oneLine(e.getMessage()), e);
    }
    String schema = tree == null || tree.get("schema") == null ? "" : tree.get("schema").asText();
    if (Baseline.SCHEMA.equals(schema)) {
      return new GateInputs(readBaseline(file), Map.of(), List.of());
    }
    if (!Report.SCHEMA.equals(schema)) {
      throw new BadInputException(file + ": neither a Heapwise baseline (" + Baseline.SCHEMA + ") nor a report ("
          + Report.SCHEMA + "): its schema is '" + schema + "'");
    }
    WorkUnit unit = work.unit(fallback);
    if (WorkUnit.EVENT.equals(unit.kind())) {
      throw new BadInputException(file + ": a report holds no event counts to divide by " + unit.event()
          + "; gate the recording itself, or give --work N");
    }
    Report report;
    try (Reader in = Files.newBufferedReader(file)) {
      report = ReportJson.read(in);
    } catch (IOException e) {
      throw new BadInputException(file + ": not a readable report: " + HeapwiseCli.oneLine(e.getMessage()), e);
    }
    Measurement measurement = Measurement.of(file.getFileName().toString(), report,
        WorkUnit.GIVEN.equals(unit.kind()) ? unit.units() : 1, Map.of());
    return new GateInputs(Baseline.of(unit, List.of(measurement)), measurement.findings(),
        measurement.notes().stream().map(note -> file + ": " + note).toList());
  }

  private static boolean isJson(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
  }
}
