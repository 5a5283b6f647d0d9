package dev.exportersuite.core.jdbc;

import dev.exportersuite.core.config.InvalidRequestException;
import dev.exportersuite.core.config.RequestParser;

/**
 * One SQL query of a metrics file, as JDBC modules run it. Definitions with the same text share one round trip.
 *
 * @param sql the query, without surrounding blanks or a trailing {@code ;}
 */
public record SqlRequest(String sql) {

  /** Far beyond any monitoring query; a bound so that a file cannot hand the driver megabytes. */
  public static final int MAX_LENGTH = 64 * 1024;

  public SqlRequest {
    if (sql == null || sql.isBlank()) {
      throw new IllegalArgumentException("the query is empty");
    }
  }

  /**
   * Checks what can be checked without a database: not empty, bounded. A trailing {@code ;} is dropped, since
   * users copy queries from SQL consoles and JDBC drivers (Oracle's above all) refuse it.
   */
  public static RequestParser<SqlRequest> parser() {
    return text -> {
      String sql = text.strip();
      while (sql.endsWith(";")) {
        sql = sql.substring(0, sql.length() - 1).stripTrailing();
      }
      if (sql.isEmpty()) {
        throw new InvalidRequestException("the query is empty");
      }
      if (sql.length() > MAX_LENGTH) {
        throw new InvalidRequestException("the query is longer than " + MAX_LENGTH + " characters");
      }
      return new SqlRequest(sql);
    };
  }

  @Override
  public String toString() {
    return sql;
  }
}
