package dev.exportersuite.mysql;

/**
 * Where a MySQL server listens: {@code host:port} over TCP. Parsed from {@code --mysqld.address}, the
 * {@code /probe?target=} parameter, {@code .my.cnf} and {@code DATA_SOURCE_NAME}.
 */
public record ServerAddress(String host, int port) {

  public static final int DEFAULT_PORT = 3306;

  public ServerAddress {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("the host is empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
    }
  }

  /** {@code host}, {@code host:port}, {@code [v6]:port} or {@code v6} (a bare IPv6 address keeps the default port). */
  public static ServerAddress parse(String text) {
    String t = text == null ? "" : text.trim();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("the address is empty; expected host:port, e.g. 127.0.0.1:3306");
    }
    if (t.startsWith("[")) {
      int close = t.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("'" + t + "': missing ] after the IPv6 address");
      }
      String rest = t.substring(close + 1);
      int port = rest.isEmpty() ? DEFAULT_PORT : port(t, rest.startsWith(":") ? rest.substring(1) : rest);
      return new ServerAddress(t.substring(1, close), port);
    }
    int colon = t.lastIndexOf(':');
    if (colon < 0 || t.indexOf(':') != colon) {
      return new ServerAddress(t, DEFAULT_PORT);
    }
    String host = t.substring(0, colon);
    return new ServerAddress(host.isEmpty() ? "localhost" : host, port(t, t.substring(colon + 1)));
  }

  private static int port(String text, String port) {
    try {
      return Integer.parseInt(port.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "': the port '" + port + "' is not a number");
    }
  }

  /** A JDBC URL without credentials; they travel as driver properties so that no character needs escaping. */
  public String jdbcUrl() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "jdbc:mysql://" + h + ":" + port + "/";
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
