package dev.exportersuite.mysql;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * mysqld_exporter's tuning flags of single collectors ({@code --collect.<collector>.<option>}). Those of heartbeat,
 * info_schema.processlist and mysql.user are implemented; the others tune collectors whose request is SQL in a
 * metrics file here (or that are not here), so they change nothing and each one given says so once at start: the way
 * to tune those collectors is to copy the entry into a {@code --custom.metrics} file and edit its request.
 */
final class CollectorFlags {

  static final String HEARTBEAT_DEFAULT = "heartbeat";

  @Option(names = "--collect.heartbeat.database", paramLabel = "NAME",
      description = "Database of the pt-heartbeat table (default heartbeat).")
  String heartbeatDatabase;

  @Option(names = "--collect.heartbeat.table", paramLabel = "NAME",
      description = "The pt-heartbeat table (default heartbeat).")
  String heartbeatTable;

  @Option(names = "--collect.heartbeat.utc", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Compare with the server's UTC time (pt-heartbeat --utc).")
  Boolean heartbeatUtc;

  @Option(names = "--collect.mysql.user.privileges", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "With --collect.mysql.user: one mysql_mysql_<privilege> series per account and privilege.")
  Boolean userPrivileges;

  @Option(names = "--collect.info_schema.processlist.min_time", paramLabel = "SECONDS",
      description = "Count only connections in their state for at least this long (default 0).")
  Integer processlistMinTime;

  @Option(names = "--collect.info_schema.processlist.processes_by_user", arity = "0..1", fallbackValue = "true",
      paramLabel = "BOOL", description = "mysql_info_schema_processlist_processes_by_user (default true).")
  Boolean processesByUser;

  @Option(names = "--collect.info_schema.processlist.processes_by_host", arity = "0..1", fallbackValue = "true",
      paramLabel = "BOOL", description = "mysql_info_schema_processlist_processes_by_host (default true).")
  Boolean processesByHost;

  @Option(names = "--collect.info_schema.tables.databases", paramLabel = "LIST",
      description = "No effect: edit the info_schema.tables request in a custom metrics file.")
  String tablesDatabases;

  @Option(names = "--collect.perf_schema.eventsstatements.limit", paramLabel = "N",
      description = "No effect: edit the eventsstatements request in a custom metrics file.")
  Integer eventsStatementsLimit;

  @Option(names = "--collect.perf_schema.eventsstatements.timelimit", paramLabel = "SECONDS",
      description = "No effect: edit the eventsstatements request in a custom metrics file.")
  Integer eventsStatementsTimeLimit;

  @Option(names = "--collect.perf_schema.eventsstatements.digest_text_limit", paramLabel = "N",
      description = "No effect: edit the eventsstatements request in a custom metrics file.")
  Integer eventsStatementsDigestTextLimit;

  @Option(names = "--collect.perf_schema.file_instances.filter", paramLabel = "REGEX",
      description = "No effect: there is no perf_schema.file_instances collector here yet.")
  String fileInstancesFilter;

  @Option(names = "--collect.perf_schema.file_instances.remove_prefix", paramLabel = "PREFIX",
      description = "No effect: there is no perf_schema.file_instances collector here yet.")
  String fileInstancesRemovePrefix;

  @Option(names = "--collect.perf_schema.memory_events.remove_prefix", paramLabel = "PREFIX",
      description = "No effect: there is no perf_schema.memory_events collector here yet.")
  String memoryEventsRemovePrefix;

  boolean privileges() {
    return Boolean.TRUE.equals(userPrivileges);
  }

  /** One line for each tuning flag given that changes nothing here, saying why; values are never repeated. */
  List<String> withoutEffect() {
    List<String> lines = new ArrayList<>();
    given(lines, "--collect.info_schema.tables.databases", tablesDatabases, "info_schema.tables reads every "
        + "database but mysql, performance_schema, information_schema and sys; to choose others, copy its entry "
        + "(info_schema_optional.yaml) into a --custom.metrics file and change the WHERE clause");
    String statements = "the limits of perf_schema.eventsstatements (250 digests, seen in the last 86400 s, text "
        + "cut at 120) are in its SQL request (perf_schema_optional.yaml); copy the entry into a --custom.metrics "
        + "file and change them there";
    given(lines, "--collect.perf_schema.eventsstatements.limit", eventsStatementsLimit, statements);
    given(lines, "--collect.perf_schema.eventsstatements.timelimit", eventsStatementsTimeLimit, statements);
    given(lines, "--collect.perf_schema.eventsstatements.digest_text_limit", eventsStatementsDigestTextLimit,
        statements);
    String files = "there is no perf_schema.file_instances collector here yet";
    given(lines, "--collect.perf_schema.file_instances.filter", fileInstancesFilter, files);
    given(lines, "--collect.perf_schema.file_instances.remove_prefix", fileInstancesRemovePrefix, files);
    given(lines, "--collect.perf_schema.memory_events.remove_prefix", memoryEventsRemovePrefix,
        "there is no perf_schema.memory_events collector here yet");
    return lines;
  }

  private static void given(List<String> lines, String flag, Object value, String reason) {
    if (value != null) {
      lines.add(NoEffect.line(flag, reason));
    }
  }
}
