package dev.exportersuite.mysql;

import dev.exportersuite.core.endpoint.HostPort;
import dev.exportersuite.core.endpoint.InvalidAddressException;
import dev.exportersuite.core.endpoint.SocketPath;
import java.util.Optional;

/**
 * The Go driver's DSN that mysqld_exporter 0.14 reads from {@code DATA_SOURCE_NAME}:
 * {@code user:password@tcp(host:port)/dbname?params}. Only what this exporter needs is taken: user, password,
 * address (through the core's strict address grammar; the DSN's {@code ?params} are not read, so no driver option
 * comes from it). Like the Go parser, the last {@code @} before the last {@code /} ends the credentials, so a password
 * may contain {@code @}, {@code :} and {@code /}.
 */
public record DataSourceName(Optional<String> user, Optional<String> password, Optional<ServerEndpoint> endpoint) {

  static final String DEFAULT_SOCKET = "/var/run/mysqld/mysqld.sock";

  public static DataSourceName parse(String dsn) {
    String d = dsn.trim();
    int slash = d.lastIndexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("DATA_SOURCE_NAME has no '/' before the database name, e.g. "
          + "user:password@tcp(127.0.0.1:3306)/");
    }
    String head = d.substring(0, slash);
    int at = head.lastIndexOf('@');
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    String target = head;
    if (at >= 0) {
      String creds = head.substring(0, at);
      target = head.substring(at + 1);
      int colon = creds.indexOf(':');
      user = Optional.of(colon < 0 ? creds : creds.substring(0, colon)).filter(s -> !s.isEmpty());
      password = colon < 0 ? Optional.empty() : Optional.of(creds.substring(colon + 1));
    }
    Optional<ServerEndpoint> endpoint = Optional.empty();
    int open = target.indexOf('(');
    if (open >= 0) {
      if (!target.endsWith(")")) {
        throw new IllegalArgumentException("DATA_SOURCE_NAME: the address must be in parentheses, e.g. tcp(host:3306)");
      }
      String protocol = target.substring(0, open);
      String addr = target.substring(open + 1, target.length() - 1);
      if (protocol.equals("unix")) {
        try {
          endpoint = Optional.of(ServerEndpoint.socket(new SocketPath(addr.isEmpty() ? DEFAULT_SOCKET : addr)));
        } catch (InvalidAddressException e) {
          // The reason only, as for a TCP address: none of the DSN is repeated.
          throw new IllegalArgumentException("DATA_SOURCE_NAME: " + e.reason());
        }
      } else if (!protocol.equals("tcp") && !protocol.isEmpty()) {
        // Not quoted: without its '@' the text before '(' is the password.
        throw new IllegalArgumentException("DATA_SOURCE_NAME: the protocol before '(' is tcp or unix (is the '@' "
            + "after the password missing?)");
      } else if (!addr.isEmpty()) {
        try {
          endpoint = Optional.of(ServerEndpoint.tcp(HostPort.parse(addr, ServerEndpoint.DEFAULT_PORT)));
        } catch (InvalidAddressException e) {
          throw new IllegalArgumentException("DATA_SOURCE_NAME: " + e.reason());
        }
      }
    } else if (!target.isEmpty() && !target.equals("tcp")) {
      throw new IllegalArgumentException("DATA_SOURCE_NAME: expected tcp(host:port) after '@'");
    }
    return new DataSourceName(user, password, endpoint);
  }

  @Override
  public String toString() {
    return "DataSourceName[user=" + user.orElse("") + ", password=" + (password.isPresent() ? "***" : "")
        + ", endpoint=" + endpoint.map(ServerEndpoint::toString).orElse("") + "]";
  }
}
