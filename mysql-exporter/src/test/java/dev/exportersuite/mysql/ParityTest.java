package dev.exportersuite.mysql;

import dev.exportersuite.core.testing.ExporterJvm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.Exposition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The promise of issue 3: with default flags, against the same server, every family the Debian
 * mysqld_exporter exposes comes out of ours with the same name, type and label names.
 */
class ParityTest {

  private static Exposition peer;
  private static Exposition ours;

  /**
   * One scrape of each, side by side on the same server: every test below compares these two pages. Default flags,
   * plus binlog_size: this server has binary logging off, which both must take as nothing to report.
   */
  @BeforeAll
  static void scrapeBoth() throws Exception {
    assertThat(PeerExporter.installed())
        .as("prometheus-mysqld-exporter is installed (scripts/services.sh installs it)").isTrue();
    try (PeerExporter p = PeerExporter.start("root@tcp(" + MariaDb.ADDRESS + ")/", "--collect.binlog_size");
        ExporterJvm o = ExporterProcess.serve(Map.of(), "--mysqld.address=" + MariaDb.ADDRESS,
            "--mysqld.username=root", "--collect.binlog_size")) {
      peer = Exposition.parse(p.scrape());
      ours = o.scrape();
    }
  }

  /** The Go runtime's and the HTTP handler's own metrics are not MySQL metrics. */
  private static boolean goOnly(String family) {
    return family.startsWith("go_") || family.startsWith("process_") || family.startsWith("promhttp_");
  }

  @Test
  void everyPeerFamilyHasTheSameNameTypeAndLabels() throws Exception {
    assertThat(peer.value("mysql_up")).contains(1.0);
    assertThat(ours.value("mysql_up")).contains(1.0);

    List<String> problems = differences(peer, ours);
    assertThat(problems).as("families that differ from mysqld_exporter's").isEmpty();
    // Sanity: the comparison covered the server's full set (hundreds of variables), not an empty page.
    assertThat(peer.types().keySet().stream().filter(n -> !goOnly(n)).count()).isGreaterThan(500);
    assertThat(peer.types()).containsKeys("mysql_global_status_commands_total",
        "mysql_global_status_handlers_total", "mysql_global_status_buffer_pool_pages",
        "mysql_global_status_connection_errors_total", "mysql_version_info", "mysql_transaction_isolation",
        "mysql_info_schema_innodb_cmp_compress_ops_total");
  }

  /**
   * What this server lacks (binary logging; the query_response_time plugin, whose collector is on by default) is no
   * series and no error, as with the peer.
   */
  @Test
  void absentServerFeaturesAreNoSeriesAndNoError() throws Exception {
    try (var c = MariaDb.root(); var s = c.createStatement();
        var rs = s.executeQuery("SELECT @@log_bin, (SELECT COUNT(*) FROM information_schema.PLUGINS "
            + "WHERE PLUGIN_NAME = 'QUERY_RESPONSE_TIME')")) {
      rs.next();
      Assumptions.assumeTrue(rs.getInt(1) == 0 && rs.getInt(2) == 0, "the shared server has binary logging or the "
          + "query_response_time plugin: the absence cannot be tested");
    }
    for (Exposition e : List.of(peer, ours)) {
      assertThat(e.types().keySet())
          .noneMatch(n -> n.startsWith("mysql_binlog_") || n.contains("query_response_time_seconds"));
    }
    assertThat(ours.value("mysql_exporter_last_scrape_error")).contains(0.0);
    for (String collector : List.of("binlog_size", "info_schema.query_response_time")) {
      assertThat(ours.value("mysql_exporter_scrape_errors_total", "collector", collector)).contains(0.0);
    }
  }

  @Test
  void staticValuesAndInfoLabelsAgree() throws Exception {
    Map<String, Double> differ = new TreeMap<>();
    for (Exposition.Sample s : peer.samples()) {
      if (s.name().startsWith("mysql_global_variables_")) {
        Double mine = ours.value(s.name()).orElse(null);
        if (mine == null || Double.compare(mine, s.value()) != 0) {
          differ.put(s.name(), mine);
        }
      }
    }
    assertThat(differ).as("global variables whose value differs from the peer's").isEmpty();
    assertThat(ours.samples("mysql_version_info").get(0).labels())
        .isEqualTo(peer.samples("mysql_version_info").get(0).labels());
    assertThat(ours.samples("mysql_transaction_isolation").get(0).labels())
        .isEqualTo(peer.samples("mysql_transaction_isolation").get(0).labels());
    // Labelled status families carry the same label values (e.g. every command of Com_*).
    for (String family : List.of("mysql_global_status_commands_total", "mysql_global_status_handlers_total",
        "mysql_global_status_buffer_pool_pages", "mysql_global_status_connection_errors_total")) {
      assertThat(labelValues(ours, family)).as(family).isEqualTo(labelValues(peer, family));
    }
  }

  /** Families of the peer that ours lacks or has with another type or other label names. */
  static List<String> differences(Exposition peer, Exposition ours) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> f : peer.types().entrySet()) {
      String name = f.getKey();
      if (goOnly(name)) {
        continue;
      }
      if (!ours.types().containsKey(name)) {
        problems.add("missing " + f.getValue() + " " + name);
        continue;
      }
      if (!ours.types().get(name).equals(f.getValue())) {
        problems.add(name + ": type " + ours.types().get(name) + ", peer " + f.getValue());
      }
      // build_info labels describe the build (Go version vs Java version), not the server.
      if (!name.endsWith("_build_info") && !labelNames(ours, name).equals(labelNames(peer, name))) {
        problems.add(name + ": labels " + labelNames(ours, name) + ", peer " + labelNames(peer, name));
      }
    }
    return problems;
  }

  private static Set<String> labelNames(Exposition e, String family) {
    Set<String> names = new TreeSet<>();
    for (Exposition.Sample s : e.samples()) {
      if (belongs(s.name(), family, e.types().get(family))) {
        names.addAll(s.labels().keySet());
      }
    }
    return names;
  }

  private static Set<Map<String, String>> labelValues(Exposition e, String family) {
    Set<Map<String, String>> out = new java.util.HashSet<>();
    e.samples(family).forEach(s -> out.add(s.labels()));
    return out;
  }

  private static boolean belongs(String sample, String family, String type) {
    if (sample.equals(family)) {
      return true;
    }
    return ("histogram".equals(type) || "summary".equals(type))
        && (sample.equals(family + "_sum") || sample.equals(family + "_count") || sample.equals(family + "_bucket"));
  }
}
