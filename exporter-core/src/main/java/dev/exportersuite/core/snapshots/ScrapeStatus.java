package dev.exportersuite.core.snapshots;

import io.prometheus.metrics.model.registry.MultiCollector;
import java.util.List;
import java.util.Optional;

/**
 * The metrics of the running exporter's targets, as the registry collects them, and what the landing page and
 * {@code --once} read of their last collection.
 */
public interface ScrapeStatus extends MultiCollector {

  /** One entry per collector, in definition order. */
  List<CollectorStatus> status();

  /** Why the datastore was unreachable at the last collection (redacted), if it was. */
  Optional<String> connectionError();
}
