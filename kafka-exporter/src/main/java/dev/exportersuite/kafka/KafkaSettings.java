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
 * @param lagSecondsMaxPartitions {@code --lag.seconds.max-partitions}: the most partitions whose record timestamps
 *     a {@code consumer-lag-seconds} request reads per scrape
 */
record KafkaSettings(NameFilter topics, NameFilter groups, boolean offsetShowAll, Duration refreshMetadata,
    int lagSecondsMaxPartitions) {

  /** {@code --lag.seconds.max-partitions}'s default: at most 1,000 x 64 KiB read per scrape. */
  static final int LAG_SECONDS_MAX_PARTITIONS = 1_000;

  static final KafkaSettings DEFAULTS = new KafkaSettings(NameFilter.ALL, NameFilter.ALL, true,
      Duration.ofSeconds(30));

  /** With the default bound of {@code --lag.seconds.max-partitions}. */
  KafkaSettings(NameFilter topics, NameFilter groups, boolean offsetShowAll, Duration refreshMetadata) {
    this(topics, groups, offsetShowAll, refreshMetadata, LAG_SECONDS_MAX_PARTITIONS);
  }

  KafkaSettings {
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(groups, "groups");
    if (refreshMetadata.isNegative()) {
      throw new IllegalArgumentException("refresh.metadata must not be negative");
    }
    if (lagSecondsMaxPartitions < 1) {
      throw new IllegalArgumentException("lag.seconds.max-partitions must be at least 1");
    }
  }
}
