package dev.exportersuite.kafka;

import java.time.Duration;
import java.util.Objects;

/**
 * What kafka_exporter's flags say about every request.
 *
 * @param topics {@code --topic.filter} and {@code --topic.exclude}
 * @param groups {@code --group.filter} and {@code --group.exclude}
 * @param offsetShowAll {@code --offset.show-all}: committed offsets of every group (true), or only of partitions
 *     assigned to a member of a group that has members (false)
 * @param refreshMetadata {@code --refresh.metadata}: how long the topic layout is kept
 */
record KafkaSettings(NameFilter topics, NameFilter groups, boolean offsetShowAll, Duration refreshMetadata) {

  static final KafkaSettings DEFAULTS = new KafkaSettings(NameFilter.ALL, NameFilter.ALL, true,
      Duration.ofSeconds(30));

  KafkaSettings {
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(groups, "groups");
    if (refreshMetadata.isNegative()) {
      throw new IllegalArgumentException("refresh.metadata must not be negative");
    }
  }
}
