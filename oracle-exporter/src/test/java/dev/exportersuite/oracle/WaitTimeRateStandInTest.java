package dev.exportersuite.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.jdbc.JdbcExecutor;
import dev.exportersuite.core.jdbc.JdbcSettings;
import dev.exportersuite.core.jdbc.SqlRequest;
import dev.exportersuite.core.testing.PrometheusServer;
import dev.exportersuite.core.testing.RunningExporter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The successor's {@code oracledb_wait_time_*} are counters that dashboards query by their names without
 * {@code _total}; this exporter keeps those names by exposing them untyped. Shown here with the REAL Prometheus
 * server scraping the shipped {@code wait_time} definition, unchanged, on a STAND-IN database (H2 in Oracle mode,
 * a table named like {@code gv$system_wait_class} whose {@code time_waited} grows by one second per second, as
 * Oracle's does for a session that waits all the time): {@code rate()} gives 1.
 */
class WaitTimeRateStandInTest {

  private static final String URL = "jdbc:h2:mem:wait_time_rate_standin;MODE=Oracle;DB_CLOSE_DELAY=-1";

  @TempDir
  Path dir;

  @Test
  void prometheusTakesTheRateOfTheUntypedWaitTimeAsOfACounter() throws Exception {
    try (Connection db = DriverManager.getConnection(URL, "sa", "")) {
      try (Statement s = db.createStatement()) {
        s.execute("CREATE TABLE gv$system_wait_class (inst_id NUMBER, con_id NUMBER, wait_class VARCHAR2(64), "
            + "time_waited NUMBER)");
        s.execute("INSERT INTO gv$system_wait_class VALUES (1, 0, 'User I/O', 0), (1, 0, 'Idle', 0)");
      }
      long start = System.nanoTime();
      ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
      // time_waited is in hundredths of a second: one second waited per second of wall time.
      PreparedStatement tick = db.prepareStatement("UPDATE gv$system_wait_class SET time_waited = ?");
      clock.scheduleAtFixedRate(() -> {
        try {
          tick.setLong(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) / 10);
          tick.executeUpdate();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, 0, 50, TimeUnit.MILLISECONDS);
      try (RunningExporter<SqlRequest> exporter = new RunningExporter<>("oracledb", new JdbcExecutor(
          new JdbcSettings(URL, Optional.of("sa"), Optional.of(""), 2, Duration.ofSeconds(2), Optional.empty(),
              Map.of(), 1000)), SqlRequest.parser(), "metrics:\n" + shippedEntry("wait_time"));
          PrometheusServer prometheus = PrometheusServer.scraping(exporter.url("").substring("http://".length()),
              Duration.ofMillis(500), dir)) {
        assertThat(exporter.scrape()).contains("# TYPE oracledb_wait_time_user_io untyped")
            .doesNotContain("oracledb_wait_time_user_io_total").doesNotContain("oracledb_wait_time_idle");
        // Until Prometheus holds samples across the whole window, rate() extrapolates from a part of it.
        assertThat(prometheus.awaitValue("count_over_time(oracledb_wait_time_user_io[3s])", n -> n >= 6,
            Duration.ofSeconds(20))).as(prometheus.logTail()).hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(6));
        Optional<Double> rate = prometheus.firstValue("rate(oracledb_wait_time_user_io[3s])");
        assertThat(rate).as(prometheus.logTail()).hasValueSatisfying(r -> assertThat(r).isBetween(0.8, 1.2));
        assertThat(prometheus.firstValue("increase(oracledb_wait_time_user_io{inst_id=\"1\",con_id=\"0\"}[3s])"))
            .hasValueSatisfying(i -> assertThat(i).isBetween(2.4, 3.6));
      } finally {
        clock.shutdownNow();
        clock.awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  /** One entry of the shipped default metrics file, as written there (up to the next entry). */
  private static String shippedEntry(String context) throws Exception {
    String yaml;
    try (InputStream in = OracleExporter.class.getClassLoader()
        .getResourceAsStream(OracleExporter.DEFAULT_METRICS.get(0))) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int from = yaml.indexOf("  - context: " + context + "\n");
    assertThat(from).as("the shipped file has a %s entry", context).isPositive();
    int to = yaml.indexOf("\n  - context: ", from + 1);
    return yaml.substring(from, to < 0 ? yaml.length() : to + 1);
  }
}
