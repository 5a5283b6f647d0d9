package dev.exportersuite.mysql;

import dev.exportersuite.core.jdbc.SqlRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A request's time limit enforced by the server itself, so that a slow query stops without the driver's cancel,
 * which needs one more connection ({@code KILL QUERY}) and fails for an account at its
 * {@code MAX_USER_CONNECTIONS}. One text for both servers: MariaDB 10.1.2+ runs its executable comment
 * {@code /*M!100102 SET STATEMENT max_statement_time=S FOR *}{@code /} and ignores the optimizer hint; MySQL
 * 5.7.8+ skips that comment and honours {@code MAX_EXECUTION_TIME(ms)}, which it takes on a top-level SELECT only.
 */
final class StatementTimeLimit {

  private static final Pattern LEADING_SELECT = Pattern.compile("(?is)^select(?=\\s)");

  private StatementTimeLimit() {}

  static SqlRequest apply(SqlRequest request, Duration limit) {
    long ms = Math.max(1, limit.toMillis());
    String seconds = BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString();
    String sql = LEADING_SELECT.matcher(request.sql()).replaceFirst("SELECT /*+ MAX_EXECUTION_TIME(" + ms + ") */");
    return new SqlRequest("/*M!100102 SET STATEMENT max_statement_time=" + seconds + " FOR */ " + sql);
  }
}
