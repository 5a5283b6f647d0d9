package dev.exportersuite.core.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example module of docs/architecture.md runs end to end: metrics file, request language, rows, exposition. */
class ExampleExporterTest {

  @TempDir
  Path dir;

  @Test
  void aMetricsFileBecomesMetrics() throws Exception {
    Path file = Files.writeString(dir.resolve("queues.yaml"), """
        metrics:
          - context: queue
            labels: [queue]
            metricsdesc: {depth: Messages waiting.}
            request: DEPTHS
          - context: orders
            metricsdesc: {depth: Messages waiting in orders.}
            request: DEPTH orders
        """);
    CommandRun.Result r = CommandRun.run(new ExampleExporter(), "--once", "--queues=orders=3,mails=1",
        "--custom.metrics=" + file);
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("queue_queue_depth{queue=\"orders\"} 3.0", "queue_queue_depth{queue=\"mails\"} 1.0",
        "queue_orders_depth 3.0", "queue_up 1.0");
  }

  @Test
  void aBadRequestIsReportedWithItsFileAndLine() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.yaml"), """
        metrics:
          - context: queue
            metricsdesc: {depth: Messages waiting.}
            request: COUNT orders
        """);
    CommandRun.Result r = CommandRun.run(new ExampleExporter(), "--check-config", "--queues=orders=3",
        "--custom.metrics=" + file);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr().strip()).isEqualTo("error: " + file + ":4: metrics[0].request: write DEPTH <queue> or "
        + "DEPTHS (at 'COUNT')");
  }

  /** A module whose flags give constant labels, as kafka_exporter's --kafka.labels does. */
  static final class Labelled extends ExampleExporter {
    @Override
    protected Map<String, String> flagLabels() {
      return Map.of("cluster", "c1");
    }
  }

  @Test
  void labelsFromTheModulesFlagsAreOnEverySeriesAsTheConfigFilesAre() throws Exception {
    Path config = Files.writeString(dir.resolve("config.yaml"), "labels: {env: prod}\n");
    Path file = Files.writeString(dir.resolve("q.yaml"), """
        metrics:
          - context: queue
            labels: [queue]
            metricsdesc: {depth: Messages waiting.}
            request: DEPTHS
        """);
    CommandRun.Result r = CommandRun.run(new Labelled(), "--once", "--queues=orders=3", "--config.file=" + config,
        "--custom.metrics=" + file);
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("queue_queue_depth{cluster=\"c1\",env=\"prod\",queue=\"orders\"} 3.0");
  }

  @Test
  void aLabelGivenByTheConfigFileAndByAFlagIsRefused() throws Exception {
    Path config = Files.writeString(dir.resolve("config.yaml"), "labels: {cluster: other}\n");
    CommandRun.Result r = CommandRun.run(new Labelled(), "--check-config", "--queues=orders=3",
        "--config.file=" + config);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("labels.cluster: label 'cluster' is set both by the config file and by a flag");
  }
}
