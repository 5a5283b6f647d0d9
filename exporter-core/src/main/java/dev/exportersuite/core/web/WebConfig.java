package dev.exportersuite.core.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --web.config.file}: TLS, basic authentication, extra response headers and a rate limit for the
 * exporter's port, in the format of the Prometheus exporter-toolkit that the Go exporters share.
 *
 * @param source the file, for messages
 * @param headers response headers on every answer, by their exact names
 * @param http2 read for compatibility; the JDK's server speaks HTTP/1.1 only
 * @param notices settings accepted that have no effect here, one line each for the start log
 */
public record WebConfig(
    String source,
    Optional<TlsSettings> tls,
    BasicAuthUsers users,
    Map<String, String> headers,
    boolean http2,
    Optional<RateLimit> rateLimit,
    List<String> notices) {

  /** No file: plain HTTP, no authentication. */
  public static final WebConfig NONE = new WebConfig("no --web.config.file", Optional.empty(), BasicAuthUsers.NONE, Map.of(), true,
      Optional.empty(), List.of());

  /** The toolkit's {@code rate_limit}: a token bucket refilled one request per {@code interval}. */
  public record RateLimit(Duration interval, int burst) {
    public RateLimit {
      if (interval.isNegative() || interval.isZero() || burst < 1) {
        throw new IllegalArgumentException("a rate limit needs an interval above 0 and a burst of 1 or more");
      }
    }
  }

  public WebConfig {
    headers = Map.copyOf(headers);
    notices = List.copyOf(notices);
  }

  /** The same with TLS from a module's flags. */
  public WebConfig withTls(TlsSettings value) {
    return new WebConfig(source, Optional.of(value), users, headers, http2, rateLimit, notices);
  }

  /** The same with basic auth users from a module's flags. */
  public WebConfig withUsers(BasicAuthUsers value) {
    return new WebConfig(source, tls, value, headers, http2, rateLimit, notices);
  }

  /** One line for the start log and {@code --check-config}. */
  public String describe() {
    return (tls.isPresent() ? "TLS " + tls.get().describe() : "TLS off")
        + "; basic auth " + (users.enabled() ? users.size() + (users.size() == 1 ? " user" : " users") : "off")
        + (headers.isEmpty() ? "" : "; headers " + String.join(", ", headers.keySet()))
        + rateLimit.map(r -> "; rate limit: bursts of " + r.burst() + ", one request per " + r.interval().toMillis()
            + "ms after").orElse("");
  }
}
