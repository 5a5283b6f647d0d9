package dev.exportersuite.redis;

import dev.exportersuite.core.endpoint.HostPort;
import dev.exportersuite.core.endpoint.InputText;
import dev.exportersuite.core.endpoint.InvalidAddressException;
import dev.exportersuite.core.endpoint.SocketPath;
import io.lettuce.core.RedisURI;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Redis address in the forms redis_exporter takes ({@code redis://[user:password@]host[:port][/db]},
 * {@code rediss://} for TLS, {@code valkey://}, {@code valkeys://}, {@code unix:///path.sock}, a bare
 * {@code host:port} or {@code /path.sock}), parsed by a strict grammar: the host through the core's
 * {@link HostPort}, no query and no fragment. lettuce would read {@code ?timeout=}, {@code ?clientName=},
 * {@code ?verifyPeer=} and more from a URI string, so the client's URI is built from these parts, never parsed.
 *
 * <p>The credentials end at the last {@code @}, so a password may hold {@code @ / # ?} as typed; it may also be
 * percent-encoded, as in any URL ({@code %23} for {@code #}, {@code %25} for {@code %}).
 *
 * @param server the TCP endpoint, empty for a unix socket
 * @param socket the socket path, empty for TCP
 * @param database the logical database, 0 unless the address ends with {@code /N}
 */
record RedisAddress(boolean tls, Optional<HostPort> server, Optional<SocketPath> socket, Optional<String> user,
    Optional<String> password, int database) {

  static final int DEFAULT_PORT = 6379;
  /** Room for a long password; anything longer is not an address. */
  static final int MAX_TEXT = 1024;
  private static final Pattern DATABASE = Pattern.compile("[0-9]{1,5}");
  private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]{0,15}");

  /** @throws IllegalArgumentException with a one-line reason that repeats little of the input */
  static RedisAddress parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("the redis address is empty; write redis://host:6379");
    }
    if (text.length() > MAX_TEXT) {
      throw new IllegalArgumentException("the redis address is longer than " + MAX_TEXT + " characters");
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) <= 0x20 || text.charAt(i) == 0x7f) {
        throw new IllegalArgumentException("the redis address holds a space or control character at position "
            + (i + 1));
      }
    }
    if (text.startsWith("/")) {
      return unix(text);
    }
    int sep = text.indexOf("://");
    String scheme = sep < 0 ? "redis" : text.substring(0, sep).toLowerCase(Locale.ROOT);
    String rest = sep < 0 ? text : text.substring(sep + 3);
    boolean tls = switch (scheme) {
      case "redis", "valkey" -> false;
      case "rediss", "valkeys" -> true;
      case "unix", "redis-socket" -> {
        if (rest.contains("@")) {
          throw new IllegalArgumentException("a unix socket address takes no credentials in it; use "
              + "--redis.user and --redis.password-file");
        }
        yield false;
      }
      // Quoted only when it looks like a scheme: a malformed address may hold a password before '://'.
      default -> throw new IllegalArgumentException("unknown scheme"
          + (SCHEME.matcher(scheme).matches() ? " " + InputText.quote(scheme) : "")
          + "; write redis://host:6379, rediss://host:6380 or unix:///path/to/redis.sock");
    };
    if (scheme.equals("unix") || scheme.equals("redis-socket")) {
      return unix(rest);
    }
    int at = rest.lastIndexOf('@');
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    if (at >= 0) {
      String userInfo = rest.substring(0, at);
      int colon = userInfo.indexOf(':');
      user = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon))).filter(s -> !s.isEmpty());
      password = colon < 0 ? Optional.empty() : Optional.of(decode(userInfo.substring(colon + 1)));
    }
    String location = rest.substring(at + 1);
    int slash = location.indexOf('/');
    String hostPort = slash < 0 ? location : location.substring(0, slash);
    String db = slash < 0 ? "" : location.substring(slash + 1);
    if (!db.isEmpty() && !DATABASE.matcher(db).matches()) {
      throw new IllegalArgumentException("after the host only /<database number> may follow (no ?options)");
    }
    if (location.indexOf('#') >= 0) {
      // Not shown: with a missing '@' this is where the password ends up.
      throw new IllegalArgumentException("a '#' after the credentials (an address has no #fragment): a password "
          + "holding '#' goes before '@host', or write # as %23; write redis://[user:password@]host:6379[/db]");
    }
    HostPort server;
    try {
      server = HostPort.parse(hostPort, DEFAULT_PORT);
    } catch (InvalidAddressException e) {
      // The reason only: with a missing '@' the host part holds the password.
      throw new IllegalArgumentException(e.reason() + "; write redis://[user:password@]host:6379[/db]");
    }
    return new RedisAddress(tls, Optional.of(server), Optional.empty(), user, password,
        db.isEmpty() ? 0 : Integer.parseInt(db));
  }

  private static RedisAddress unix(String path) {
    try {
      return new RedisAddress(false, Optional.empty(), Optional.of(new SocketPath(path)), Optional.empty(),
          Optional.empty(), 0);
    } catch (InvalidAddressException e) {
      throw new IllegalArgumentException(e.reason());
    }
  }

  /** Strict percent-decoding as Go's URL parser does it: a {@code %} must start a two-digit hex escape. */
  private static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    int i = 0;
    while (i < s.length()) {
      int percent = s.indexOf('%', i);
      int end = percent < 0 ? s.length() : percent;
      out.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
      if (percent < 0) {
        break;
      }
      int hi = percent + 2 < s.length() ? Character.digit(s.charAt(percent + 1), 16) : -1;
      int lo = hi < 0 ? -1 : Character.digit(s.charAt(percent + 2), 16);
      if (lo < 0) {
        throw new IllegalArgumentException("the credentials hold a '%' that is not a %XX escape; write a "
            + "literal % as %25");
      }
      out.write(hi * 16 + lo);
      i = percent + 3;
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The client's URI for this address, with no options but the ones set here; credentials are added later. */
  RedisURI.Builder uriBuilder() {
    if (socket.isPresent()) {
      return RedisURI.Builder.socket(socket.get().path());
    }
    return RedisURI.Builder.redis(server.get().host(), server.get().port()).withSsl(tls).withDatabase(database);
  }

  /** The address with the password masked, for logs, errors and labels. */
  String display() {
    if (socket.isPresent()) {
      return "unix://" + socket.get().path();
    }
    String credentials = user.isPresent() || password.isPresent()
        ? user.orElse("") + (password.isPresent() ? ":***" : "") + "@" : "";
    return (tls ? "rediss://" : "redis://") + credentials + server.get().authority()
        + (database == 0 ? "" : "/" + database);
  }

  @Override
  public String toString() {
    return display();
  }
}
