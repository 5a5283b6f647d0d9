package dev.exportersuite.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.jdbc.JdbcExporter;
import dev.exportersuite.core.testing.CommandRun;
import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.Promtool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: --check-config and --once against the real MariaDB and PostgreSQL. */
class JdbcExporterCliTest {

  private static final Path METRICS = Path.of("src/test/resources/metrics");
  private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/test";
  private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    CommandRun.Result r = CommandRun.run(new JdbcExporter(), args);
    return new Run(r.exitCode(), r.stdout(), r.stderr());
  }

  /** A database for --check-config to resolve; it is not connected to. */
  private static final String URL = "--jdbc.url=jdbc:postgresql://127.0.0.1:5432/none";

  @Test
  void checkConfigPrintsWhatWasLoadedFromSeveralFilesAndDirectories() {
    Run r = run("--check-config", URL, "--namespace", "oracledb", "--custom.metrics",
        METRICS.resolve("dir") + "," + METRICS.resolve("good/full.yaml"));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("config OK").contains("6 definitions, 5 enabled")
        .contains("gauge oracledb_orders_value").contains("gauge oracledb_payments_value")
        .contains("counter oracledb_sessions_total").contains("histogram oracledb_latency_seconds")
        .contains("global_status").contains("off");
  }

  @Test
  void checkConfigResolvesTheConnectionAsAStartWould() {
    Run missing = run("--check-config");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("no database given");
    Run ok = run("--check-config", URL, "--jdbc.username=monitor");
    assertThat(ok.out()).contains("connection: jdbc:postgresql://127.0.0.1:5432/none as monitor (not opened)");
  }

  @Test
  void checkConfigRefusesABrokenFileWithFileAndLineAndExitsOne() {
    Run r = run("--check-config", "--custom.metrics", METRICS.resolve("bad/unknown-key.yaml").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("unknown-key.yaml:4: metrics[0].metricdesc: unknown key 'metricdesc' "
        + "(did you mean 'metricsdesc'?)");
  }

  /** --once stops at the same place as a start: before any connection, so the URL is never used. */
  @ParameterizedTest
  @ValueSource(strings = {"--check-config", "--once"})
  void everyErrorOfEveryFileIsPrintedOnItsOwnLine(String mode) {
    Path several = METRICS.resolve("bad/several-errors.yaml");
    Path unknownKey = METRICS.resolve("bad/unknown-key.yaml");
    Run r = run(mode, "--jdbc.url", MARIADB, "--custom.metrics", several + "," + unknownKey);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).doesNotContain("config OK");
    List<String> lines = r.err().lines().toList();
    assertThat(lines).hasSize(5).allSatisfy(l -> assertThat(l).startsWith("error: "));
    assertThat(lines.get(0)).startsWith("error: " + several + ":7: metrics[1].metricdesc: unknown key");
    assertThat(lines.get(1)).startsWith("error: " + several + ":10: metrics[2].labels: 'user-name'");
    assertThat(lines.get(2)).startsWith("error: " + several + ":12: metrics[2].ignorezeroresults: unknown key");
    assertThat(lines.get(3)).startsWith("error: " + several + ":16: metrics[3].metricstype: histogram 'seconds'");
    assertThat(lines.get(4)).startsWith("error: " + unknownKey + ":4: metrics[0].metricdesc: unknown key");
  }

  @Test
  void checkConfigRefusesAListenAddressWithoutAPort() {
    Run r = run("--check-config", URL, "--web.listen-address", "0.0.0.0");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("error: --web.listen-address: listen address '0.0.0.0' needs a port");
  }

  @Test
  void theSameMetricInTwoFilesIsRefusedWithBothNames() {
    Run r = run("--check-config", "--custom.metrics", METRICS.resolve("bad/dup-a.yaml").toString(),
        "--custom.metrics", METRICS.resolve("bad/dup-b.yaml").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("dup-a.yaml:2").contains("dup-b.yaml:5").contains("defined twice");
  }

  @Test
  void onceOnMariaDbPrintsAValidExpositionAndExitsZero() throws Exception {
    Run r = run("--once", "--jdbc.url", MARIADB, "--jdbc.username", "root", "--custom.metrics",
        METRICS.resolve("dir").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    Exposition e = Exposition.parse(r.out());
    assertThat(e.value("sql_orders_value")).contains(1.0);
    assertThat(e.value("sql_payments_value")).contains(2.0);
    assertThat(e.value("sql_up")).contains(1.0);
    assertThat(Promtool.checkMetrics(r.out()).exitCode()).isZero();
  }

  @Test
  void onceOnPostgresWithAConfigFileWorksTheSame(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("exporter.yaml");
    Files.writeString(config, """
        namespace: pg
        labels: { env: test }
        connection:
          url: %s
          username: postgres
        """.formatted(POSTGRES));
    Run r = run("--once", "--config.file", config.toString(), "--custom.metrics", METRICS.resolve("dir").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    Exposition e = Exposition.parse(r.out());
    assertThat(e.value("pg_orders_value", "env", "test")).contains(1.0);
  }

  @Test
  void onceExitsNonZeroAndNamesTheFailingCollector(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("m.yaml");
    Files.writeString(file, """
        metrics:
          - context: good
            metricsdesc: { value: Fine. }
            request: SELECT 1 AS value
          - context: broken
            metricsdesc: { value: Broken. }
            request: SELECT nope FROM no_such_table_abc
        """);
    Run r = run("--once", "--jdbc.url", MARIADB, "--jdbc.username", "root", "--custom.metrics", file.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("sql_good_value 1.0");
    assertThat(r.err()).contains("collector 'broken' (" + file + ":5)").contains("no_such_table_abc");
  }

  /**
   * A team's file replaces an earlier entry with the same context and columns (here, a TOML file over a YAML
   * one, as Oracle's exporter lets custom metrics replace its defaults); the start log names both places.
   */
  @Test
  void aLaterEntryWithTheSameContextAndColumnsReplacesTheEarlierOne(@TempDir Path dir) throws Exception {
    Path defaults = Files.writeString(dir.resolve("a-defaults.yaml"), """
        metrics:
          - context: sessions
            metricsdesc: { value: Sessions. }
            request: SELECT 1 AS value
          - context: kept
            metricsdesc: { value: Kept. }
            request: SELECT 5 AS value
        """);
    Path team = Files.writeString(dir.resolve("b-team.toml"), """
        [[metric]]
        Context = "SESSIONS"
        MetricsDesc = { VALUE = "Sessions, counted our way." }
        Request = "SELECT 2 AS value"
        """);
    Run r = run("--once", "--jdbc.url", MARIADB, "--jdbc.username", "root", "--custom.metrics",
        defaults + "," + team);
    assertThat(r.exitCode()).as(r.err()).isZero();
    Exposition e = Exposition.parse(r.out());
    assertThat(e.value("sql_SESSIONS_value")).as("the context keeps its case, columns do not").contains(2.0);
    assertThat(e.has("sql_sessions_value")).isFalse();
    assertThat(e.value("sql_kept_value")).contains(5.0);
    assertThat(r.err()).contains(team + ":1 replaces the entry of context 'SESSIONS' from " + defaults + ":2");
  }

  /** A metric named like one of the exporter's own would be dropped at every scrape: refused at load instead. */
  @Test
  void aMetricNamedLikeASelfMetricIsRefusedAtLoad(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("m.yaml"), """
        metrics:
          - context: ""
            metricsdesc: { up: Not the exporter's. }
            request: SELECT 1 AS up
        """);
    Run r = run("--check-config", URL, "--custom.metrics", file.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().strip()).isEqualTo("error: " + file + ":2: metricsdesc.up: metric 'sql_up' is one of the "
        + "exporter's own metrics; rename the context or the column");
    Files.writeString(file, """
        metrics:
          - context: exporter_config
            metricsdesc: { last_reload_successful: Not the exporter's either. }
            request: SELECT 1 AS last_reload_successful
        """);
    Run reload = run("--check-config", URL, "--custom.metrics", file.toString());
    assertThat(reload.err()).contains("metric 'sql_exporter_config_last_reload_successful' is one of the "
        + "exporter's own metrics");
  }

  /** An unknown flag is one line naming it and the closest known one, as every module says it; never its value. */
  @Test
  void anUnknownFlagIsOneLineWithTheClosestKnownOne() throws Exception {
    Run r = run("--web.listen-adress=:9999", "--jdbc.usrname=s3cret");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().lines().toList()).containsExactly(
        "error: command line: --web.listen-adress: unknown option (did you mean '--web.listen-address'?); see --help",
        "error: command line: --jdbc.usrname: unknown option (did you mean '--jdbc.username'?); see --help");
    assertThat(r.err()).doesNotContain("s3cret");
  }

  /** A port in use is one line that names the address, and exit 1: no stack trace. */
  @Test
  void aPortInUseIsOneLine() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      String address = "127.0.0.1:" + taken.getLocalPort();
      Run r = run("--jdbc.url", MARIADB, "--jdbc.username", "root", "--no-default.metrics",
          "--web.listen-address", address);
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err()).contains("error: --web.listen-address: cannot listen on " + address + ": ")
          .doesNotContain("\tat ").doesNotContain("Exception");
    }
  }

  @Test
  void versionPrintsTheExporterAndItsVersionAsTheGoExportersDo() {
    Run r = run("--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("sql_exporter, version ").contains("(java: " + System.getProperty("java.version"));
  }

  @Test
  void onceAgainstAnUnreachableDatabaseSaysSoAndExitsNonZero() {
    Run r = run("--once", "--jdbc.url", "jdbc:mariadb://127.0.0.1:1/test", "--jdbc.username", "root",
        "--custom.metrics", METRICS.resolve("dir").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("sql_up 0.0");
    assertThat(r.err()).contains("the datastore is unreachable");
  }

  @Test
  void aConfigFileWithAMisspeltKeyStopsTheExporter(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("exporter.yaml");
    Files.writeString(config, "connection:\n  url: " + MARIADB + "\n  pasword: x\n");
    Run r = run("--check-config", "--config.file", config.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("exporter.yaml:3: connection.pasword: unknown key 'pasword' (did you mean 'password'?)");
  }
}
