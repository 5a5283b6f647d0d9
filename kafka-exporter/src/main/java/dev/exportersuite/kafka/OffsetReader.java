package dev.exportersuite.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Reads offsets from a collection's shared lookup for one request. The Admin client retries a partition whose
 * topic was deleted, or whose leader is gone, until the call's timeout; so when some offsets are still missing
 * a moment after the others arrived, the cluster is asked (once per collection, for those topics only) whether
 * they can come at all. Those that cannot are left out at once; the rest are awaited until the request's deadline.
 * What is left out is said once in the log, and the topic layout is read again at the next use.
 */
final class OffsetReader {

  /**
   * How long offsets may lag behind the others before the cluster is asked about them: far above a healthy
   * answer, far below a request's limit. Asking costs one small Metadata request.
   */
  static final long PATIENCE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  /** Offsets by partition, and what could not be read. */
  record Result(Map<TopicPartition, Long> offsets, Set<String> gone, int missing, Optional<String> reason) {

    Optional<Long> get(TopicPartition tp) {
      return Optional.ofNullable(offsets.get(tp));
    }

    boolean gone(String topic) {
      return gone.contains(topic);
    }
  }

  private OffsetReader() {}

  static Result read(Lookups lookups, Lookups.Offsets offsets, Collection<TopicPartition> wanted, Deadline d)
      throws InterruptedException {
    Map<TopicPartition, Long> got = new HashMap<>();
    Set<String> gone = new HashSet<>();
    Set<TopicPartition> pending = new LinkedHashSet<>();
    Failures failures = new Failures();
    Deadline patience = new Deadline(Math.min(d.endNanos(), System.nanoTime() + PATIENCE_NANOS));
    Lookups.Verdict known = lookups.known();
    for (TopicPartition tp : wanted) {
      KafkaFuture<?> f = offsets.partitions().get(tp);
      if (f == null) {
        continue;
      }
      if (known.gone().contains(tp.topic())) {
        gone.add(tp.topic());
      } else if (known.leaderless().contains(tp) && !f.isDone()) {
        failures.add("no leader");
      } else if (!take(tp, offsets, patience, got, gone, failures)) {
        pending.add(tp);
      }
    }
    if (!pending.isEmpty() && !d.passed()) {
      Set<String> topics = new java.util.TreeSet<>();
      pending.forEach(tp -> topics.add(tp.topic()));
      Lookups.Verdict v = lookups.recheck(topics, d);
      gone.addAll(v.gone());
      pending.removeIf(tp -> {
        if (v.gone().contains(tp.topic())) {
          return true;
        }
        if (v.leaderless().contains(tp)) {
          failures.add("no leader");
          return true;
        }
        return false;
      });
    }
    for (TopicPartition tp : pending) {
      if (!take(tp, offsets, d, got, gone, failures)) {
        failures.add("no answer within the request's limit");
      }
    }
    if (!gone.isEmpty()) {
      lookups.layoutIsStale();
    }
    return new Result(got, gone, failures.count, Optional.ofNullable(failures.first));
  }

  /** Waits for one offset until {@code until}; false when it has not arrived by then. */
  private static boolean take(TopicPartition tp, Lookups.Offsets offsets, Deadline until,
      Map<TopicPartition, Long> got, Set<String> gone, Failures failures) throws InterruptedException {
    KafkaFuture<org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo> f = offsets.partitions().get(tp);
    try {
      got.put(tp, until.await(f).offset());
    } catch (InterruptedException e) {
      throw e;
    } catch (UnknownTopicOrPartitionException e) {
      gone.add(tp.topic());
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (Exception e) {
      failures.add(Notes.describe(e));
    }
    return true;
  }

  /** How many offsets were not read, and the first reason. */
  private static final class Failures {
    int count;
    String first;

    void add(String reason) {
      count++;
      first = first == null ? reason : first;
    }
  }

  /** Says in the log what a request left out, once per reason; and that it is complete again. */
  static void report(Lookups lookups, String what, Result r) {
    if (r.missing() == 0) {
      lookups.notes().clear(what);
    } else {
      lookups.notes().report(what, what + ": offsets of some partitions were not read and their series are left "
          + "out: " + r.reason().orElse("unknown"));
    }
  }
}
