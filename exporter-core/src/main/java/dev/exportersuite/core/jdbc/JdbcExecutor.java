package dev.exportersuite.core.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.Row;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs SQL requests through a HikariCP pool. Used by every JDBC module (Oracle, MySQL) and tested on MariaDB
 * and PostgreSQL. The pool starts even when the database is down, so the exporter can report {@code _up 0}
 * and recover by itself when the database returns.
 */
public final class JdbcExecutor implements RequestExecutor<SqlRequest> {

  private static final AtomicInteger POOLS = new AtomicInteger();

  private final HikariDataSource dataSource;
  private final JdbcSettings settings;

  public JdbcExecutor(JdbcSettings settings) {
    this.settings = settings;
    HikariConfig c = new HikariConfig();
    c.setPoolName("exporter-jdbc-" + POOLS.incrementAndGet());
    c.setJdbcUrl(settings.url());
    settings.username().ifPresent(c::setUsername);
    settings.password().ifPresent(c::setPassword);
    c.setMaximumPoolSize(settings.poolSize());
    c.setMinimumIdle(Math.min(1, settings.poolSize()));
    c.setConnectionTimeout(Math.max(250, settings.connectTimeout().toMillis()));
    c.setValidationTimeout(Math.max(250, Math.min(settings.connectTimeout().toMillis(), 5000)));
    // Start without the database: the exporter must come up and say _up 0 rather than crash-loop.
    c.setInitializationFailTimeout(-1);
    c.setAutoCommit(true);
    settings.initSql().ifPresent(c::setConnectionInitSql);
    settings.properties().forEach(c::addDataSourceProperty);
    this.dataSource = new HikariDataSource(c);
  }

  @Override
  public List<Row> fetch(SqlRequest request, Duration timeout) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      // JDBC counts whole seconds; round up so a 1500ms limit is not cut to 1s.
      statement.setQueryTimeout((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
      statement.setMaxRows(settings.maxRows() + 1);
      try (ResultSet rs = statement.executeQuery(request.sql())) {
        return read(rs);
      }
    }
  }

  private List<Row> read(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int n = meta.getColumnCount();
    String[] names = new String[n];
    for (int i = 0; i < n; i++) {
      names[i] = meta.getColumnLabel(i + 1);
    }
    List<Row> rows = new ArrayList<>();
    while (rs.next()) {
      if (rows.size() == settings.maxRows()) {
        throw new SQLException("the request returned more than " + settings.maxRows()
            + " rows; aggregate or filter in the request");
      }
      Map<String, Object> values = new LinkedHashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        values.put(names[i], value(rs.getObject(i + 1)));
      }
      rows.add(new Row(values));
    }
    return rows;
  }

  /** Keeps numbers, text and booleans; dates become epoch seconds so they can be values. */
  static Object value(Object v) {
    if (v == null || v instanceof Number || v instanceof String || v instanceof Boolean) {
      return v;
    }
    if (v instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (v instanceof java.sql.Timestamp ts) {
      return ts.getTime() / 1000.0;
    }
    if (v instanceof java.util.Date d) {
      return d.getTime() / 1000.0;
    }
    // Drivers that return java.time types: zone-less values are read in the JVM's zone, as java.sql.Timestamp is.
    if (v instanceof LocalDateTime t) {
      return java.sql.Timestamp.valueOf(t).getTime() / 1000.0;
    }
    if (v instanceof LocalDate d) {
      return java.sql.Date.valueOf(d).getTime() / 1000.0;
    }
    if (v instanceof OffsetDateTime t) {
      return t.toInstant().toEpochMilli() / 1000.0;
    }
    if (v instanceof Instant i) {
      return i.toEpochMilli() / 1000.0;
    }
    return v.toString();
  }

  @Override
  public void ping(Duration timeout) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid((int) Math.max(1, timeout.toSeconds()))) {
        // Evict it: the pool skips its own check for recently used connections and would hand this one back.
        dataSource.evictConnection(connection);
        throw new SQLException("the connection did not answer the validity check");
      }
    }
  }

  @Override
  public List<String> secrets() {
    return settings.password().map(List::of).orElse(List.of());
  }

  /** Connections the pool holds now, busy and idle; for leak tests. */
  public int openConnections() {
    return dataSource.getHikariPoolMXBean() == null ? 0 : dataSource.getHikariPoolMXBean().getTotalConnections();
  }

  public int activeConnections() {
    return dataSource.getHikariPoolMXBean() == null ? 0 : dataSource.getHikariPoolMXBean().getActiveConnections();
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
