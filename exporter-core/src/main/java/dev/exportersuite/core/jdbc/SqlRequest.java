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
      String first = firstWord(sql);
      if (!QUERY_KEYWORDS.contains(first.toUpperCase(java.util.Locale.ROOT))) {
        // Said at load: otherwise a typo such as SELCT reaches the driver, whose answer (MySQL's "cannot issue
        // statements that do not produce result sets") hides the typo; and a request must only read.
        throw new InvalidRequestException("a request is a query: it starts with SELECT, WITH, SHOW, DESCRIBE, "
            + "EXPLAIN, VALUES or TABLE", first);
      }
      return new SqlRequest(sql);
    };
  }

  /** The first keywords a query may start with, in the SQL dialects of the suite's databases. */
  static final java.util.Set<String> QUERY_KEYWORDS = java.util.Set.of("SELECT", "WITH", "SHOW", "DESCRIBE", "DESC",
      "EXPLAIN", "VALUES", "TABLE", "(");

  /** The first word after comments ({@code -- ...}, {@code /* ... *}{@code /}), or "(" for a parenthesized query. */
  static String firstWord(String sql) {
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? sql.length() : end + 1;
      } else if (sql.startsWith("/*", i) && !sql.startsWith("/*!", i) && !sql.startsWith("/*M!", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? sql.length() : end + 2;
      } else {
        break;
      }
    }
    if (i < sql.length() && sql.charAt(i) == '(') {
      return "(";
    }
    int end = i;
    while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
      end++;
    }
    return end > i ? sql.substring(i, end) : sql.substring(i, Math.min(sql.length(), i + 16));
  }

  @Override
  public String toString() {
    return sql;
  }
}
