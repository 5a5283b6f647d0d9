package dev.exportersuite.kafka;

import dev.exportersuite.core.collect.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code consumer-lag-seconds}: a row per group and partition it has committed, as {@code consumer-offsets} (from
 * the same shared OffsetFetch and ListOffsets answers): {@code consumergroup}, {@code topic}, {@code partition} and
 * {@code lag_seconds}, the age of the oldest record the group has not consumed: now less
 * the timestamp of the first record at or after its committed offset. 0 when the group has read everything (lag 0),
 * or when what it has not read holds no record (transaction markers only). The timestamps come from one consumer
 * Fetch per broker for all partitions that lag ({@link RecordTimestamps}), at most
 * {@code --lag.seconds.max-partitions} of them per scrape: those with the largest lag.
 */
final class LagSecondsRows {

  private static final String LIMIT = "consumer lag seconds limit";
  private static final String BELOW_START = "consumer lag seconds below log start";
  private static final String UNREAD = "consumer lag seconds";

  private LagSecondsRows() {}

  static List<Row> rows(KafkaRequest r, Lookups l, RecordTimestamps timestamps, Deadline d) throws Exception {
    List<GroupRows.Committed> committed = GroupRows.committed(r, l, d);
    Map<TopicPartition, Long> ends = new HashMap<>();
    Map<TopicPartition, Long> largestLag = new HashMap<>();
    for (GroupRows.Committed c : committed) {
      long lag = c.lag().orElse(0L);
      if (lag > 0) {
        ends.put(c.tp(), c.end().orElseThrow());
        largestLag.merge(c.tp(), lag, Math::max);
      }
    }
    Set<TopicPartition> chosen = chosen(l, largestLag);
    Map<TopicPartition, Long> starts = starts(l, chosen, d);
    Map<TopicPartition, NavigableSet<Long>> asked = new HashMap<>();
    Set<TopicPartition> belowStart = new HashSet<>();
    for (GroupRows.Committed c : committed) {
      if (c.lag().orElse(0L) > 0 && chosen.contains(c.tp())) {
        long start = starts.getOrDefault(c.tp(), Long.MIN_VALUE);
        if (c.current() < start) {
          belowStart.add(c.tp());
        }
        asked.computeIfAbsent(c.tp(), x -> new TreeSet<>()).add(Math.max(c.current(), start));
      }
    }
    Map<TopicPartition, RecordTimestamps.Want> wanted = new HashMap<>();
    asked.forEach((tp, offsets) -> wanted.put(tp, new RecordTimestamps.Want(offsets, ends.get(tp))));
    RecordTimestamps.Result read = timestamps.read(wanted, d);
    belowStart.addAll(read.belowStart());
    long now = System.currentTimeMillis();

    List<Row> rows = new ArrayList<>(committed.size());
    for (GroupRows.Committed c : committed) {
      Double age = lagSeconds(c, read, starts, now);
      rows.add(Row.of("consumergroup", c.group(), "topic", c.tp().topic(), "partition", c.tp().partition(),
          "lag_seconds", age));
    }
    report(l, read, belowStart);
    return rows;
  }

  /**
   * 0 without lag; else the seconds since the timestamp of the first record the group has not read: none when it
   * was not read or the record has no timestamp; never below 0 (the producer's clock may be ahead).
   */
  private static Double lagSeconds(GroupRows.Committed c, RecordTimestamps.Result read,
      Map<TopicPartition, Long> starts, long now) {
    long lag = c.lag().orElse(-1L);
    if (lag <= 0) {
      return lag == 0 ? 0.0 : null;
    }
    Long start = starts.get(c.tp());
    Long timestamp = read.get(c.tp(), start == null ? c.current() : Math.max(c.current(), start));
    if (timestamp == null || (timestamp < 0 && timestamp != RecordTimestamps.NOTHING)) {
      return null;
    }
    return timestamp == RecordTimestamps.NOTHING ? 0.0 : Math.max(0, now - timestamp) / 1000.0;
  }

  /** The partitions to read: all that lag, or the {@code --lag.seconds.max-partitions} with the largest lag. */
  private static Set<TopicPartition> chosen(Lookups l, Map<TopicPartition, Long> largestLag) {
    int limit = l.settings().lagSecondsMaxPartitions();
    if (largestLag.size() <= limit) {
      l.notes().clear(LIMIT);
      return largestLag.keySet();
    }
    l.notes().report(LIMIT, "consumer lag seconds: more partitions lag than --lag.seconds.max-partitions="
        + limit + "; the age is read for the " + limit + " with the largest lag, the others have no lag_seconds");
    Comparator<Map.Entry<TopicPartition, Long>> byLag = Map.Entry.comparingByValue(Comparator.reverseOrder());
    Set<TopicPartition> out = new HashSet<>();
    largestLag.entrySet().stream()
        .sorted(byLag.thenComparing(e -> e.getKey().topic()).thenComparing(e -> e.getKey().partition()))
        .limit(limit).forEach(e -> out.add(e.getKey()));
    return out;
  }

  /**
   * The log start offsets of the chosen partitions, from the collection's shared ListOffsets (which the
   * {@code partitions} request reads anyway), so that an offset below it is read as the oldest record at once.
   * Waits at most half the time left; a start that did not come is found by the consumer instead.
   */
  private static Map<TopicPartition, Long> starts(Lookups l, Set<TopicPartition> chosen, Deadline d)
      throws Exception {
    if (chosen.isEmpty()) {
      return Map.of();
    }
    OffsetReader.Result starts = OffsetReader.read(l, l.earliest(d.part(0.5)), chosen, d.part(0.5));
    return starts.offsets();
  }

  private static void report(Lookups l, RecordTimestamps.Result read, Set<TopicPartition> belowStart) {
    if (belowStart.isEmpty()) {
      l.notes().clear(BELOW_START);
    } else {
      l.notes().report(BELOW_START, "consumer lag seconds: some committed offsets are below the log start (their "
          + "records were deleted); their age is that of the oldest record still there");
    }
    if (read.unread() == 0) {
      l.notes().clear(UNREAD);
    } else {
      l.notes().report(UNREAD, "consumer lag seconds: record timestamps of some partitions were not read and "
          + "their lag_seconds are left out: " + read.reason().orElse("unknown"));
    }
  }
}
