package dev.exportersuite.kafka;

import dev.exportersuite.core.collect.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/** {@code consumer-offsets} and {@code groups}; the committed offsets {@code consumer-lag-seconds} starts from. */
final class GroupRows {

  private static final Comparator<TopicPartition> BY_TOPIC_PARTITION =
      Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

  private GroupRows() {}

  /**
   * One group's committed offset of one partition, with the partition's end offset when it arrived.
   *
   * @param current the committed offset
   * @param end the log end offset (high watermark) this scrape read
   */
  record Committed(String group, TopicPartition tp, long current, Optional<Long> end) {

    /** What {@code kafka-consumer-groups.sh --describe} shows, never below 0. */
    Optional<Long> lag() {
      return end.map(x -> Math.max(0, x - current));
    }
  }

  /**
   * A row per group and partition it has committed: {@code consumergroup}, {@code topic}, {@code partition},
   * {@code current_offset} (the committed offset), {@code log_end_offset} and {@code lag}, the log end offset less
   * the committed offset as {@code kafka-consumer-groups.sh --describe} shows it (never below 0: the end offset is
   * read once per scrape and a commit can pass it meanwhile). A partition whose end offset did not arrive has no
   * lag. With {@code --offset.show-all=false}, only partitions assigned to a member of the group.
   */
  static List<Row> offsets(KafkaRequest r, Lookups l, Deadline d) throws Exception {
    return committed(r, l, d).stream().map(c -> Row.of("consumergroup", c.group(), "topic", c.tp().topic(),
        "partition", c.tp().partition(), "current_offset", c.current(), "log_end_offset", c.end().orElse(null),
        "lag", c.lag().orElse(null))).toList();
  }

  /**
   * The committed offsets of the groups and topics the request and the flags select, by group and then by topic
   * and partition, with the end offsets: the collection's shared OffsetFetch and ListOffsets answers. A topic
   * found deleted is left out.
   */
  static List<Committed> committed(KafkaRequest r, Lookups l, Deadline d) throws Exception {
    return l.derived(List.of("committed", r.groups(), r.topics()), d, () -> readCommitted(r, l, d));
  }

  private static List<Committed> readCommitted(KafkaRequest r, Lookups l, Deadline d) throws Exception {
    List<GroupListing> groups = selected(r, l, d);
    if (groups.isEmpty()) {
      return List.of();
    }
    boolean showAll = l.settings().offsetShowAll();
    Map<String, KafkaFuture<Map<TopicPartition, OffsetAndMetadata>>> committed = l.committed(d);
    Map<String, KafkaFuture<ConsumerGroupDescription>> described = showAll ? Map.of() : l.descriptions(d);
    TopicLayout layout = l.layout(d.part(0.5));
    Exception failure = null;
    Map<String, Map<TopicPartition, Long>> byGroup = new java.util.LinkedHashMap<>();
    for (GroupListing g : groups) {
      try {
        Map<TopicPartition, Long> offsets = new TreeMap<>(BY_TOPIC_PARTITION);
        Optional<Set<TopicPartition>> assigned = showAll ? Optional.empty()
            : Optional.of(assigned(d.await(described.get(g.groupId()))));
        d.await(committed.get(g.groupId())).forEach((tp, om) -> {
          if (om != null && om.offset() >= 0 && l.settings().topics().test(tp.topic()) && r.topics().test(tp.topic())
              && assigned.map(a -> a.contains(tp)).orElse(true)) {
            offsets.put(tp, om.offset());
          }
        });
        byGroup.put(g.groupId(), offsets);
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        failure = failure == null ? e : failure;
      }
    }
    Set<TopicPartition> wanted = new HashSet<>();
    byGroup.values().forEach(m -> wanted.addAll(m.keySet()));
    if (!layout.topics().keySet().containsAll(wanted.stream().map(TopicPartition::topic).toList())) {
      // A topic created since the layout was read: its end offsets come with the next layout.
      l.layoutIsStale();
    }
    OffsetReader.Result ends = OffsetReader.read(l, l.latest(d), wanted, d);
    List<Committed> out = new ArrayList<>();
    byGroup.forEach((group, offsets) -> offsets.forEach((tp, current) -> {
      if (!ends.gone(tp.topic())) {
        out.add(new Committed(group, tp, current, ends.get(tp)));
      }
    }));
    OffsetReader.report(l, "consumer group lag", ends);
    note(l, "consumer group offsets", failure);
    return List.copyOf(out);
  }

  /**
   * A row per group: {@code consumergroup}, {@code state}, {@code members}, {@code assigned_partitions},
   * {@code coordinator}, {@code type} ({@code classic} or {@code consumer}). A group that could not be described
   * has its name and state only.
   */
  static List<Row> groups(KafkaRequest r, Lookups l, Deadline d) throws Exception {
    List<GroupListing> groups = selected(r, l, d);
    if (groups.isEmpty()) {
      return List.of();
    }
    Map<String, KafkaFuture<ConsumerGroupDescription>> described = l.descriptions(d);
    Exception failure = null;
    List<Row> rows = new ArrayList<>();
    for (GroupListing g : groups) {
      String listedState = g.groupState().map(Object::toString).orElse(null);
      try {
        ConsumerGroupDescription desc = d.await(described.get(g.groupId()));
        rows.add(Row.of("consumergroup", g.groupId(), "state", desc.groupState().toString(),
            "members", desc.members().size(), "assigned_partitions", assigned(desc).size(),
            "coordinator", desc.coordinator() == null ? null : desc.coordinator().id(),
            "type", desc.type().toString()));
      } catch (Exception e) {
        failure = failure == null ? e : failure;
        rows.add(Row.of("consumergroup", g.groupId(), "state", listedState, "members", null,
            "assigned_partitions", null, "coordinator", null, "type", g.type().map(Object::toString).orElse(null)));
      }
    }
    note(l, "consumer group descriptions", failure);
    return rows;
  }

  private static List<GroupListing> selected(KafkaRequest r, Lookups l, Deadline d) throws Exception {
    return l.groups(d).stream().filter(g -> r.groups().test(g.groupId())).toList();
  }

  private static Set<TopicPartition> assigned(ConsumerGroupDescription desc) {
    Set<TopicPartition> out = new HashSet<>();
    for (MemberDescription m : desc.members()) {
      out.addAll(m.assignment().topicPartitions());
    }
    return out;
  }

  private static void note(Lookups l, String what, Exception failure) {
    if (failure == null) {
      l.notes().clear(what);
    } else {
      l.notes().report(what, what + ": some groups were not read and are left out this scrape: "
          + Notes.describe(failure));
    }
  }
}
