package dev.exportersuite.core.snapshots;

import static dev.exportersuite.core.snapshots.SelfMetric.LAST_SCRAPE_DURATION_SECONDS;
import static dev.exportersuite.core.snapshots.SelfMetric.LAST_SCRAPE_ERROR;
import static dev.exportersuite.core.snapshots.SelfMetric.SCRAPES_TOTAL;
import static dev.exportersuite.core.snapshots.SelfMetric.SCRAPE_DURATION_SECONDS;
import static dev.exportersuite.core.snapshots.SelfMetric.SCRAPE_ERRORS_TOTAL;
import static dev.exportersuite.core.snapshots.SelfMetric.UP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exportersuite.core.collect.CollectionResult;
import dev.exportersuite.core.testing.Exposition;
import io.prometheus.metrics.model.snapshots.Labels;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each module's own metrics, as its spec declares them. */
class SelfMetricsTest {

  private static final CollectionResult COLLECTION = Fixtures.up();
  private static final CollectorHealth.Report FAILED_B = report(Optional.of("b: boom"));
  private static final CollectorHealth.Report ALL_FINE = report(Optional.empty());

  private static CollectorHealth.Report report(Optional<String> firstError) {
    Map<String, Long> errors = new LinkedHashMap<>();
    errors.put("a", 0L);
    errors.put("b", firstError.isPresent() ? 3L : 2L);
    Map<String, Duration> durations = new LinkedHashMap<>();
    durations.put("a", Duration.ofMillis(250));
    durations.put("b", Duration.ofMillis(500));
    return new CollectorHealth.Report(Optional.empty(), firstError, errors, durations);
  }

  private static Exposition expose(SelfMetrics s, CollectorHealth.Report r) {
    return Fixtures.parse(s.record(COLLECTION, r));
  }

  @Test
  void mysqlStyleHasEveryMetricWithoutAnErrorLabel() {
    SelfMetrics s = new SelfMetrics(SelfMetricsSpec.standard(), "mysql", Labels.of("env", "prod"));
    Exposition e = expose(s, FAILED_B);

    assertThat(e.types()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "mysql_up", "gauge",
        "mysql_exporter_scrapes_total", "counter",
        "mysql_exporter_scrape_errors_total", "counter",
        "mysql_exporter_last_scrape_error", "gauge",
        "mysql_exporter_last_scrape_duration_seconds", "gauge",
        "mysql_exporter_scrape_duration_seconds", "summary",
        "mysql_exporter_last_scrape_connect_time_seconds", "gauge",
        "mysql_exporter_collector_duration_seconds", "gauge"));
    assertThat(e.value("mysql_up")).contains(1.0);
    assertThat(e.value("mysql_exporter_scrapes_total")).contains(1.0);
    assertThat(e.value("mysql_exporter_scrape_errors_total", "collector", "a")).contains(0.0);
    assertThat(e.value("mysql_exporter_scrape_errors_total", "collector", "b")).contains(3.0);
    // No labels at all: the spec does not ask for the constant ones.
    assertThat(e.value("mysql_exporter_last_scrape_error")).contains(1.0);
    assertThat(e.value("mysql_exporter_last_scrape_duration_seconds")).contains(0.02);
    assertThat(e.value("mysql_exporter_last_scrape_connect_time_seconds")).contains(0.002);
    assertThat(e.value("mysql_exporter_collector_duration_seconds", "collector", "b")).contains(0.5);
    assertThat(e.value("mysql_exporter_scrape_duration_seconds_count")).contains(1.0);
    assertThat(e.help("mysql_up")).contains(UP.defaultHelp());
    assertThat(s.exposedNames()).contains("mysql_up", "mysql_exporter_scrapes_total",
        "mysql_exporter_scrape_duration_seconds");
  }

  @Test
  void redisStyleCarriesTheErrorTextAndAnEmptyOneWhenFine() {
    SelfMetrics s = new SelfMetrics(SelfMetricsSpec.builder().all().errorLabel("err").build(), "redis", Labels.EMPTY);

    assertThat(expose(s, FAILED_B).value("redis_exporter_last_scrape_error", "err", "b: boom")).contains(1.0);
    assertThat(expose(s, ALL_FINE).value("redis_exporter_last_scrape_error", "err", "")).contains(0.0);
  }

  @Test
  void thePingTimeIsTheLivenessChecksAndHasNoSampleWhenItFailed() {
    SelfMetrics s = new SelfMetrics(SelfMetricsSpec.builder().all().add(SelfMetric.LAST_SCRAPE_PING_TIME_SECONDS)
        .build(), "redis", Labels.EMPTY);

    assertThat(expose(s, ALL_FINE).value("redis_exporter_last_scrape_ping_time_seconds")).contains(0.002);
    Exposition down = Fixtures.parse(s.record(Fixtures.down("refused"), ALL_FINE));
    assertThat(down.samples("redis_exporter_last_scrape_ping_time_seconds")).isEmpty();
    assertThat(down.value("redis_up")).contains(0.0);
  }

  @Test
  void anOracleModuleDeclaresOracledbExportersFiveAndNothingElse() {
    SelfMetricsSpec oracle = SelfMetricsSpec.builder()
        .add(UP).help(UP, "Whether the Oracle database server is up.")
        .add(LAST_SCRAPE_DURATION_SECONDS)
        .add(LAST_SCRAPE_ERROR)
        .add(SCRAPES_TOTAL)
        .add(SCRAPE_ERRORS_TOTAL)
        .build();
    Exposition e = expose(new SelfMetrics(oracle, "oracledb", Labels.EMPTY), FAILED_B);

    assertThat(e.types().keySet()).containsExactlyInAnyOrder("oracledb_up",
        "oracledb_exporter_last_scrape_duration_seconds", "oracledb_exporter_last_scrape_error",
        "oracledb_exporter_scrapes_total", "oracledb_exporter_scrape_errors_total");
    assertThat(e.help("oracledb_up")).contains("Whether the Oracle database server is up.");
    assertThat(e.value("oracledb_exporter_scrape_errors_total", "collector", "b")).contains(3.0);
  }

  @Test
  void aKafkaModuleCanDeclareAMinimalSetUnderAbsoluteNames() {
    SelfMetricsSpec kafka = SelfMetricsSpec.builder().addAbsolute(UP, "kafka_up").add(SCRAPE_DURATION_SECONDS)
        .build();
    Exposition e = expose(new SelfMetrics(kafka, "custom", Labels.EMPTY), ALL_FINE);

    assertThat(e.types()).containsOnlyKeys("kafka_up", "custom_exporter_scrape_duration_seconds");
  }

  @Test
  void constantLabelsGoOnEverySeriesWhenTheSpecAsks() {
    SelfMetricsSpec spec = SelfMetricsSpec.builder().all().errorLabel("err").constLabels(true).build();
    Labels database = Labels.of("database", "db2", "env", "prod");
    Exposition e = expose(new SelfMetrics(spec, "oracledb", database), FAILED_B);

    assertThat(e.samples()).isNotEmpty().allSatisfy(sample -> assertThat(sample.labels())
        .containsEntry("database", "db2").containsEntry("env", "prod"));
    assertThat(e.value("oracledb_exporter_scrape_errors_total", "collector", "b", "database", "db2", "env", "prod"))
        .contains(3.0);
    assertThat(e.value("oracledb_exporter_last_scrape_error", "database", "db2", "env", "prod", "err", "b: boom"))
        .contains(1.0);
  }

  @Test
  void aSeriesOwnLabelWinsOverAConstantLabelOfTheSameName() {
    SelfMetricsSpec spec = SelfMetricsSpec.builder().add(SCRAPE_ERRORS_TOTAL).add(UP).constLabels(true).build();
    Exposition e = expose(new SelfMetrics(spec, "ns", Labels.of("collector", "from-config")), FAILED_B);

    assertThat(e.value("ns_exporter_scrape_errors_total", "collector", "b")).contains(3.0);
    assertThat(e.value("ns_up", "collector", "from-config")).contains(1.0);
  }

  @Test
  void theCollectorLabelIsTheModulesChoice() {
    SelfMetricsSpec spec = SelfMetricsSpec.builder().add(SCRAPE_ERRORS_TOTAL).collectorLabel("scraper").build();
    Exposition e = expose(new SelfMetrics(spec, "ns", Labels.EMPTY), FAILED_B);

    assertThat(e.value("ns_exporter_scrape_errors_total", "scraper", "b")).contains(3.0);
  }

  @Test
  void collectionsAreCountedWhetherOrNotTheirCounterIsDeclared() {
    SelfMetrics s = new SelfMetrics(SelfMetricsSpec.builder().add(SCRAPE_DURATION_SECONDS).build(), "ns",
        Labels.EMPTY);
    s.record(COLLECTION, ALL_FINE);
    Exposition e = expose(s, ALL_FINE);

    assertThat(e.value("ns_exporter_scrape_duration_seconds_count")).contains(2.0);
    assertThat(e.value("ns_exporter_scrape_duration_seconds_sum")).contains(0.04);
  }

  @Test
  void twoMetricsThatMeetInTheNamespaceAreRefused() {
    SelfMetricsSpec spec = SelfMetricsSpec.builder().add(UP).addAbsolute(LAST_SCRAPE_ERROR, "ns_up").build();

    assertThatThrownBy(() -> new SelfMetrics(spec, "ns", Labels.EMPTY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'ns_up'");
    assertThat(new SelfMetrics(spec, "other", Labels.EMPTY).exposedNames()).isEqualTo(Set.of("other_up", "ns_up"));
  }
}
