package dev.exportersuite.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.config.MetricsFiles;
import dev.exportersuite.core.jdbc.SqlRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

  /** The shipped files and the collectors made in code, as a start with default flags has them. */
  static List<MetricDefinition<SqlRequest>> withBuiltIn() throws ConfigException {
    List<MetricDefinition<SqlRequest>> all = new ArrayList<>(defaults());
    all.addAll(MysqlExporter.codeCollectors(new CollectorFlags()));
    return all;
  }

  /** Every collector of mysqld_exporter that is here is on or off by default exactly as there. */
  @Test
  void defaultsMatchMysqldExporterDefaults() throws Exception {
    List<MetricDefinition<SqlRequest>> d = withBuiltIn();
    Set<String> here = new TreeSet<>();
    d.forEach(x -> here.add(x.collector()));
    for (Map.Entry<String, Boolean> peer : PeerCollectors.DEFAULTS.entrySet()) {
      if (here.contains(peer.getKey())) {
        assertThat(enabled(d, peer.getKey())).as(peer.getKey()).isEqualTo(peer.getValue());
      }
    }
    assertThat(here).as("the collectors this exporter provides").containsAll(List.of("global_status",
        "global_variables", "slave_status", "info_schema.innodb_cmp", "info_schema.innodb_cmpmem",
        "info_schema.query_response_time", "info_schema.processlist", "info_schema.tables",
        "info_schema.innodb_metrics", "info_schema.userstats", "info_schema.tablestats", "perf_schema.eventsstatements",
        "perf_schema.eventswaits", "perf_schema.file_events", "perf_schema.tableiowaits", "binlog_size",
        "engine_innodb_status", "heartbeat", "auto_increment.columns", "mysql.user",
        "info_schema.innodb_tablespaces"));
    assertThat(enabled(d, "mysql.user.privileges")).isFalse();
  }

  @Test
  void switchesTurnCollectorsOnAndOff() throws Exception {
    List<MetricDefinition<SqlRequest>> d = CollectorSwitches.parse(List.of("--collect.info_schema.processlist",
        "--no-collect.global_variables", "--collect.slave_status=false", "--collect.perf_schema.eventswaits=true"))
        .apply(withBuiltIn()).definitions();
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

  /**
   * A collector of mysqld_exporter that is not here is accepted (switched on, it has no effect, and says so); any
   * other name is refused with the closest collector.
   */
  @Test
  void peerCollectorsThatAreNotHereAreAcceptedAndUnknownNamesRefused() throws Exception {
    List<MetricDefinition<SqlRequest>> in = withBuiltIn();
    CollectorSwitches.Applied a = CollectorSwitches.parse(List.of("--collect.perf_schema.indexiowaits",
        "--no-collect.engine_tokudb_status", "--collect.slave_hosts=false")).apply(in);
    assertThat(a.withoutEffect()).containsExactly("--collect.perf_schema.indexiowaits has no effect here: this "
        + "exporter has no perf_schema.indexiowaits collector yet; a --custom.metrics entry with 'collector: "
        + "perf_schema.indexiowaits' can provide its metrics");
    assertThat(a.definitions()).as("nothing switched").isEqualTo(in);
    assertThatThrownBy(() -> CollectorSwitches.parse(List.of("--collect.binlog_sise", "--collect.nope"))
        .apply(withBuiltIn()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("command line: --collect.binlog_sise: no collector is called 'binlog_sise' (did you "
            + "mean 'binlog_size'?); collectors are ")
        .hasMessageContaining("--collect.nope: no collector is called 'nope'; collectors are auto_increment.columns, ");
    assertThatThrownBy(() -> CollectorSwitches.parse(List.of("--collect.binlog_size=yes")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("command line: --collect.binlog_size: a collector switch takes true or false, not 'yes'");
  }

  /** --collect.mysql.user.privileges adds its part only where mysql.user itself runs. */
  @Test
  void privilegesRunOnlyWithMysqlUser() throws Exception {
    for (boolean user : new boolean[] {false, true}) {
      for (boolean privileges : new boolean[] {false, true}) {
        List<MetricDefinition<SqlRequest>> d = CollectorSwitches.withParts(CollectorSwitches
            .parse(List.of("--collect.mysql.user=" + user)).apply(withBuiltIn()).definitions(),
            Map.of("mysql.user.privileges", privileges));
        assertThat(enabled(d, "mysql.user")).isEqualTo(user);
        assertThat(enabled(d, "mysql.user.privileges")).as("user %s, privileges %s", user, privileges)
            .isEqualTo(user && privileges);
      }
    }
  }
}
