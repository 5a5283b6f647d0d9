package dev.exportersuite.core.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import dev.exportersuite.core.web.BasicAuthUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Basic authentication on every path, as the toolkit's handler does it: a request without valid credentials gets
 * 401 with {@code WWW-Authenticate: Basic}. Written here rather than with the JDK's {@code BasicAuthenticator},
 * which adds a realm and fails on a malformed header instead of answering 401.
 */
final class BasicAuthFilter extends Filter {

  /** An Authorization header longer than this is not one Prometheus sends; it is refused unread. */
  static final int MAX_HEADER = 4096;
  private static final String PREFIX = "Basic ";

  private final BasicAuthUsers users;

  BasicAuthFilter(BasicAuthUsers users) {
    this.users = users;
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    if (authenticated(exchange.getRequestHeaders().getFirst("Authorization"))) {
      chain.doFilter(exchange);
      return;
    }
    try {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Basic");
      ExporterServer.send(exchange, 401, "text/plain; charset=utf-8", "Unauthorized\n");
    } finally {
      exchange.close();
    }
  }

  private boolean authenticated(String header) {
    if (header == null || header.length() > MAX_HEADER || header.length() < PREFIX.length()
        || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return false;
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(header.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = -1;
    for (int i = 0; i < decoded.length; i++) {
      if (decoded[i] == ':') {
        colon = i;
        break;
      }
    }
    if (colon < 0) {
      return false;
    }
    String user = new String(decoded, 0, colon, StandardCharsets.UTF_8);
    byte[] password = Arrays.copyOfRange(decoded, colon + 1, decoded.length);
    try {
      return users.check(user, password);
    } finally {
      Arrays.fill(decoded, (byte) 0);
      Arrays.fill(password, (byte) 0);
    }
  }

  @Override
  public String description() {
    return "basic authentication";
  }
}
