package dev.exportersuite.oracle;

import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.ResolvedConnection;
import dev.exportersuite.core.jdbc.JdbcExecutor;
import dev.exportersuite.core.jdbc.JdbcSettings;
import dev.exportersuite.core.jdbc.SqlRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * The one database to scrape, resolved from flags and environment without touching the network.
 *
 * @param maxOpen sessions the pool may open ({@code --database.maxOpenConns})
 * @param maxIdle sessions kept open while idle ({@code --database.maxIdleConns}), at most {@code maxOpen}
 * @param connectTimeout the DSN's connection timeout, else the default
 * @param readTimeout socket reads outside requests (the liveness check's budget)
 */
record OracleSettings(OracleDsn dsn, int maxOpen, int maxIdle, Duration connectTimeout, Duration readTimeout)
    implements ResolvedConnection<SqlRequest> {

  OracleSettings {
    if (maxOpen < 1) {
      throw new IllegalArgumentException("maxOpen must be at least 1");
    }
    maxIdle = Math.max(0, Math.min(maxIdle, maxOpen));
  }

  JdbcSettings jdbc() {
    return new JdbcSettings(dsn.jdbcUrl(), Optional.of(dsn.user()), Optional.of(dsn.password()), maxOpen,
        connectTimeout, Optional.of(SessionIdentity.INIT_SQL),
        SessionIdentity.properties(dsn, connectTimeout, readTimeout), JdbcSettings.DEFAULT_MAX_ROWS, maxIdle);
  }

  @Override
  public String describe() {
    return dsn.describe();
  }

  @Override
  public RequestExecutor<SqlRequest> open() {
    return new OracleRequestExecutor(new JdbcExecutor(jdbc()), dsn);
  }
}
