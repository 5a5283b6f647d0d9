package dev.exportersuite.core.snapshots;

import dev.exportersuite.core.config.MetricType;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The client's metadata (name and help) of the families one converter built, kept from one conversion to the next.
 * A snapshot builder makes and checks it anew on every build, and the name's check encodes the name with a new
 * charset encoder: for a redis target's ~150 families, every scrape. Metadata is immutable, so a family built again
 * with the same type, name and help takes the one made before; what a conversion did not use goes at the next one.
 */
final class MetadataCache {

  private record Key(MetricType type, String name, String help) {}

  private Map<Key, MetricMetadata> previous = new HashMap<>();
  private Map<Key, MetricMetadata> current = new HashMap<>();

  /** Starts a conversion: the metadata the last one used stays available, older goes. */
  synchronized void nextConversion() {
    previous = current;
    current = new HashMap<>(Math.max(16, previous.size() * 4 / 3 + 1));
  }

  /**
   * @param make builds the metadata as the client's builder does, when none is kept
   * @throws IllegalArgumentException as {@code make} does (an invalid name); nothing is kept then
   */
  synchronized MetricMetadata get(MetricType type, String name, String help, Supplier<MetricMetadata> make) {
    Key key = new Key(type, name, help);
    MetricMetadata m = current.get(key);
    if (m == null) {
      m = previous.remove(key);
      if (m == null) {
        m = make.get();
      }
      current.put(key, m);
    }
    return m;
  }
}
