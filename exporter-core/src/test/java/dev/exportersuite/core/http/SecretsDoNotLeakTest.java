package dev.exportersuite.core.http;

import dev.exportersuite.core.jdbc.SqlRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.jdbc.JdbcExecutor;
import dev.exportersuite.core.jdbc.JdbcSettings;
import dev.exportersuite.core.testing.Http;
import dev.exportersuite.core.testing.RunningExporter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A login that fails puts its reason on the page and in the log, never the password. */
class SecretsDoNotLeakTest {

  private static final String SECRET = "Sup3r$ecret:pw@x";

  @Test
  void aRejectedPasswordAppearsNowhere() throws Exception {
    PrintStream oldErr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      JdbcExecutor executor = new JdbcExecutor(new JdbcSettings("jdbc:mariadb://127.0.0.1:3306/test?password=" + SECRET,
          Optional.of("no_such_user_for_secret_test"), Optional.of(SECRET), 2, Duration.ofSeconds(1),
          Optional.empty(), Map.of(), 1000));
      try (RunningExporter<?> exporter = new RunningExporter<>("oracledb", executor, SqlRequest.parser(), """
          metrics:
            - context: sessions
              metricsdesc: { value: Sessions. }
              request: SELECT 3 AS value
          """)) {
        String metrics = exporter.scrape();
        String page = Http.get(exporter.url("/")).body();
        assertThat(metrics).contains("oracledb_up 0.0").doesNotContain(SECRET);
        assertThat(page).contains("Datastore unreachable").contains("no_such_user_for_secret_test")
            .doesNotContain(SECRET).doesNotContain("Sup3r");
      }
    } finally {
      System.setErr(oldErr);
    }
    assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET).doesNotContain("Sup3r");
  }
}
