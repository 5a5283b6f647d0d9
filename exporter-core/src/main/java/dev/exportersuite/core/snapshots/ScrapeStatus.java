package dev.exportersuite.core.snapshots;

import java.util.List;
import java.util.Optional;

/** What the landing page and {@code --once} read of the running exporter after its last collection. */
public interface ScrapeStatus {

  /** One entry per collector, in definition order. */
  List<CollectorStatus> status();

  /** Why the datastore was unreachable at the last collection (redacted), if it was. */
  Optional<String> connectionError();
}
