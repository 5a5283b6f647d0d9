package dev.exportersuite.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exportersuite.core.collect.Row;
import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.jdbc.SqlRequest;
import dev.exportersuite.core.rows.RowShapingException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The collectors made in code, and the server answers that mean "this server has none of it". */
class BuiltInCollectorsTest {

  @Test
  void binlogSummaryAddsUpTheFilesAndReadsTheLastNumberAsMysqldExporterDoes() {
    BinlogCollector.Summary summary = new BinlogCollector.Summary();
    assertThat(summary.apply(List.of())).as("no binary logs, no series").isEmpty();
    List<Row> rows = summary.apply(List.of(Row.of("Log_name", "mysql-bin.000041", "File_size", 100L),
        Row.of("Log_name", "mysql-bin.000042", "File_size", 23L, "Encrypted", "No")));
    assertThat(rows).containsExactly(Row.of("size_bytes", 123L, "files", 2L, "file_number", 42.0));
    // The second dot-separated part: not a number is 0 (Go's ParseFloat error ignored); no dot, no sample.
    assertThat(BinlogCollector.Summary.fileNumber("my.bin.000001")).isEqualTo(0.0);
    assertThat(BinlogCollector.Summary.fileNumber("binlog")).isNull();
    assertThatThrownBy(() -> summary.apply(List.of(Row.of("Log_name", "b.1", "File_size", "big"))))
        .isInstanceOf(RowShapingException.class).hasMessage("row 1 has no numeric file_size column");
  }

  @Test
  void heartbeatQueryIsMadeFromTheFlags() throws Exception {
    assertThat(HeartbeatCollector.definition(null, null, false).request().sql()).isEqualTo("SELECT UNIX_TIMESTAMP(ts) "
        + "AS stored_timestamp_seconds, UNIX_TIMESTAMP(NOW(6)) AS now_timestamp_seconds, server_id FROM "
        + "`heartbeat`.`heartbeat`");
    assertThat(HeartbeatCollector.definition("percona", "hb-1", true).request().sql())
        .contains("UNIX_TIMESTAMP(UTC_TIMESTAMP(6))").endsWith("FROM `percona`.`hb-1`");
    for (String bad : List.of("", "a b", "x`y", "a.b", "é", "x".repeat(65))) {
      assertThatThrownBy(() -> HeartbeatCollector.definition(bad, null, false)).isInstanceOf(ConfigException.class)
          .hasMessageContaining("--collect.heartbeat.database");
    }
  }

  @Test
  void onlyTheAnswersThatSayAFeatureIsMissingCountAsNoRows() {
    assertThat(AbsentSources.absent("SHOW BINARY LOGS", new SQLException("You are not using binary logging",
        "HY000", 1381))).isTrue();
    assertThat(AbsentSources.absent("SHOW BINARY LOGS", new SQLException("Access denied", "42000", 1227)))
        .as("a missing grant is an error").isFalse();
    String qrt = "SELECT 1 FROM information_schema.QUERY_RESPONSE_TIME WHERE @@query_response_time_stats";
    assertThat(AbsentSources.absent(qrt, new SQLException("Unknown table", "42S02", 1109))).isTrue();
    assertThat(AbsentSources.absent(qrt, new SQLException("Unknown system variable", "HY000", 1193))).isTrue();
    assertThat(AbsentSources.absent("SELECT 1 FROM information_schema.USER_STATISTICS",
        new SQLException("Unknown table", "42S02", 1109))).as("another table's absence is an error").isFalse();
  }

  /** The processlist query on the shared server: min_time filters, the three groupings are sums of its rows. */
  @Test
  void processlistCountsOtherConnectionsByStateUserAndHost() throws Exception {
    try (Connection idle = MariaDb.root(); Connection c = MariaDb.root(); Statement s = c.createStatement()) {
      List<MetricDefinition<SqlRequest>> defs = ProcesslistCollector.definitions(null, null, null);
      assertThat(defs).hasSize(3);
      List<Row> rows = rows(s, defs.get(0).request());
      List<Row> byState = defs.get(0).rows().apply(rows);
      assertThat(byState).anyMatch(r -> r.get("command").equals("sleep") && ((Number) r.get("processlist_threads"))
          .longValue() >= 1);
      assertThat(byState).allMatch(r -> r.get("state").toString().matches("[a-z0-9_]+"));
      long total = byState.stream().mapToLong(r -> ((Number) r.get("processlist_threads")).longValue()).sum();
      List<Row> byHost = defs.get(1).rows().apply(rows);
      List<Row> byUser = defs.get(2).rows().apply(rows);
      assertThat(byHost).allMatch(r -> r.columns().equals(java.util.Set.of("client_host",
          "processlist_processes_by_host")) && !r.get("client_host").toString().contains(":"));
      assertThat(byHost.stream().mapToLong(r -> ((Number) r.get("processlist_processes_by_host")).longValue()).sum())
          .isEqualTo(total);
      assertThat(byUser).anyMatch(r -> r.get("mysql_user").equals("root"));
      assertThat(rows(s, ProcesslistCollector.definitions(100_000_000, null, null).get(0).request()))
          .as("no connection has been in its state for 3 years").isEmpty();
    }
    assertThat(ProcesslistCollector.definitions(0, false, false)).hasSize(1);
    assertThat(ProcesslistCollector.definitions(0, true, false).get(1).metrics().help())
        .containsOnlyKeys("processlist_processes_by_user");
    assertThatThrownBy(() -> ProcesslistCollector.definitions(-1, null, null)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("--collect.info_schema.processlist.min_time");
  }

  private static List<Row> rows(Statement s, SqlRequest request) throws SQLException {
    List<Row> out = new java.util.ArrayList<>();
    try (ResultSet rs = s.executeQuery(request.sql())) {
      while (rs.next()) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          m.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
        }
        out.add(new Row(m));
      }
    }
    return out;
  }
}
