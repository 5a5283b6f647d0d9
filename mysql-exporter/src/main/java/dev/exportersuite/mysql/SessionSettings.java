package dev.exportersuite.mysql;

/**
 * The statement run on each new connection of the exporter: a lock wait limit (so a scrape never queues
 * behind DDL for long) and, on MariaDB, keeping the exporter's own queries out of the slow query log.
 *
 * <p>It is one statement (the pool runs one), so it must not fail on any server: settings only MariaDB knows
 * sit in a MariaDB executable comment ({@code /*M!100300 ... *}{@code /}), which MySQL skips as a comment.
 * MySQL has no session variable an unprivileged user may set to stay out of the slow log (its
 * {@code log_queries_not_using_indexes} is global only), see the README.
 */
public record SessionSettings(int lockWaitTimeoutSeconds, boolean logSlowFilter) {

  /** The filter mysqld_exporter sets with {@code --exporter.log_slow_filter}: log only work that spilled to disk. */
  static final String SLOW_FILTER = "tmp_table_on_disk,filesort_on_disk";

  public SessionSettings {
    if (lockWaitTimeoutSeconds < 1) {
      throw new IllegalArgumentException("--exporter.lock_wait_timeout must be at least 1 second");
    }
  }

  public String initSql() {
    StringBuilder sql = new StringBuilder("SET SESSION lock_wait_timeout = ").append(lockWaitTimeoutSeconds);
    // MariaDB 10.3+: information_schema reads scan without indexes; do not log them as such.
    sql.append(" /*M!100300 , log_queries_not_using_indexes = OFF");
    if (logSlowFilter) {
      sql.append(", log_slow_filter = '").append(SLOW_FILTER).append('\'');
    }
    sql.append(" */");
    return sql.toString();
  }
}
