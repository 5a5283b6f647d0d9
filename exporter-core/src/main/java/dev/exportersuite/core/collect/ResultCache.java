package dev.exportersuite.core.collect;

import dev.exportersuite.core.config.MetricDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps the last good rows of definitions with a {@code scrapeinterval}, so the request runs at most that often. */
final class ResultCache {

  private record Entry(List<Row> rows, long atNanos) {}

  private final Map<MetricDefinition<?>, Entry> entries = new ConcurrentHashMap<>();

  Optional<List<Row>> fresh(MetricDefinition<?> d, long nowNanos) {
    if (d.timing().scrapeInterval().isEmpty()) {
      return Optional.empty();
    }
    Entry e = entries.get(d);
    if (e == null || nowNanos - e.atNanos() >= d.timing().scrapeInterval().get().toNanos()) {
      return Optional.empty();
    }
    return Optional.of(e.rows());
  }

  void store(MetricDefinition<?> d, List<Row> rows, long nowNanos) {
    if (d.timing().scrapeInterval().isPresent()) {
      entries.put(d, new Entry(List.copyOf(rows), nowNanos));
    }
  }

  /** Forgets definitions that a reload removed. */
  void retain(List<? extends MetricDefinition<?>> current) {
    entries.keySet().retainAll(current);
  }
}
