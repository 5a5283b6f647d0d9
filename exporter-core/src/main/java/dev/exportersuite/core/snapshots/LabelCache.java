package dev.exportersuite.core.snapshots;

import io.prometheus.metrics.model.snapshots.Labels;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The client's label sets one converter made, kept from one conversion to the next. Making a {@code Labels} checks
 * every label name, and the client's check allocates a charset encoder and two buffers per name: on a large target
 * (a Kafka cluster with 3,000 partitions and 100 groups, 90,000 samples) most of a scrape's garbage. A label set
 * is made once and reused by every family of the definition that has it (a row's metrics share their labels) and by
 * the next conversions while the row is still there; what a conversion did not use is dropped at the next one.
 */
final class LabelCache {

  private record Key(List<String> names, List<String> values) {}

  private Map<Key, Labels> previous = new HashMap<>();
  private Map<Key, Labels> current = new HashMap<>();
  private Labels constLabels = Labels.EMPTY;

  /** Starts a conversion: the sets the last one used stay available, older ones go. */
  synchronized void nextConversion() {
    previous = current;
    current = new HashMap<>(Math.max(16, previous.size() * 4 / 3 + 1));
  }

  /**
   * The label set of these names and values, with the constant labels.
   *
   * @throws IllegalArgumentException as {@code Labels.of} and {@code merge} do (an invalid or duplicate name)
   */
  synchronized Labels get(List<String> names, List<String> values, Labels constLabels) {
    if (constLabels != this.constLabels) {
      previous.clear();
      current.clear();
      this.constLabels = constLabels;
    }
    Key key = new Key(names, values);
    Labels l = current.get(key);
    if (l == null) {
      l = previous.remove(key);
      if (l == null) {
        l = Labels.of(names, values).merge(constLabels);
      }
      current.put(key, l);
    }
    return l;
  }
}
