package dev.exportersuite.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListGroupsResult;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * What the requests of one collection share, each asked of the cluster once, in one batched Admin call: the
 * end and start offsets of every selected partition (one ListOffsets per partition leader), the consumer groups
 * (one ListGroups per broker), their descriptions and their committed offsets (one call per group coordinator,
 * for all its groups). The engine pings first in every collection, and the ping starts a new {@code Lookups}; so
 * {@code partitions} and {@code consumer-offsets} read the same end offsets, and two entries that ask for lag
 * of different groups still cost one OffsetFetch per coordinator.
 *
 * <p>An answer is a map of futures, one per partition or group, made by the first request that needs it; each
 * request then waits for the futures until its own deadline and keeps what arrived.
 */
final class Lookups {

  /** Offsets per partition, as futures: a partition whose leader is away fails alone, at the deadline. */
  record Offsets(Map<TopicPartition, KafkaFuture<ListOffsetsResultInfo>> partitions) {
    static final Offsets NONE = new Offsets(Map.of());
  }

  /**
   * What the cluster says now about topics whose offsets are late.
   *
   * @param gone topics it no longer has
   * @param leaderless partitions without a leader, whose offsets cannot come
   */
  record Verdict(Set<String> gone, Set<TopicPartition> leaderless) {
    static final Verdict NONE = new Verdict(Set.of(), Set.of());
  }

  private final Admin admin;
  private final KafkaSettings settings;
  private final MetadataCache metadata;
  private final Notes notes;
  private final long startedNanos;
  private final Optional<ClusterFacts> cluster;
  private final Map<Object, CompletableFuture<Object>> shared = new ConcurrentHashMap<>();
  /** What rechecks of this collection found, so that a later request does not wait for those offsets again. */
  private final Set<String> goneTopics = ConcurrentHashMap.newKeySet();
  private final Set<TopicPartition> leaderless = ConcurrentHashMap.newKeySet();

  Lookups(Admin admin, KafkaSettings settings, MetadataCache metadata, Notes notes, Optional<ClusterFacts> cluster) {
    this.admin = admin;
    this.settings = settings;
    this.metadata = metadata;
    this.notes = notes;
    this.cluster = cluster;
    this.startedNanos = System.nanoTime();
  }

  long startedNanos() {
    return startedNanos;
  }

  Admin admin() {
    return admin;
  }

  KafkaSettings settings() {
    return settings;
  }

  Notes notes() {
    return notes;
  }

  /** A lookup found a topic the layout does not list (or lists, but the cluster does not): read it again. */
  void layoutIsStale() {
    metadata.markStale();
  }

  /** The liveness check's answer, or a DescribeCluster of its own when no ping preceded. */
  ClusterFacts cluster(Deadline d) throws Exception {
    if (cluster.isPresent()) {
      return cluster.get();
    }
    return share("cluster", d, () -> ClusterFacts.describe(admin, d));
  }

  TopicLayout layout(Deadline d) throws Exception {
    return metadata.get(admin, startedNanos, d);
  }

  /** The log end offsets (high watermarks) of every selected partition: one ListOffsets per leader. */
  Offsets latest(Deadline d) throws Exception {
    return share("latest", d, () -> offsets(OffsetSpec.latest(), d));
  }

  /** The log start offsets of every selected partition. */
  Offsets earliest(Deadline d) throws Exception {
    return share("earliest", d, () -> offsets(OffsetSpec.earliest(), d));
  }

  private Offsets offsets(OffsetSpec spec, Deadline d) throws Exception {
    TopicLayout layout = layout(d.part(0.5));
    Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
    layout.topics().values().forEach(t -> t.partitions().forEach(p -> ask.put(new TopicPartition(t.name(), p.id()),
        spec)));
    if (ask.isEmpty()) {
      return Offsets.NONE;
    }
    var result = admin.listOffsets(ask, new ListOffsetsOptions().timeoutMs(d.timeoutMs()));
    Map<TopicPartition, KafkaFuture<ListOffsetsResultInfo>> out = new HashMap<>();
    ask.keySet().forEach(tp -> out.put(tp, result.partitionResult(tp)));
    return new Offsets(out);
  }

  /**
   * Asks the cluster about topics whose offsets are late (one Metadata request for those topics, shared by the
   * collection's requests), using at most half the time left.
   */
  Verdict recheck(Set<String> topics, Deadline d) throws InterruptedException {
    try {
      return share("recheck " + topics, d, () -> {
        Deadline part = d.part(0.5);
        Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(topics,
            new DescribeTopicsOptions().timeoutMs(part.timeoutMs())).topicNameValues();
        Set<String> gone = new HashSet<>();
        Set<TopicPartition> leaderless = new HashSet<>();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> e : described.entrySet()) {
          try {
            part.await(e.getValue()).partitions().stream()
                .filter(p -> p.leader() == null || p.leader().isEmpty() || p.leader().id() < 0)
                .forEach(p -> leaderless.add(new TopicPartition(e.getKey(), p.partition())));
          } catch (UnknownTopicOrPartitionException gone1) {
            gone.add(e.getKey());
          } catch (InterruptedException i) {
            throw i;
          } catch (Exception unknown) {
            // No verdict for this topic: its offsets are awaited until the deadline.
          }
        }
        if (!gone.isEmpty() || !leaderless.isEmpty()) {
          layoutIsStale();
        }
        goneTopics.addAll(gone);
        this.leaderless.addAll(leaderless);
        return new Verdict(gone, leaderless);
      });
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      return Verdict.NONE;
    }
  }

  /** What the rechecks of this collection have found so far. */
  Verdict known() {
    return new Verdict(Set.copyOf(goneTopics), Set.copyOf(leaderless));
  }

  /**
   * The consumer groups (classic and KIP-848) the flags select. Listing asks every broker; it gets at most half
   * the time left, so that a broker that does not answer leaves time for the groups the others named.
   */
  List<GroupListing> groups(Deadline d) throws Exception {
    return share("groups", d, () -> {
      Deadline listing = d.part(0.5);
      ListGroupsResult r = admin.listGroups(ListGroupsOptions.forConsumerGroups().timeoutMs(listing.timeoutMs()));
      Collection<GroupListing> valid = listing.await(r.valid());
      Collection<Throwable> errors = listing.await(r.errors());
      if (errors.isEmpty()) {
        notes.clear("group list");
      } else {
        notes.report("group list", "some brokers did not list their consumer groups, their groups are left out: "
            + Notes.describe(errors.iterator().next()));
      }
      return valid.stream().filter(g -> settings.groups().test(g.groupId()))
          .sorted(java.util.Comparator.comparing(GroupListing::groupId)).toList();
    });
  }

  /** Members and assignments of every selected group: one DescribeGroups per coordinator. */
  Map<String, KafkaFuture<ConsumerGroupDescription>> descriptions(Deadline d) throws Exception {
    return share("descriptions", d, () -> {
      List<String> ids = groups(d).stream().map(GroupListing::groupId).toList();
      return ids.isEmpty() ? Map.of() : admin.describeConsumerGroups(ids,
          new DescribeConsumerGroupsOptions().timeoutMs(d.timeoutMs())).describedGroups();
    });
  }

  /** The committed offsets of every selected group: one OffsetFetch per coordinator for all its groups. */
  Map<String, KafkaFuture<Map<TopicPartition, OffsetAndMetadata>>> committed(Deadline d) throws Exception {
    return share("committed", d, () -> {
      Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
      groups(d).forEach(g -> specs.put(g.groupId(), new ListConsumerGroupOffsetsSpec()));
      if (specs.isEmpty()) {
        return Map.of();
      }
      var r = admin.listConsumerGroupOffsets(specs, new ListConsumerGroupOffsetsOptions().timeoutMs(d.timeoutMs()));
      Map<String, KafkaFuture<Map<TopicPartition, OffsetAndMetadata>>> out = new HashMap<>();
      specs.keySet().forEach(id -> out.put(id, r.partitionsToOffsetAndMetadata(id)));
      return out;
    });
  }

  interface Compute<T> {
    T run() throws Exception;
  }

  /**
   * What requests of this collection derive alike from the lookups above, computed by the first that asks (the
   * committed offsets that {@code consumer-offsets} and {@code consumer-lag-seconds} with the same filters start
   * from): 30,000 of them are worth making once.
   */
  <T> T derived(List<Object> key, Deadline d, Compute<T> compute) throws Exception {
    return share(key, d, compute);
  }

  /** The first caller computes, the others wait for it until their own deadline. */
  @SuppressWarnings("unchecked")
  private <T> T share(Object key, Deadline d, Compute<T> compute) throws Exception {
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> f = shared.putIfAbsent(key, mine);
    if (f == null) {
      f = mine;
      try {
        mine.complete(compute.run());
      } catch (Exception | Error e) {
        mine.completeExceptionally(e);
      }
    }
    try {
      return (T) f.get(d.remainingNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
