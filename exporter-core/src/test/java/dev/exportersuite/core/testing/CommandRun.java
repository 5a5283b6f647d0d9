package dev.exportersuite.core.testing;

import dev.exportersuite.core.cli.ExporterCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs an exporter's command line in this JVM (for --check-config, which opens nothing) and keeps its output. */
public final class CommandRun {

  public record Result(int exitCode, String stdout, String stderr) {}

  private CommandRun() {}

  public static synchronized Result run(ExporterCommand<?, ?> command, String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = ExporterCommand.run(command, args);
      return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }
}
