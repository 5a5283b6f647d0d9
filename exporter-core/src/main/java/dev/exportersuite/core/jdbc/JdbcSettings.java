package dev.exportersuite.core.jdbc;

import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.ResolvedConnection;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach one database over JDBC.
 *
 * @param url the JDBC URL, without credentials
 * @param password kept out of {@link #toString()}
 * @param poolSize connections kept open; the engine never runs more requests at once than this
 * @param connectTimeout how long to wait for a connection (also bounds the liveness check)
 * @param initSql one statement run on every new connection (session settings, e.g. {@code SET SESSION ...})
 * @param maxRows a request that returns more rows than this is an error, not a silent cut
 * @param minIdle connections the pool keeps open while idle (at most {@code poolSize}); more close after the
 *     pool's idle timeout
 */
public record JdbcSettings(
    String url,
    Optional<String> username,
    Optional<String> password,
    int poolSize,
    Duration connectTimeout,
    Optional<String> initSql,
    Map<String, String> properties,
    int maxRows,
    int minIdle) implements ResolvedConnection<SqlRequest> {

  public static final int DEFAULT_MAX_ROWS = 100_000;

  /**
   * Text a request may return in all its cells together (16 MiB of heap as Java strings): 100,000 rows of short
   * labels fit many times over, while a query returning large text (a LOB read as text, a log table) fails on its
   * own instead of filling the image's 128 MiB heap.
   */
  public static final int MAX_TEXT_CHARS = 8 << 20;

  public JdbcSettings {
    properties = Map.copyOf(properties);
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be at least 1");
    }
    if (minIdle < 0 || minIdle > poolSize) {
      throw new IllegalArgumentException("minIdle must be from 0 to poolSize (" + poolSize + ")");
    }
  }

  /** One connection kept open while idle, the rest closed after the pool's idle timeout. */
  public JdbcSettings(String url, Optional<String> username, Optional<String> password, int poolSize,
      Duration connectTimeout, Optional<String> initSql, Map<String, String> properties, int maxRows) {
    this(url, username, password, poolSize, connectTimeout, initSql, properties, maxRows, Math.min(1, poolSize));
  }

  @Override
  public String describe() {
    return url + username.map(u -> " as " + u).orElse("");
  }

  @Override
  public RequestExecutor<SqlRequest> open() {
    return new JdbcExecutor(this);
  }

  @Override
  public String toString() {
    return "JdbcSettings[url=" + url + ", username=" + username.orElse("") + ", password="
        + (password.isPresent() ? "***" : "") + ", poolSize=" + poolSize + "]";
  }
}
