package dev.exportersuite.core.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.collect.EngineSettings;
import dev.exportersuite.core.collect.ScrapeEngine;
import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.ScriptedExecutor;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The whole bridge over an in-memory executor: what a scrape gets, and what shared scrapes count. */
class TargetMetricsTest {

  private static final String YAML = """
      metrics:
        - context: a
          request: "1"
          metricsdesc: {value: A value.}
        - context: b
          request: "2"
          metricsdesc: {value: B value.}
      """;

  /**
   * What the collector exposed before it was split into assembler, health and self-metrics, with the mysql and
   * redis styles of the time, after two collections in which b failed. Durations vary: their values are masked.
   */
  private static final String MYSQL_BEFORE_SPLIT = """
      # HELP mysql_a_value A value.
      # TYPE mysql_a_value gauge
      mysql_a_value{env="prod"} 1.0
      # HELP mysql_exporter_collector_duration_seconds Collector time duration.
      # TYPE mysql_exporter_collector_duration_seconds gauge
      mysql_exporter_collector_duration_seconds{collector="a"} *
      mysql_exporter_collector_duration_seconds{collector="b"} *
      # HELP mysql_exporter_last_scrape_connect_time_seconds Duration of the liveness check (connection) of the last scrape.
      # TYPE mysql_exporter_last_scrape_connect_time_seconds gauge
      mysql_exporter_last_scrape_connect_time_seconds *
      # HELP mysql_exporter_last_scrape_duration_seconds Duration of the last scrape of metrics.
      # TYPE mysql_exporter_last_scrape_duration_seconds gauge
      mysql_exporter_last_scrape_duration_seconds *
      # HELP mysql_exporter_last_scrape_error Whether the last scrape of metrics resulted in an error (1 for error, 0 for success).
      # TYPE mysql_exporter_last_scrape_error gauge
      mysql_exporter_last_scrape_error%s 1.0
      # HELP mysql_exporter_scrape_duration_seconds Durations of scrapes by the exporter.
      # TYPE mysql_exporter_scrape_duration_seconds summary
      mysql_exporter_scrape_duration_seconds_count 2
      mysql_exporter_scrape_duration_seconds_sum *
      # HELP mysql_exporter_scrape_errors_total Total number of times an error occurred in a collector.
      # TYPE mysql_exporter_scrape_errors_total counter
      mysql_exporter_scrape_errors_total{collector="a"} 0.0
      mysql_exporter_scrape_errors_total{collector="b"} 2.0
      # HELP mysql_exporter_scrapes_total Total number of times the datastore was scraped for metrics.
      # TYPE mysql_exporter_scrapes_total counter
      mysql_exporter_scrapes_total 2.0
      # HELP mysql_up Whether the datastore answered the last liveness check.
      # TYPE mysql_up gauge
      mysql_up 1.0
      """;
  private static final Pattern VARYING =
      Pattern.compile("(?m)^([a-z_]*(?:duration_seconds|connect_time_seconds)(?:_sum)?(?:\\{[^}]*})? )\\S+$");

  private final List<ScrapeEngine> engines = new ArrayList<>();

  @AfterEach
  void closeEngines() {
    engines.forEach(ScrapeEngine::close);
  }

  private TargetMetrics collector(ScriptedExecutor executor, String yaml, Labels constLabels,
      SelfMetricsSpec spec) {
    ScrapeEngine<?> engine = new ScrapeEngine(executor, Fixtures.definitions("mysql", yaml), EngineSettings.DEFAULTS);
    engines.add(engine);
    return new TargetMetrics("mysql", engine, constLabels, Redactor.none(), spec);
  }

  private static String masked(MetricSnapshots s) {
    return VARYING.matcher(Fixtures.text(s)).replaceAll("$1*");
  }

  @Test
  void mysqlAndRedisSpecsExposeWhatTheOldStylesDid() {
    TargetMetrics mysql = collector(new ScriptedExecutor().fail("2", "boom password=hunter2"), YAML,
        Labels.of("env", "prod"), SelfMetricsSpec.standard());
    mysql.collect();
    assertThat(masked(mysql.collect())).isEqualTo(MYSQL_BEFORE_SPLIT.formatted(""));

    TargetMetrics redis = collector(new ScriptedExecutor().fail("2", "boom password=hunter2"), YAML,
        Labels.of("env", "prod"), SelfMetricsSpec.builder().all().errorLabel("err").build());
    redis.collect();
    assertThat(masked(redis.collect())).isEqualTo(MYSQL_BEFORE_SPLIT.formatted("{err=\"b: boom password=***\"}"));
  }

  @Test
  void concurrentScrapesSharingACollectionMoveCountersOnce() throws Exception {
    ScriptedExecutor executor = new ScriptedExecutor().delay("1", Duration.ofMillis(1000)).fail("2", "boom");
    TargetMetrics c = collector(executor, YAML, Labels.EMPTY, SelfMetricsSpec.standard());
    int scrapers = 4;
    CyclicBarrier start = new CyclicBarrier(scrapers);
    ExecutorService pool = Executors.newFixedThreadPool(scrapers);
    List<Future<Exposition>> pages = new ArrayList<>();
    try {
      for (int i = 0; i < scrapers; i++) {
        pages.add(pool.submit(() -> {
          start.await();
          return Fixtures.parse(c.collect());
        }));
      }
      for (Future<Exposition> page : pages) {
        Exposition e = page.get();
        assertThat(e.value("mysql_exporter_scrapes_total")).contains(1.0);
        assertThat(e.value("mysql_exporter_scrape_errors_total", "collector", "b")).contains(1.0);
        assertThat(e.value("mysql_exporter_scrape_duration_seconds_count")).contains(1.0);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(executor.fetches("1")).isEqualTo(1);

    Exposition next = Fixtures.parse(c.collect());
    assertThat(next.value("mysql_exporter_scrapes_total")).contains(2.0);
    assertThat(next.value("mysql_exporter_scrape_errors_total", "collector", "b")).contains(2.0);
  }

  @Test
  void aUsersFamilyCannotReplaceADeclaredSelfMetricButMayUseAnUndeclaredName() {
    String yaml = YAML + """
          - context: exporter
            request: "5"
            metricsdesc: {value: Not the exporter's.}
            metricstype: {value: counter}
        """;
    // Self-metrics named like two of the user's families: a gauge, and a counter (compared with _total).
    SelfMetricsSpec clashing = SelfMetricsSpec.builder().add(SelfMetric.UP, "a_value")
        .add(SelfMetric.SCRAPES_TOTAL, "exporter_value_total").build();
    Exposition e = Fixtures.parse(collector(new ScriptedExecutor(), yaml, Labels.EMPTY, clashing).collect());
    assertThat(e.help("mysql_a_value")).contains(SelfMetric.UP.defaultHelp());
    assertThat(e.help("mysql_exporter_value_total")).contains(SelfMetric.SCRAPES_TOTAL.defaultHelp());
    assertThat(e.value("mysql_b_value")).contains(2.0);

    SelfMetricsSpec minimal = SelfMetricsSpec.builder().add(SelfMetric.SCRAPE_DURATION_SECONDS).build();
    Exposition m = Fixtures.parse(collector(new ScriptedExecutor(), yaml, Labels.EMPTY, minimal).collect());
    assertThat(m.value("mysql_a_value")).contains(1.0);
    assertThat(m.value("mysql_exporter_value_total")).contains(5.0);
    assertThat(m.types()).containsOnlyKeys("mysql_a_value", "mysql_b_value", "mysql_exporter_value_total",
        "mysql_exporter_scrape_duration_seconds");
  }

  @Test
  void constantLabelsReachTheSelfMetricsOnlyWhenTheSpecAsks() {
    Labels database = Labels.of("database", "db2");
    Exposition plain = Fixtures.parse(collector(new ScriptedExecutor(), YAML, database, SelfMetricsSpec.standard())
        .collect());
    assertThat(plain.value("mysql_a_value", "database", "db2")).contains(1.0);
    assertThat(plain.value("mysql_up")).contains(1.0);

    SelfMetricsSpec carrying = SelfMetricsSpec.builder().all().constLabels(true).build();
    Exposition e = Fixtures.parse(collector(new ScriptedExecutor(), YAML, database, carrying).collect());
    assertThat(e.samples()).allSatisfy(s -> assertThat(s.labels()).containsEntry("database", "db2"));
    assertThat(e.value("mysql_up", "database", "db2")).contains(1.0);
  }

  @Test
  void statusListsEveryCollectorOfTheEngineAndTheFailureIsRedacted() {
    ScriptedExecutor executor = new ScriptedExecutor().fail("2", "denied for password=hunter2");
    TargetMetrics c = collector(executor, YAML, Labels.EMPTY, SelfMetricsSpec.standard());
    assertThat(c.status()).extracting(CollectorStatus::collector).containsExactly("a", "b");
    assertThat(c.status()).allSatisfy(s -> assertThat(s.lastSuccess()).isEmpty());

    c.collect();
    assertThat(c.status().get(1).lastError()).hasValueSatisfying(m -> assertThat(m)
        .contains("denied for password=***").doesNotContain("hunter2"));
    assertThat(c.connectionError()).isEmpty();
  }
}
