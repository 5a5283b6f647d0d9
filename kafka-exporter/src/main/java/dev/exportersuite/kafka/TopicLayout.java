package dev.exportersuite.kafka;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The topics the flags select and their partitions, as one metadata refresh saw them.
 *
 * @param topics by name
 */
record TopicLayout(SortedMap<String, Topic> topics) {

  static final TopicLayout EMPTY = new TopicLayout(new TreeMap<>());

  /** One topic: its partitions in order. */
  record Topic(String name, boolean internal, List<Partition> partitions) {
    Topic {
      partitions = List.copyOf(partitions);
    }

    /** The replica count of the first partition, as {@code kafka-topics.sh --describe} shows it. */
    int replicationFactor() {
      return partitions.isEmpty() ? 0 : partitions.get(0).replicas().size();
    }
  }

  /**
   * One partition.
   *
   * @param leader the leader's broker id; empty while the partition has none
   * @param replicas broker ids, the preferred leader first
   * @param isr the in-sync replicas' broker ids
   */
  record Partition(int id, Optional<Integer> leader, List<Integer> replicas, List<Integer> isr) {
    Partition {
      replicas = List.copyOf(replicas);
      isr = List.copyOf(isr);
    }

    /** kafka_exporter's test: the leader is the first replica. */
    boolean leaderIsPreferred() {
      return leader.isPresent() && !replicas.isEmpty() && leader.get().equals(replicas.get(0));
    }

    boolean underReplicated() {
      return isr.size() < replicas.size();
    }
  }

  TopicLayout {
    topics = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(topics));
  }

  static TopicLayout of(Map<String, Topic> topics) {
    return new TopicLayout(new TreeMap<>(topics));
  }
}
