package dev.exportersuite.mysql;

import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.InvalidRequestException;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.config.SourceLocation;
import dev.exportersuite.core.jdbc.SqlRequest;
import dev.exportersuite.core.rows.Rename;
import dev.exportersuite.core.rows.RowShaping;
import dev.exportersuite.core.rows.Sum;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * mysqld_exporter's {@code info_schema.processlist} collector, made from its flags: the other connections that have
 * been in their state at least {@code min_time} seconds, counted and timed by command and state
 * ({@code mysql_info_schema_processlist_threads}, {@code _seconds}), by user ({@code _processes_by_user}) and by client
 * host ({@code _processes_by_host}). Command and state are cleaned as mysqld_exporter cleans them (lower case,
 * {@code ;,:.()} dropped, space and {@code -} to {@code _}, empty to {@code unknown}). One query; the three groupings
 * are {@code sum} steps over its rows. Off unless {@code --collect.info_schema.processlist}.
 */
final class ProcesslistCollector {

  static final String NAME = "info_schema.processlist";

  private ProcesslistCollector() {}

  /**
   * @param minTime {@code --collect.info_schema.processlist.min_time}, null for 0
   * @param byUser {@code ..processes_by_user}, null for mysqld_exporter's default (true)
   * @param byHost {@code ..processes_by_host}, null for mysqld_exporter's default (true)
   */
  static List<MetricDefinition<SqlRequest>> definitions(Integer minTime, Boolean byUser, Boolean byHost)
      throws ConfigException {
    int min = minTime == null ? 0 : minTime;
    if (min < 0) {
      throw new ConfigException("command line", 0, "--collect.info_schema.processlist.min_time",
          "must be 0 or more seconds");
    }
    SqlRequest request = request(min);
    List<MetricDefinition<SqlRequest>> out = new ArrayList<>();
    out.add(definition(request, List.of("command", "state"), List.of("processes", "seconds"),
        Map.of("processes", "processlist_threads", "seconds", "processlist_seconds"))
        .metric("processlist_threads", "The number of threads split by current state.")
        .metric("processlist_seconds", "The number of seconds threads have used split by current state.")
        .build());
    if (byHost == null || byHost) {
      out.add(definition(request, List.of("client_host"), List.of("processes"),
          Map.of("processes", "processlist_processes_by_host"))
          .metric("processlist_processes_by_host", "The number of processes by host.").build());
    }
    if (byUser == null || byUser) {
      out.add(definition(request, List.of("mysql_user"), List.of("processes"),
          Map.of("processes", "processlist_processes_by_user"))
          .metric("processlist_processes_by_user", "The number of processes by user.").build());
    }
    return out;
  }

  private static MetricDefinition.Builder<SqlRequest> definition(SqlRequest request, List<String> by,
      List<String> columns, Map<String, String> names) {
    return MetricDefinition.<SqlRequest>builder()
        .collector(NAME)
        .enabled(false)
        .context("info_schema")
        .request(request)
        .rows(RowShaping.of(new Sum(by, columns), new Rename(names)))
        .labels(by)
        .ignoreZeroResult(true)
        .source(SourceLocation.of("--collect.info_schema.processlist"));
  }

  static SqlRequest request(int minTime) {
    String sql = "SELECT " + cleaned("command") + " AS command, " + cleaned("state") + " AS state, "
        + "COALESCE(user, '') AS mysql_user, "
        + "IF(SUBSTRING_INDEX(COALESCE(host, ''), ':', 1) = '', 'unknown', SUBSTRING_INDEX(host, ':', 1)) "
        + "AS client_host, "
        + "COUNT(*) AS processes, COALESCE(SUM(time), 0) AS seconds "
        + "FROM information_schema.PROCESSLIST WHERE id <> CONNECTION_ID() AND time >= " + minTime + " "
        + "GROUP BY 1, 2, 3, 4";
    try {
      return SqlRequest.parser().parse(sql);
    } catch (InvalidRequestException e) {
      throw new IllegalStateException("the processlist query is built here and must parse", e);
    }
  }

  /** mysqld_exporter's sanitizeState in SQL. */
  private static String cleaned(String column) {
    String expr = "LOWER(IF(COALESCE(" + column + ", '') = '', 'unknown', " + column + "))";
    for (String drop : List.of(";", ",", ":", ".", "(", ")")) {
      expr = "REPLACE(" + expr + ", '" + drop + "', '')";
    }
    for (String underscore : List.of(" ", "-")) {
      expr = "REPLACE(" + expr + ", '" + underscore + "', '_')";
    }
    return expr;
  }
}
