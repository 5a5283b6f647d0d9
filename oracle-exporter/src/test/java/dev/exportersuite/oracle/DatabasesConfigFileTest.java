package dev.exportersuite.oracle;

import dev.exportersuite.core.testing.ExporterJvm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.CommandRun;
import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.FreePort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config file of Oracle's exporter (oracle-db-appdev-monitoring 2.x) as its users have it: several databases
 * from one exporter, a database label on every series, metrics.* settings; written here after its documented
 * schema. No Oracle runs here: --check-config resolves it without the network, and --once against two addresses
 * where nothing listens shows every database's own series.
 */
class DatabasesConfigFileTest {

  static final String PASSWORD = DsnFormsTest.NASTY;

  @TempDir
  Path dir;

  private Path config(String body) throws Exception {
    return Files.writeString(dir.resolve("config.yaml"), body);
  }

  @Test
  void twoDatabasesWithTheirLabelsPasswordFilesAndVariables() throws Exception {
    Path passwordFile = Files.writeString(dir.resolve("pw"), PASSWORD + "\n");
    Path team = Files.writeString(dir.resolve("team.yaml"), """
        metrics:
          - context: only_db2
            request: SELECT 1 AS value FROM dual
            metricsdesc: {value: Only on db2.}
            databases: [db2]
        """);
    Path file = config("""
        databases:
          db1:
            username: monitor
            passwordFile: %s
            url: db1.example.com:1521/ORCLPDB1
            labels: {region: eu}
            maxOpenConns: 10
          db2:
            username: ${DB2_USER}
            password: ${DB2_PASSWORD}
            url: db2.example.com/FREEPDB1
            role: SYSDBA
            queryTimeout: 7
        metrics:
          custom: [%s]
          scrapeInterval: 30s
        metricsPath: /oracle-metrics
        """.formatted(passwordFile, team));
    CommandRun.Result r = CommandRun.run(new OracleExporter(Map.of("DB2_USER", "sys", "DB2_PASSWORD", PASSWORD)),
        "--check-config", "--config.file", file.toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    // Each database keeps its own limits: db1's pool of 10 runs 10 queries at once, db2's queryTimeout is its own.
    assertThat(r.stdout()).contains(
        "connection: db1: db1.example.com:1521/ORCLPDB1 as monitor (query timeout 5s, 10 at once) (not opened)",
        "connection: db2: db2.example.com:1521/FREEPDB1 as sys (SYSDBA) (query timeout 7s, 3 at once) (not opened)",
        "every 30s",
        "oracledb_only_db2_value");
    assertThat(r.stdout() + r.stderr()).doesNotContain(PASSWORD);
  }

  @Test
  void everySeriesSaysWhichDatabaseEvenWhenBothAreDown() throws Exception {
    int p1 = FreePort.pick();
    int p2 = FreePort.pick();
    Path file = config("""
        databases:
          db1:
            username: monitor
            password: "%s"
            url: 127.0.0.1:%d/ORCLPDB1
            labels: {region: eu}
          db2:
            username: monitor
            password: "%s"
            url: 127.0.0.1:%d/ORCLPDB1
        metrics:
          databaseLabel: db
        """.formatted(PASSWORD.replace("\\", "\\\\").replace("\"", "\\\""), p1,
        PASSWORD.replace("\\", "\\\\").replace("\"", "\\\""), p2));
    ExporterJvm.Result r = ExporterProcess.once(Map.of(), "--config.file", file.toString());
    Exposition e = r.metrics();
    assertThat(e.value("oracledb_up", "db", "db1", "region", "eu")).contains(0.0);
    assertThat(e.value("oracledb_up", "db", "db2", "region", "")).contains(0.0);
    assertThat(r.stderr()).contains("db1: ").contains("db2: ").doesNotContain(PASSWORD);
    assertThat(r.stdout()).doesNotContain(PASSWORD);
  }

  @Test
  void whatThisExporterCannotHonourIsRefusedWithItsLine() throws Exception {
    Path file = config("""
        databases:
          db1:
            username: monitor
            password: x
            url: db1:1521/ORCLPDB1
            vault:
              oci: {id: ocid1.vault}
          db2:
            username: monitor
            password: x
            tnsAdmin: /opt/oracle/network/admin
            url: MYALIAS
        metrics:
          scrapeIntervall: 30s
        """);
    CommandRun.Result r = CommandRun.run(new OracleExporter(Map.of()), "--check-config", "--config.file",
        file.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr().lines()).anySatisfy(l -> assertThat(l).startsWith("error: " + file + ":7: "
        + "databases.db1.vault: secrets from a vault are not supported yet"))
        .anySatisfy(l -> assertThat(l).startsWith("error: " + file + ":12: databases.db2.url: there is no "
            + "tnsnames.ora in /opt/oracle/network/admin"))
        .anySatisfy(l -> assertThat(l).contains(":14: metrics.scrapeIntervall: unknown key 'scrapeIntervall' "
            + "(did you mean 'scrapeInterval'?)"));
  }

  /** The peer's web.configFile names the toolkit's web config, as --web.config.file does; the flag wins. */
  @Test
  void webConfigFileFromTheConfigFileAndTheFlagWins() throws Exception {
    // htpasswd -nbBC 10 prometheus scrape-s3cret
    String hash = "$2y$10$NRwoWZnvP46kcdXHgG74v.cLZaGovMYZ1utX5b3arGfKRI7ycXwgW";
    Path web = Files.writeString(dir.resolve("web.yml"), "basic_auth_users:\n  prometheus: " + hash + "\n");
    Path other = Files.writeString(dir.resolve("other.yml"), "basic_auth_users:\n  a: " + hash + "\n  b: "
        + hash + "\n");
    Path file = withWebConfig(web);
    CommandRun.Result r = CommandRun.run(new OracleExporter(Map.of()), "--check-config", "--config.file",
        file.toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("web: TLS off; basic auth 1 user (" + web + ")").doesNotContain(hash);
    CommandRun.Result flag = CommandRun.run(new OracleExporter(Map.of()), "--check-config", "--config.file",
        file.toString(), "--web.config.file=" + other);
    assertThat(flag.stdout()).contains("web: TLS off; basic auth 2 users (" + other + ")");
    Path missing = withWebConfig(dir.resolve("nope.yml"));
    CommandRun.Result bad = CommandRun.run(new OracleExporter(Map.of()), "--check-config", "--config.file",
        missing.toString());
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.stderr()).contains(dir.resolve("nope.yml").toString());
  }

  /** A config file of one database whose web section names {@code webConfig}. */
  private Path withWebConfig(Path webConfig) throws Exception {
    return config("""
        databases:
          db1: {username: monitor, password: x, url: "db1:1521/ORCLPDB1"}
        web:
          configFile: %s
        """.formatted(webConfig));
  }

  @Test
  void aDsnAndADatabasesFileAtOnceIsAMistake() throws Exception {
    Path file = config("""
        databases:
          db1: {username: monitor, password: x, url: "db1:1521/ORCLPDB1"}
        """);
    CommandRun.Result r = CommandRun.run(new OracleExporter(Map.of("DATA_SOURCE_NAME",
        "oracle://a:b@h:1521/s", "CONFIG_FILE", file.toString())), "--check-config");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("the database is given twice");
  }
}
