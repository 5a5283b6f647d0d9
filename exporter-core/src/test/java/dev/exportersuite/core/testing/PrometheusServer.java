package dev.exportersuite.core.testing;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real Prometheus server (Debian package prometheus; scripts/services.sh installs it) scraping one target, for
 * tests that must show what Prometheus itself makes of an exposition: {@code rate()} on a series, say.
 */
public final class PrometheusServer implements AutoCloseable {

  /** The first sample's value of an instant-vector answer: {@code "value":[1700000000.123,"0.97"]}. */
  private static final Pattern FIRST_VALUE = Pattern.compile("\"value\":\\[[0-9.e+-]+,\"([^\"]+)\"]");

  private final Process process;
  private final String base;
  private final Path log;

  private PrometheusServer(Process process, String base, Path log) {
    this.process = process;
    this.base = base;
    this.log = log;
  }

  /** Starts Prometheus scraping {@code http://<target>/metrics} every {@code interval}; ready when it returns. */
  public static PrometheusServer scraping(String target, Duration interval, Path dir) throws Exception {
    int port = FreePort.pick();
    Path config = Files.writeString(dir.resolve("prometheus.yml"), """
        global: {scrape_interval: %1$dms, evaluation_interval: %1$dms}
        scrape_configs:
          - job_name: target
            static_configs: [{targets: ['%2$s']}]
        """.formatted(interval.toMillis(), target));
    Path log = dir.resolve("prometheus.log");
    Process p = new ProcessBuilder("prometheus", "--config.file=" + config,
        "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    PrometheusServer server = new PrometheusServer(p, "http://127.0.0.1:" + port, log);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        if (Http.get(server.base + "/-/ready").status() == 200) {
          return server;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (!p.isAlive() || System.nanoTime() > until) {
        server.close();
        throw new IllegalStateException("prometheus did not become ready:\n" + server.logTail());
      }
      Thread.sleep(100);
    }
  }

  /** The value of the first series an instant query returns, empty while it returns none. */
  public Optional<Double> firstValue(String promql) throws IOException, InterruptedException {
    Http.Response r = Http.get(base + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    if (r.status() != 200) {
      throw new IOException("query " + promql + " answered " + r.status() + ": " + r.body());
    }
    Matcher m = FIRST_VALUE.matcher(r.body());
    return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
  }

  /**
   * Polls {@code promql} until its value satisfies {@code ready}, for at most {@code patience}: the value it had
   * last, which the caller asserts on.
   */
  public Optional<Double> awaitValue(String promql, DoublePredicate ready, Duration patience)
      throws IOException, InterruptedException {
    long until = System.nanoTime() + patience.toNanos();
    Optional<Double> v = firstValue(promql);
    while ((v.isEmpty() || !ready.test(v.get())) && System.nanoTime() < until) {
      Thread.sleep(200);
      v = firstValue(promql);
    }
    return v;
  }

  public String logTail() {
    try {
      String text = Files.readString(log);
      return text.substring(Math.max(0, text.length() - 4000));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
