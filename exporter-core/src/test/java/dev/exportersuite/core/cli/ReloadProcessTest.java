package dev.exportersuite.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.FreePort;
import dev.exportersuite.core.testing.Http;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exporter as a real process: it serves, refuses a broken metrics file on reload while keeping the last
 * good definitions, and picks up a fixed file on the next reload (POST /-/reload with --web.enable-lifecycle, or
 * SIGHUP).
 */
class ReloadProcessTest {

  @Test
  void aBrokenReloadKeepsTheLastGoodConfig(@TempDir Path dir) throws Exception {
    Path metrics = dir.resolve("team.yaml");
    Files.writeString(metrics, """
        metrics:
          - context: orders
            metricsdesc: { value: Orders. }
            request: SELECT 1 AS value
        """);
    int port = FreePort.pick();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process p = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
        "dev.exportersuite.core.jdbc.JdbcExporter",
        "--web.listen-address=127.0.0.1:" + port,
        "--jdbc.url=jdbc:mariadb://127.0.0.1:3306/test", "--jdbc.username=root",
        "--custom.metrics=" + metrics, "--web.enable-lifecycle"))
        .redirectErrorStream(true).redirectOutput(dir.resolve("exporter.log").toFile()).start();
    try {
      String base = "http://127.0.0.1:" + port;
      waitUntilServing(base, p, dir.resolve("exporter.log").toFile());
      assertThat(Http.get(base + "/metrics").body()).contains("sql_orders_value 1.0");

      Files.writeString(metrics, """
          metrics:
            - context: orders
              reqest: SELECT 2 AS value
            - context: refunds
              request: SELECT 4 AS value
              labels: [bad-label]
              metricsdesc: { value: Refunds. }
          """);
      Http.Response refused = Http.post(base + "/-/reload");
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body()).contains("previous config stays").contains("team.yaml:3")
          .contains("unknown key 'reqest' (did you mean 'request'?)")
          .contains(metrics + ":6: metrics[1].labels: 'bad-label' is not a valid label name");
      // the log names every problem too, one line each
      assertThat(Files.readString(dir.resolve("exporter.log")))
          .contains("reload refused: " + metrics + ":3: metrics[0].reqest: unknown key")
          .contains("reload refused: " + metrics + ":6: metrics[1].labels: 'bad-label'");
      Exposition kept = Exposition.parse(Http.get(base + "/metrics").body());
      assertThat(kept.value("sql_orders_value")).contains(1.0);
      // A refused reload is visible where alerts and people look, as Prometheus shows its own.
      assertThat(kept.value("sql_exporter_config_last_reload_successful")).contains(0.0);
      double loadedAt = kept.value("sql_exporter_config_last_reload_success_timestamp_seconds").orElseThrow();
      assertThat(loadedAt).isPositive();
      assertThat(Http.get(base + "/").body()).contains("config:    last reload REFUSED at ")
          .contains("(3 problems, see the log)");
      Thread.sleep(1100); // so that the next load's timestamp, in whole seconds, is a later one

      Files.writeString(metrics, """
          metrics:
            - context: orders
              metricsdesc: { value: Orders. }
              request: SELECT 2 AS value
            - context: payments
              metricsdesc: { value: Payments. }
              request: SELECT 3 AS value
          """);
      assertThat(Http.post(base + "/-/reload").status()).isEqualTo(200);
      String after = Http.get(base + "/metrics").body();
      assertThat(after).contains("sql_orders_value 2.0").contains("sql_payments_value 3.0");
      Exposition reloaded = Exposition.parse(after);
      assertThat(reloaded.value("sql_exporter_config_last_reload_successful")).contains(1.0);
      assertThat(reloaded.value("sql_exporter_config_last_reload_success_timestamp_seconds")).hasValueSatisfying(
          t -> assertThat(t).isGreaterThan(loadedAt));
      assertThat(Http.get(base + "/").body()).contains("config:    loaded ").doesNotContain("REFUSED");
      assertThat(Http.get(base + "/-/reload").status()).isEqualTo(405);

      // SIGHUP does the same, as with the Go exporters and Prometheus itself.
      Files.writeString(metrics, """
          metrics:
            - context: refunds
              metricsdesc: { value: Refunds. }
              request: SELECT 4 AS value
          """);
      new ProcessBuilder("kill", "-HUP", Long.toString(p.pid())).start().waitFor();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      String body = "";
      while (System.nanoTime() < deadline && !body.contains("sql_refunds_value 4.0")) {
        Thread.sleep(100);
        body = Http.get(base + "/metrics").body();
      }
      assertThat(body).contains("sql_refunds_value 4.0").doesNotContain("sql_orders_value");
    } finally {
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  private static void waitUntilServing(String base, Process p, File log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new AssertionError("exporter exited: " + Files.readString(log.toPath()));
      }
      try {
        if (Http.get(base + "/-/healthy").status() == 200) {
          return;
        }
      } catch (java.io.IOException e) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("exporter did not start: " + Files.readString(log.toPath()));
  }
}
