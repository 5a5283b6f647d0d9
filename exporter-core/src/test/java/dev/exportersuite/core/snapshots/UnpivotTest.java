package dev.exportersuite.core.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exportersuite.core.collect.Row;
import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.config.MetricType;
import dev.exportersuite.core.testing.RunningExporter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code unpivot}: a wide row (SHOW SLAVE STATUS) becomes one metric per numeric column. */
class UnpivotTest {

  private static final String YAML = """
      metrics:
        - context: slave_status
          request: SHOW SLAVE STATUS
          unpivot: true
          fieldtoappend: column
          labels: [master_host, channel_name]
          metricsdesc:
            value: Generic metric from SHOW SLAVE STATUS.
          metricstype:
            value: untyped
          valuemap: {"Yes": 1, "No": 0}
          skipnonnumeric: true
      """;

  @Test
  void everyNumericColumnBecomesAMetricWithTheLabelsAndMissingLabelsAreEmpty() throws Exception {
    MetricDefinition d = RunningExporter.parse("mysql", YAML).get(0);
    assertThat(d.unpivot()).isTrue();
    Row wide = Row.of("Master_Host", "db1", "Seconds_Behind_Master", 3L, "Slave_IO_Running", "Yes",
        "Master_Log_File", "bin.000001", "Last_Error", "");
    RowConverter.Converted c = new RowConverter(d, "mysql").convert(List.of(wide));
    assertThat(c.errors()).isEmpty();
    Map<String, FamilyBuilder> byName = new java.util.TreeMap<>();
    c.families().forEach(f -> byName.put(f.name(), f));
    // Text columns are skipped, the label column is not a metric, the labels come along.
    assertThat(byName).containsOnlyKeys("mysql_slave_status_seconds_behind_master",
        "mysql_slave_status_slave_io_running");
    FamilyBuilder lag = byName.get("mysql_slave_status_seconds_behind_master");
    assertThat(lag.type()).isEqualTo(MetricType.UNTYPED);
    assertThat(lag.labelNames()).containsExactly("master_host", "channel_name");
    var labels = lag.build(io.prometheus.metrics.model.snapshots.Labels.EMPTY).getDataPoints().get(0).getLabels();
    assertThat(labels.get("master_host")).isEqualTo("db1");
    assertThat(labels.get("channel_name")).isEmpty();
  }

  @Test
  void unpivotNeedsTheColumnAndValueNames() {
    assertThatThrownBy(() -> RunningExporter.parse("mysql", YAML.replace("fieldtoappend: column",
        "fieldtoappend: name"))).isInstanceOf(ConfigException.class).hasMessageContaining("fieldtoappend: column");
  }
}
