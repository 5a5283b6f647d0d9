package dev.exportersuite.core.collect;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One collection of every definition, shared by all scrapes that asked for it at the same time.
 *
 * @param up whether the datastore answered the liveness check
 * @param connectionError why it did not
 * @param connectTime how long the liveness check took
 */
public record CollectionResult(
    boolean up, Optional<String> connectionError, List<DefinitionResult> results, Instant startedAt, Duration duration,
    Duration connectTime) {

  public CollectionResult {
    results = List.copyOf(results);
  }
}
