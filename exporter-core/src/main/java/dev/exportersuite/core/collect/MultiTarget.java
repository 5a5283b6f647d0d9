package dev.exportersuite.core.collect;

import java.util.Map;
import java.util.Optional;

/**
 * A module's multi-target endpoint ({@code /probe?target=} for MySQL, {@code /scrape?target=} for Redis): one
 * exporter, many servers, each with the same definitions and its own engine.
 *
 * @param path the HTTP path, as the module's peer serves it
 * @param parameter the query parameter that names the target ({@code target})
 * @param maxTargets engines kept; the least recently scraped is closed beyond this
 * @param selector turns a request's parameters into a connection
 * @param requestErrorsMetric the name after {@code <namespace>_} of a counter of refused requests, for peers
 *     that have one
 */
public record MultiTarget<R>(String path, String parameter, int maxTargets, Selector<R> selector,
    Optional<String> requestErrorsMetric) {

  /** Parses a request's parameters strictly into a connection. Must not connect. */
  @FunctionalInterface
  public interface Selector<R> {
    /** @throws IllegalArgumentException with a one-line reason (no secrets), answered as HTTP 400 */
    ResolvedConnection<R> select(Map<String, String> params);
  }

  public MultiTarget {
    if (!path.startsWith("/") || path.length() < 2) {
      throw new IllegalArgumentException("path must start with / and name the endpoint, e.g. /probe");
    }
    if (maxTargets < 1) {
      throw new IllegalArgumentException("maxTargets must be at least 1, was " + maxTargets);
    }
  }

  public static <R> MultiTarget<R> of(String path, int maxTargets, Selector<R> selector) {
    return new MultiTarget<>(path, "target", maxTargets, selector, Optional.empty());
  }

  public MultiTarget<R> withRequestErrorsMetric(String name) {
    return new MultiTarget<>(path, parameter, maxTargets, selector, Optional.of(name));
  }
}
