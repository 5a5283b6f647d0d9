package dev.exportersuite.core.collect;

import dev.exportersuite.core.config.MetricDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one definition's request gave in one collection.
 *
 * @param rows the rows (empty on error)
 * @param error why the request gave nothing, if it failed
 * @param cached true when the rows were reused under {@code scrapeinterval} and no request was sent
 */
public record DefinitionResult(
    MetricDefinition<?> definition, List<Row> rows, Optional<String> error, Duration duration, boolean cached) {

  public DefinitionResult {
    rows = List.copyOf(rows);
  }
}
