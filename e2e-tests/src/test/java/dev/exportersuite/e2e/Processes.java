package dev.exportersuite.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The processes a test run starts (exporters, Prometheus), each logging to its own file. {@link #close()} stops
 * them all, politely first; a JVM shutdown hook does the same if the run is cut short.
 */
final class Processes implements AutoCloseable {

  record Started(String name, Process process, Path log) {

    String logTail() {
      try {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
      } catch (IOException e) {
        return "(no log: " + e.getMessage() + ")";
      }
    }
  }

  private final Path logDir;
  private final List<Started> started = new ArrayList<>();
  private final Thread hook = new Thread(this::stopAll, "e2e-cleanup");

  Processes(Path logDir) throws IOException {
    this.logDir = Files.createDirectories(logDir);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  synchronized Started start(String name, List<String> command, Map<String, String> env) throws IOException {
    Path log = logDir.resolve(name + ".log");
    Files.writeString(log, "$ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().putAll(env);
    Started s = new Started(name, pb.start(), log);
    started.add(s);
    return s;
  }

  List<Started> all() {
    return List.copyOf(started);
  }

  /** Every process's name, liveness and last log lines, for failure messages. */
  String report() {
    StringBuilder b = new StringBuilder();
    for (Started s : started) {
      b.append("\n--- ").append(s.name()).append(s.process().isAlive() ? " (running)" : " (exited "
          + s.process().exitValue() + ")").append(", log ").append(s.log()).append('\n').append(s.logTail());
    }
    return b.toString();
  }

  private synchronized void stopAll() {
    for (Started s : started) {
      s.process().descendants().forEach(ProcessHandle::destroy);
      s.process().destroy();
    }
    for (Started s : started) {
      try {
        if (!s.process().waitFor(10, TimeUnit.SECONDS)) {
          s.process().descendants().forEach(ProcessHandle::destroyForcibly);
          s.process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        s.process().destroyForcibly();
      }
    }
    started.clear();
  }

  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook runs stopAll itself
    }
  }
}
