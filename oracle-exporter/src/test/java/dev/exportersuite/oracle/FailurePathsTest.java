package dev.exportersuite.oracle;

import dev.exportersuite.core.testing.ExporterJvm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.FreePort;
import dev.exportersuite.core.testing.Http;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real ojdbc driver against what can run here instead of Oracle: nothing at the port, a listener that is not
 * Oracle's, a DSN the exporter refuses. Each must give oracledb_up 0 quickly with a clear reason, and show the
 * password (full of special characters) nowhere: not on /metrics, the landing page, stdout or stderr.
 */
class FailurePathsTest {

  static final String PASSWORD = DsnFormsTest.NASTY;
  /** The default connect timeout (2s), JVM warm-up of the first logon, and room for a busy 2-core machine. */
  static final Duration QUICK = Duration.ofMillis(4500);

  private static Map<String, String> dsnTo(int port) {
    return Map.of("DATA_SOURCE_NAME", "oracle://monitor:" + PASSWORD + "@127.0.0.1:" + port + "/ORCLPDB1");
  }

  private record Scrape(Exposition metrics, String text, String landing, Duration took) {}

  private static Scrape scrape(ExporterJvm p) throws Exception {
    long t0 = System.nanoTime();
    String text = p.scrapeText("/metrics");
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    return new Scrape(Exposition.parse(text), text, Http.get(p.url("/")).body(), took);
  }

  private static void assertNoPassword(String... texts) {
    for (String t : texts) {
      assertThat(t).doesNotContain(PASSWORD).doesNotContain("p@ss:w").doesNotContain("p%40ss");
    }
  }

  @Test
  void nothingListeningIsDownQuicklyWithTheListenerHint() throws Exception {
    int port = FreePort.pick();
    try (ExporterJvm p = ExporterProcess.serve(dsnTo(port))) {
      Scrape s = scrape(p);
      assertThat(s.metrics().value("oracledb_up")).contains(0.0);
      assertThat(s.took()).isLessThan(QUICK);
      assertThat(s.landing()).contains("no listener at 127.0.0.1:" + port).contains("ORA-12541");
      Scrape again = scrape(p);
      assertThat(again.metrics().value("oracledb_up")).contains(0.0);
      // oracledb_exporter's own metrics, by its names, and none it does not have but the two of the suite's
      // reload status. scrape_errors_total{collector} has no series before a collector ran, as the peer's
      // CounterVec has none.
      assertThat(again.metrics().types().keySet()).filteredOn(n -> n.startsWith("oracledb_")).containsExactlyInAnyOrder(
          "oracledb_up", "oracledb_exporter_last_scrape_duration_seconds", "oracledb_exporter_last_scrape_error",
          "oracledb_exporter_scrapes_total", "oracledb_exporter_build_info",
          "oracledb_exporter_config_last_reload_successful",
          "oracledb_exporter_config_last_reload_success_timestamp_seconds");
      assertThat(again.metrics().value("oracledb_exporter_last_scrape_error")).contains(1.0);
      assertNoPassword(s.text(), s.landing(), p.stdout(), p.stderr());
      // Logged once, not at every scrape: the message carries nothing that changes per attempt.
      assertThat(p.stderr().split("no listener at", -1)).hasSize(2);
    }
  }

  @Test
  void aListenerThatIsNotOraclesIsDownQuicklyWithAReason() throws Exception {
    for (NotOracleListener.Mode mode : List.of(NotOracleListener.Mode.JUNK, NotOracleListener.Mode.CLOSE,
        NotOracleListener.Mode.SILENT)) {
      try (NotOracleListener listener = new NotOracleListener(mode);
          ExporterJvm p = ExporterProcess.serve(dsnTo(listener.port()))) {
        Scrape s = scrape(p);
        assertThat(s.metrics().value("oracledb_up")).as(mode.toString()).contains(0.0);
        assertThat(s.took()).as(mode.toString()).isLessThan(QUICK);
        assertThat(listener.accepted()).as(mode + ": the driver did reach it").isPositive();
        assertThat(s.landing()).as(mode.toString()).contains("127.0.0.1:" + listener.port());
        assertThat(s.landing()).as(mode.toString()).contains(mode == NotOracleListener.Mode.SILENT
            ? "no answer to the logon within the connect timeout" : "is it an Oracle listener");
        Scrape again = scrape(p);
        assertThat(again.metrics().value("oracledb_up")).contains(0.0);
        assertThat(p.stderr().split("collector 'connection' failed", -1)).as(mode + ": logged once: " + p.stderr())
            .hasSize(2);
        assertNoPassword(s.text(), s.landing(), p.stdout(), p.stderr());
      }
    }
  }

  @Test
  void onceReportsTheReasonOnStderrAndFails() throws Exception {
    int port = FreePort.pick();
    ExporterJvm.Result r = ExporterProcess.once(dsnTo(port));
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.metrics().value("oracledb_up")).contains(0.0);
    assertThat(r.stderr()).contains("no listener at 127.0.0.1:" + port);
    assertNoPassword(r.stdout(), r.stderr());
  }

  @Test
  void aRefusedDsnIsAConfigErrorAtStartWithoutThePassword() throws Exception {
    long t0 = System.nanoTime();
    ExporterJvm.Result r = ExporterProcess.once(Map.of("DATA_SOURCE_NAME",
        "oracle://monitor:" + PASSWORD + "@127.0.0.1:1521/ORCLPDB1?wallet_location=/x"));
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("error: DATA_SOURCE_NAME: unknown DSN option 'wallet location'");
    assertThat(r.stdout()).isEmpty();
    assertNoPassword(r.stderr());
  }

  @Test
  void theTelemetryPathFromTheEnvironment() throws Exception {
    Map<String, String> env = new java.util.HashMap<>(dsnTo(FreePort.pick()));
    env.put("TELEMETRY_PATH", "/oracle-metrics");
    try (ExporterJvm p = ExporterProcess.serve(env)) {
      assertThat(Exposition.parse(p.scrapeText("/oracle-metrics")).value("oracledb_up")).contains(0.0);
    }
  }
}
