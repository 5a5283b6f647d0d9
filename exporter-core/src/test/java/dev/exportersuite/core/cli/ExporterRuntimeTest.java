package dev.exportersuite.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exportersuite.core.collect.ConnectionLimits;
import dev.exportersuite.core.collect.Datastore;
import dev.exportersuite.core.collect.EngineSettings;
import dev.exportersuite.core.collect.NamedConnection;
import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.ResolvedConnection;
import dev.exportersuite.core.snapshots.CollectorStatus;
import io.prometheus.metrics.model.registry.MultiCollector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import dev.exportersuite.core.snapshots.TargetMetrics;
import dev.exportersuite.core.snapshots.SelfMetricsSpec;
import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.RunningExporter;
import dev.exportersuite.core.testing.ScriptedExecutor;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** One exporter, several targets: per-target labels, definitions per connection, one exposition. */
class ExporterRuntimeTest {

  /** An in-memory connection for the runtime to open. */
  record Scripted(String where, ScriptedExecutor executor) implements ResolvedConnection<String> {
    @Override
    public String describe() {
      return where;
    }

    @Override
    public RequestExecutor<String> open() {
      return executor;
    }
  }

  private static Exposition scrape(MultiCollector collector) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.builder().build().write(out, collector.collect());
    return Exposition.parse(out.toString(StandardCharsets.UTF_8));
  }

  /**
   * Oracle's exporter scrapes several databases at once: every series says which (its name, and every
   * connection's label keys, empty where a database has none), a definition runs where its databases: list says,
   * and a database that is down costs its own series only.
   */
  @Test
  void severalConnectionsAreOneExpositionWithADatabaseLabel() throws Exception {
    EngineSettings settings = new EngineSettings(Duration.ofSeconds(2), 4, Duration.ofMillis(200));
    Datastore<String> datastore = Datastore.of(List.of(
        new NamedConnection<>("db1", Map.of("region", "eu"), new Scripted("h1", new ScriptedExecutor())),
        new NamedConnection<>("db2", Map.of(), new Scripted("h2", new ScriptedExecutor())),
        new NamedConnection<>("db3", Map.of(), new Scripted("h3",
            new ScriptedExecutor().pingDelay(Duration.ofSeconds(2))))), "database");
    ExporterRuntime<String> runtime = new ExporterRuntime<>("oracledb", settings, Labels.EMPTY,
        SelfMetricsSpec.standard(), datastore, RunningExporter.parse(RunningExporter.TEXT, """
        metrics:
          - context: everywhere
            request: "1"
            metricsdesc: {value: On every database.}
          - context: only_db2
            request: "2"
            metricsdesc: {value: On db2.}
            databases: [db2]
          - context: nowhere
            request: "3"
            metricsdesc: {value: Switched off.}
            databases: []
        """));
    try {
      Exposition e = scrape(runtime.collector());
      assertThat(e.value("oracledb_everywhere_value", "database", "db1", "region", "eu")).contains(1.0);
      assertThat(e.value("oracledb_everywhere_value", "database", "db2", "region", "")).contains(1.0);
      assertThat(e.samples("oracledb_only_db2_value")).singleElement()
          .satisfies(s -> assertThat(s.labels()).containsEntry("database", "db2"));
      assertThat(e.has("oracledb_nowhere_value")).isFalse();
      assertThat(e.value("oracledb_up", "database", "db1", "region", "eu")).contains(1.0);
      assertThat(e.value("oracledb_up", "database", "db3", "region", "")).contains(0.0);
      assertThat(e.has("oracledb_everywhere_value")).isTrue();
      assertThat(e.samples("oracledb_everywhere_value")).hasSize(2);
      assertThat(runtime.status().connectionError()).hasValueSatisfying(m -> assertThat(m).startsWith("db3: "));
      assertThat(runtime.status().status()).extracting(CollectorStatus::collector)
          .contains("db1/everywhere", "db2/only_db2").doesNotContain("db1/only_db2");
    } finally {
      runtime.close();
    }
  }

  /** Each database of Oracle's config file keeps its own queryTimeout: db1's 200ms cuts the request db2 waits for. */
  @Test
  void aConnectionsOwnQueryTimeoutAppliesToItsRequestsOnly() throws Exception {
    EngineSettings settings = new EngineSettings(Duration.ofSeconds(5), 4, Duration.ofSeconds(1));
    Datastore<String> datastore = Datastore.of(List.of(
        new NamedConnection<>("db1", Map.of(), new Scripted("h1",
            new ScriptedExecutor().delay("1", Duration.ofMillis(800))),
            ConnectionLimits.of(Duration.ofMillis(200), 1)),
        new NamedConnection<>("db2", Map.of(), new Scripted("h2",
            new ScriptedExecutor().delay("1", Duration.ofMillis(800))))), "database");
    ExporterRuntime<String> runtime = new ExporterRuntime<>("oracledb", settings, Labels.EMPTY,
        SelfMetricsSpec.standard(), datastore, RunningExporter.parse(RunningExporter.TEXT, """
        metrics:
          - context: slow
            request: "1"
            metricsdesc: {value: Takes 800ms.}
        """));
    try {
      Exposition e = scrape(runtime.collector());
      assertThat(e.value("oracledb_slow_value", "database", "db2")).contains(1.0);
      assertThat(e.value("oracledb_slow_value", "database", "db1")).isEmpty();
      assertThat(runtime.status().status()).filteredOn(s -> s.collector().equals("db1/slow")).singleElement()
          .satisfies(s -> assertThat(s.lastError()).hasValueSatisfying(m -> assertThat(m).contains("200ms")));
    } finally {
      runtime.close();
    }
  }

  @Test
  void aTargetsLabelsJoinTheConstantOnesOnEverySeriesWhenTheSpecAsks() throws Exception {
    SelfMetricsSpec spec = SelfMetricsSpec.builder().all().constLabels(true).build();
    Labels config = Labels.of("env", "prod");
    ExporterRuntime<String> runtime = new ExporterRuntime<>("oracledb", EngineSettings.DEFAULTS, config, spec,
        Datastore.of(new Scripted("main", new ScriptedExecutor())), RunningExporter.parse(RunningExporter.TEXT, """
        metrics:
          - context: sessions
            request: "3"
            metricsdesc: {value: Sessions.}
        """));

    TargetMetrics db2 = runtime.metricsFor(new ScriptedExecutor(), Labels.of("database", "db2"));
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PrometheusTextFormatWriter.builder().build().write(out, db2.collect());
      Exposition e = Exposition.parse(out.toString(StandardCharsets.UTF_8));
      assertThat(e.value("oracledb_sessions_value", "database", "db2", "env", "prod")).contains(3.0);
      assertThat(e.value("oracledb_up", "database", "db2", "env", "prod")).contains(1.0);
      assertThat(e.samples()).allSatisfy(s -> assertThat(s.labels()).containsEntry("database", "db2"));
    } finally {
      db2.engine().close();
    }
    assertThatThrownBy(() -> runtime.metricsFor(new ScriptedExecutor(), Labels.of("env", "test")))
        .isInstanceOf(IllegalArgumentException.class);
    runtime.close();
  }
}
