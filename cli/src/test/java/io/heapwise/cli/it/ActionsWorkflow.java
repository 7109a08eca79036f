// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GitHub Actions workflow of one job, run on this machine the way a hosted runner runs it: each {@code run:} step
 * is a script for its shell ({@code bash --noprofile --norc -eo pipefail FILE} for {@code shell: bash}), in the
 * workspace, with the workflow's, the job's and the step's {@code env:} and the runner's own variables
 * ({@code CI}, {@code GITHUB_WORKSPACE}, {@code RUNNER_TEMP}, a fresh {@code GITHUB_STEP_SUMMARY} file per step). A
 * failed step skips the rest unless their {@code if:} says otherwise. Steps that use an action are not run (they are
 * GitHub's own); the test checks their inputs instead. Expressions ({@code ${{ }}}) are refused: the README promises
 * run steps that work as plain bash.
 */
final class ActionsWorkflow {

  /** Longer than any step of the example takes on a loaded 2-core machine; a hung step fails the test. */
  private static final long STEP_TIMEOUT_MINUTES = 5;
  private static final Pattern HASH_FILES = Pattern.compile("hashFiles\\('([^'*?]+)'\\)\\s*!=\\s*''");

  private final JsonNode workflow;
  private final JsonNode job;

  private ActionsWorkflow(JsonNode workflow) {
    this.workflow = workflow;
    JsonNode jobs = workflow.path("jobs");
    if (jobs.size() != 1) {
      throw new AssertionError("expected a workflow of one job, found jobs: " + jobs);
    }
    this.job = jobs.elements().next();
  }

  static ActionsWorkflow parse(String yaml) throws IOException {
    return new ActionsWorkflow(new YAMLMapper().readTree(yaml));
  }

  /** A variable of the workflow's own {@code env:}. */
  String env(String name) {
    JsonNode value = workflow.path("env").get(name);
    if (value == null) {
      throw new AssertionError("the workflow sets no env " + name + ": " + workflow.path("env"));
    }
    return value.asText();
  }

  JsonNode root() {
    return workflow;
  }

  JsonNode job() {
    return job;
  }

  List<Step> steps() {
    List<Step> steps = new ArrayList<>();
    for (JsonNode step : job.path("steps")) {
      steps.add(new Step(steps.size() + 1, step));
    }
    return steps;
  }

  /** The one step that uses {@code action} (without its version). */
  Step uses(String action) {
    List<Step> found = steps().stream().filter(step -> step.uses() != null && step.uses().startsWith(action + "@"))
        .toList();
    if (found.size() != 1) {
      throw new AssertionError("expected one step using " + action + ", found " + found.size());
    }
    return found.get(0);
  }

  /** The one run step whose script contains {@code text}. */
  Step running(String text) {
    List<Step> found = steps().stream().filter(step -> step.run() != null && step.run().contains(text)).toList();
    if (found.size() != 1) {
      throw new AssertionError("expected one run step containing '" + text + "', found " + found.size());
    }
    return found.get(0);
  }

  /**
   * Runs the job's steps in {@code workspace}. {@code machine} is what the runner and the setup actions would have
   * put in the environment (JAVA_HOME, PATH); {@code runnerTemp} is an empty folder for the runner's files.
   */
  Run run(Path workspace, Map<String, String> machine, Path runnerTemp) throws IOException, InterruptedException {
    Files.createDirectories(runnerTemp);
    List<StepResult> results = new ArrayList<>();
    boolean failed = false;
    for (Step step : steps()) {
      boolean runs = step.condition() == null ? !failed : condition(step.condition(), failed, workspace);
      if (step.uses() != null) {
        results.add(new StepResult(step, runs ? Status.ACTION : Status.SKIPPED, -1, "", "", ""));
      } else if (!runs) {
        results.add(new StepResult(step, Status.SKIPPED, -1, "", "", ""));
      } else {
        StepResult result = runStep(step, workspace, machine, runnerTemp);
        results.add(result);
        failed |= result.status() == Status.FAILED;
      }
    }
    return new Run(results);
  }

  private StepResult runStep(Step step, Path workspace, Map<String, String> machine, Path runnerTemp)
      throws IOException, InterruptedException {
    String prefix = "step-" + step.index();
    Path script = Files.writeString(runnerTemp.resolve(prefix + ".sh"), step.run());
    Path summary = Files.writeString(runnerTemp.resolve(prefix + "-summary.md"), "");
    Path out = runnerTemp.resolve(prefix + ".out");
    Path err = runnerTemp.resolve(prefix + ".err");

    Map<String, String> env = new LinkedHashMap<>(machine);
    env.put("CI", "true");
    env.put("GITHUB_ACTIONS", "true");
    env.put("GITHUB_WORKSPACE", workspace.toString());
    env.put("RUNNER_TEMP", runnerTemp.toString());
    env.put("GITHUB_STEP_SUMMARY", summary.toString());
    env.putAll(envOf(workflow, "the workflow"));
    env.putAll(envOf(job, "the job"));
    env.putAll(envOf(step.node(), "step " + step.describe()));
    int exit = execute(shellCommand(step, script), workingDirectory(step, workspace), env, out, err,
        STEP_TIMEOUT_MINUTES);
    return new StepResult(step, exit == 0 ? Status.PASSED : Status.FAILED, exit, read(out), read(err),
        read(summary));
  }

  /**
   * Runs {@code command} in {@code workDir} to its end, with no input, its output in files, and this process's
   * environment less what the outer Maven's launcher exported (it would steer a nested Maven to the Heapwise
   * checkout), plus {@code env}. A command still running after the timeout is killed and fails the test.
   */
  static int execute(List<String> command, Path workDir, Map<String, String> env, Path out, Path err,
      long timeoutMinutes) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .redirectOutput(out.toFile())
        .redirectError(err.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("MAVEN_") && !name.equals("MAVEN_OPTS"));
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " timed out after " + timeoutMinutes + " minutes"
          + "\n--- stdout:\n" + tail(out) + "\n--- stderr:\n" + tail(err));
    }
    return process.exitValue();
  }

  /** The runner's command line for each shell it knows by name; only the POSIX ones are needed here. */
  private List<String> shellCommand(Step step, Path script) {
    String shell = step.node().path("shell").asText(null);
    if (shell == null) {
      shell = job.at("/defaults/run/shell").asText(null);
    }
    if (shell == null) {
      shell = workflow.at("/defaults/run/shell").asText(null);
    }
    if (shell == null) {
      return List.of("bash", "-e", script.toString());
    }
    return switch (shell) {
      case "bash" -> List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString());
      case "sh" -> List.of("sh", "-e", script.toString());
      default -> throw new AssertionError("step " + step.describe() + ": shell " + shell + " is not run here");
    };
  }

  private Path workingDirectory(Step step, Path workspace) {
    String dir = step.node().path("working-directory").asText(null);
    if (dir == null) {
      dir = job.at("/defaults/run/working-directory").asText(null);
    }
    if (dir == null) {
      dir = workflow.at("/defaults/run/working-directory").asText(null);
    }
    return dir == null ? workspace : workspace.resolve(dir);
  }

  private static Map<String, String> envOf(JsonNode node, String where) {
    Map<String, String> env = new LinkedHashMap<>();
    node.path("env").properties().forEach(entry -> {
      String value = entry.getValue().asText();
      if (value.contains("${{")) {
        throw new AssertionError(where + ": env " + entry.getKey() + " uses an expression: " + value);
      }
      env.put(entry.getKey(), value);
    });
    return env;
  }

  /**
   * The {@code if:} conditions this workflow may use: {@code always()}, {@code success()}, {@code failure()} and
   * {@code hashFiles('path') != ''}, joined by {@code &&}. Without a status function GitHub adds
   * {@code success()}.
   */
  private static boolean condition(String expression, boolean failed, Path workspace) {
    String bare = expression.strip();
    if (bare.startsWith("${{") && bare.endsWith("}}")) {
      bare = bare.substring(3, bare.length() - 2).strip();
    }
    boolean result = true;
    boolean status = false;
    for (String term : bare.split("&&")) {
      String t = term.strip();
      Matcher hash = HASH_FILES.matcher(t);
      if (t.equals("always()")) {
        status = true;
      } else if (t.equals("success()")) {
        status = true;
        result &= !failed;
      } else if (t.equals("failure()")) {
        status = true;
        result &= failed;
      } else if (hash.matches()) {
        result &= Files.exists(workspace.resolve(hash.group(1)));
      } else {
        throw new AssertionError("if: " + expression + ": '" + t + "' is not evaluated here");
      }
    }
    return status ? result : result && !failed;
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  static String tail(Path file) throws IOException {
    return tail(read(file));
  }

  /** The end of a long log, for an assertion message. */
  static String tail(String log) {
    List<String> lines = log.lines().toList();
    int keep = 60;
    return lines.size() <= keep ? log
        : "[" + (lines.size() - keep) + " lines before]\n" + String.join("\n", lines.subList(lines.size() - keep,
            lines.size()));
  }

  /** One entry of the job's {@code steps:}. */
  record Step(int index, JsonNode node) {

    String name() {
      return node.path("name").asText(null);
    }

    String uses() {
      return node.path("uses").asText(null);
    }

    String run() {
      String run = node.path("run").asText(null);
      if (run != null && run.contains("${{")) {
        throw new AssertionError("step " + describe() + " uses an expression in run:\n" + run);
      }
      return run;
    }

    String condition() {
      return node.path("if").asText(null);
    }

    /** An input of an action step ({@code with:}). */
    String with(String input) {
      return node.path("with").path(input).asText(null);
    }

    String describe() {
      return index + " (" + (name() != null ? name() : uses() != null ? uses() : "run") + ")";
    }
  }

  enum Status { PASSED, FAILED, SKIPPED, ACTION }

  /** What a step did; an action step that would run is {@link Status#ACTION}. */
  record StepResult(Step step, Status status, int exitCode, String stdout, String stderr, String summary) {

    @Override
    public String toString() {
      return "step " + step.describe() + ": " + status + (exitCode >= 0 ? " (exit " + exitCode + ")" : "")
          + "\n--- stdout:\n" + tail(stdout) + "\n--- stderr:\n" + tail(stderr);
    }
  }

  record Run(List<StepResult> results) {

    StepResult of(Step step) {
      return results.get(step.index() - 1);
    }

    @Override
    public String toString() {
      StringBuilder all = new StringBuilder();
      results.forEach(result -> all.append(result).append('\n'));
      return all.toString();
    }
  }
}
