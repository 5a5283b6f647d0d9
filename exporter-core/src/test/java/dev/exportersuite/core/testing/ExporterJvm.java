package dev.exportersuite.core.testing;

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
import java.util.function.Consumer;

/**
 * An exporter in its own JVM, as users run it: real flags and environment variables (which a test cannot set in
 * its own process), real HTTP, and stdout and stderr kept for checks on what was printed and logged.
 */
public final class ExporterJvm implements AutoCloseable {

  /**
   * What differs between modules: the main class, and how the child's environment is cleaned so that a
   * developer's own DATA_SOURCE_NAME or password never leaks into a test.
   */
  public record Launch(Class<?> main, Consumer<ProcessBuilder> isolate) {}

  public final int port;
  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private ExporterJvm(int port, Process process, Path stdout, Path stderr) {
    this.port = port;
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** Starts serving on a free loopback port and waits until /-/healthy answers. */
  public static ExporterJvm serve(Launch launch, Map<String, String> env, String... args) throws Exception {
    int port = FreePort.pick();
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--web.listen-address=127.0.0.1:" + port);
    ExporterJvm p = start(launch, port, env, all);
    p.awaitReady("/-/healthy");
    return p;
  }

  /** Runs {@code --once} and returns exit code, stdout and stderr. */
  public static Result once(Launch launch, Map<String, String> env, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--once");
    try (ExporterJvm p = start(launch, 0, env, all)) {
      if (!p.process.waitFor(60, TimeUnit.SECONDS)) {
        throw new AssertionError("--once did not finish within 60s");
      }
      return new Result(p.process.exitValue(), p.stdout(), p.stderr());
    }
  }

  /** What {@code --once} printed. */
  public record Result(int exitCode, String stdout, String stderr) {
    public Exposition metrics() {
      return Exposition.parse(stdout);
    }
  }

  private static ExporterJvm start(Launch launch, int port, Map<String, String> env, List<String> args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx128m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(launch.main().getName());
    cmd.addAll(args);
    String name = launch.main().getSimpleName();
    Path out = Files.createTempFile(name + "-out", ".txt");
    Path err = Files.createTempFile(name + "-err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    launch.isolate().accept(pb);
    pb.environment().putAll(env);
    return new ExporterJvm(port, pb.start(), out, err);
  }

  public void awaitReady(String path) throws Exception {
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

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  public Exposition scrape() throws Exception {
    return Exposition.parse(scrapeText("/metrics"));
  }

  public String scrapeText(String path) throws Exception {
    Http.Response r = Http.get(url(path));
    if (r.status() != 200) {
      throw new AssertionError(path + " answered " + r.status() + ": " + r.body());
    }
    return r.body();
  }

  public String stdout() throws IOException {
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  public String stderr() throws IOException {
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
