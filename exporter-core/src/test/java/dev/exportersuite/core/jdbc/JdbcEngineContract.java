package dev.exportersuite.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exportersuite.core.collect.EngineSettings;
import dev.exportersuite.core.testing.CountingExecutor;
import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.Http;
import dev.exportersuite.core.testing.Promtool;
import dev.exportersuite.core.testing.RunningExporter;
import dev.exportersuite.core.testing.TcpProxy;
import io.prometheus.metrics.model.snapshots.Labels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The engine's behaviour on a real database, run once per database the machine has (MariaDB, PostgreSQL), to
 * show the core is not tied to one SQL dialect. Subclasses give the connection and the few dialect bits.
 */
abstract class JdbcEngineContract {

  abstract String host();

  abstract int port();

  abstract String url(String hostAndPort);

  abstract String user();

  /** A request that takes {@code seconds} and returns one row with a numeric {@code value}. */
  abstract String sleepRequest(int seconds);

  /** An expression giving a new number each time it runs. */
  abstract String randomExpression();

  JdbcExecutor executor() {
    return executor(host() + ":" + port());
  }

  /**
   * A database that refuses the connection answers the liveness check at once, not after the pool's wait (the
   * connect timeout, 10 s here): every scrape while it is down stays short, as the Go exporters' are.
   */
  @Test
  void aRefusedConnectionIsDownAtOnceNotAfterTheConnectTimeout() throws Exception {
    int closed = dev.exportersuite.core.testing.FreePort.pick();
    assertDownAtOnce(new JdbcSettings(url("127.0.0.1:" + closed), Optional.of(user()), Optional.empty(), 2,
        Duration.ofSeconds(10), Optional.empty(), java.util.Map.of(), JdbcSettings.DEFAULT_MAX_ROWS));
  }

  static void assertDownAtOnce(JdbcSettings settings) {
    try (JdbcExecutor executor = new JdbcExecutor(settings)) {
      for (int scrape = 0; scrape < 3; scrape++) {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> executor.ping(Duration.ofSeconds(2))).isInstanceOf(java.sql.SQLException.class);
        assertThat((System.nanoTime() - t0) / 1_000_000).as("scrape %d", scrape).isLessThan(3000);
      }
    }
  }

  JdbcExecutor executor(String hostAndPort) {
    return new JdbcExecutor(new JdbcSettings(url(hostAndPort), Optional.of(user()), Optional.empty(), 4,
        Duration.ofSeconds(2), Optional.empty(), java.util.Map.of(), JdbcSettings.DEFAULT_MAX_ROWS));
  }

  /** Size bounds: rows (max_rows) and text per request, each failing its own request with a clear message. */
  @Test
  void aRequestBeyondItsRowOrTextBoundFailsAloneWithTheLimitNamed() throws Exception {
    String sixRows = "SELECT 1 AS value UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5"
        + " UNION ALL SELECT 6";
    try (JdbcExecutor five = new JdbcExecutor(new JdbcSettings(url(host() + ":" + port()), Optional.of(user()),
        Optional.empty(), 2, Duration.ofSeconds(5), Optional.empty(), java.util.Map.of(), 5))) {
      assertThatThrownBy(() -> five.fetch(new SqlRequest(sixRows), Duration.ofSeconds(5)))
          .hasMessage("the request returned more than 5 rows (max_rows); aggregate or filter in the request");
      assertThat(five.fetch(new SqlRequest(sixRows.substring(0, sixRows.lastIndexOf(" UNION"))),
          Duration.ofSeconds(5))).hasSize(5);
    }
    // 9 rows of 1 Mi characters: past the 8 Mi bound at the 9th row.
    String big = String.join(" UNION ALL ", java.util.Collections.nCopies(9,
        "SELECT REPEAT('x', 1048576) AS label, 1 AS value"));
    try (JdbcExecutor executor = executor()) {
      assertThatThrownBy(() -> executor.fetch(new SqlRequest(big), Duration.ofSeconds(10)))
          .hasMessageStartingWith("the request returned more than 8388608 characters of text");
      assertThat(executor.fetch(new SqlRequest("SELECT 'ok' AS label, 1 AS value"), Duration.ofSeconds(5)))
          .hasSize(1);
    }
  }

  @Test
  void labelsTypesAndHistogramsBecomeTheRightFamilies() throws Exception {
    String yaml = """
        metrics:
          - context: sessions
            labels: [status, TYPE]          # label names are lower-cased, as Oracle's exporter does
            metricsdesc:
              value: Sessions by status and type.
              executions: Executions so far.
              raw: An untyped value.
            metricstype: { executions: counter, raw: untyped }
            request: >
              SELECT 'ACTIVE' AS status, 'USER' AS type, 3 AS value, 100 AS executions, 1.5 AS raw
              UNION ALL SELECT 'INACTIVE', 'BACKGROUND', 7, 200, 2.5
          - context: query
            metricsdesc: { latency_seconds: Query latency. }
            metricstype: { latency_seconds: histogram }
            metricsbuckets:
              latency_seconds: { le_fast: 0.1, le_slow: 1 }
            request: SELECT 'ora' AS db, 4.5 AS latency_seconds, 10 AS count, 6 AS le_fast, 9 AS le_slow
        """;
    try (RunningExporter<?> exporter = new RunningExporter<>("oracledb", executor(), SqlRequest.parser(), yaml)) {
      String text = exporter.scrape();
      Exposition e = Exposition.parse(text);
      assertThat(e.type("oracledb_sessions_value")).contains("gauge");
      assertThat(e.value("oracledb_sessions_value", "status", "ACTIVE", "type", "USER")).contains(3.0);
      assertThat(e.value("oracledb_sessions_value", "status", "INACTIVE", "type", "BACKGROUND")).contains(7.0);
      assertThat(e.type("oracledb_sessions_executions_total")).contains("counter");
      assertThat(e.value("oracledb_sessions_executions_total", "status", "INACTIVE", "type", "BACKGROUND"))
          .contains(200.0);
      assertThat(e.type("oracledb_sessions_raw")).contains("untyped");
      assertThat(e.help("oracledb_sessions_value")).contains("Sessions by status and type.");
      assertThat(e.type("oracledb_query_latency_seconds")).contains("histogram");
      assertThat(e.value("oracledb_query_latency_seconds_bucket", "le", "0.1")).contains(6.0);
      assertThat(e.value("oracledb_query_latency_seconds_bucket", "le", "1")).contains(9.0); // as the Go exporters print it
      assertThat(e.value("oracledb_query_latency_seconds_bucket", "le", "+Inf")).contains(10.0);
      assertThat(e.value("oracledb_query_latency_seconds_sum")).contains(4.5);
      assertThat(e.value("oracledb_query_latency_seconds_count")).contains(10.0);
      assertThat(e.value("oracledb_up")).contains(1.0);
      assertThat(e.value("oracledb_exporter_last_scrape_error")).contains(0.0);
      Promtool.Result lint = Promtool.checkMetrics(text);
      assertThat(lint.exitCode()).as(lint.output()).isZero();
    }
  }

  @Test
  void fieldToAppendNamesTheMetricFromAColumnValue() throws Exception {
    String yaml = """
        metrics:
          - context: wait_time
            fieldtoappend: wait_class
            labels: [con_id]
            metricsdesc: { value: Time waited per wait class. }
            request: >
              SELECT 'User I/O' AS WAIT_CLASS, 1 AS con_id, 0.25 AS VALUE
              UNION ALL SELECT 'Commit', 1, 0.5
        """;
    try (RunningExporter<?> exporter = new RunningExporter<>("oracledb", executor(), SqlRequest.parser(), yaml)) {
      Exposition e = exporter.scrapeParsed();
      assertThat(e.value("oracledb_wait_time_user_io", "con_id", "1")).contains(0.25);
      assertThat(e.value("oracledb_wait_time_commit", "con_id", "1")).contains(0.5);
    }
  }

  @Test
  void nameRulesTurnNameValueRowsIntoLabelledFamilies() throws Exception {
    String yaml = """
        metrics:
          - context: global_status
            fieldtoappend: variable_name
            metricsdesc: { value: Generic metric. }
            metricstype: { value: untyped }
            skipnonnumeric: true
            valuemap: { "ON": 1, "OFF": 0 }
            namerules:
              - match: "com_(.*)"
                name: commands_total
                labels: { command: "$1" }
                type: counter
                help: Total number of executed commands.
              - match: "ssl_.*"
                drop: true
              - match: "uptime_ms"
                name: uptime_seconds
                type: gauge
                scale: 0.001
            request: >
              SELECT 'Com_select' AS variable_name, '42' AS value
              UNION ALL SELECT 'Com_insert', '7'
              UNION ALL SELECT 'Ssl_accepts', '3'
              UNION ALL SELECT 'Uptime_ms', '2500'
              UNION ALL SELECT 'Threads_running', '2'
              UNION ALL SELECT 'Innodb_status', 'OFF'
              UNION ALL SELECT 'Ssl_cipher_name', 'TLS_AES'
              UNION ALL SELECT 'Version_comment', 'Debian'
        """;
    try (RunningExporter<?> exporter = new RunningExporter<>("mysql", executor(), SqlRequest.parser(), yaml)) {
      Exposition e = exporter.scrapeParsed();
      assertThat(e.type("mysql_global_status_commands_total")).contains("counter");
      assertThat(e.value("mysql_global_status_commands_total", "command", "select")).contains(42.0);
      assertThat(e.value("mysql_global_status_commands_total", "command", "insert")).contains(7.0);
      assertThat(e.help("mysql_global_status_commands_total")).contains("Total number of executed commands.");
      assertThat(e.value("mysql_global_status_uptime_seconds")).contains(2.5);
      assertThat(e.value("mysql_global_status_threads_running")).contains(2.0);
      assertThat(e.type("mysql_global_status_threads_running")).contains("untyped");
      assertThat(e.value("mysql_global_status_innodb_status")).contains(0.0);
      assertThat(e.types().keySet()).noneMatch(n -> n.contains("ssl") || n.contains("version_comment"));
      assertThat(e.value("mysql_exporter_last_scrape_error")).contains(0.0);
    }
  }

  @Test
  void nullValuesEmitNoSampleAndKeepTheOtherRows() throws Exception {
    String yaml = """
        metrics:
          - context: tablespace
            labels: [name]
            metricsdesc: { bytes: Bytes used. }
            request: SELECT 'users' AS name, 10 AS bytes UNION ALL SELECT 'temp', NULL
        """;
    try (RunningExporter<?> exporter = new RunningExporter<>("oracledb", executor(), SqlRequest.parser(), yaml)) {
      Exposition e = exporter.scrapeParsed();
      assertThat(e.value("oracledb_tablespace_bytes", "name", "users")).contains(10.0);
      assertThat(e.samples("oracledb_tablespace_bytes")).hasSize(1);
      assertThat(e.value("oracledb_exporter_last_scrape_error")).contains(0.0);
    }
  }

  @Test
  void aNonNumericValueCostsOnlyItsOwnMetric() throws Exception {
    String yaml = """
        metrics:
          - context: mixed
            metricsdesc:
              good: A number.
              bad: Text where a number belongs.
            request: SELECT 5 AS good, 'not-a-number' AS bad
          - context: other
            metricsdesc: { value: Another definition. }
            request: SELECT 1 AS value
        """;
    try (RunningExporter<?> exporter = new RunningExporter<>("oracledb", executor(), SqlRequest.parser(), yaml)) {
      Exposition e = exporter.scrapeParsed();
      assertThat(e.value("oracledb_mixed_good")).contains(5.0);
      assertThat(e.has("oracledb_mixed_bad")).isFalse();
      assertThat(e.value("oracledb_other_value")).contains(1.0);
      assertThat(e.value("oracledb_exporter_scrape_errors_total", "collector", "mixed")).contains(1.0);
      assertThat(e.value("oracledb_exporter_scrape_errors_total", "collector", "other")).contains(0.0);
      assertThat(e.value("oracledb_exporter_last_scrape_error")).contains(1.0);
      String page = Http.get(exporter.url("/")).body();
      assertThat(page).contains("the value in column 'bad' (row 1) is not a number (12 characters of text)")
          .doesNotContain("not-a-number'");
    }
  }

  @Test
  void skipNonNumericLeavesTextOutInTheColumnFormToo() throws Exception {
    String yaml = """
        metrics:
          - context: mixed
            labels: [name]
            skipnonnumeric: true
            metricsdesc: { value: Numbers only. }
            request: SELECT 'a' AS name, '5' AS value UNION ALL SELECT 'b', 'n/a'
        """;
    try (RunningExporter<?> exporter = new RunningExporter<>("oracledb", executor(), SqlRequest.parser(), yaml)) {
      Exposition e = exporter.scrapeParsed();
      assertThat(e.value("oracledb_mixed_value", "name", "a")).contains(5.0);
      assertThat(e.samples("oracledb_mixed_value")).hasSize(1);
      assertThat(e.value("oracledb_exporter_last_scrape_error")).contains(0.0);
    }
  }

  @Test
  void duplicateLabelSetsCostOnlyThatMetricWithAMessageThatSaysSo() throws Exception {
    String yaml = """
        metrics:
          - context: dup
            labels: [name]
            metricsdesc: { value: Value per name. }
            request: SELECT 'a' AS name, 1 AS value UNION ALL SELECT 'a', 2 UNION ALL SELECT 'b', 3
          - context: fine
            metricsdesc: { value: Fine. }
            request: SELECT 1 AS value
        """;
    try (RunningExporter<?> exporter = new RunningExporter<>("oracledb", executor(), SqlRequest.parser(), yaml)) {
      Exposition e = exporter.scrapeParsed();
      assertThat(e.has("oracledb_dup_value")).isFalse();
      assertThat(e.value("oracledb_fine_value")).contains(1.0);
      assertThat(exporter.collector().status()).filteredOn(s -> s.collector().equals("dup"))
          .singleElement().satisfies(s -> assertThat(s.lastError().orElseThrow())
              .contains("rows 1 and 2 have the same values of the labels [name]"));
    }
  }

  @Test
  void aRequestSlowerThanItsTimeoutCostsOnlyItselfAndTheScrapeReturnsInAboutTheTimeout() throws Exception {
    String yaml = """
        metrics:
          - context: slow
            querytimeout: 1s
            metricsdesc: { value: Takes too long. }
            request: %s
          - context: fast
            metricsdesc: { value: Quick. }
            request: SELECT 1 AS value
        """.formatted(sleepRequest(6));
    try (RunningExporter<?> exporter = new RunningExporter<>("oracledb", executor(), SqlRequest.parser(), yaml)) {
      long t0 = System.nanoTime();
      Exposition e = exporter.scrapeParsed();
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      assertThat(took).isLessThan(Duration.ofMillis(3000));
      assertThat(e.value("oracledb_fast_value")).contains(1.0);
      assertThat(e.has("oracledb_slow_value")).isFalse();
      assertThat(e.value("oracledb_exporter_scrape_errors_total", "collector", "slow")).contains(1.0);
      assertThat(exporter.collector().status()).filteredOn(s -> s.collector().equals("slow"))
          .singleElement().satisfies(s -> assertThat(s.lastError().orElseThrow()).isNotBlank());
    }
  }

  @Test
  void aStoppedDatabaseGivesUpZeroAndTheExporterRecoversWithoutLeaking() throws Exception {
    String yaml = """
        metrics:
          - context: probe
            metricsdesc: { value: One. }
            request: SELECT 1 AS value
        """;
    try (TcpProxy proxy = new TcpProxy(host(), port())) {
      JdbcExecutor executor = executor("127.0.0.1:" + proxy.port());
      // A stopped proxy refuses at once, so a generous ping limit costs nothing below; it only keeps the first,
      // cold logon from failing on a loaded machine (seen once at load 8 on 2 cores with 1s).
      EngineSettings settings = new EngineSettings(Duration.ofSeconds(2), 4, Duration.ofSeconds(5));
      try (RunningExporter<?> exporter = new RunningExporter<>("oracledb", executor, SqlRequest.parser(), yaml, settings, Labels.EMPTY)) {
        assertThat(exporter.scrapeParsed().value("oracledb_up")).contains(1.0);

        proxy.stop();
        int threadsBefore = Thread.activeCount();
        for (int i = 0; i < 8; i++) {
          Exposition down = exporter.scrapeParsed();
          assertThat(down.value("oracledb_up")).contains(0.0);
          assertThat(down.value("oracledb_exporter_last_scrape_error")).contains(1.0);
          assertThat(down.has("oracledb_probe_value")).isFalse();
        }
        assertThat(executor.activeConnections()).isZero();
        // Failed scrapes must not pile up threads (stuck pings, pool helpers): a few may come and go.
        assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsBefore + 3);
        assertThat(executor.openConnections()).isLessThanOrEqualTo(4);
        assertThat(Http.get(exporter.url("/")).body()).contains("Datastore unreachable");

        proxy.start();
        Exposition back = waitForUp(exporter);
        assertThat(back.value("oracledb_probe_value")).contains(1.0);
        assertThat(executor.openConnections()).isLessThanOrEqualTo(4);
        assertThat(proxy.openConnections()).isLessThanOrEqualTo(4);
      }
    }
  }

  private static Exposition waitForUp(RunningExporter<?> exporter) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Exposition e;
    do {
      e = exporter.scrapeParsed();
      if (e.value("oracledb_up").orElse(0.0) == 1.0) {
        return e;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("the exporter did not recover within 30s: up=" + e.value("oracledb_up"));
  }

  @Test
  void concurrentScrapesShareOneCollection() throws Exception {
    String yaml = """
        metrics:
          - context: slowish
            metricsdesc: { value: Takes two seconds. }
            request: %s
        """.formatted(sleepRequest(2));
    try (RunningExporter<?> exporter = new RunningExporter<>("oracledb", executor(), SqlRequest.parser(), yaml)) {
      double before = exporter.scrapeParsed().value("oracledb_exporter_scrapes_total").orElseThrow();
      int scrapers = 6;
      CyclicBarrier start = new CyclicBarrier(scrapers);
      List<CompletableFuture<Exposition>> all = new ArrayList<>();
      ExecutorService threads = Executors.newFixedThreadPool(scrapers);
      for (int i = 0; i < scrapers; i++) {
        all.add(CompletableFuture.supplyAsync(() -> {
          try {
            start.await();
            return exporter.scrapeParsed();
          } catch (Exception ex) {
            throw new IllegalStateException(ex);
          }
        }, threads));
      }
      threads.shutdown();
      List<Double> seen = all.stream().map(CompletableFuture::join)
          .map(e -> e.value("oracledb_exporter_scrapes_total").orElseThrow()).toList();
      // Six scrapes arriving together cost the database one collection, so all six report the same count.
      assertThat(seen).containsOnly(before + 1);
      assertThat(all.get(0).join().value("oracledb_slowish_value")).isPresent();
    }
  }

  @Test
  void definitionsWithTheSameRequestShareOneRoundTrip() throws Exception {
    String request = "SELECT 'Threads_running' AS variable_name, 3 AS value UNION ALL SELECT 'Uptime', 9";
    String yaml = """
        metrics:
          - context: threads
            labels: [variable_name]
            metricsdesc: { value: From the shared result. }
            request: %1$s
          - context: status
            fieldtoappend: variable_name
            metricsdesc: { value: "The same result, read another way." }
            request: %1$s
        """.formatted(request);
    CountingExecutor<SqlRequest> counting = new CountingExecutor<>(executor());
    try (RunningExporter<?> exporter = new RunningExporter<>("mysql", counting, SqlRequest.parser(), yaml)) {
      Exposition e = exporter.scrapeParsed();
      assertThat(e.value("mysql_status_uptime")).contains(9.0);
      assertThat(e.value("mysql_threads_value", "variable_name", "Threads_running")).contains(3.0);
      assertThat(counting.calls(request)).isEqualTo(1);
      exporter.scrapeParsed();
      assertThat(counting.calls(request)).isEqualTo(2);
    }
  }

  @Test
  void scrapeIntervalReusesRowsInsteadOfQueryingAgain() throws Exception {
    String yaml = """
        metrics:
          - context: cached
            scrapeinterval: 1m
            metricsdesc: { value: "Random, cached." }
            request: SELECT %1$s AS value
          - context: fresh
            metricsdesc: { value: "Random, every scrape." }
            request: SELECT %1$s AS value
        """.formatted(randomExpression());
    try (RunningExporter<?> exporter = new RunningExporter<>("oracledb", executor(), SqlRequest.parser(), yaml)) {
      Exposition first = exporter.scrapeParsed();
      Exposition second = exporter.scrapeParsed();
      assertThat(second.value("oracledb_cached_value")).isEqualTo(first.value("oracledb_cached_value"));
      assertThat(second.value("oracledb_fresh_value")).isNotEqualTo(first.value("oracledb_fresh_value"));
    }
  }

  @Test
  void staticLabelsFromTheConfigAreAddedToEverySample() throws Exception {
    String yaml = """
        metrics:
          - context: labelled
            labels: [name]
            metricsdesc: { value: Labelled. }
            request: SELECT 'x' AS name, 1 AS value
        """;
    try (RunningExporter<?> exporter = new RunningExporter<>("oracledb", executor(), SqlRequest.parser(), yaml, EngineSettings.DEFAULTS,
        Labels.of("env", "prod", "team", "payments"))) {
      Exposition e = exporter.scrapeParsed();
      assertThat(e.value("oracledb_labelled_value", "name", "x", "env", "prod", "team", "payments")).contains(1.0);
    }
  }

  @Test
  void anEmptyResultIsAnErrorUnlessIgnoreZeroResult() throws Exception {
    String yaml = """
        metrics:
          - context: empty_bad
            metricsdesc: { value: Nothing. }
            request: SELECT 1 AS value WHERE 1 = 0
          - context: empty_ok
            ignorezeroresult: true
            metricsdesc: { value: "Nothing, and that is fine." }
            request: SELECT 1 AS value WHERE 1 = 0
        """;
    try (RunningExporter<?> exporter = new RunningExporter<>("oracledb", executor(), SqlRequest.parser(), yaml)) {
      Exposition e = exporter.scrapeParsed();
      assertThat(e.value("oracledb_exporter_scrape_errors_total", "collector", "empty_bad")).contains(1.0);
      assertThat(e.value("oracledb_exporter_scrape_errors_total", "collector", "empty_ok")).contains(0.0);
    }
  }

  @Test
  void aBrokenRequestIsReportedWithTheDatabasesOwnMessage() throws Exception {
    String yaml = """
        metrics:
          - context: broken
            metricsdesc: { value: Broken SQL. }
            request: SELECT value FROM table_that_does_not_exist_xyz
          - context: fine
            metricsdesc: { value: Fine. }
            request: SELECT 1 AS value
        """;
    try (RunningExporter<?> exporter = new RunningExporter<>("oracledb", executor(), SqlRequest.parser(), yaml)) {
      Exposition e = exporter.scrapeParsed();
      assertThat(e.value("oracledb_fine_value")).contains(1.0);
      assertThat(exporter.collector().status()).filteredOn(s -> s.collector().equals("broken"))
          .singleElement().satisfies(s -> assertThat(s.lastError().orElseThrow())
              .containsIgnoringCase("table_that_does_not_exist_xyz"));
    }
  }
}
