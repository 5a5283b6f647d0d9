package dev.exportersuite.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** mysqld_exporter's (kingpin) spellings of the boolean and numeric exporter flags. */
class FlagParsingTest {

  private static MysqlExporter parse(String... args) {
    MysqlExporter e = new MysqlExporter();
    new CommandLine(e).parseArgs(args);
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
}
