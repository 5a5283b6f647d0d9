package dev.exportersuite.mysql;

import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.jdbc.JdbcExecutor;
import dev.exportersuite.core.jdbc.JdbcSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything needed to open the pool for one server.
 *
 * @param socket a unix socket path; when present, {@code address} only names the server (localhost)
 * @param properties Connector/J properties; the user's (from the config file) win over the defaults here
 */
public record MysqlSettings(ServerAddress address, java.util.Optional<String> socket, Credentials credentials,
    SessionSettings session, int poolSize, Duration connectTimeout, Map<String, String> properties, int maxRows) {

  /** Driver defaults that save round trips per scrape and keep a dead server from hanging a connect. */
  static Map<String, String> driverDefaults(Duration connectTimeout) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("connectTimeout", Long.toString(connectTimeout.toMillis()));
    p.put("useLocalSessionState", "true");
    p.put("cacheServerConfiguration", "true");
    p.put("tcpKeepAlive", "true");
    p.put("zeroDateTimeBehavior", "CONVERT_TO_NULL");
    p.put("characterEncoding", "UTF-8");
    return p;
  }

  public MysqlSettings {
    Map<String, String> merged = driverDefaults(connectTimeout);
    socket.ifPresent(path -> merged.putAll(UnixSocketFactory.properties(path)));
    merged.putAll(properties);
    properties = Map.copyOf(merged);
  }

  /** For logs: where the exporter connects. */
  public String where() {
    return socket.map(p -> "unix socket " + p).orElse(address.toString());
  }

  public RequestExecutor open() {
    return new MysqlRequestExecutor(new JdbcExecutor(new JdbcSettings(address.jdbcUrl(), credentials.user(),
        credentials.password(), poolSize, connectTimeout, java.util.Optional.of(session.initSql()), properties,
        maxRows)));
  }
}
