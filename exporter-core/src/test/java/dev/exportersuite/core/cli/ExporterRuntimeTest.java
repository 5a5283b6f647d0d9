package dev.exportersuite.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exportersuite.core.collect.EngineSettings;
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

/** A collector per target, as a module scraping several databases opens them. */
class ExporterRuntimeTest {

  @Test
  void aTargetsLabelsJoinTheConstantOnesOnEverySeriesWhenTheSpecAsks() throws Exception {
    SelfMetricsSpec spec = SelfMetricsSpec.builder().all().constLabels(true).build();
    Labels config = Labels.of("env", "prod");
    ExporterRuntime<String> runtime = new ExporterRuntime<>("oracledb", EngineSettings.DEFAULTS, config, spec,
        new ScriptedExecutor(), RunningExporter.parse(RunningExporter.TEXT, """
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
    runtime.main().engine().close();
  }
}
