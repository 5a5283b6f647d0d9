package dev.exportersuite.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.collect.Row;
import dev.exportersuite.core.jdbc.JdbcExecutor;
import dev.exportersuite.core.jdbc.JdbcSettings;
import dev.exportersuite.core.jdbc.SqlRequest;
import dev.exportersuite.core.snapshots.LabelValues;
import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.RunningExporter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core's column readers on a STAND-IN database: H2 in Oracle compatibility mode. It is not Oracle: it has
 * Oracle's type names and SQL dialect for NUMBER, BINARY_FLOAT/DOUBLE, CLOB/NCLOB, DATE, TIMESTAMP [WITH TIME
 * ZONE] and INTERVAL, but not ojdbc's type codes or classes (TIMESTAMP WITH LOCAL TIME ZONE and RAW's type name
 * are Oracle's only; the core's unit test covers how those codes are mapped). What ojdbc itself returns is listed
 * as unverified in the README.
 */
class ColumnTypesStandInTest {

  private static final String URL = "jdbc:h2:mem:oracle_standin;MODE=Oracle;DB_CLOSE_DELAY=-1";
  private static Connection keepAlive;
  private static JdbcExecutor executor;

  @BeforeAll
  static void createTable() throws Exception {
    keepAlive = DriverManager.getConnection(URL, "sa", "");
    try (Statement s = keepAlive.createStatement()) {
      s.execute("CREATE TABLE typed (id NUMBER(10), big NUMBER(38), frac NUMBER, bf BINARY_FLOAT, bd BINARY_DOUBLE,"
          + " txt CLOB, ntxt NCLOB, d DATE, ts TIMESTAMP(6), tz TIMESTAMP WITH TIME ZONE,"
          + " ds INTERVAL DAY(3) TO SECOND(3), ym INTERVAL YEAR TO MONTH, name VARCHAR2(40))");
      s.execute("INSERT INTO typed VALUES (1, 12345678901234567890123456789012345678, 0.0000001, 1.5, 2.25,"
          + " 'SELECT * FROM dual', N'été', TIMESTAMP '2024-01-02 03:04:05', TIMESTAMP '2024-01-02 03:04:05.5',"
          + " TIMESTAMP '2024-01-02 03:04:05+02:00', INTERVAL '1 02:03:04.5' DAY TO SECOND,"
          + " INTERVAL '1-2' YEAR TO MONTH, 'first')");
      s.execute("INSERT INTO typed VALUES (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
          + " INTERVAL '-0 00:00:30' DAY TO SECOND, INTERVAL '-0-3' YEAR TO MONTH, 'second')");
      s.execute("INSERT INTO typed (id, txt, name) VALUES (3, REPEAT('x', 10000), 'long')");
    }
    executor = new JdbcExecutor(new JdbcSettings(URL, Optional.of("sa"), Optional.of(""), 2, Duration.ofSeconds(2),
        Optional.empty(), Map.of(), 1000));
  }

  @AfterAll
  static void close() throws Exception {
    executor.close();
    keepAlive.close();
  }

  private static Row row(int id) throws Exception {
    List<Row> rows = executor.fetch(new SqlRequest("SELECT * FROM typed WHERE id = " + id), Duration.ofSeconds(5));
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  @Test
  void numbersOfAnyPrecisionStayNumbers() throws Exception {
    Row r = row(1);
    assertThat(r.get("big")).isInstanceOf(BigDecimal.class)
        .isEqualTo(new BigDecimal("12345678901234567890123456789012345678"));
    assertThat(r.get("frac")).isInstanceOf(BigDecimal.class);
    assertThat(((Number) r.get("bf")).doubleValue()).isEqualTo(1.5);
    assertThat(((Number) r.get("bd")).doubleValue()).isEqualTo(2.25);
  }

  @Test
  void lobsAreReadAsBoundedText() throws Exception {
    assertThat(row(1).get("txt")).isEqualTo("SELECT * FROM dual");
    assertThat(row(1).get("ntxt")).isEqualTo("été");
    assertThat((String) row(3).get("txt")).hasSize(4096);
    assertThat(row(2).get("txt")).isNull();
  }

  @Test
  void datesAndTimestampsAreEpochSeconds() throws Exception {
    Row r = row(1);
    double local = LocalDateTime.of(2024, 1, 2, 3, 4, 5).atZone(ZoneId.systemDefault()).toEpochSecond();
    assertThat(r.get("d")).isEqualTo(local);
    assertThat(r.get("ts")).isEqualTo(local + 0.5);
    assertThat(r.get("tz")).isEqualTo((double) OffsetDateTime.parse("2024-01-02T03:04:05+02:00").toEpochSecond());
    assertThat(row(2).get("ts")).isNull();
  }

  @Test
  void intervalsAreSecondsAndMonths() throws Exception {
    assertThat(row(1).get("ds")).isEqualTo(86400 + 2 * 3600 + 3 * 60 + 4.5);
    assertThat(row(1).get("ym")).isEqualTo(14.0);
    assertThat(row(2).get("ds")).isEqualTo(-30.0);
    assertThat(row(2).get("ym")).isEqualTo(-3.0);
  }

  /** The whole path: rows to families, with a CLOB label longer than any label may be. */
  @Test
  void throughTheExporterALongClobLabelIsCutAndTheOtherSeriesStay() throws Exception {
    String yaml = """
        metrics:
          - context: typed
            labels: [name, txt]
            request: SELECT id, name, txt, big, d, ds FROM typed
            metricsdesc:
              id: Id.
              big: Big.
              d: Date.
              ds: Interval.
        """;
    try (RunningExporter<SqlRequest> e = new RunningExporter<>("oracledb", new JdbcExecutor(new JdbcSettings(URL,
        Optional.of("sa"), Optional.of(""), 2, Duration.ofSeconds(2), Optional.empty(), Map.of(), 1000)),
        SqlRequest.parser(), yaml)) {
      Exposition x = e.scrapeParsed();
      assertThat(x.value("oracledb_up")).contains(1.0);
      assertThat(x.value("oracledb_typed_big", "name", "first", "txt", "SELECT * FROM dual"))
          .contains(1.2345678901234568E37);
      assertThat(x.value("oracledb_typed_ds", "name", "second", "txt", "")).contains(-30.0);
      String cut = x.samples("oracledb_typed_id").stream().filter(s -> s.labels().get("name").equals("long"))
          .findFirst().orElseThrow().labels().get("txt");
      assertThat(cut).hasSize(LabelValues.MAX_LENGTH).endsWith(LabelValues.CUT_SUFFIX);
      assertThat(x.value("oracledb_exporter_last_scrape_error")).contains(0.0);
    }
  }

  /** Names the Go exporters print, through the stand-in: a fieldtoappend gauge ending in _total, and untyped. */
  @Test
  void peerNamesSurviveTheClientLibrary() throws Exception {
    String yaml = """
        metrics:
          - context: activity
            fieldtoappend: name
            request: >-
              SELECT 'parse count (total)' AS name, 10 AS v FROM dual
              UNION ALL SELECT 'user commits', 3 FROM dual
            metricsdesc: {v: Activity.}
          - context: wait_time
            labels: [inst_id]
            fieldtoappend: wait_class
            request: SELECT 1 AS inst_id, 'User I/O' AS wait_class, 12.5 AS time_waited_sec_total FROM dual
            metricsdesc: {time_waited_sec_total: Seconds.}
            metricstype: {time_waited_sec_total: untyped}
        """;
    try (RunningExporter<SqlRequest> e = new RunningExporter<>("oracledb", new JdbcExecutor(new JdbcSettings(URL,
        Optional.of("sa"), Optional.of(""), 2, Duration.ofSeconds(2), Optional.empty(), Map.of(), 1000)),
        SqlRequest.parser(), yaml)) {
      String text = e.scrape();
      Exposition x = Exposition.parse(text);
      assertThat(x.value("oracledb_activity_user_commits")).as(text).contains(3.0);
      assertThat(x.value("oracledb_wait_time_user_io", "inst_id", "1")).contains(12.5);
      assertThat(x.type("oracledb_wait_time_user_io")).contains("untyped");
      assertThat(text).doesNotContain("oracledb_wait_time_user_io_total");
      // A gauge whose name ends in _total, as the peer prints it.
      assertThat(x.value("oracledb_activity_parse_count_total")).as(text).isPresent();
    }
  }
}
