package dev.exportersuite.mysql;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Server features that many servers lack, whose absence mysqld_exporter reports as no series rather than as an
 * error: binary logging (it reads {@code @@log_bin} before {@code SHOW BINARY LOGS}) and the query_response_time
 * plugin (it reads {@code @@query_response_time_stats} first; its collector is on by default, so an error would be
 * logged and counted on nearly every server). Here the request itself runs, and the server's "no such thing" answer
 * to it counts as no rows.
 */
final class AbsentSources {

  /** A request that reads {@code feature}, and the error codes by which the server says it does not have it. */
  record Source(Pattern request, Set<Integer> codes, String feature) {}

  static final List<Source> ALL = List.of(
      // ER_NO_BINARY_LOGGING
      new Source(Pattern.compile("\\s*SHOW\\s+(BINARY|MASTER)\\s+LOGS\\b.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL),
          Set.of(1381), "binary logging"),
      // ER_UNKNOWN_TABLE (information_schema table of an absent plugin), ER_UNKNOWN_SYSTEM_VARIABLE
      new Source(Pattern.compile(".*\\binformation_schema\\.`?QUERY_RESPONSE_TIME\\b.*",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL), Set.of(1109, 1193), "the query_response_time plugin"));

  private AbsentSources() {}

  /** Whether {@code e} only says that the server lacks what {@code sql} reads. */
  static boolean absent(String sql, SQLException e) {
    for (Source s : ALL) {
      if (s.codes().contains(e.getErrorCode()) && s.request().matcher(sql).matches()) {
        return true;
      }
    }
    return false;
  }
}
