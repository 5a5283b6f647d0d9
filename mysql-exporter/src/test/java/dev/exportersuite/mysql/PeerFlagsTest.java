package dev.exportersuite.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mysqld_exporter's command line (0.14 to 0.16), checked with --check-config: nothing is opened. */
class PeerFlagsTest {

  @TempDir
  Path dir;

  private static CommandRun.Result check(List<String> flags) {
    List<String> args = new ArrayList<>(List.of("--check-config"));
    args.addAll(flags);
    return CommandRun.run(new MysqlExporter(), args.toArray(String[]::new));
  }

  /**
   * Every flag of mysqld_exporter 0.14-0.16 (but --web.config.file, which the core takes) starts this exporter too;
   * each one that changes nothing here says so in one line, and why.
   */
  @Test
  void everyFlagOfMysqldExporterIsAcceptedAndThoseWithoutEffectSaySo() throws Exception {
    Path cnf = Files.writeString(dir.resolve("my.cnf"), "[client]\nuser = exporter\npassword = s3cret-pw\n");
    List<String> flags = new ArrayList<>(List.of("--web.listen-address=:9104", "--web.telemetry-path=/metrics",
        "--web.systemd-socket", "--log.level=info", "--log.format=logfmt", "--timeout-offset=0.25",
        "--config.my-cnf=" + cnf, "--mysqld.address=db:3306", "--mysqld.username=exporter",
        "--tls.insecure-skip-verify", "--exporter.lock_wait_timeout=2", "--exporter.log_slow_filter",
        "--collect.heartbeat.database=percona", "--collect.heartbeat.table", "heartbeat", "--collect.heartbeat.utc",
        "--collect.mysql.user.privileges", "--collect.info_schema.processlist.min_time=5",
        "--no-collect.info_schema.processlist.processes_by_user",
        "--collect.info_schema.processlist.processes_by_host=false", "--collect.info_schema.tables.databases=app",
        "--collect.perf_schema.eventsstatements.limit=100", "--collect.perf_schema.eventsstatements.timelimit=60",
        "--collect.perf_schema.eventsstatements.digest_text_limit=200",
        "--collect.perf_schema.file_instances.filter=.*", "--collect.perf_schema.file_instances.remove_prefix=/x/",
        "--collect.perf_schema.memory_events.remove_prefix=memory/"));
    PeerCollectors.DEFAULTS.keySet().forEach(c -> flags.add("--collect." + c));
    flags.add("--no-collect.info_schema.query_response_time");
    CommandRun.Result r = check(flags);
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    List<String> lines = r.stderr().lines().filter(l -> l.contains(" has no effect here: ")).toList();
    for (String flag : List.of("--web.systemd-socket", "--log.format", "--timeout-offset",
        "--collect.info_schema.tables.databases",
        "--collect.perf_schema.eventsstatements.limit", "--collect.perf_schema.eventsstatements.timelimit",
        "--collect.perf_schema.eventsstatements.digest_text_limit", "--collect.perf_schema.file_instances.filter",
        "--collect.perf_schema.file_instances.remove_prefix", "--collect.perf_schema.memory_events.remove_prefix",
        "--collect.perf_schema.indexiowaits", "--collect.perf_schema.tablelocks",
        "--collect.perf_schema.eventsstatementssum", "--collect.perf_schema.file_instances",
        "--collect.perf_schema.memory_events", "--collect.perf_schema.replication_group_members",
        "--collect.perf_schema.replication_group_member_stats",
        "--collect.perf_schema.replication_applier_status_by_worker", "--collect.sys.user_summary",
        "--collect.info_schema.clientstats", "--collect.info_schema.schemastats", "--collect.engine_tokudb_status",
        "--collect.slave_hosts", "--collect.info_schema.replica_host")) {
      assertThat(lines).as(flag).anyMatch(l -> l.contains(" WARN ") && l.contains(flag + " has no effect here: "));
    }
    assertThat(lines).hasSize(24);
    assertThat(r.stderr()).doesNotContain("s3cret-pw");
    assertThat(r.stdout()).contains("connection: db:3306 as exporter (not opened)");
    for (String on : List.of("binlog_size", "engine_innodb_status", "heartbeat", "auto_increment.columns",
        "mysql.user", "mysql.user.privileges", "info_schema.innodb_tablespaces", "info_schema.processlist")) {
      assertThat(r.stdout()).as(on).containsPattern("(?m)^  " + java.util.regex.Pattern.quote(on) + " +enabled ");
    }
    assertThat(r.stdout()).containsPattern("(?m)^  info_schema.query_response_time +off ");
  }

  @Test
  void withDefaultFlagsNothingIsSaidAndThePeersDefaultCollectorsRun() {
    CommandRun.Result r = check(List.of());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stderr()).doesNotContain("has no effect");
    for (String on : List.of("global_status", "global_variables", "slave_status", "info_schema.innodb_cmp",
        "info_schema.innodb_cmpmem", "info_schema.query_response_time")) {
      assertThat(r.stdout()).as(on).containsPattern("(?m)^  " + java.util.regex.Pattern.quote(on) + " +enabled ");
    }
    assertThat(r.stdout()).containsPattern("(?m)^  binlog_size +off +--collect.binlog_size");
  }

  @Test
  void mistakesAreReportedTogetherEachWithItsFlag() {
    CommandRun.Result r = check(List.of("--collect.heartbeat.table=beat`; DROP TABLE x", "--colect.binlog_size",
        "--collect.info_schema.proceslist", "--web.listen-adress=:1"));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains(
        "error: command line: --colect.binlog_size: unknown option (did you mean '--collect.binlog_size'?); see --help",
        "error: command line: --web.listen-adress: unknown option (did you mean '--web.listen-address'?); see --help",
        "error: command line: --collect.heartbeat.table: 'beat`; DROP TABLE x' is not a name this exporter accepts: 1 "
            + "to 64 ASCII letters, digits, '_', '$' or '-'");
    // Not mysqld_exporter flags of 0.14-0.16 (the first is in no release, the second came with 0.17).
    assertThat(check(List.of("--exporter.global-conn-pool", "--exporter.query-timeout=5")).stderr()).contains(
        "error: command line: --exporter.global-conn-pool: unknown option",
        "error: command line: --exporter.query-timeout: unknown option");
    // The core's --web.listen-address takes one address; mysqld_exporter 0.15+ take the flag repeated.
    CommandRun.Result twice = check(List.of("--web.listen-address=:9104", "--web.listen-address=:9105"));
    assertThat(twice.exitCode()).isNotZero();
    assertThat(twice.stderr()).contains("'--web.listen-address' (ADDR) should be specified only once");
    // Collector names are checked with the loaded files, after the flags are right.
    CommandRun.Result typo = check(List.of("--collect.info_schema.proceslist"));
    assertThat(typo.stderr()).contains("error: command line: --collect.info_schema.proceslist: no collector is "
        + "called 'info_schema.proceslist' (did you mean 'info_schema.processlist'?); collectors are ");
  }
}
