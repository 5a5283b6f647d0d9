package dev.exportersuite.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.ExporterJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A slow query stops at its querytimeout on the server itself, for an account at its MAX_USER_CONNECTIONS: the
 * driver's cancel (KILL QUERY) would need one more connection, which that account cannot open.
 */
class ServerSideTimeLimitTest {

  private final String user = "stl_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @TempDir
  Path dir;

  @BeforeEach
  void limitedUser() throws Exception {
    MariaDb.createUser(user, "stl-pw", "");
    MariaDb.exec("ALTER USER '" + user + "'@'%' WITH MAX_USER_CONNECTIONS 3");
  }

  @AfterEach
  void drop() throws Exception {
    MariaDb.dropUser(user);
  }

  @Test
  void threeSlowQueriesStopAtTheirLimitWithoutAFourthConnection() throws Exception {
    Path file = Files.writeString(dir.resolve("slow.yaml"), """
        metrics:
          - {context: slow_a, request: SELECT SLEEP(20) AS s, querytimeout: 1s, metricsdesc: {s: Slow.}}
          - {context: slow_b, request: SELECT SLEEP(21) AS s, querytimeout: 1s, metricsdesc: {s: Slow.}}
          - {context: slow_c, request: "WITH x AS (SELECT SLEEP(22) AS s) SELECT s FROM x", querytimeout: 1s,
             metricsdesc: {s: Slow.}}
        """);
    try (ExporterJvm p = ExporterProcess.serve(Map.of("MYSQLD_EXPORTER_PASSWORD", "stl-pw"),
        "--mysqld.address=" + MariaDb.ADDRESS, "--mysqld.username=" + user, "--no-default.metrics",
        "--custom.metrics=" + file)) {
      long t0 = System.nanoTime();
      String text = p.scrapeText("/metrics");
      assertThat(text).contains("mysql_up 1").doesNotContain("mysql_slow_a_s ");
      // The server stopped them: 3 s after the scrape began none of them runs, where each would sleep 20 s.
      Thread.sleep(Math.max(0, 3000 - (System.nanoTime() - t0) / 1_000_000));
      assertThat(running()).as("the account's queries still running on the server").isZero();
      // Whichever comes first: the engine's own limit, or the server's error for the same limit.
      assertThat(p.stderr().lines().filter(l -> l.contains("collector 'slow_a' failed: ")).findFirst())
          .hasValueSatisfying(l -> assertThat(l).containsAnyOf("timed out after 1000ms", "max_statement_time exceeded"));
      assertThat(p.stderr()).doesNotContain("max_user_connections");
    }
  }

  private long running() throws Exception {
    try (Connection c = MariaDb.root(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = '" + user
            + "' AND COMMAND = 'Query'")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
