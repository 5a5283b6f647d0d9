package dev.exportersuite.core.collect;

import java.time.Duration;

/**
 * @param defaultTimeout a request's time limit when its definition sets no {@code querytimeout}
 * @param maxConcurrency how many requests run at once against the datastore
 * @param pingTimeout time limit of the liveness check behind {@code <namespace>_up}
 */
public record EngineSettings(Duration defaultTimeout, int maxConcurrency, Duration pingTimeout) {

  public static final EngineSettings DEFAULTS = new EngineSettings(Duration.ofSeconds(10), 4, Duration.ofSeconds(5));

  public EngineSettings {
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be at least 1, got " + maxConcurrency);
    }
    if (defaultTimeout.isNegative() || defaultTimeout.isZero()) {
      throw new IllegalArgumentException("defaultTimeout must be positive");
    }
  }
}
