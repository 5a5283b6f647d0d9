package dev.exportersuite.kafka;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the timestamp of the first record at or after given offsets, with one Kafka consumer of the target (no
 * group: {@code assign} and {@code seek}, nothing committed). Every partition is assigned at once, so one Fetch per
 * broker asks for all of them; the bytes a partition may return are few ({@link #PARTITION_BYTES}), because only
 * its first record is wanted. The consumer is made at first use and kept, with its connections, between scrapes.
 *
 * <p>What counts as "the record at the committed offset": the first record at or after it that a
 * {@code read_uncommitted} consumer would get. A record compacted away is skipped to the next one; a transaction
 * marker is never returned to consumers, so a group whose unread offsets hold markers only has nothing to read
 * (the answer is {@link #NOTHING}); an offset below the log start (records deleted) reads the oldest record there
 * is. Records at or after the end offset the scrape read do not count: they came after it.
 */
final class RecordTimestamps implements AutoCloseable {

  /**
   * Bytes a partition may return per Fetch: its first record batch whole when the producer kept the default
   * {@code batch.size} (16 KiB) or up to four times it. A larger first batch still comes, but one per broker per
   * Fetch (the broker always returns the first partition's first batch whole).
   */
  static final int PARTITION_BYTES = 64 * 1024;

  /** Bytes a broker may return per Fetch; the partitions that do not fit come with the next one. */
  static final int RESPONSE_BYTES = 2 * 1024 * 1024;

  /** An offset that has no record before the end offset: only transaction markers, or a record compacted away. */
  static final long NOTHING = Long.MIN_VALUE;

  /** How long one poll waits before the positions are looked at again (markers return no records). */
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  /**
   * The offsets to read of one partition.
   *
   * @param offsets ascending; each below {@code end}
   * @param end the end offset the scrape read: records from there on do not count
   */
  record Want(NavigableSet<Long> offsets, long end) {}

  /**
   * What a read found.
   *
   * @param timestamps per partition and asked offset: the record's timestamp (ms), {@link #NOTHING}, or -1 when
   *     the record has none (written before Kafka 0.10)
   * @param belowStart partitions where an asked offset was below the log start, so the oldest record was read
   * @param unread offsets not read within the deadline (or because reading failed)
   * @param reason why, for the first of them
   */
  record Result(Map<TopicPartition, Map<Long, Long>> timestamps, List<TopicPartition> belowStart, int unread,
      Optional<String> reason) {

    /** The timestamp found for this offset, {@link #NOTHING}, or null when it was not read. */
    Long get(TopicPartition tp, long offset) {
      Map<Long, Long> m = timestamps.get(tp);
      return m == null ? null : m.get(offset);
    }
  }

  private final Map<String, Object> config;
  private KafkaConsumer<Void, Void> consumer;
  private volatile KafkaConsumer<Void, Void> wakeable;
  private volatile boolean closed;

  /** @param clientConfig the target's client settings (servers, client id, security); the consumer's own are added */
  RecordTimestamps(Map<String, Object> clientConfig) {
    Map<String, Object> c = new HashMap<>();
    clientConfig.forEach((k, v) -> {
      if (ConsumerConfig.configNames().contains(k)) {
        c.put(k, v);
      }
    });
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // An offset out of range is an answer (below the log start), not something to reset silently.
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, PARTITION_BYTES);
    c.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, RESPONSE_BYTES);
    // Every partition asked for has a record or a marker to return, so a broker has data at once. The one Fetch
    // that waits is the one the consumer sends ahead (pipelines) behind each poll that returned records: for the
    // records after those read, usually none; it is answered and dropped, and must not hold the next read long.
    c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
    // No MBean per client metric (several per partition read), and no copy of them to push to the brokers
    // (KIP-714): nobody reads them here.
    c.put(ConsumerConfig.METRIC_REPORTER_CLASSES_CONFIG, "");
    c.put(ConsumerConfig.ENABLE_METRICS_PUSH_CONFIG, false);
    this.config = Map.copyOf(c);
  }

  /**
   * The timestamps of the first records at or after the wanted offsets, as far as they arrive by the deadline.
   * One read at a time (a consumer is single-threaded); a second waits for the first.
   */
  synchronized Result read(Map<TopicPartition, Want> wanted, Deadline d) throws InterruptedException {
    Map<TopicPartition, Map<Long, Long>> found = new HashMap<>();
    List<TopicPartition> belowStart = new ArrayList<>();
    if (wanted.isEmpty()) {
      return new Result(found, belowStart, 0, Optional.empty());
    }
    Map<TopicPartition, NavigableSet<Long>> pending = new HashMap<>();
    wanted.forEach((tp, w) -> pending.put(tp, new TreeSet<>(w.offsets())));
    String failure = null;
    KafkaConsumer<Void, Void> c;
    try {
      c = consumer();
    } catch (KafkaException | IllegalStateException e) {
      return new Result(found, belowStart, count(pending), Optional.of(Notes.describe(e)));
    }
    try {
      c.assign(pending.keySet());
      pending.forEach((tp, offsets) -> c.seek(tp, offsets.first()));
      while (!pending.isEmpty() && !d.passed()) {
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
        ConsumerRecords<Void, Void> records;
        try {
          records = c.poll(Duration.ofNanos(Math.min(POLL_NANOS, d.remainingNanos())));
        } catch (OffsetOutOfRangeException e) {
          // Below the log start (deleted by retention, or the committed offset is older than the log): the oldest
          // record there is, which is the first record at or after the committed offset that still exists.
          for (TopicPartition tp : e.partitions()) {
            belowStart.add(tp);
            c.seekToBeginning(List.of(tp));
          }
          continue;
        }
        for (TopicPartition tp : records.partitions()) {
          NavigableSet<Long> offsets = pending.get(tp);
          long end = wanted.get(tp).end();
          for (ConsumerRecord<Void, Void> r : records.records(tp)) {
            while (offsets != null && !offsets.isEmpty() && offsets.first() <= r.offset()) {
              found.computeIfAbsent(tp, x -> new HashMap<>()).put(offsets.pollFirst(),
                  r.offset() < end ? r.timestamp() : NOTHING);
            }
          }
        }
        settle(c, wanted, pending, found);
      }
    } catch (WakeupException e) {
      failure = "the exporter is shutting down";
    } catch (org.apache.kafka.common.errors.InterruptException e) {
      throw new InterruptedException("interrupted while reading record timestamps");
    } catch (KafkaException | IllegalStateException e) {
      failure = Notes.describe(e);
    } finally {
      try {
        // No partition stays assigned and no fetched record buffered between scrapes; the connections stay. The
        // next read's assignment costs the consumer one Metadata request.
        c.unsubscribe();
      } catch (KafkaException | IllegalStateException e) {
        // closed meanwhile
      }
    }
    int unread = count(pending);
    if (unread > 0 && failure == null) {
      failure = "no answer within the request's limit";
    }
    return new Result(found, belowStart, unread, Optional.ofNullable(unread > 0 ? failure : null));
  }

  /**
   * After a poll: a partition with nothing more to read is paused; one whose position reached the end offset
   * has nothing at the offsets still asked (markers only); one whose next asked offset is ahead of its position
   * is moved there, past records nobody asked for.
   */
  private static void settle(KafkaConsumer<Void, Void> c, Map<TopicPartition, Want> wanted,
      Map<TopicPartition, NavigableSet<Long>> pending, Map<TopicPartition, Map<Long, Long>> found) {
    List<TopicPartition> done = new ArrayList<>();
    pending.forEach((tp, offsets) -> {
      Long position = offsets.isEmpty() ? null : position(c, tp);
      if (position != null) {
        if (position >= wanted.get(tp).end()) {
          offsets.forEach(o -> found.computeIfAbsent(tp, x -> new HashMap<>()).put(o, NOTHING));
          offsets.clear();
        } else if (offsets.first() > position) {
          c.seek(tp, offsets.first());
        }
      }
      if (offsets.isEmpty()) {
        done.add(tp);
      }
    });
    if (!done.isEmpty()) {
      c.pause(done);
      done.forEach(pending::remove);
    }
  }

  /** The partition's position, or null while it is not known (being reset to the log start): no waiting. */
  private static Long position(KafkaConsumer<Void, Void> c, TopicPartition tp) {
    try {
      return c.position(tp, Duration.ZERO);
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      return null;
    }
  }

  private static int count(Map<TopicPartition, NavigableSet<Long>> pending) {
    return pending.values().stream().mapToInt(NavigableSet::size).sum();
  }

  private KafkaConsumer<Void, Void> consumer() {
    if (closed) {
      throw new IllegalStateException("the exporter is shutting down");
    }
    if (consumer == null) {
      consumer = new KafkaConsumer<>(config, new Skip(), new Skip());
      wakeable = consumer;
    }
    return consumer;
  }

  /** Stops a read under way (it ends at once), then closes the consumer. */
  @Override
  public void close() {
    closed = true;
    KafkaConsumer<Void, Void> w = wakeable;
    if (w != null) {
      w.wakeup();
    }
    synchronized (this) {
      if (consumer != null) {
        consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(2)));
        consumer = null;
      }
    }
  }

  /** Keys and values are not needed: nothing is copied out of the fetched bytes. */
  static final class Skip implements Deserializer<Void> {
    @Override
    public Void deserialize(String topic, byte[] data) {
      return null;
    }

    @Override
    public Void deserialize(String topic, Headers headers, ByteBuffer data) {
      return null;
    }
  }
}
