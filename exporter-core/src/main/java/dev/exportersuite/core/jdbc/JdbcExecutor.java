package dev.exportersuite.core.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.Row;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs SQL requests through a HikariCP pool. Used by every JDBC module (Oracle, MySQL) and tested on MariaDB
 * and PostgreSQL. The pool starts even when the database is down, so the exporter can report {@code _up 0}
 * and recover by itself when the database returns.
 */
public final class JdbcExecutor implements RequestExecutor<SqlRequest> {

  private static final AtomicInteger POOLS = new AtomicInteger();
  /** Threads for the direct liveness checks of empty pools: daemon, created as needed, few. */
  private static final ExecutorService DIRECT_CHECKS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "jdbc-direct-check");
    t.setDaemon(true);
    return t;
  });
  /** Time beyond a request's limit for the driver's own cancel to work before the socket read gives up. */
  static final Duration NETWORK_GRACE = Duration.ofSeconds(5);

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
    c.setMinimumIdle(settings.minIdle());
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
      networkTimeout(connection, timeout.plus(NETWORK_GRACE));
      statement.setMaxRows(settings.maxRows() + 1);
      try (ResultSet rs = statement.executeQuery(request.sql())) {
        return read(rs);
      }
    }
  }

  /**
   * Bounds every socket read of this request: a query timeout is enforced by a cancel the server must answer, so
   * a server or network that died mid-request would hold the worker until the OS gives up (many minutes). The
   * pool restores the connection's own network timeout when it is returned.
   */
  private static void networkTimeout(Connection connection, Duration limit) throws SQLException {
    try {
      connection.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, limit.toMillis()));
    } catch (SQLFeatureNotSupportedException e) {
      // a driver without it keeps only the query timeout
    }
  }

  private List<Row> read(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    ColumnReader reader = new ColumnReader(meta);
    int n = meta.getColumnCount();
    // Lower-cased once here, so that each row is built in one map (Row.of) rather than copied to lower-case it.
    String[] names = new String[n];
    for (int i = 0; i < n; i++) {
      names[i] = meta.getColumnLabel(i + 1).toLowerCase(Locale.ROOT);
    }
    List<Row> rows = new ArrayList<>();
    long text = 0;
    while (rs.next()) {
      if (rows.size() == settings.maxRows()) {
        throw new SQLException("the request returned more than " + settings.maxRows()
            + " rows (max_rows); aggregate or filter in the request");
      }
      Object[] pairs = new Object[n * 2];
      for (int i = 0; i < n; i++) {
        Object v = reader.read(rs, i);
        if (v instanceof String s) {
          text += s.length();
        }
        pairs[2 * i] = names[i];
        pairs[2 * i + 1] = v;
      }
      if (text > JdbcSettings.MAX_TEXT_CHARS) {
        throw new SQLException("the request returned more than " + JdbcSettings.MAX_TEXT_CHARS
            + " characters of text; select shorter columns (labels are short names, not documents)");
      }
      rows.add(Row.of(pairs));
    }
    return rows;
  }

  /** The row value of one object a driver returned; see {@link ColumnReader} for how columns are read. */
  static Object value(Object v) {
    return ColumnReader.value(v);
  }

  @Override
  public void ping(Duration timeout) throws SQLException {
    if (openConnections() == 0) {
      connectDirectly();
    }
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid((int) Math.max(1, timeout.toSeconds()))) {
        // Evict it: the pool skips its own check for recently used connections and would hand this one back.
        dataSource.evictConnection(connection);
        throw new SQLException("the connection did not answer the validity check");
      }
    }
  }

  /**
   * With no connection in the pool, waiting for one takes the whole connect timeout when the database is down or
   * refuses the login, and every scrape would take that long. The driver asked directly answers at once: a refused
   * connection or a wrong password fails here in milliseconds, as the Go exporters' ping does. Only while the
   * pool is empty, so a healthy exporter opens no extra session.
   */
  private void connectDirectly() throws SQLException {
    Properties p = new Properties();
    settings.properties().forEach(p::setProperty);
    settings.username().ifPresent(u -> p.setProperty("user", u));
    settings.password().ifPresent(pw -> p.setProperty("password", pw));
    Driver driver = DriverManager.getDriver(settings.url());
    // Bounded by the connect timeout, as the pool's wait is: a listener that never answers must not hold it longer.
    CompletableFuture<Connection> connecting = CompletableFuture.supplyAsync(() -> {
      try {
        return driver.connect(settings.url(), p);
      } catch (SQLException e) {
        throw new CompletionException(e);
      }
    }, DIRECT_CHECKS);
    Connection direct;
    try {
      direct = connecting.get(Math.max(250, settings.connectTimeout().toMillis()), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      connecting.thenAccept(JdbcExecutor::closeQuietly); // one that answers late must not stay open
      throw new SQLException("no answer to the logon within the connect timeout (" + settings.connectTimeout().toMillis()
          + "ms)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getCause().getMessage(), e.getCause());
    }
    if (direct == null) {
      throw new SQLException("no JDBC driver takes this URL");
    }
    closeQuietly(direct);
  }

  private static void closeQuietly(Connection c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (SQLException e) {
      // only a check: nothing to do
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
