package dev.exportersuite.kafka;

import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.MetricDefinition;
import java.util.List;

/**
 * {@code --lag.seconds}: switches on the shipped collector {@value #COLLECTOR} (off by default, since it costs a
 * consumer Fetch per broker per scrape). A team's own {@code consumer-lag-seconds} entries run without it.
 */
final class LagSecondsSwitch {

  static final String COLLECTOR = "consumergroup_lag_seconds";

  private LagSecondsSwitch() {}

  /** The definitions, with {@value #COLLECTOR} switched on when {@code on}. Pure: a reload applies it again. */
  static List<MetricDefinition<KafkaRequest>> apply(boolean on, List<MetricDefinition<KafkaRequest>> loaded)
      throws ConfigException {
    if (!on) {
      return loaded;
    }
    if (loaded.stream().noneMatch(d -> d.collector().equals(COLLECTOR))) {
      throw new ConfigException("command line", 0, "--lag.seconds", "no metrics entry of collector " + COLLECTOR
          + " is loaded: it is one of the default metrics, which --no-default.metrics leaves out");
    }
    return loaded.stream().map(d -> d.collector().equals(COLLECTOR) && !d.enabled() ? d.withEnabled(true) : d)
        .toList();
  }
}
