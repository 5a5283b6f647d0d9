package dev.exportersuite.redis;

import dev.exportersuite.core.testing.FreePort;
import dev.exportersuite.core.testing.Http;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real exporter process on a free loopback port: ours (the CLI's main class on the test classpath) or the
 * Debian {@code prometheus-redis-exporter}. Stopped by its own process handle, never by name.
 */
final class ExporterProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;

  private ExporterProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Ours, with these flags (a listen address is added) and extra environment variables. */
  static ExporterProcess ours(Map<String, String> env, String... flags) throws Exception {
    int port = FreePort.pick();
    List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx128m", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), RedisExporter.class.getName(),
        "--web.listen-address=127.0.0.1:" + port));
    cmd.addAll(List.of(flags));
    return start(cmd, env, port);
  }

  /** The Debian redis_exporter 1.45 against the same server. */
  static ExporterProcess peer(String... flags) throws Exception {
    int port = FreePort.pick();
    List<String> cmd = new ArrayList<>(List.of("prometheus-redis-exporter",
        "--web.listen-address=127.0.0.1:" + port));
    cmd.addAll(List.of(flags));
    return start(cmd, Map.of(), port);
  }

  private static ExporterProcess start(List<String> cmd, Map<String, String> env, int port) throws Exception {
    Path log = Files.createTempFile("redis-exporter-test", ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    // A clean environment for the variables under test: the machine's own must not leak in.
    pb.environment().keySet().removeIf(k -> k.startsWith("REDIS_"));
    pb.environment().putAll(env);
    ExporterProcess p = new ExporterProcess(pb.start(), port, log);
    p.awaitReady();
    return p;
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private void awaitReady() throws Exception {
    long until = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new IllegalStateException("exporter exited with " + process.exitValue() + ":\n" + log());
      }
      try {
        Http.get(url("/"));
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("exporter did not listen within 30s:\n" + log());
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  String metrics() throws Exception {
    Http.Response r = Http.get(url("/metrics"));
    if (r.status() != 200) {
      throw new IllegalStateException("HTTP " + r.status() + ": " + r.body());
    }
    return r.body();
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    new File(log.toString()).delete();
  }
}
