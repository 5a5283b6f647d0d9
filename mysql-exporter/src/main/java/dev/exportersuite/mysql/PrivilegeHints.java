package dev.exportersuite.mysql;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the server's "access denied" errors into a message naming the grant the exporter user lacks, so the
 * log line (written once per collector by the engine) says what to run rather than only what failed.
 */
final class PrivilegeHints {

  /** ER_DBACCESS_DENIED_ERROR, ER_TABLEACCESS_DENIED_ERROR, ER_COLUMNACCESS_DENIED_ERROR, ER_SPECIFIC_ACCESS_DENIED_ERROR. */
  private static final int[] DENIED = {1044, 1142, 1143, 1227};

  private PrivilegeHints() {}

  static Optional<String> hint(String request, SQLException e) {
    if (!denied(e)) {
      return Optional.empty();
    }
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    String grant = grantFor(request.toLowerCase(Locale.ROOT), message);
    // MariaDB 10.5 split REPLICATION CLIENT; its SHOW SLAVE STATUS wants SLAVE MONITOR, and says so.
    String statement = grant.equals("REPLICATION CLIENT") && message.contains("slave monitor")
        ? "GRANT SLAVE MONITOR ON *.* TO <user> (MariaDB 10.5+)"
        : "GRANT " + grant + " ON *.* TO <user>";
    return Optional.of("missing privilege: the exporter user needs " + grant + " (" + statement
        + "); the server said: " + e.getMessage());
  }

  private static boolean denied(SQLException e) {
    for (int code : DENIED) {
      if (e.getErrorCode() == code) {
        return true;
      }
    }
    return false;
  }

  private static String grantFor(String request, String message) {
    if (message.contains("process")) {
      return "PROCESS";
    }
    if (request.contains("slave") || request.contains("replica") || request.contains("binary logs")
        || request.contains("master logs") || message.contains("replication client")
        || message.contains("slave monitor") || message.contains("replica monitor")
        || message.contains("binlog monitor")) {
      return "REPLICATION CLIENT";
    }
    return "SELECT";
  }
}
