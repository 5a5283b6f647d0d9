package dev.exportersuite.mysql;

import dev.exportersuite.core.testing.ExporterJvm;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Users turned on log_queries_not_using_indexes and found the exporter's information_schema reads in the slow
 * log. With the slow log on (to a table, briefly, restored after), the peer's reads land there and ours do not.
 */
class SlowLogTest {

  static final String PEER_USER = "exp_slow_peer";
  static final String OUR_USER = "exp_slow_ours";
  static final String PASSWORD = "slow-log-pw";

  @Test
  void ourScrapesStayOutOfTheSlowLogWhereThePeersLandIn() throws Exception {
    assertThat(PeerExporter.installed()).as("prometheus-mysqld-exporter is installed (scripts/services.sh)").isTrue();
    MariaDb.createUser(PEER_USER, PASSWORD, "PROCESS, SELECT");
    MariaDb.createUser(OUR_USER, PASSWORD, "PROCESS, SELECT");
    String[] saved = globals();
    try {
      MariaDb.exec("SET GLOBAL log_output = 'TABLE'", "SET GLOBAL log_queries_not_using_indexes = ON",
          "SET GLOBAL slow_query_log = ON");
      try (PeerExporter peer = PeerExporter.start(PEER_USER + ":" + PASSWORD + "@tcp(" + MariaDb.ADDRESS + ")/")) {
        peer.scrape();
      }
      ExporterJvm.Result ours = ExporterProcess.once(Map.of(), "--mysqld.address=" + MariaDb.ADDRESS,
          "--mysqld.username=" + OUR_USER + ":" + PASSWORD);
      assertThat(ours.metrics().has("mysql_info_schema_innodb_cmp_compress_ops_total")).isTrue();
      assertThat(slowLogged(PEER_USER)).as("the peer's reads (proof the slow log catches them)").isNotEmpty();
      assertThat(slowLogged(OUR_USER)).as("our reads").isEmpty();
    } finally {
      MariaDb.exec("SET GLOBAL slow_query_log = " + saved[0], "SET GLOBAL log_queries_not_using_indexes = "
          + saved[1], "SET GLOBAL log_output = '" + saved[2] + "'");
      MariaDb.dropUser(PEER_USER);
      MariaDb.dropUser(OUR_USER);
    }
  }

  private static String[] globals() throws Exception {
    try (Connection c = MariaDb.root(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT @@global.slow_query_log, @@global.log_queries_not_using_indexes, @@global.log_output")) {
      rs.next();
      return new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
    }
  }

  private static List<String> slowLogged(String user) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = MariaDb.root(); var ps = c.prepareStatement(
        "SELECT CONVERT(sql_text USING utf8mb4) FROM mysql.slow_log WHERE user_host LIKE ?")) {
      ps.setString(1, user + "[%");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }
}
