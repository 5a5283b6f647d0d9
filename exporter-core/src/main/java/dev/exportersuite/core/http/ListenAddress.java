package dev.exportersuite.core.http;

/** {@code :9104}, {@code 0.0.0.0:9104}, {@code 127.0.0.1:9104} or {@code [::1]:9104}, as the Go exporters take it. */
public record ListenAddress(String host, int port) {

  public static ListenAddress parse(String text) {
    String s = text.trim();
    int colon = s.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("listen address '" + text + "' needs a port, e.g. :9104 or 127.0.0.1:9104");
    }
    String host = s.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(s.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("listen address '" + text + "' has no valid port");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is out of range");
    }
    return new ListenAddress(host.isEmpty() ? "0.0.0.0" : host, port);
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
