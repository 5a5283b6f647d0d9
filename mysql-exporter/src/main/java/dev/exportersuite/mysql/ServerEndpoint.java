package dev.exportersuite.mysql;

import dev.exportersuite.core.endpoint.HostPort;
import dev.exportersuite.core.endpoint.SocketPath;
import java.util.Optional;

/**
 * Where a MySQL server listens: {@code host:port} over TCP, or a unix socket. Every source of an address
 * ({@code --mysqld.address}, {@code /probe?target=}, {@code .my.cnf}, {@code DATA_SOURCE_NAME}) goes through the
 * core's strict grammar, so the JDBC URL built here never holds anything the driver would read as an option.
 *
 * @param address the TCP endpoint; with a socket it only names the server ({@code localhost:3306})
 */
public record ServerEndpoint(HostPort address, Optional<SocketPath> socket) {

  public static final int DEFAULT_PORT = 3306;
  static final String UNIX_PREFIX = "unix://";
  static final ServerEndpoint LOCAL = tcp(new HostPort("localhost", DEFAULT_PORT));

  static ServerEndpoint tcp(HostPort address) {
    return new ServerEndpoint(address, Optional.empty());
  }

  static ServerEndpoint socket(SocketPath path) {
    return new ServerEndpoint(LOCAL.address(), Optional.of(path));
  }

  /**
   * {@code host}, {@code host:port}, {@code [v6]:port} or, as mysqld_exporter's {@code /probe} takes it,
   * {@code unix:///path/to/mysqld.sock}.
   *
   * @throws IllegalArgumentException with a one-line reason
   */
  static ServerEndpoint parse(String text) {
    if (text != null && text.startsWith(UNIX_PREFIX)) {
      return socket(new SocketPath(text.substring(UNIX_PREFIX.length())));
    }
    return tcp(HostPort.parse(text, DEFAULT_PORT));
  }

  /** A JDBC URL of host and port only; credentials and options travel as driver properties. */
  String jdbcUrl() {
    return "jdbc:mysql://" + address.authority() + "/";
  }

  /** For logs: where the exporter connects. */
  String where() {
    return socket.map(p -> "unix socket " + p).orElse(address.toString());
  }

  @Override
  public String toString() {
    return socket.map(p -> UNIX_PREFIX + p).orElse(address.toString());
  }
}
