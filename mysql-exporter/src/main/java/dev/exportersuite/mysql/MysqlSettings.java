package dev.exportersuite.mysql;

import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.ResolvedConnection;
import dev.exportersuite.core.endpoint.HostPort;
import dev.exportersuite.core.jdbc.JdbcExecutor;
import dev.exportersuite.core.jdbc.JdbcSettings;
import dev.exportersuite.core.jdbc.SqlRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything needed to open the pool for one server. Equal settings mean the same connection, which is what
 * {@code /probe} keys its pools by.
 *
 * @param properties Connector/J properties as {@link DriverProperties#build} made them
 */
public record MysqlSettings(ServerEndpoint endpoint, Credentials credentials, SessionSettings session, int poolSize,
    Duration connectTimeout, Map<String, String> properties, int maxRows) implements ResolvedConnection<SqlRequest> {

  public MysqlSettings {
    properties = Map.copyOf(properties);
  }

  /** For logs: where the exporter connects. */
  public String where() {
    return endpoint.where();
  }

  /** The TCP host and port; empty for a unix socket. */
  @Override
  public Optional<HostPort> targetAddress() {
    return endpoint.socket().isPresent() ? Optional.empty() : Optional.of(endpoint.address());
  }

  @Override
  public String describe() {
    return where() + " as " + credentials.user().orElse("(no user)");
  }

  @Override
  public RequestExecutor<SqlRequest> open() {
    return new MysqlRequestExecutor(new JdbcExecutor(new JdbcSettings(endpoint.jdbcUrl(), credentials.user(),
        credentials.password(), poolSize, connectTimeout, Optional.of(session.initSql()), properties, maxRows)));
  }
}
