package dev.exportersuite.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.jdbc.JdbcExecutor;
import dev.exportersuite.core.jdbc.JdbcSettings;
import dev.exportersuite.core.jdbc.SqlRequest;
import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.RunningExporter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in metrics files, run unchanged on a STAND-IN database: H2 in Oracle mode, with tables named like the
 * Oracle views they read and a few rows each. It is not Oracle: it checks that every query is one SQL statement a
 * dialect like Oracle's parses, and that each family comes out under the peer's name with the peer's labels. Whether
 * Oracle's views hold what these rows pretend is unverified (README).
 */
public class DefaultMetricsStandInTest {

  private static final String URL = "jdbc:h2:mem:oracle_views_standin;MODE=Oracle;DB_CLOSE_DELAY=-1;"
      + "NON_KEYWORDS=VALUE,TYPE,NAME,STATUS";
  private static Connection keepAlive;

  /** SYS_CONTEXT('USERENV', 'CON_ID') of a non-CDB; public, so that H2 can call it. */
  public static String sysContext(String namespace, String key) {
    return key.equals("CON_ID") ? "0" : null;
  }

  @BeforeAll
  static void createViews() throws Exception {
    keepAlive = DriverManager.getConnection(URL, "sa", "");
    try (Statement s = keepAlive.createStatement()) {
      s.execute("CREATE ALIAS SYS_CONTEXT FOR 'dev.exportersuite.oracle.DefaultMetricsStandInTest.sysContext'");
      for (String prefix : new String[] {"gv$", "v$"}) {
        String inst = prefix.equals("gv$") ? "inst_id NUMBER, " : "";
        String one = prefix.equals("gv$") ? "1, " : "";
        s.execute("CREATE TABLE " + prefix + "session (" + inst + "status VARCHAR2(8), type VARCHAR2(10))");
        s.execute("INSERT INTO " + prefix + "session VALUES (" + one + "'ACTIVE', 'USER'), (" + one + "'ACTIVE', "
            + "'USER'), (" + one + "'INACTIVE', 'BACKGROUND')");
        s.execute("CREATE TABLE " + prefix + "resource_limit (" + inst + "resource_name VARCHAR2(30), "
            + "current_utilization NUMBER, limit_value VARCHAR2(10))");
        s.execute("INSERT INTO " + prefix + "resource_limit VALUES (" + one + "'processes', 80, '       300'), ("
            + one + "'enqueue_locks', 20, ' UNLIMITED')");
        s.execute("CREATE TABLE " + prefix + "asm_diskgroup_stat (" + inst + "name VARCHAR2(30), total_mb NUMBER, "
            + "free_mb NUMBER)");
        s.execute("INSERT INTO " + prefix + "asm_diskgroup_stat VALUES (" + one + "'DATA', 1024, 512)");
        s.execute("CREATE TABLE " + prefix + "sysstat (" + inst + "name VARCHAR2(64), value NUMBER)");
        s.execute("INSERT INTO " + prefix + "sysstat VALUES (" + one + "'parse count (total)', 100), (" + one
            + "'execute count', 200), (" + one + "'user commits', 30), (" + one + "'user rollbacks', 4), (" + one
            + "'logons current', 9)");
        s.execute("CREATE TABLE " + prefix + "process (" + inst + "pid NUMBER)");
        s.execute("INSERT INTO " + prefix + "process VALUES (" + one + "1), (" + one + "2)");
      }
      s.execute("CREATE TABLE v$datafile (name VARCHAR2(100))");
      s.execute("INSERT INTO v$datafile VALUES ('+DATA/orcl/system01.dbf')");
      s.execute("CREATE TABLE gv$system_wait_class (inst_id NUMBER, con_id NUMBER, wait_class_id NUMBER, "
          + "wait_class VARCHAR2(64), time_waited NUMBER)");
      s.execute("INSERT INTO gv$system_wait_class VALUES (1, 0, 1, 'User I/O', 12345), (1, 0, 2, 'Idle', 999999),"
          + " (1, 0, 3, 'System I/O', 500)");
      s.execute("CREATE TABLE v$system_wait_class (wait_class_id NUMBER, wait_class VARCHAR2(64))");
      s.execute("INSERT INTO v$system_wait_class VALUES (1, 'User I/O'), (2, 'Idle'), (3, 'System I/O')");
      s.execute("CREATE TABLE v$waitclassmetric (wait_class_id NUMBER, time_waited NUMBER, intsize_csec NUMBER)");
      s.execute("INSERT INTO v$waitclassmetric VALUES (1, 600, 6000), (2, 6000, 6000), (3, 30, 6000)");
      s.execute("CREATE TABLE dba_tablespaces (tablespace_name VARCHAR2(30), contents VARCHAR2(21), "
          + "block_size NUMBER)");
      s.execute("INSERT INTO dba_tablespaces VALUES ('SYSTEM', 'PERMANENT', 8192), ('TEMP', 'TEMPORARY', 8192)");
      s.execute("CREATE TABLE dba_tablespace_usage_metrics (tablespace_name VARCHAR2(30), used_space NUMBER, "
          + "tablespace_size NUMBER, used_percent NUMBER)");
      s.execute("INSERT INTO dba_tablespace_usage_metrics VALUES ('SYSTEM', 100, 400, 25)");
      s.execute("CREATE TABLE dba_temp_free_space (tablespace_name VARCHAR2(30), tablespace_size NUMBER, "
          + "free_space NUMBER)");
      s.execute("INSERT INTO dba_temp_free_space VALUES ('TEMP', 1000, 750)");
      s.execute("CREATE TABLE gv$parameter (inst_id NUMBER, name VARCHAR2(80), value VARCHAR2(512))");
      s.execute("INSERT INTO gv$parameter VALUES (1, 'cpu_count', '4'), (1, 'sga_max_size', '1073741824'),"
          + " (1, 'pga_aggregate_limit', '2147483648'), (1, 'db_name', 'ORCL')");
      s.execute("CREATE TABLE gv$database (inst_id NUMBER, platform_name VARCHAR2(101))");
      s.execute("INSERT INTO gv$database VALUES (1, 'Linux x86 64-bit')");
      s.execute("CREATE TABLE gv$sqlstats (inst_id NUMBER, sql_id VARCHAR2(13), plan_hash_value NUMBER, "
          + "sql_text VARCHAR2(1000), elapsed_time NUMBER)");
      for (int i = 1; i <= 20; i++) {
        s.execute("INSERT INTO gv$sqlstats VALUES (1, 'sql" + i + "', 1, 'SELECT " + i + " FROM some_table_with_a"
            + "_long_name WHERE a_column = :1 AND another_column = :2', " + i * 1_000_000 + ")");
      }
      // A second plan of the busiest statement: one series, the plans added up.
      s.execute("INSERT INTO gv$sqlstats VALUES (1, 'sql20', 2, 'SELECT 20 FROM x', 5000000)");
      s.execute("CREATE TABLE gv$con_sysmetric (inst_id NUMBER, metric_name VARCHAR2(64), value NUMBER, "
          + "intsize_csec NUMBER)");
      s.execute("INSERT INTO gv$con_sysmetric VALUES (1, 'Buffer Cache Hit Ratio', 99.5, 6000),"
          + " (1, 'Buffer Cache Hit Ratio', 90, 1500), (1, 'Cursor Cache Hit Ratio', 80, 6000)");
    }
  }

  @AfterAll
  static void close() throws Exception {
    keepAlive.close();
  }

  private static Exposition scrape(String resource) throws Exception {
    String yaml;
    try (InputStream in = OracleExporter.class.getClassLoader().getResourceAsStream(resource)) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (RunningExporter<SqlRequest> e = new RunningExporter<>("oracledb", new JdbcExecutor(new JdbcSettings(URL,
        Optional.of("sa"), Optional.of(""), 2, Duration.ofSeconds(2), Optional.empty(), Map.of(), 1000)),
        SqlRequest.parser(), yaml)) {
      Exposition x = e.scrapeParsed();
      assertThat(x.value("oracledb_exporter_last_scrape_error")).as(e.collector().status().toString()).contains(0.0);
      return x;
    }
  }

  @Test
  void theBuiltInDefaultsGiveTheSuccessorsNamesAndLabels() throws Exception {
    Exposition x = scrape("oracle/default-metrics.yaml");
    assertThat(x.value("oracledb_dbtype")).contains(0.0);
    assertThat(x.value("oracledb_sessions_value", "inst_id", "1", "status", "ACTIVE", "type", "USER")).contains(2.0);
    assertThat(x.value("oracledb_resource_limit_value", "inst_id", "1", "resource_name", "processes")).contains(300.0);
    assertThat(x.value("oracledb_resource_limit_value", "inst_id", "1", "resource_name", "enqueue_locks"))
        .contains(-1.0);
    assertThat(x.value("oracledb_resource_current_utilization", "inst_id", "1", "resource_name", "processes"))
        .contains(80.0);
    assertThat(x.value("oracledb_asm_diskgroup_total", "inst_id", "1", "name", "DATA")).contains(1024 * 1048576.0);
    assertThat(x.value("oracledb_asm_diskgroup_free", "inst_id", "1", "name", "DATA")).contains(512 * 1048576.0);
    assertThat(x.value("oracledb_activity_parse_count_total", "inst_id", "1")).contains(100.0);
    assertThat(x.value("oracledb_activity_execute_count", "inst_id", "1")).contains(200.0);
    assertThat(x.value("oracledb_activity_user_commits", "inst_id", "1")).contains(30.0);
    assertThat(x.value("oracledb_activity_user_rollbacks", "inst_id", "1")).contains(4.0);
    assertThat(x.has("oracledb_activity_logons_current")).isFalse();
    assertThat(x.value("oracledb_process_count", "inst_id", "1")).contains(2.0);
    assertThat(x.value("oracledb_wait_time_user_io", "inst_id", "1", "con_id", "0")).contains(123.45);
    assertThat(x.type("oracledb_wait_time_user_io")).contains("untyped");
    assertThat(x.has("oracledb_wait_time_idle")).isFalse();
    assertThat(x.value("oracledb_tablespace_bytes", "tablespace", "SYSTEM", "type", "PERMANENT"))
        .contains(100 * 8192.0);
    assertThat(x.value("oracledb_tablespace_free", "tablespace", "SYSTEM", "type", "PERMANENT"))
        .contains(300 * 8192.0);
    assertThat(x.value("oracledb_tablespace_used_percent", "tablespace", "TEMP", "type", "TEMPORARY")).contains(25.0);
    assertThat(x.value("oracledb_tablespace_max_bytes", "tablespace", "TEMP", "type", "TEMPORARY")).contains(1000.0);
    assertThat(x.value("oracledb_db_system_value", "inst_id", "1", "name", "sga_max_size")).contains(1073741824.0);
    assertThat(x.samples("oracledb_db_system_value")).hasSize(3);
    assertThat(x.value("oracledb_db_platform_value", "inst_id", "1", "platform_name", "Linux x86 64-bit"))
        .contains(1.0);
    assertThat(x.samples("oracledb_top_sql_elapsed")).hasSize(15)
        .allSatisfy(s -> assertThat(s.labels().get("sql_text")).hasSizeLessThanOrEqualTo(55));
    assertThat(x.samples("oracledb_top_sql_elapsed").stream()
        .filter(s -> s.labels().get("sql_id").equals("sql20")).findFirst().orElseThrow().value()).isEqualTo(25.0);
    assertThat(x.value("oracledb_cache_hit_ratio_value", "inst_id", "1", "cache_hit_type", "Buffer Cache Hit Ratio"))
        .contains(99.5);
    assertThat(x.value("oracledb_cache_hit_ratio_value", "inst_id", "1", "cache_hit_type", "Cursor Cache Hit Ratio"))
        .contains(80.0);
  }

  @Test
  void theLegacySetGivesIamseth06sNamesWithoutInstId() throws Exception {
    Exposition x = scrape("oracle/legacy-metrics.yaml");
    assertThat(x.value("oracledb_sessions_value", "status", "ACTIVE", "type", "USER")).contains(2.0);
    assertThat(x.value("oracledb_resource_limit_value", "resource_name", "enqueue_locks")).contains(-1.0);
    assertThat(x.value("oracledb_asm_diskgroup_total", "name", "DATA")).contains(1024 * 1048576.0);
    assertThat(x.value("oracledb_activity_parse_count_total")).contains(100.0);
    assertThat(x.value("oracledb_process_count")).contains(2.0);
    assertThat(x.value("oracledb_wait_time_user_io")).contains(0.1);
    assertThat(x.type("oracledb_wait_time_user_io")).contains("gauge");
    assertThat(x.value("oracledb_tablespace_free", "tablespace", "SYSTEM", "type", "PERMANENT"))
        .contains(300 * 8192.0);
    assertThat(x.has("oracledb_top_sql_elapsed")).isFalse();
  }
}
