package dev.exportersuite.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exportersuite.core.config.ConfigException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** mysqld_exporter's (kingpin) spellings of the boolean and numeric exporter flags. */
class FlagParsingTest {

  /** Parsed as a start parses them, with kingpin's --no-<flag> forms applied. */
  private static MysqlExporter parse(String... args) {
    MysqlExporter e = new MysqlExporter();
    new CommandLine(e).parseArgs(args);
    try {
      e.collectorArgs = UnmatchedArgs.resolve(e.collectorArgs, e.spec);
    } catch (ConfigException x) {
      throw new AssertionError(x);
    }
    return e;
  }

  @Test
  void slowFilterSpellings() {
    assertThat(parse().logSlowFilter).isFalse();
    assertThat(parse("--exporter.log_slow_filter").logSlowFilter).isTrue();
    assertThat(parse("--exporter.log_slow_filter=true").logSlowFilter).isTrue();
    assertThat(parse("--exporter.log_slow_filter=false").logSlowFilter).isFalse();
    assertThat(parse("--exporter.log_slow_filter", "--no-exporter.log_slow_filter").logSlowFilter).isFalse();
  }

  @Test
  void lockWaitTimeoutAndUnknownCollectorArgumentsAreKeptForLater() {
    MysqlExporter e = parse("--exporter.lock_wait_timeout=9", "--collect.info_schema.tables", "--no-collect.x");
    assertThat(e.lockWaitTimeout).isEqualTo(9);
    assertThat(e.collectorArgs).containsExactly("--collect.info_schema.tables", "--no-collect.x");
  }

  /** kingpin takes "--flag value" as well as "--flag=value", and "--no-flag" for every boolean flag. */
  @Test
  void peerSpellingsOfTuningFlags() {
    MysqlExporter e = parse("--collect.heartbeat.database", "percona", "--collect.heartbeat.table=hb",
        "--collect.heartbeat.utc", "--collect.mysql.user.privileges", "--collect.perf_schema.eventsstatements.limit",
        "50", "--tls.insecure-skip-verify");
    assertThat(e.collectorFlags.heartbeatDatabase).isEqualTo("percona");
    assertThat(e.collectorFlags.heartbeatTable).isEqualTo("hb");
    assertThat(e.collectorFlags.heartbeatUtc).isTrue();
    assertThat(e.collectorFlags.privileges()).isTrue();
    assertThat(e.collectorFlags.eventsStatementsLimit).isEqualTo(50);
    assertThat(e.peer.requireTls()).isTrue();
    assertThat(e.collectorArgs).isEmpty();
    MysqlExporter off = parse("--collect.heartbeat.utc", "--no-collect.heartbeat.utc", "--no-collect.mysql.user.privileges",
        "--no-tls.insecure-skip-verify", "--no-web.systemd-socket", "--no-collect.binlog_size");
    assertThat(off.collectorFlags.heartbeatUtc).isFalse();
    assertThat(off.collectorFlags.privileges()).isFalse();
    assertThat(off.peer.requireTls()).isFalse();
    assertThat(off.peer.withoutEffect()).as("--web.systemd-socket off asks for nothing").isEmpty();
    assertThat(off.collectorArgs).as("a collector switch, not a flag").containsExactly("--no-collect.binlog_size");
  }

  /** One line per unknown argument, with the closest flag; the value after an unknown flag is not reported again. */
  @Test
  void unknownFlagsAreRefusedWithTheClosestFlag() {
    MysqlExporter e = new MysqlExporter();
    new CommandLine(e).parseArgs("--mysqld.adress=db:3306", "--web.listen-adress", ":9104", "--no-mysqld.address",
        "--exporter.lock-wait-timeout=3", "stray", "--totally-unknown=s3cret");
    assertThatThrownBy(() -> UnmatchedArgs.resolve(e.collectorArgs, e.spec))
        .isInstanceOf(ConfigException.class)
        .hasMessage(String.join("\n",
            "command line: --mysqld.adress: unknown option (did you mean '--mysqld.address'?); see --help",
            "command line: --web.listen-adress: unknown option (did you mean '--web.listen-address'?); see --help",
            "command line: --no-mysqld.address: unknown option (did you mean '--mysqld.address'?); see --help",
            "command line: --exporter.lock-wait-timeout: unknown option (did you mean "
                + "'--exporter.lock_wait_timeout'?); see --help",
            "command line: unexpected argument at position 6 ('stray'); flags start with --; see --help",
            "command line: --totally-unknown: unknown option; see --help"));
  }
}
