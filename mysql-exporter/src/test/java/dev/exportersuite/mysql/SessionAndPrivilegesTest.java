package dev.exportersuite.mysql;

import dev.exportersuite.core.testing.ExporterJvm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.Exposition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the exporter's session looks like on the server, and how it behaves for a user without grants. */
class SessionAndPrivilegesTest {

  static final String USER = "exp_nogrants";
  static final String PASSWORD = "no-grants-pw";

  @TempDir
  Path dir;

  @BeforeAll
  static void user() throws Exception {
    MariaDb.createUser(USER, PASSWORD, "");
  }

  @AfterAll
  static void drop() throws Exception {
    MariaDb.dropUser(USER);
  }

  /** Reads the session's own settings through a custom file: proof that the init statement ran on MariaDB. */
  @Test
  void sessionSettingsReachTheServer() throws Exception {
    Path file = dir.resolve("session.yaml");
    Files.writeString(file, """
        metrics:
          - context: test_session
            request: >-
              SELECT @@session.lock_wait_timeout AS lock_wait_timeout,
                     @@session.log_queries_not_using_indexes AS not_using_indexes,
                     FIND_IN_SET('tmp_table_on_disk', @@session.log_slow_filter) > 0
                       AND FIND_IN_SET('full_scan', @@session.log_slow_filter) = 0 AS slow_filter
            metricsdesc:
              lock_wait_timeout: Session lock_wait_timeout.
              not_using_indexes: Session log_queries_not_using_indexes.
              slow_filter: 1 when the session has mysqld_exporter's slow filter.
        """);
    MariaDb.exec("SET GLOBAL log_queries_not_using_indexes = ON");
    try {
      Exposition plain = ExporterProcess.once(Map.of(), "--mysqld.address=" + MariaDb.ADDRESS,
          "--mysqld.username=root", "--custom.metrics=" + file).metrics();
      assertThat(plain.value("mysql_test_session_lock_wait_timeout")).contains(2.0);
      assertThat(plain.value("mysql_test_session_not_using_indexes")).contains(0.0);
      assertThat(plain.value("mysql_test_session_slow_filter")).contains(0.0);

      Exposition tuned = ExporterProcess.once(Map.of(), "--mysqld.address=" + MariaDb.ADDRESS,
          "--mysqld.username=root", "--custom.metrics=" + file, "--exporter.lock_wait_timeout=7",
          "--exporter.log_slow_filter").metrics();
      assertThat(tuned.value("mysql_test_session_lock_wait_timeout")).contains(7.0);
      assertThat(tuned.value("mysql_test_session_slow_filter")).contains(1.0);
    } finally {
      MariaDb.exec("SET GLOBAL log_queries_not_using_indexes = OFF");
    }
  }

  @Test
  void theGrantsMysqldExporterDocumentsAreEnough() throws Exception {
    String user = "exp_granted";
    MariaDb.createUser(user, PASSWORD, "PROCESS, REPLICATION CLIENT, SLAVE MONITOR, SELECT");
    try {
      ExporterJvm.Result r = ExporterProcess.once(Map.of(), "--mysqld.address=" + MariaDb.ADDRESS,
          "--mysqld.username=" + user + ":" + PASSWORD);
      assertThat(r.exitCode()).as(r.stderr()).isZero();
      assertThat(r.metrics().has("mysql_info_schema_innodb_cmp_compress_ops_total")).isTrue();
    } finally {
      MariaDb.dropUser(user);
    }
  }

  @Test
  void aUserWithoutGrantsGetsWhatItMayAndOneMessageNamingTheGrant() throws Exception {
    try (ExporterJvm p = ExporterProcess.serve(Map.of(), "--mysqld.address=" + MariaDb.ADDRESS,
        "--mysqld.username=" + USER + ":" + PASSWORD)) {
      Exposition m = null;
      for (int i = 0; i < 3; i++) {
        m = p.scrape();
      }
      assertThat(m.value("mysql_up")).contains(1.0);
      // SHOW GLOBAL STATUS/VARIABLES need no grant: those collectors keep running.
      assertThat(m.has("mysql_global_status_uptime")).isTrue();
      assertThat(m.has("mysql_global_variables_max_connections")).isTrue();
      assertThat(m.has("mysql_version_info")).isTrue();
      // information_schema.INNODB_CMP needs PROCESS.
      assertThat(m.has("mysql_info_schema_innodb_cmp_compress_ops_total")).isFalse();
      assertThat(m.value("mysql_exporter_scrape_errors_total", "collector", "info_schema.innodb_cmp"))
          .contains(3.0);
      String log = p.stderr();
      assertThat(log).contains("GRANT PROCESS ON *.* TO");
      // SHOW SLAVE STATUS needs REPLICATION CLIENT (on MariaDB 10.5+ split off as SLAVE MONITOR).
      assertThat(m.value("mysql_exporter_scrape_errors_total", "collector", "slave_status")).contains(3.0);
      assertThat(log).contains("needs REPLICATION CLIENT").contains("GRANT SLAVE MONITOR ON *.* TO");
      assertThat(count(log, "collector 'slave_status' failed")).isEqualTo(1);
      assertThat(count(log, "collector 'info_schema.innodb_cmp' failed")).isEqualTo(1);
      assertThat(log).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain(PASSWORD);
    }
  }

  private static int count(String text, String what) {
    Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
