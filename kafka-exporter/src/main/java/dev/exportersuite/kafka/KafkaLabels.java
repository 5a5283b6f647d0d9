package dev.exportersuite.kafka;

import dev.exportersuite.core.config.MetricNames;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * kafka_exporter's {@code --kafka.labels}: {@code name=value,name=value}, constant labels on every series (it is
 * named "Kafka cluster name" there: {@code --kafka.labels=cluster=prod}).
 */
final class KafkaLabels {

  /** Labels of kafka_exporter's own series and of the self-metrics: a constant label of the same name would clash. */
  static final Set<String> TAKEN = Set.of("topic", "partition", "consumergroup", "id", "address", "collector");

  private KafkaLabels() {}

  /**
   * kafka_exporter drops an entry without {@code =}; here it is an error, as a typo would silently lose the label.
   *
   * @throws IllegalArgumentException naming the bad entry
   */
  static Map<String, String> parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    for (String entry : text.split(",")) {
      int eq = entry.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("'" + entry + "' is not name=value; write e.g. cluster=prod,dc=eu");
      }
      String name = entry.substring(0, eq).strip();
      if (!MetricNames.isValidLabelName(name)) {
        throw new IllegalArgumentException("'" + name + "' is not a valid label name: use letters, digits and _, "
            + "not starting with a digit or __");
      }
      if (TAKEN.contains(name)) {
        throw new IllegalArgumentException("'" + name + "' is a label of kafka_exporter's metrics already: choose "
            + "another name");
      }
      if (out.put(name, entry.substring(eq + 1)) != null) {
        throw new IllegalArgumentException("label '" + name + "' is given twice");
      }
    }
    return out;
  }
}
