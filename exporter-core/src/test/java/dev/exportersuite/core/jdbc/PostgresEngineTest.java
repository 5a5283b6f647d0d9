package dev.exportersuite.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.RunningExporter;
import org.junit.jupiter.api.Test;

/** The engine on the machine's real PostgreSQL (127.0.0.1:5432, database test, trust auth). */
class PostgresEngineTest extends JdbcEngineContract {

  /** A point in time is a value: epoch seconds, as "last backup at" metrics need. */
  @Test
  void timestampsBecomeEpochSeconds() throws Exception {
    String yaml = """
        metrics:
          - context: backup
            metricsdesc: { last_success_timestamp_seconds: When the last backup finished. }
            request: SELECT TIMESTAMPTZ '2020-01-02 03:04:05+00' AS last_success_timestamp_seconds
        """;
    try (RunningExporter<?> exporter = new RunningExporter<>("pg", executor(), SqlRequest.parser(), yaml)) {
      assertThat(exporter.scrapeParsed().value("pg_backup_last_success_timestamp_seconds")).contains(1577934245.0);
    }
  }

  @Override
  String host() {
    return "127.0.0.1";
  }

  @Override
  int port() {
    return 5432;
  }

  @Override
  String url(String hostAndPort) {
    return "jdbc:postgresql://" + hostAndPort + "/test";
  }

  @Override
  String user() {
    return "postgres";
  }

  @Override
  String sleepRequest(int seconds) {
    return "SELECT 1 AS value FROM pg_sleep(" + seconds + ")";
  }

  @Override
  String randomExpression() {
    return "random()";
  }
}
