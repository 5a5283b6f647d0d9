package dev.exportersuite.mysql;

import dev.exportersuite.core.testing.ExporterJvm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.Exposition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Teams' own files next to the defaults: several files, their own switches, and a broken query's cost. */
class CustomMetricsTest {

  @TempDir
  Path dir;

  @BeforeEach
  void schema() throws Exception {
    MariaDb.exec("CREATE DATABASE IF NOT EXISTS exp_team_a",
        "CREATE OR REPLACE TABLE exp_team_a.orders (id INT PRIMARY KEY, state VARCHAR(10))",
        "INSERT INTO exp_team_a.orders VALUES (1, 'open'), (2, 'open'), (3, 'shipped')");
  }

  @AfterEach
  void drop() throws Exception {
    MariaDb.exec("DROP DATABASE IF EXISTS exp_team_a");
  }

  @Test
  void twoTeamFilesAddTheirMetricsAndABrokenQueryCostsOnlyItsOwn() throws Exception {
    Path orders = dir.resolve("orders.yaml");
    Files.writeString(orders, """
        metrics:
          - context: team_a_orders
            request: SELECT state, COUNT(*) AS count FROM exp_team_a.orders GROUP BY state
            labels: [state]
            metricsdesc:
              count: Orders by state.
        """);
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, """
        metrics:
          - context: team_b
            request: SELECT nothing FROM exp_team_a.no_such_table
            metricsdesc:
              nothing: Never produced.
        """);
    ExporterJvm.Result r = ExporterProcess.once(Map.of(), "--mysqld.address=" + MariaDb.ADDRESS,
        "--mysqld.username=root", "--custom.metrics=" + orders, "--custom.metrics=" + broken);
    Exposition m = r.metrics();
    assertThat(m.value("mysql_team_a_orders_count", "state", "open")).contains(2.0);
    assertThat(m.value("mysql_team_a_orders_count", "state", "shipped")).contains(1.0);
    assertThat(m.has("mysql_team_b_nothing")).isFalse();
    assertThat(m.value("mysql_exporter_scrape_errors_total", "collector", "team_b")).contains(1.0);
    assertThat(m.value("mysql_exporter_scrape_errors_total", "collector", "team_a_orders")).contains(0.0);
    // The defaults are untouched by the failure.
    assertThat(m.value("mysql_up")).contains(1.0);
    assertThat(m.has("mysql_global_status_commands_total")).isTrue();
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("team_b").contains("no_such_table");
  }

  @Test
  void teamCollectorsAreSwitchedLikeTheBuiltInOnes() throws Exception {
    Path file = dir.resolve("team.yaml");
    Files.writeString(file, """
        metrics:
          - context: team_a_orders
            collector: team_a
            enabled: false
            request: SELECT COUNT(*) AS total FROM exp_team_a.orders
            metricsdesc:
              total: All orders.
        """);
    ExporterJvm.Result off = ExporterProcess.once(Map.of(), "--mysqld.address=" + MariaDb.ADDRESS,
        "--mysqld.username=root", "--custom.metrics=" + file, "--no-collect.global_variables");
    assertThat(off.metrics().has("mysql_team_a_orders_total")).isFalse();
    assertThat(off.metrics().types().keySet()).noneMatch(n -> n.startsWith("mysql_global_variables_"));

    ExporterJvm.Result on = ExporterProcess.once(Map.of(), "--mysqld.address=" + MariaDb.ADDRESS,
        "--mysqld.username=root", "--custom.metrics=" + file, "--collect.team_a",
        "--collect.info_schema.processlist", "--collect.info_schema.processlist.min_time=0");
    assertThat(on.metrics().value("mysql_team_a_orders_total")).contains(3.0);
    assertThat(on.metrics().has("mysql_info_schema_processlist_threads")).isTrue();
    assertThat(on.metrics().has("mysql_info_schema_processlist_processes_by_user")).isTrue();
  }

  @Test
  void anUnknownCollectorSwitchIsAnErrorListingTheCollectors() throws Exception {
    ExporterJvm.Result r = ExporterProcess.once(Map.of(), "--mysqld.address=" + MariaDb.ADDRESS,
        "--collect.global_statsu");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("global_statsu").contains("global_status");
  }
}
