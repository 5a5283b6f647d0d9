package dev.exportersuite.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.ExporterJvm;
import dev.exportersuite.core.testing.Exposition;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The collectors users switch on with mysqld_exporter's flags, side by side with the Debian peer (0.14) on a scratch
 * MariaDB that has what the shared server lacks: binary logging, the query_response_time plugin (stats on) and TLS.
 * It also holds a pt-heartbeat table, an AUTO_INCREMENT column and an account with a few grants.
 */
class OptionalCollectorsParityTest {

  /** The flags both exporters get: every implemented optional collector, and the heartbeat table's flags. */
  private static final List<String> FLAGS = List.of("--collect.binlog_size", "--collect.engine_innodb_status",
      "--collect.auto_increment.columns", "--collect.mysql.user", "--collect.mysql.user.privileges",
      "--collect.heartbeat", "--collect.heartbeat.database=hb_parity", "--collect.heartbeat.table=pulse",
      "--collect.heartbeat.utc", "--collect.info_schema.processlist");

  private static ScratchMariaDb server;
  private static Exposition peer;
  private static Exposition ours;
  /** TLS handshakes the scratch server counted before and after our exporter's scrape. */
  private static long sslAcceptsBefore;
  private static long sslAcceptsAfter;

  @BeforeAll
  static void scrapeBoth() throws Exception {
    assertThat(PeerExporter.installed()).as("prometheus-mysqld-exporter is installed (scripts/services.sh)").isTrue();
    Assumptions.assumeTrue(ScratchMariaDb.available(), "mariadb-install-db/mariadbd are not installed");
    Assumptions.assumeTrue(java.nio.file.Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
    Path dir = ScratchMariaDb.newDirectory();
    ScratchMariaDb.run(new ProcessBuilder("/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
        "-days", "1", "-subj", "/CN=scratch", "-keyout", dir.resolve("key.pem").toString(), "-out",
        dir.resolve("cert.pem").toString()), dir.resolve("openssl.log"));
    server = ScratchMariaDb.start(dir, "--server-id=7", "--log-bin=" + dir.resolve("binlog"),
        "--plugin-load-add=query_response_time", "--query-response-time-stats=ON",
        "--ssl-cert=" + dir.resolve("cert.pem"), "--ssl-key=" + dir.resolve("key.pem"));
    server.exec("FLUSH BINARY LOGS", "FLUSH BINARY LOGS",
        "CREATE DATABASE hb_parity",
        "CREATE TABLE hb_parity.pulse (ts VARCHAR(26) NOT NULL, server_id INT UNSIGNED NOT NULL PRIMARY KEY)",
        "INSERT INTO hb_parity.pulse VALUES ('2026-01-02T03:04:05.250000', 7), ('2026-01-02T03:04:01.500000', 8)",
        "CREATE TABLE hb_parity.counters (id TINYINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, v INT)",
        "INSERT INTO hb_parity.counters (v) VALUES (1), (2), (3)",
        "CREATE USER 'parity_probe'@'10.%' IDENTIFIED BY 'not-used-here'",
        "GRANT PROCESS, SELECT ON *.* TO 'parity_probe'@'10.%'");
    // Ours also over TLS without checking the (self-signed) certificate, as mysqld_exporter's flag asks.
    List<String> ourFlags = new ArrayList<>(List.of("--mysqld.address=" + server.address(), "--mysqld.username=root",
        "--collect.info_schema.innodb_tablespaces", "--tls.insecure-skip-verify"));
    ourFlags.addAll(FLAGS);
    sslAcceptsBefore = sslAccepts();
    try (PeerExporter p = PeerExporter.start("root@tcp(" + server.address() + ")/", FLAGS.toArray(String[]::new));
        ExporterJvm o = ExporterProcess.serve(Map.of(), ourFlags.toArray(String[]::new))) {
      peer = Exposition.parse(p.scrape());
      ours = o.scrape();
    }
    sslAcceptsAfter = sslAccepts();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void everyFamilyOfThePeerIsHereWithItsTypeLabelsAndHelp() {
    assertThat(ParityTest.differences(peer, ours)).isEmpty();
    List<String> families = List.of("mysql_binlog_size_bytes", "mysql_binlog_files", "mysql_binlog_file_number",
        "mysql_engine_innodb_read_views_open_inside_innodb", "mysql_info_schema_auto_increment_column",
        "mysql_info_schema_auto_increment_column_max", "mysql_mysql_max_questions", "mysql_mysql_max_user_connections",
        "mysql_mysql_select_priv", "mysql_mysql_create_tablespace_priv", "mysql_heartbeat_stored_timestamp_seconds",
        "mysql_heartbeat_now_timestamp_seconds", "mysql_info_schema_query_response_time_seconds",
        "mysql_info_schema_processlist_threads", "mysql_info_schema_processlist_seconds",
        "mysql_info_schema_processlist_processes_by_user", "mysql_info_schema_processlist_processes_by_host");
    assertThat(peer.types()).as("the peer made them, so the comparison covered them").containsKeys(
        families.toArray(String[]::new));
    for (String f : peer.types().keySet()) {
      if (f.matches("mysql_(binlog|engine_innodb|info_schema_auto_increment|mysql|heartbeat|info_schema_processlist)_.*")
          || f.matches("mysql_info_schema_.*query_response_time_seconds|mysql_info_schema_innodb_cmp.*")) {
        assertThat(ours.help(f)).as("help of " + f).isEqualTo(peer.help(f));
      }
    }
  }

  @Test
  void binlogFiguresAreThePeers() {
    // install-db's first file, then two FLUSH BINARY LOGS: three files, the last numbered 3.
    assertThat(ours.value("mysql_binlog_files")).contains(3.0).isEqualTo(peer.value("mysql_binlog_files"));
    assertThat(ours.value("mysql_binlog_file_number")).contains(3.0);
    assertThat(ours.value("mysql_binlog_size_bytes")).isEqualTo(peer.value("mysql_binlog_size_bytes"));
  }

  @Test
  void heartbeatReadsTheTableTheFlagsName() {
    for (String id : List.of("7", "8")) {
      assertThat(ours.value("mysql_heartbeat_stored_timestamp_seconds", "server_id", id))
          .isPresent().isEqualTo(peer.value("mysql_heartbeat_stored_timestamp_seconds", "server_id", id));
      double now = ours.value("mysql_heartbeat_now_timestamp_seconds", "server_id", id).orElseThrow();
      assertThat(now).isCloseTo(peer.value("mysql_heartbeat_now_timestamp_seconds", "server_id", id).orElseThrow(),
          org.assertj.core.data.Offset.offset(30.0));
    }
    assertThat(ours.value("mysql_heartbeat_stored_timestamp_seconds", "server_id", "7").orElseThrow()
        - ours.value("mysql_heartbeat_stored_timestamp_seconds", "server_id", "8").orElseThrow())
        .isCloseTo(3.75, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void autoIncrementAndAccountsAreThePeers() {
    assertThat(ours.value("mysql_info_schema_auto_increment_column", "schema", "hb_parity", "table", "counters",
        "column", "id")).contains(4.0);
    assertThat(ours.value("mysql_info_schema_auto_increment_column_max", "schema", "hb_parity", "table", "counters",
        "column", "id")).contains(255.0);
    for (String f : peer.types().keySet()) {
      if (f.startsWith("mysql_mysql_") || f.startsWith("mysql_info_schema_auto_increment_")) {
        assertThat(series(ours, f)).as(f).isEqualTo(series(peer, f));
      }
    }
    assertThat(ours.value("mysql_mysql_process_priv", "mysql_user", "parity_probe", "hostmask", "10.%")).contains(1.0);
    assertThat(ours.value("mysql_mysql_insert_priv", "mysql_user", "parity_probe", "hostmask", "10.%")).contains(0.0);
  }

  /** The histogram has the peer's buckets; its counts move with every query, so only their shape is compared. */
  @Test
  void queryResponseTimeIsAHistogramWithThePeersBuckets() {
    String f = "mysql_info_schema_query_response_time_seconds";
    assertThat(les(ours, f)).hasSize(14).isEqualTo(les(peer, f));
    double previous = 0;
    for (Exposition.Sample s : ours.samples(f + "_bucket")) {
      assertThat(s.value()).isGreaterThanOrEqualTo(previous);
      previous = s.value();
    }
    assertThat(ours.value(f + "_bucket", "le", "+Inf")).isEqualTo(ours.value(f + "_count")).get()
        .satisfies(n -> assertThat(n).isGreaterThan(0));
  }

  /** mysqld_exporter 0.14 fails on MariaDB 10.5+ here (SPACE_TYPE); the names and labels are 0.16's. */
  @Test
  void innodbTablespacesAreTheServers() throws Exception {
    long space;
    long fileSize;
    try (Connection c = server.root(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT SPACE, FILE_SIZE FROM information_schema.INNODB_SYS_TABLESPACES "
            + "WHERE NAME = 'hb_parity/counters'")) {
      assertThat(rs.next()).isTrue();
      space = rs.getLong(1);
      fileSize = rs.getLong(2);
    }
    assertThat(ours.value("mysql_info_schema_innodb_tablespace_space_info", "tablespace_name", "hb_parity/counters",
        "file_format", "NONE", "row_format", "NONE", "space_type", "")).contains((double) space);
    assertThat(ours.value("mysql_info_schema_innodb_tablespace_file_size_bytes", "tablespace_name",
        "hb_parity/counters")).contains((double) fileSize);
    assertThat(ours.types()).containsEntry("mysql_info_schema_innodb_tablespace_allocated_size_bytes", "gauge");
    assertThat(ours.help("mysql_info_schema_innodb_tablespace_space_info"))
        .contains("The Tablespace information and Space ID.");
  }

  /**
   * --tls.insecure-skip-verify: TLS to a server with a self-signed certificate (the scrape above), and no plain
   * connection to a server without TLS.
   */
  @Test
  void tlsInsecureSkipVerifyConnectsOverTlsAndRefusesPlainText() throws Exception {
    assertThat(ours.value("mysql_up")).contains(1.0);
    assertThat(sslAcceptsAfter).as("TLS handshakes on the scratch server").isGreaterThan(sslAcceptsBefore);
    ExporterJvm.Result plain = ExporterProcess.once(Map.of(), "--mysqld.address=" + MariaDb.ADDRESS,
        "--mysqld.username=root", "--tls.insecure-skip-verify", "--no-default.metrics");
    assertThat(plain.metrics().value("mysql_up")).as("the shared server has no TLS").contains(0.0);
    assertThat(plain.stderr()).contains("SSL Connection required, but not provided by server");
  }

  private static long sslAccepts() throws Exception {
    try (Connection c = server.root(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Ssl_accepts'")) {
      rs.next();
      return rs.getLong(2);
    }
  }

  private static Map<Map<String, String>, Double> series(Exposition e, String family) {
    Map<Map<String, String>, Double> out = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
    e.samples(family).forEach(s -> out.put(s.labels(), s.value()));
    return out;
  }

  private static Set<String> les(Exposition e, String family) {
    Set<String> out = new HashSet<>();
    e.samples(family + "_bucket").forEach(s -> out.add(s.labels().get("le")));
    return out;
  }
}
