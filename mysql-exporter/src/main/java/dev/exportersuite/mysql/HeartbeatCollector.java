package dev.exportersuite.mysql;

import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.InvalidRequestException;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.config.SourceLocation;
import dev.exportersuite.core.endpoint.InputText;
import dev.exportersuite.core.jdbc.SqlRequest;
import java.util.List;
import java.util.regex.Pattern;

/**
 * mysqld_exporter's {@code heartbeat} collector, made from its flags: the pt-heartbeat table's last timestamp and the
 * server's clock, {@code mysql_heartbeat_stored_timestamp_seconds{server_id}} and
 * {@code mysql_heartbeat_now_timestamp_seconds{server_id}}. Off unless {@code --collect.heartbeat}.
 */
final class HeartbeatCollector {

  static final String NAME = "heartbeat";

  /**
   * A database or table name as it may appear between backquotes; stricter than MySQL (no backquote, no space, no
   * character outside ASCII), so that the flag can only name a table.
   */
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_$-]{1,64}");

  private HeartbeatCollector() {}

  /**
   * @param database {@code --collect.heartbeat.database}, null for the default
   * @param table {@code --collect.heartbeat.table}, null for the default
   * @param utc {@code --collect.heartbeat.utc}: compare with UTC_TIMESTAMP (pt-heartbeat --utc) instead of NOW
   */
  static MetricDefinition<SqlRequest> definition(String database, String table, boolean utc)
      throws ConfigException {
    String db = identifier("--collect.heartbeat.database", database);
    String tb = identifier("--collect.heartbeat.table", table);
    String sql = "SELECT UNIX_TIMESTAMP(ts) AS stored_timestamp_seconds, UNIX_TIMESTAMP("
        + (utc ? "UTC_TIMESTAMP(6)" : "NOW(6)") + ") AS now_timestamp_seconds, server_id FROM `" + db + "`.`" + tb
        + "`";
    try {
      return MetricDefinition.<SqlRequest>builder()
          .collector(NAME)
          .enabled(false)
          .context("heartbeat")
          .request(SqlRequest.parser().parse(sql))
          .labels(List.of("server_id"))
          .metric("stored_timestamp_seconds", "Timestamp stored in the heartbeat table.")
          .metric("now_timestamp_seconds", "Timestamp of the current server.")
          .source(SourceLocation.of("--collect.heartbeat"))
          .build();
    } catch (InvalidRequestException e) {
      throw new IllegalStateException("the heartbeat query is built here and must parse", e);
    }
  }

  private static String identifier(String flag, String value) throws ConfigException {
    if (value == null) {
      return CollectorFlags.HEARTBEAT_DEFAULT;
    }
    if (!IDENTIFIER.matcher(value).matches()) {
      throw new ConfigException("command line", 0, flag, InputText.quote(value) + " is not a name this exporter "
          + "accepts: 1 to 64 ASCII letters, digits, '_', '$' or '-'");
    }
    return value;
  }
}
