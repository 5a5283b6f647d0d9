package dev.exportersuite.kafka;

import dev.exportersuite.core.collect.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.DescribeLogDirsOptions;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** {@code topics}, {@code partitions}, {@code topic-configs} and {@code log-dirs}. */
final class TopicRows {

  private TopicRows() {}

  /** A row per topic: {@code topic}, {@code partitions}, {@code replication_factor}, {@code internal}. */
  static List<Row> topics(KafkaRequest r, Lookups l, Deadline d) throws Exception {
    List<Row> rows = new ArrayList<>();
    for (TopicLayout.Topic t : l.layout(d).topics().values()) {
      if (r.topics().test(t.name())) {
        rows.add(Row.of("topic", t.name(), "partitions", t.partitions().size(),
            "replication_factor", t.replicationFactor(), "internal", t.internal() ? 1 : 0));
      }
    }
    return rows;
  }

  /**
   * A row per partition: {@code topic}, {@code partition}, {@code leader}, {@code replicas},
   * {@code in_sync_replicas}, {@code leader_is_preferred}, {@code under_replicated}, {@code current_offset} (the
   * log end offset, as consumers see it), {@code oldest_offset}. An offset that did not arrive is null.
   */
  static List<Row> partitions(KafkaRequest r, Lookups l, Deadline d) throws Exception {
    TopicLayout layout = l.layout(d.part(0.5));
    List<TopicPartition> wanted = new ArrayList<>();
    layout.topics().values().stream().filter(t -> r.topics().test(t.name()))
        .forEach(t -> t.partitions().forEach(p -> wanted.add(new TopicPartition(t.name(), p.id()))));
    OffsetReader.Result latest = OffsetReader.read(l, l.latest(d), wanted, d);
    OffsetReader.Result earliest = OffsetReader.read(l, l.earliest(d), wanted, d);
    List<Row> rows = new ArrayList<>();
    for (TopicLayout.Topic t : layout.topics().values()) {
      if (!r.topics().test(t.name()) || latest.gone(t.name()) || earliest.gone(t.name())) {
        continue;
      }
      for (TopicLayout.Partition p : t.partitions()) {
        TopicPartition tp = new TopicPartition(t.name(), p.id());
        rows.add(Row.of("topic", t.name(), "partition", p.id(), "leader", p.leader().orElse(null),
            "replicas", p.replicas().size(), "in_sync_replicas", p.isr().size(),
            "leader_is_preferred", p.leaderIsPreferred() ? 1 : 0, "under_replicated", p.underReplicated() ? 1 : 0,
            "current_offset", latest.get(tp).orElse(null), "oldest_offset", earliest.get(tp).orElse(null)));
      }
    }
    OffsetReader.report(l, "partitions", latest.missing() > 0 ? latest : earliest);
    return rows;
  }

  /**
   * A row per topic and asked config: {@code topic}, {@code config}, {@code value} (a number when it reads as one),
   * {@code source} ({@code DYNAMIC_TOPIC_CONFIG}, {@code DEFAULT_CONFIG}, ...). One DescribeConfigs for all topics.
   */
  static List<Row> configs(KafkaRequest r, Lookups l, Deadline d) throws Exception {
    List<ConfigResource> resources = l.layout(d.part(0.5)).topics().keySet().stream().filter(r.topics()::test)
        .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
    if (resources.isEmpty()) {
      return List.of();
    }
    Map<ConfigResource, KafkaFuture<Config>> described = l.admin().describeConfigs(resources,
        new DescribeConfigsOptions().timeoutMs(d.timeoutMs())).values();
    List<Row> rows = new ArrayList<>();
    Exception failure = null;
    for (ConfigResource res : resources) {
      Config config;
      try {
        config = d.await(described.get(res));
      } catch (UnknownTopicOrPartitionException e) {
        l.layoutIsStale();
        continue;
      } catch (Exception e) {
        failure = failure == null ? e : failure;
        continue;
      }
      for (String key : r.keys()) {
        ConfigEntry e = config.get(key);
        if (e != null && e.value() != null) {
          rows.add(Row.of("topic", res.name(), "config", key, "value", number(e.value()), "source",
              e.source().name()));
        }
      }
    }
    note(l, "topic configs", failure);
    return rows;
  }

  /**
   * A row per replica on a broker's disk: {@code broker}, {@code dir}, {@code topic}, {@code partition},
   * {@code size} (bytes), {@code offset_lag}, {@code future} (1 while being moved there). One DescribeLogDirs per
   * broker; a broker that does not answer leaves out its replicas only.
   */
  static List<Row> logDirs(KafkaRequest r, Lookups l, Deadline d) throws Exception {
    List<Integer> ids = l.cluster(d.part(0.5)).brokers().stream().map(ClusterFacts.Broker::id).toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Integer, KafkaFuture<Map<String, LogDirDescription>>> described = l.admin().describeLogDirs(ids,
        new DescribeLogDirsOptions().timeoutMs(d.timeoutMs())).descriptions();
    List<Row> rows = new ArrayList<>();
    Exception failure = null;
    for (int id : ids) {
      Map<String, LogDirDescription> dirs;
      try {
        dirs = new TreeMap<>(d.await(described.get(id)));
      } catch (Exception e) {
        failure = failure == null ? e : failure;
        continue;
      }
      dirs.forEach((dir, desc) -> {
        Map<TopicPartition, ReplicaInfo> replicas = new TreeMap<>(
            java.util.Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
        replicas.putAll(desc.replicaInfos());
        replicas.forEach((tp, info) -> {
          if (l.settings().topics().test(tp.topic()) && r.topics().test(tp.topic())) {
            rows.add(Row.of("broker", id, "dir", dir, "topic", tp.topic(), "partition", tp.partition(),
                "size", info.size(), "offset_lag", info.offsetLag(), "future", info.isFuture() ? 1 : 0));
          }
        });
      });
    }
    note(l, "log dirs", failure);
    return rows;
  }

  private static void note(Lookups l, String what, Exception failure) {
    if (failure == null) {
      l.notes().clear(what);
    } else {
      l.notes().report(what, what + ": some were not read and are left out this scrape: " + Notes.describe(failure));
    }
  }

  /** A config value as a number where it is one ({@code 604800000}, {@code -1}, {@code 0.5}), else its text. */
  static Object number(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      // not whole
    }
    try {
      double v = Double.parseDouble(value);
      return Double.isFinite(v) ? v : value;
    } catch (NumberFormatException e) {
      return value;
    }
  }
}
