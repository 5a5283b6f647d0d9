package dev.exportersuite.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The topic layout, kept between scrapes and read again every {@code --refresh.metadata} (kafka_exporter's 30 s),
 * or at the next use after a lookup found a topic it does not list (created or deleted since). At most one
 * refresh runs at a time and at most one per collection; when a refresh fails, the last layout is used, as
 * kafka_exporter does ("using cached data").
 */
final class MetadataCache {

  private final Duration refresh;
  private final NameFilter topics;
  private final Notes notes;
  private TopicLayout layout;
  private long fetchedAt;
  private long attemptedAt;
  private boolean stale;
  private CompletableFuture<TopicLayout> refreshing;

  MetadataCache(Duration refresh, NameFilter topics, Notes notes) {
    this.refresh = refresh;
    this.topics = topics;
    this.notes = notes;
  }

  /** The next use reads the layout again. */
  synchronized void markStale() {
    stale = true;
  }

  /**
   * The layout for a collection that started at {@code collectionStart} (nano time).
   *
   * @throws Exception when there is no layout yet and it cannot be read
   */
  TopicLayout get(Admin admin, long collectionStart, Deadline deadline) throws Exception {
    CompletableFuture<TopicLayout> mine;
    boolean owner = false;
    synchronized (this) {
      long now = System.nanoTime();
      boolean fresh = layout != null && !stale && now - fetchedAt < refresh.toNanos();
      // Tried in this collection already (and failed, or refresh.metadata is 0): no second round trip.
      if (layout != null && (fresh || (!stale && attemptedAt - collectionStart >= 0))) {
        return layout;
      }
      if (refreshing != null) {
        mine = refreshing;
      } else {
        mine = new CompletableFuture<>();
        refreshing = mine;
        attemptedAt = now;
        stale = false;
        owner = true;
      }
    }
    if (owner) {
      refresh(admin, deadline, mine);
    }
    try {
      return mine.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** Reads the layout, then publishes it (or, on failure, the last one) to everyone waiting. */
  private void refresh(Admin admin, Deadline deadline, CompletableFuture<TopicLayout> result) {
    TopicLayout read = null;
    Exception failure = null;
    try {
      read = read(admin, deadline);
    } catch (Exception e) {
      failure = e;
    }
    synchronized (this) {
      refreshing = null;
      if (read != null) {
        layout = read;
        fetchedAt = System.nanoTime();
        notes.clear("metadata");
        result.complete(read);
      } else if (layout != null) {
        notes.report("metadata", "cannot refresh the topic list, using the one read before: " + Notes.describe(failure));
        result.complete(layout);
      } else {
        result.completeExceptionally(failure);
      }
    }
  }

  private TopicLayout read(Admin admin, Deadline deadline) throws Exception {
    // The list first, so that the description can be asked for the selected topics only.
    Deadline listing = deadline.part(0.5);
    List<String> names = listing.await(admin.listTopics(new ListTopicsOptions().listInternal(true)
        .timeoutMs(listing.timeoutMs())).names()).stream().filter(topics::test).sorted().toList();
    if (names.isEmpty()) {
      return TopicLayout.EMPTY;
    }
    Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(names,
        new DescribeTopicsOptions().timeoutMs(deadline.timeoutMs())).topicNameValues();
    Map<String, TopicLayout.Topic> out = new LinkedHashMap<>();
    Exception firstFailure = null;
    for (Map.Entry<String, KafkaFuture<TopicDescription>> e : described.entrySet()) {
      try {
        out.put(e.getKey(), topic(deadline.await(e.getValue())));
      } catch (UnknownTopicOrPartitionException gone) {
        // Deleted between the list and the description: it is simply not there.
      } catch (Exception failed) {
        firstFailure = firstFailure == null ? failed : firstFailure;
      }
    }
    if (firstFailure != null) {
      // A partial layout would make topics vanish from the metrics for a refresh interval.
      throw firstFailure;
    }
    return TopicLayout.of(out);
  }

  private static TopicLayout.Topic topic(TopicDescription d) {
    return new TopicLayout.Topic(d.name(), d.isInternal(), d.partitions().stream().map(MetadataCache::partition)
        .toList());
  }

  private static TopicLayout.Partition partition(TopicPartitionInfo p) {
    Node leader = p.leader();
    return new TopicLayout.Partition(p.partition(),
        leader == null || leader.isEmpty() || leader.id() < 0 ? Optional.empty() : Optional.of(leader.id()),
        p.replicas().stream().map(Node::id).toList(), p.isr().stream().map(Node::id).toList());
  }
}
