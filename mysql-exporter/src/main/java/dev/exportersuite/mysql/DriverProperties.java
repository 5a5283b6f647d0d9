package dev.exportersuite.mysql;

import dev.exportersuite.core.endpoint.SocketPath;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Connector/J properties of every connection. The ones that let a server reach into this host are set by
 * the exporter last, whatever the config file says: with local infile a server (or anyone who can name one as
 * a {@code /probe} target) can ask the client for any file it can read.
 */
final class DriverProperties {

  /** Set after the user's properties, so nothing can turn them on. */
  static final Map<String, String> FORCED = Map.of(
      "allowLoadLocalInfile", "false",
      "allowUrlInLocalInfile", "false",
      "autoDeserialize", "false",
      "allowMultiQueries", "false");

  /** Removed: any value of it allows LOAD DATA LOCAL from that directory, even with local infile off. */
  static final String INFILE_PATH = "allowLoadLocalInfileInPath";

  /** Connector/J matches property names without regard to case. */
  private static final Set<String> FORBIDDEN = Stream.concat(FORCED.keySet().stream(), Stream.of(INFILE_PATH))
      .map(k -> k.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

  private DriverProperties() {}

  /**
   * Refuses a config file property the exporter will not honour, so nobody believes it is on.
   *
   * @throws IllegalArgumentException naming the property
   */
  static void check(Map<String, String> user) {
    for (String key : user.keySet()) {
      if (forbidden(key)) {
        throw new IllegalArgumentException("'" + key + "' cannot be set: the exporter keeps local infile, URL "
            + "infile, auto-deserialisation and multi-statements off on every connection");
      }
    }
  }

  /**
   * Driver defaults that save round trips per scrape, then the user's, then {@link #FORCED}.
   *
   * @param requireTls mysqld_exporter's {@code --tls.insecure-skip-verify} (its driver's {@code tls=skip-verify}):
   *     encrypt without checking the certificate, and fail rather than talk in plain text. Without it Connector/J
   *     encrypts when the server offers TLS ({@code sslMode=PREFERRED}). A unix socket stays without TLS.
   */
  static Map<String, String> build(Duration connectTimeout, Optional<SocketPath> socket, boolean requireTls,
      Map<String, String> user) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("connectTimeout", Long.toString(connectTimeout.toMillis()));
    p.put("useLocalSessionState", "true");
    p.put("cacheServerConfiguration", "true");
    p.put("tcpKeepAlive", "true");
    p.put("zeroDateTimeBehavior", "CONVERT_TO_NULL");
    p.put("characterEncoding", "UTF-8");
    if (requireTls) {
      p.put("sslMode", "REQUIRED");
    }
    socket.ifPresent(path -> p.putAll(UnixSocketFactory.properties(path.path())));
    user.forEach((k, v) -> {
      if (!forbidden(k)) {
        p.put(k, v);
      }
    });
    p.putAll(FORCED);
    return p;
  }

  private static boolean forbidden(String key) {
    return FORBIDDEN.contains(key.toLowerCase(Locale.ROOT));
  }
}
