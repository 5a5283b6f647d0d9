package dev.exportersuite.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.config.MetricsFiles;
import dev.exportersuite.core.jdbc.SqlRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --collect.X and --no-collect.X on the module's shipped defaults. */
class CollectorSwitchesTest {

  static List<MetricDefinition<SqlRequest>> defaults() throws ConfigException {
    MetricsFiles<SqlRequest> files = new MetricsFiles<>("mysql", SqlRequest.parser());
    List<MetricDefinition<SqlRequest>> all = new ArrayList<>();
    for (String r : MysqlExporter.DEFAULT_METRICS) {
      all.addAll(files.loadResource(r));
    }
    files.checkUnique(all);
    return all;
  }

  static boolean enabled(List<MetricDefinition<SqlRequest>> defs, String collector) {
    return defs.stream().filter(d -> d.collector().equals(collector)).allMatch(d -> d.enabled());
  }

  @Test
  void defaultsMatchMysqldExporterDefaults() throws Exception {
    List<MetricDefinition<SqlRequest>> d = defaults();
    for (String on : List.of("global_status", "global_variables", "slave_status", "info_schema.innodb_cmp",
        "info_schema.innodb_cmpmem")) {
      assertThat(enabled(d, on)).as(on).isTrue();
    }
    for (String off : List.of("info_schema.processlist", "info_schema.tables", "info_schema.innodb_metrics",
        "perf_schema.eventsstatements", "perf_schema.eventswaits", "perf_schema.file_events",
        "info_schema.userstats", "info_schema.tablestats")) {
      assertThat(enabled(d, off)).as(off).isFalse();
    }
  }

  @Test
  void switchesTurnCollectorsOnAndOff() throws Exception {
    List<MetricDefinition<SqlRequest>> d = CollectorSwitches.parse(List.of("--collect.info_schema.processlist",
        "--no-collect.global_variables", "--collect.slave_status=false", "--collect.perf_schema.eventswaits=true"))
        .apply(defaults()).definitions();
    assertThat(enabled(d, "info_schema.processlist")).isTrue();
    assertThat(enabled(d, "perf_schema.eventswaits")).isTrue();
    assertThat(d.stream().filter(x -> x.collector().equals("global_variables")).findFirst().orElseThrow()
        .enabled()).isFalse();
    MetricDefinition<SqlRequest> slave = d.stream().filter(x -> x.collector().equals("slave_status")).findFirst().orElseThrow();
    assertThat(slave.enabled()).isFalse();
    MetricDefinition<SqlRequest> on = CollectorSwitches.parse(List.of("--collect.slave_status")).apply(d)
        .definitions().stream().filter(x -> x.collector().equals("slave_status")).findFirst().orElseThrow();
    assertThat(on.enabled()).isTrue();
    assertThat(on.withEnabled(false)).as("a switch changes enabled only").isEqualTo(slave);
  }

  @Test
  void peerTuningFlagsAreIgnoredAndUnknownNamesRefused() throws Exception {
    CollectorSwitches s = CollectorSwitches.parse(List.of("--collect.info_schema.tables.databases=*",
        "--collect.info_schema.processlist.processes_by_user", "--collect.perf_schema.eventsstatements.limit",
        "250"));
    assertThat(s.apply(defaults()).ignored()).contains("--collect.info_schema.tables.databases=*", "250");
    // Applying again (a reload) reports the same, not twice as many.
    assertThat(s.apply(defaults()).ignored()).containsExactlyElementsOf(s.apply(defaults()).ignored())
        .hasSize(4);
    assertThatThrownBy(() -> CollectorSwitches.parse(List.of("--collect.nope")).apply(defaults()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("nope").hasMessageContaining("global_status");
    assertThatThrownBy(() -> CollectorSwitches.parse(List.of("--web.nope")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("unknown option");
  }
}
