package dev.exportersuite.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.collect.ConnectionLimits;
import dev.exportersuite.core.config.ExporterConfig;
import dev.exportersuite.core.config.ExporterConfigReader;
import dev.exportersuite.core.testing.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * oracledb_exporter's flags and environment variables, through --check-config (which resolves everything a start
 * does and opens nothing). The environment is handed to the command, since a test cannot set its own.
 */
class FlagsAndEnvironmentTest {

  static final String PASSWORD = DsnFormsTest.NASTY;

  /** --query.timeout's and --database.maxOpenConns's defaults, as --check-config prints them. */
  private static final String LIMITS = " (query timeout 5s, 3 at once)";

  @TempDir
  Path dir;

  /** A team file like the seed's mounted metrics.yaml. */
  private Path customFile() throws Exception {
    Path f = dir.resolve("metrics.yaml");
    Files.writeString(f, """
        metrics:
          - context: team_top_sql
            labels: [sql_id]
            request: >-
              SELECT * FROM (SELECT sql_id, cpu_time / 1e6 AS cpu_seconds FROM v$sqlstats ORDER BY cpu_time DESC)
              WHERE ROWNUM <= 10
            metricsdesc:
              cpu_seconds: CPU seconds of the top statements.
        """);
    return f;
  }

  private static CommandRun.Result check(Map<String, String> env, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "--check-config";
    System.arraycopy(args, 0, all, 1, args.length);
    return CommandRun.run(new OracleExporter(env), all);
  }

  @Test
  void theSeedsComposeServicePrintsTheConnectionItWouldOpen() throws Exception {
    // The seed's line as written, scheme typo included: the peer never checked the scheme.
    CommandRun.Result r = check(Map.of("DATA_SOURCE_NAME", "oralce://monitor:" + PASSWORD + "@oracle-db:1521/ORCLPDB1"),
        "--custom.metrics", customFile().toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("connection: oracle-db:1521/ORCLPDB1 as monitor" + LIMITS + " (not opened)")
        .contains("(namespace oracledb)").contains("oracledb_tablespace_used_percent")
        .contains("oracledb_team_top_sql_cpu_seconds [sql_id]");
    assertThat(r.stdout() + r.stderr()).doesNotContain(PASSWORD).doesNotContain("p@ss");
  }

  @Test
  void aFlagWinsOverItsEnvironmentVariable() {
    CommandRun.Result r = check(Map.of("DATA_SOURCE_NAME", "oracle://env:x@env-db/ENV"),
        "--database.dsn=oracle://flag:y@flag-db/FLAG");
    assertThat(r.stdout()).contains("connection: flag-db:1521/FLAG as flag" + LIMITS + " (not opened)");
  }

  @Test
  void theDsnFileTrimsItsNewlineAndWinsOverTheDsnAtTheSameLevel() throws Exception {
    Path file = dir.resolve("dsn");
    Files.writeString(file, "oracle://fromfile:" + PASSWORD + "@file-db:1522/FILE\n");
    CommandRun.Result env = check(Map.of("DATA_SOURCE_NAME_FILE", file.toString(),
        "DATA_SOURCE_NAME", "oracle://env:x@env-db/ENV"));
    assertThat(env.stdout()).as(env.stderr()).contains("connection: file-db:1522/FILE as fromfile" + LIMITS + " (not opened)");
    CommandRun.Result flag = check(Map.of(), "--database.dsnFile=" + file);
    assertThat(flag.stdout()).contains("connection: file-db:1522/FILE as fromfile" + LIMITS + " (not opened)");
    // A flag beats the environment, whichever kind.
    CommandRun.Result mixed = check(Map.of("DATA_SOURCE_NAME_FILE", file.toString()),
        "--database.dsn=oracle://flag:y@flag-db/FLAG");
    assertThat(mixed.stdout()).contains("as flag");
    CommandRun.Result both = check(Map.of(), "--database.dsn=oracle://flag:y@flag-db/FLAG",
        "--database.dsnFile=" + file);
    assertThat(both.exitCode()).isEqualTo(1);
    assertThat(both.stderr()).contains("not both");
  }

  @Test
  void aBadDsnIsAConfigErrorThatNamesItsSourceAndNotThePassword() throws Exception {
    CommandRun.Result env = check(Map.of("DATA_SOURCE_NAME", "oracle://u:" + PASSWORD + "@db/svc?retry_count=1"));
    assertThat(env.exitCode()).isEqualTo(1);
    assertThat(env.stderr()).contains("DATA_SOURCE_NAME: unknown DSN option 'retry count'").doesNotContain(PASSWORD);
    Path file = dir.resolve("dsn");
    Files.writeString(file, "scott/" + PASSWORD + "@orcl\n");
    CommandRun.Result f = check(Map.of(), "--database.dsnFile=" + file);
    assertThat(f.stderr()).contains(file.toString()).contains("a TNS alias needs a tnsnames.ora").doesNotContain(PASSWORD);
    CommandRun.Result none = check(Map.of());
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.stderr()).contains("no database given: set DATA_SOURCE_NAME");
    CommandRun.Result missing = check(Map.of(), "--database.dsnFile=" + dir.resolve("nope"));
    assertThat(missing.stderr()).contains("cannot read the DSN file");
  }

  @Test
  void numbersAreCheckedAndZeroConnectionsMeansTheDefault() {
    String dsn = "--database.dsn=oracle://u:p@db/svc";
    assertThat(check(Map.of("QUERY_TIMEOUT", "soon"), dsn).stderr()).contains("QUERY_TIMEOUT: must be whole seconds");
    assertThat(check(Map.of(), dsn, "--query.timeout=0").stderr()).contains("--query.timeout: must be whole seconds");
    assertThat(check(Map.of(), dsn, "--database.maxOpenConns=1000").stderr())
        .contains("--database.maxOpenConns: must be a whole number up to 64");
    assertThat(check(Map.of("DATABASE_MAXIDLECONNS", "x"), dsn).stderr()).contains("DATABASE_MAXIDLECONNS");
    assertThat(check(Map.of(), dsn, "--database.maxOpenConns=0", "--query.timeout=7").exitCode()).isZero();
    assertThat(check(Map.of(), dsn, "--scrape.interval=soon").stderr()).contains("--scrape.interval");
  }

  @Test
  void theScrapeIntervalBecomesEveryDefinitionsDefault() throws Exception {
    Path custom = dir.resolve("custom.yaml");
    Files.writeString(custom, "metrics:\n  - context: own\n    request: SELECT 1 AS v FROM dual\n"
        + "    metricsdesc: {v: Own.}\n    scrapeinterval: 5m\n");
    CommandRun.Result r = check(Map.of(), "--database.dsn=oracle://u:p@db/svc", "--scrape.interval=30s",
        "--custom.metrics=" + custom);
    assertThat(r.stdout()).as(r.stderr()).contains("sessions").containsPattern("sessions +enabled .* every 30s")
        .containsPattern("own +enabled .* every 300s");
    assertThat(check(Map.of(), "--database.dsn=oracle://u:p@db/svc", "--scrape.interval=0s").stdout())
        .doesNotContain(" every ");
  }

  @Test
  void peerFlagsThisExporterCannotHonourAreRefusedNotIgnored() {
    String dsn = "--database.dsn=oracle://u:p@db/svc";
    // --web.config.file is the core's (TLS and basic auth, the toolkit's format): read, so a missing file stops
    CommandRun.Result web = check(Map.of(), dsn, "--web.config.file=/nonexistent/web.yml");
    assertThat(web.exitCode()).isEqualTo(1);
    assertThat(web.stderr()).contains("error: /nonexistent/web.yml: file not found");
    assertThat(check(Map.of(), dsn, "--web.systemd-socket").stderr())
        .contains("--web.systemd-socket: not supported by this exporter yet: ");
    assertThat(check(Map.of(), dsn, "--web.systemd-socket=false").exitCode()).isZero();
    assertThat(check(Map.of(), dsn, "--log.format=json").exitCode()).isZero();
    assertThat(check(Map.of(), dsn, "--log.format=xml").stderr()).contains("--log.format: must be logfmt or json");
  }

  @Test
  void customMetricsFromTheEnvironmentUnlessTheFlagIsGiven() throws Exception {
    Path a = dir.resolve("a.yaml");
    Path b = dir.resolve("b.toml");
    Files.writeString(a, "metrics:\n  - context: team_a\n    request: SELECT 1 AS v FROM dual\n"
        + "    metricsdesc: {v: A.}\n");
    Files.writeString(b, "[[metric]]\ncontext = \"team_b\"\nrequest = \"SELECT 1 AS v FROM dual\"\n"
        + "metricsdesc = { v = \"B.\" }\n");
    String dsn = "--database.dsn=oracle://u:p@db/svc";
    CommandRun.Result env = check(Map.of("CUSTOM_METRICS", a + " , " + b), dsn);
    assertThat(env.stdout()).as(env.stderr()).contains("oracledb_team_a_v").contains("oracledb_team_b_v");
    CommandRun.Result flag = check(Map.of("CUSTOM_METRICS", a.toString()), dsn, "--custom.metrics=" + b);
    assertThat(flag.stdout()).contains("oracledb_team_b_v").doesNotContain("oracledb_team_a_v");
  }

  @Test
  void defaultMetricsBuiltInLegacyOrAFileThatReplacesThem() throws Exception {
    String dsn = "--database.dsn=oracle://u:p@db/svc";
    CommandRun.Result builtIn = check(Map.of(), dsn);
    assertThat(builtIn.stdout()).contains("12 definitions").contains("oracledb_top_sql_elapsed [inst_id, sql_id, "
        + "sql_text]").contains("untyped oracledb_wait_time_<wait_class> [inst_id, con_id]");
    CommandRun.Result legacy = check(Map.of("DEFAULT_METRICS", "legacy"), dsn);
    assertThat(legacy.stdout()).contains("7 definitions").contains("gauge oracledb_sessions_value [status, type]")
        .contains("gauge oracledb_wait_time_<wait_class>\n").doesNotContain("top_sql");
    Path own = dir.resolve("own-defaults.toml");
    Files.writeString(own, "[[metric]]\ncontext = \"mine\"\nrequest = \"SELECT 1 AS v FROM dual\"\n"
        + "metricsdesc = { v = \"Mine.\" }\n");
    CommandRun.Result file = check(Map.of("DEFAULT_METRICS", "legacy"), dsn, "--default.metrics=" + own);
    assertThat(file.stdout()).contains("1 definitions").contains("oracledb_mine_v");
    // The peer's image ships /default-metrics.toml; ours builds the defaults in.
    CommandRun.Result peerName = check(Map.of("DEFAULT_METRICS", dir.resolve("default-metrics.toml").toString()), dsn);
    assertThat(peerName.stdout()).as(peerName.stderr()).contains("12 definitions");
    CommandRun.Result missing = check(Map.of(), dsn, "--default.metrics=" + dir.resolve("typo.yaml"));
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.stderr()).contains("typo.yaml");
  }

  @Test
  void aConnectionSectionInTheConfigFileIsRefusedRatherThanIgnored() throws Exception {
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, "connection:\n  url: jdbc:oracle:thin:@//db:1521/svc\n");
    CommandRun.Result r = check(Map.of(), "--database.dsn=oracle://u:p@db/svc", "--config.file=" + config);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("does not read a connection: section");
  }

  @Test
  void helpNamesEveryPeerFlagAndItsVariable() {
    CommandRun.Result r = CommandRun.run(new OracleExporter(Map.of()), "--help");
    assertThat(r.stdout()).contains("--database.dsn", "DATA_SOURCE_NAME", "--database.dsnFile", "DATA_SOURCE_NAME_FILE",
        "--default.metrics", "DEFAULT_METRICS", "--custom.metrics", "CUSTOM_METRICS", "--query.timeout", "QUERY_TIMEOUT",
        "--scrape.interval", "scrapeinterval", "--database.maxOpenConns", "DATABASE_MAXOPENCONNS",
        "--database.maxIdleConns", "DATABASE_MAXIDLECONNS", "--web.telemetry-path", "TELEMETRY_PATH", "--log.format",
        "--web.config.file", "--web.systemd-socket", "--web.listen-address", "--log.level");
  }

  @Test
  void theQueryTimeoutAndThePoolSetTheConnectionsLimits() throws Exception {
    OracleExporter flags = new OracleExporter(Map.of("QUERY_TIMEOUT", "9"));
    new CommandLine(flags).parseArgs("--database.maxOpenConns=2", "--database.dsn=oracle://u:p@db/svc");
    ExporterConfig<OracleFileConfig> none = new ExporterConfigReader<>(flags.configSection()).defaults();
    assertThat(flags.datastore(none).connections().get(0).limits())
        .as("never more queries at once than sessions")
        .isEqualTo(ConnectionLimits.of(Duration.ofSeconds(9), 2));
    OracleExporter defaults = new OracleExporter(Map.of());
    new CommandLine(defaults).parseArgs("--database.dsn=oracle://u:p@db/svc");
    assertThat(defaults.datastore(none).connections().get(0).limits())
        .isEqualTo(ConnectionLimits.of(Duration.ofSeconds(5), 3));
  }
}
