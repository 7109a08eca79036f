// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import io.heapwise.analyzer.read.ReaderCompilation;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code heapwise} command: finds the allocations that keep a JVM's garbage collector busy. */
@Command(
    name = "heapwise",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Finds the allocation sites that keep the JVM's garbage collector busy, and says what to change.",
    subcommands = {DemoCommand.class, RecordCommand.class, AnalyzeCommand.class, AttachCommand.class,
        ListCommand.class, BaselineCommand.class, GateCommand.class, DiffCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {
        "  java -jar heapwise.jar demo",
        "  heapwise record -- java -jar target/app.jar --port 8080",
        "  heapwise analyze recording.jfr --top 20",
        "  heapwise list",
        "  heapwise attach 4242 --duration 30s",
        "  heapwise analyze recording.jfr --format json --output report.json"
    })
public final class HeapwiseCli implements Callable<Integer> {

  private final Terminal terminal;

  @Spec
  private CommandSpec spec;

  HeapwiseCli(Terminal terminal) {
    this.terminal = terminal;
  }

  public static void main(String... args) {
    if (ReaderCompilation.worthwhileFor(namedFiles(args))) {
      // Started before parsing: it takes 0.2 s of the JVM's management server's start-up, which the second CPU
      // spends better now, while the JVM starts on one, than later, when the chunks are read on all of them.
      ReaderCompilation.installInBackground();
    }
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = execute(Terminal.detect(), out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** The arguments that name files; most commands read those they are given. */
  private static List<Path> namedFiles(String... args) {
    List<Path> files = new ArrayList<>();
    for (String arg : args) {
      try {
        files.add(Path.of(arg));
      } catch (InvalidPathException e) {
        // Not a file, whatever else it is.
      }
    }
    return files;
  }

  /** Runs {@code heapwise args...} writing to the given writers, which are never treated as a terminal. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return execute(Terminal.captured(), out, err, args);
  }

  static int execute(Terminal terminal, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new HeapwiseCli(terminal));
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExitCodeExceptionMapper(ExitCodes.MAPPER);
    cli.setParameterExceptionHandler(shortUsageErrors());
    cli.setExecutionExceptionHandler(oneLineErrors(terminal));
    // Everything after the java executable belongs to the application, even without "--".
    cli.getSubcommands().get("record").setStopAtPositional(true);
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  Terminal terminal() {
    return terminal;
  }

  /** {@code heapwise} alone: the user needs to pick a command. */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    spec.commandLine().usage(err);
    err.println();
    err.println("heapwise: choose a command; to see what Heapwise does, try: java -jar heapwise.jar demo");
    return ExitCodes.USAGE_OR_INPUT;
  }

  /** The message, maybe a suggestion, and where to read more; the full usage would bury the message. */
  private static IParameterExceptionHandler shortUsageErrors() {
    return (ParameterException ex, String[] args) -> {
      CommandLine cmd = ex.getCommandLine();
      PrintWriter err = cmd.getErr();
      err.println("heapwise: " + oneLine(ex.getMessage()));
      UnmatchedArgumentException.printSuggestions(ex, err);
      err.println("Usage: " + cmd.getCommandSpec().qualifiedName() + " --help");
      return ExitCodes.USAGE_OR_INPUT;
    };
  }

  /** Input problems and bugs both get one line; only bugs get a stack trace, and only when asked for. */
  private static IExecutionExceptionHandler oneLineErrors(Terminal terminal) {
    return (Exception ex, CommandLine cmd, ParseResult parseResult) -> {
      PrintWriter err = cmd.getErr();
      int code = cmd.getExitCodeExceptionMapper().getExitCode(ex);
      if (code == ExitCodes.USAGE_OR_INPUT) {
        err.println("heapwise: " + oneLine(ex.getMessage()));
      } else {
        err.println("heapwise: internal error: " + oneLine(String.valueOf(ex))
            + " — this is a bug; rerun with HEAPWISE_DEBUG=1 for the stack trace");
        if (terminal.debug()) {
          ex.printStackTrace(err);
        }
      }
      return code;
    };
  }

  /** Messages from the JDK or the analyzer sometimes span lines; the user gets exactly one. */
  static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
