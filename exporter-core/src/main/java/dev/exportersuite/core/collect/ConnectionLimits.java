package dev.exportersuite.core.collect;

import dev.exportersuite.core.config.Durations;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A connection's own limits, where they differ from the exporter's: Oracle's exporter gives each database of its
 * config file a {@code queryTimeout} and a pool size, and a pool of N sessions can run no more than N requests at
 * once.
 *
 * @param queryTimeout a request's limit when its definition sets no {@code querytimeout}
 * @param maxConcurrency how many requests run at once on this connection
 */
public record ConnectionLimits(Optional<Duration> queryTimeout, OptionalInt maxConcurrency) {

  /** The exporter's limits apply. */
  public static final ConnectionLimits NONE = new ConnectionLimits(Optional.empty(), OptionalInt.empty());

  public ConnectionLimits {
    queryTimeout.ifPresent(t -> {
      if (t.isNegative() || t.isZero()) {
        throw new IllegalArgumentException("a connection's query timeout must be positive");
      }
    });
    maxConcurrency.ifPresent(n -> {
      if (n < 1) {
        throw new IllegalArgumentException("a connection's concurrency must be at least 1, got " + n);
      }
    });
  }

  public static ConnectionLimits of(Duration queryTimeout, int maxConcurrency) {
    return new ConnectionLimits(Optional.of(queryTimeout), OptionalInt.of(maxConcurrency));
  }

  /** The exporter's settings with this connection's own limits in their place. */
  public EngineSettings applyTo(EngineSettings exporter) {
    return new EngineSettings(queryTimeout.orElse(exporter.defaultTimeout()),
        maxConcurrency.orElse(exporter.maxConcurrency()), exporter.pingTimeout());
  }

  /** "query timeout 5s, 3 at once", or empty when the exporter's limits apply. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    queryTimeout.ifPresent(t -> s.append("query timeout ").append(Durations.format(t)));
    maxConcurrency.ifPresent(n -> s.append(s.isEmpty() ? "" : ", ").append(n).append(" at once"));
    return s.toString();
  }
}
