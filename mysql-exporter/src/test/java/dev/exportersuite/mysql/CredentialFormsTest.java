package dev.exportersuite.mysql;

import dev.exportersuite.core.testing.ExporterJvm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way users hand credentials to mysqld_exporter today, against the real server, with a password full of
 * characters that a URL or an option file would otherwise mangle.
 */
class CredentialFormsTest {

  static final String USER = "exp_creds";
  static final String PASSWORD = "p@ss:w/rd#;%&?= \"x'";

  @TempDir
  Path dir;

  @BeforeAll
  static void createUser() throws Exception {
    MariaDb.createUser(USER, PASSWORD, "");
  }

  @AfterAll
  static void dropUser() throws Exception {
    MariaDb.dropUser(USER);
  }

  @Test
  void usernameFlagCarriesThePasswordAfterTheFirstColon() throws Exception {
    ExporterJvm.Result r = ExporterProcess.once(Map.of(), "--mysqld.address=" + MariaDb.ADDRESS,
        "--mysqld.username=" + USER + ":" + PASSWORD, "--no-collect.info_schema.innodb_cmp",
        "--no-collect.info_schema.innodb_cmpmem");
    assertThat(r.metrics().value("mysql_up")).as(r.stderr()).contains(1.0);
    assertThat(r.stdout() + r.stderr()).doesNotContain(PASSWORD);
  }

  @Test
  void passwordFromTheEnvironment() throws Exception {
    ExporterJvm.Result r = ExporterProcess.once(Map.of("MYSQLD_EXPORTER_PASSWORD", PASSWORD),
        "--mysqld.address", MariaDb.ADDRESS, "--mysqld.username", USER);
    assertThat(r.metrics().value("mysql_up")).as(r.stderr()).contains(1.0);
  }

  /** Docker and Kubernetes secrets: the password in a file, neither in the environment nor on the command line. */
  @Test
  void passwordAndDataSourceNameFromFilesNamedInTheEnvironment() throws Exception {
    Path pw = Files.writeString(dir.resolve("password"), PASSWORD + "\n");
    ExporterJvm.Result r = ExporterProcess.once(Map.of("MYSQLD_EXPORTER_PASSWORD_FILE", pw.toString()),
        "--mysqld.address", MariaDb.ADDRESS, "--mysqld.username", USER);
    assertThat(r.metrics().value("mysql_up")).as(r.stderr()).contains(1.0);
    Path dsn = Files.writeString(dir.resolve("dsn"), USER + ":" + PASSWORD + "@tcp(" + MariaDb.ADDRESS + ")/\n");
    ExporterJvm.Result d = ExporterProcess.once(Map.of("DATA_SOURCE_NAME_FILE", dsn.toString()));
    assertThat(d.metrics().value("mysql_up")).as(d.stderr()).contains(1.0);
    ExporterJvm.Result both = ExporterProcess.once(Map.of("MYSQLD_EXPORTER_PASSWORD_FILE", pw.toString(),
        "MYSQLD_EXPORTER_PASSWORD", PASSWORD), "--mysqld.address", MariaDb.ADDRESS, "--mysqld.username", USER);
    assertThat(both.stderr()).contains("both MYSQLD_EXPORTER_PASSWORD and MYSQLD_EXPORTER_PASSWORD_FILE are set: "
        + "keep one").doesNotContain(PASSWORD);
  }

  @Test
  void myCnfClientSectionWithQuotedPassword() throws Exception {
    Path cnf = dir.resolve("my.cnf");
    Files.writeString(cnf, "# exporter\n[mysqld]\nport=1\n\n[client]\nuser = " + USER + "\npassword = \""
        + PASSWORD.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\nhost = " + MariaDb.HOST + "\nport = "
        + MariaDb.PORT + "\n");
    ExporterJvm.Result r = ExporterProcess.once(Map.of(), "--config.my-cnf=" + cnf);
    assertThat(r.metrics().value("mysql_up")).as(r.stderr()).contains(1.0);
  }

  @Test
  void myCnfUnixSocket() throws Exception {
    Path socket = Path.of("/run/mysqld/mysqld.sock");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(socket), "no MariaDB socket at " + socket);
    Path cnf = dir.resolve("socket.cnf");
    Files.writeString(cnf, "[client]\nuser=" + USER + "\npassword=\""
        + PASSWORD.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\nsocket=" + socket + "\n");
    // The server's view of the session: a socket client's host is plain "localhost", a TCP one has a port.
    Path whoami = dir.resolve("whoami.yaml");
    Files.writeString(whoami, """
        metrics:
          - context: test_session
            request: SELECT host, 1 AS client FROM information_schema.PROCESSLIST WHERE id = CONNECTION_ID()
            labels: [host]
            metricsdesc:
              client: The exporter's own session.
        """);
    ExporterJvm.Result r = ExporterProcess.once(Map.of(), "--config.my-cnf=" + cnf,
        "--custom.metrics=" + whoami);
    assertThat(r.metrics().value("mysql_up")).as(r.stderr()).contains(1.0);
    assertThat(r.metrics().value("mysql_test_session_client", "host", "localhost")).as(r.stdout()).contains(1.0);
    assertThat(r.stderr()).contains("unix socket " + socket);
  }

  @Test
  void dataSourceNameOfMysqldExporter014() throws Exception {
    ExporterJvm.Result r = ExporterProcess.once(
        Map.of("DATA_SOURCE_NAME", USER + ":" + PASSWORD + "@tcp(" + MariaDb.ADDRESS + ")/"));
    assertThat(r.metrics().value("mysql_up")).as(r.stderr()).contains(1.0);
  }

  @Test
  void wrongPasswordIsDownAndNeverPrinted() throws Exception {
    String wrong = "Wr0ng-Secret!";
    try (ExporterJvm p = ExporterProcess.serve(Map.of("MYSQLD_EXPORTER_PASSWORD", wrong),
        "--mysqld.address=" + MariaDb.ADDRESS, "--mysqld.username=" + USER, ExporterProcess.fastFailConfig())) {
      String metrics = p.scrapeText("/metrics");
      assertThat(Exposition.parse(metrics).value("mysql_up")).contains(0.0);
      String page = Http.get(p.url("/")).body();
      assertThat(metrics + page + p.stdout() + p.stderr()).doesNotContain(wrong).contains("Access denied");
    }
  }

  @Test
  void listenAddressAndTelemetryPath() throws Exception {
    try (ExporterJvm p = ExporterProcess.serve(Map.of(), "--mysqld.address=" + MariaDb.ADDRESS,
        "--mysqld.username=root", "--web.telemetry-path=/stats")) {
      assertThat(Exposition.parse(p.scrapeText("/stats")).value("mysql_up")).contains(1.0);
      assertThat(Http.get(p.url("/metrics")).status()).isNotEqualTo(200);
    }
  }

  @Test
  void probeUsesTheAuthModuleSectionForEachTarget() throws Exception {
    Path cnf = dir.resolve("probe.cnf");
    Files.writeString(cnf, "[client]\nuser=nobody_here\npassword=nothing\n\n[client.team_a]\nuser=" + USER
        + "\npassword='" + PASSWORD.replace("\\", "\\\\").replace("'", "\\'") + "'\n");
    try (ExporterJvm p = ExporterProcess.serve(Map.of(), "--config.my-cnf=" + cnf,
        "--mysqld.address=" + MariaDb.ADDRESS, ExporterProcess.fastFailConfig())) {
      Exposition viaSection = Exposition.parse(
          p.scrapeText("/probe?target=" + MariaDb.ADDRESS + "&auth_module=client.team_a"));
      assertThat(viaSection.value("mysql_up")).contains(1.0);
      assertThat(viaSection.has("mysql_global_status_uptime")).isTrue();
      // [client] holds a user that does not exist: the default module is down, the other target's is not.
      assertThat(Exposition.parse(p.scrapeText("/probe?target=" + MariaDb.ADDRESS)).value("mysql_up"))
          .contains(0.0);
      Http.Response unknown = Http.get(p.url("/probe?target=" + MariaDb.ADDRESS + "&auth_module=client.nope"));
      assertThat(unknown.status()).isEqualTo(400);
      assertThat(unknown.body()).contains("client.nope").contains("client.team_a");
      assertThat(Http.get(p.url("/probe")).status()).isEqualTo(400);
      assertThat(Http.get(p.url("/probe?target=host:notaport")).status()).isEqualTo(400);
    }
  }

  @Test
  void missingMyCnfIsAClearError() throws Exception {
    ExporterJvm.Result r = ExporterProcess.once(Map.of(), "--config.my-cnf=" + dir.resolve("absent.cnf"));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("absent.cnf").contains("no such file");
  }
}
