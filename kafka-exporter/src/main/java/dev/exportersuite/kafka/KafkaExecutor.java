package dev.exportersuite.kafka;

import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.Row;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs requests against one cluster through one Admin client. The liveness check (a DescribeCluster within the
 * ping timeout) starts a collection; the requests of that collection share its lookups ({@link Lookups}), so
 * every kind of Admin call is made at most once per scrape, batched over all topics, partitions or groups. The
 * topic layout outlives collections ({@link MetadataCache}).
 */
final class KafkaExecutor implements RequestExecutor<KafkaRequest> {

  /** A fetch this long after the last ping is not part of its collection (only callers other than the engine). */
  private static final Duration COLLECTION_AGE = Duration.ofSeconds(60);

  private final KafkaTarget target;
  private final AdminClient admin;
  private final MetadataCache metadata;
  private final Notes notes = new Notes();
  /** For {@code consumer-lag-seconds} only: its consumer is made at the first such request. */
  private final RecordTimestamps timestamps;
  private volatile Lookups current;

  KafkaExecutor(KafkaTarget target) {
    this.target = target;
    this.admin = new AdminClient(target);
    this.metadata = new MetadataCache(target.settings().refreshMetadata(), target.settings().topics(), notes);
    this.timestamps = new RecordTimestamps(target.clientConfig());
  }

  @Override
  public java.util.List<String> secrets() {
    return target.secrets();
  }

  @Override
  public void ping(Duration timeout) throws Exception {
    Deadline d = Deadline.within(timeout);
    ClusterFacts facts;
    try {
      facts = ClusterFacts.describe(admin.get(), d);
    } catch (org.apache.kafka.common.errors.TimeoutException | java.util.concurrent.TimeoutException e) {
      // The client's own words ("Timed out waiting for a node assignment. Call: listNodes") say less than this.
      throw new java.util.concurrent.TimeoutException("no broker of " + String.join(",", target.servers())
          + " answered within " + timeout.toMillis() + "ms");
    }
    current = new Lookups(admin.get(), target.settings(), metadata, notes, Optional.of(facts));
  }

  @Override
  public List<Row> fetch(KafkaRequest request, Duration timeout) throws Exception {
    Deadline d = Deadline.within(timeout);
    Lookups l = lookups();
    return switch (request.kind()) {
      case CLUSTER -> ClusterRows.cluster(l, d);
      case BROKERS -> ClusterRows.brokers(l, d);
      case TOPICS -> TopicRows.topics(request, l, d);
      case PARTITIONS -> TopicRows.partitions(request, l, d);
      case TOPIC_CONFIGS -> TopicRows.configs(request, l, d);
      case LOG_DIRS -> TopicRows.logDirs(request, l, d);
      case CONSUMER_OFFSETS -> GroupRows.offsets(request, l, d);
      case CONSUMER_LAG_SECONDS -> LagSecondsRows.rows(request, l, timestamps, d);
      case GROUPS -> GroupRows.groups(request, l, d);
    };
  }

  private Lookups lookups() {
    Lookups l = current;
    if (l == null || System.nanoTime() - l.startedNanos() > COLLECTION_AGE.toNanos()) {
      l = new Lookups(admin.get(), target.settings(), metadata, notes, Optional.empty());
      current = l;
    }
    return l;
  }

  @Override
  public void close() {
    timestamps.close();
    admin.close();
  }
}
