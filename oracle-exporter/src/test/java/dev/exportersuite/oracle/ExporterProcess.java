package dev.exportersuite.oracle;

import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.FreePort;
import dev.exportersuite.core.testing.Http;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Our exporter in its own JVM, as users run it: real flags and environment variables (which a test cannot set
 * in its own process), real HTTP, and stderr kept for checks on what was logged.
 */
final class ExporterProcess implements AutoCloseable {

  final int port;
  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private ExporterProcess(int port, Process process, Path stdout, Path stderr) {
    this.port = port;
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** Starts serving on a free loopback port and waits until /metrics answers. */
  static ExporterProcess serve(Map<String, String> env, String... args) throws Exception {
    int port = FreePort.pick();
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--web.listen-address=127.0.0.1:" + port);
    ExporterProcess p = start(port, env, all);
    p.awaitReady("/-/healthy");
    return p;
  }

  /** Runs {@code --once} and returns exit code, stdout and stderr. */
  static Result once(Map<String, String> env, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--once");
    try (ExporterProcess p = start(0, env, all)) {
      if (!p.process.waitFor(60, TimeUnit.SECONDS)) {
        throw new AssertionError("--once did not finish within 60s");
      }
      return new Result(p.process.exitValue(), p.stdout(), p.stderr());
    }
  }

  record Result(int exitCode, String stdout, String stderr) {
    Exposition metrics() {
      return Exposition.parse(stdout);
    }
  }

  private static ExporterProcess start(int port, Map<String, String> env, List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx128m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(OracleExporter.class.getName());
    cmd.addAll(args);
    Path out = Files.createTempFile("oracle-exporter-out", ".txt");
    Path err = Files.createTempFile("oracle-exporter-err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    // A clean environment: the developer's DATA_SOURCE_NAME or password must not leak into a test.
    for (String name : List.of("DATA_SOURCE_NAME", "DATA_SOURCE_NAME_FILE", "DEFAULT_METRICS", "CUSTOM_METRICS",
        "QUERY_TIMEOUT", "DATABASE_MAXOPENCONNS", "DATABASE_MAXIDLECONNS", "TELEMETRY_PATH")) {
      pb.environment().remove(name);
    }
    pb.environment().putAll(env);
    return new ExporterProcess(port, pb.start(), out, err);
  }

  private void awaitReady(String path) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("exporter exited with " + process.exitValue() + ": " + stderr());
      }
      try {
        if (Http.get(url(path)).status() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("exporter did not serve " + path + " within 30s: " + stderr());
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  Exposition scrape() throws Exception {
    return Exposition.parse(scrapeText("/metrics"));
  }

  String scrapeText(String path) throws Exception {
    Http.Response r = Http.get(url(path));
    if (r.status() != 200) {
      throw new AssertionError(path + " answered " + r.status() + ": " + r.body());
    }
    return r.body();
  }

  String stdout() throws IOException {
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  String stderr() throws IOException {
    return Files.readString(stderr, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Path p : List.of(stdout, stderr)) {
      File f = p.toFile();
      if (!f.delete()) {
        f.deleteOnExit();
      }
    }
  }
}
