package dev.exportersuite.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.collect.EngineSettings;
import dev.exportersuite.core.testing.CommandRun;
import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.RunningExporter;
import io.prometheus.metrics.model.snapshots.Labels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kafka_consumergroup_lag_seconds} against a real broker, with records whose timestamps the test sets
 * (so that every age is known to the second) and offsets it commits:
 * <ul>
 *   <li>{@code events/0}: 4 records of 3600, 3000, 1800 and 60 s ago; {@code events/1}: one record of 7200 s ago;</li>
 *   <li>{@code trimmed/0}: records of 5000, 4000 and 3000 s ago, the first two deleted (log start 2);</li>
 *   <li>{@code tx/0}: two records of 600 s ago written in a transaction, then its commit marker (offset 2);</li>
 *   <li>{@code big/0}: one record of 100 KiB, 900 s ago: a record batch larger than a Fetch's limit per partition;</li>
 *   <li>groups {@code behind} (events/0 at 0, events/1 at 0), {@code middle} (events/0 at 2), {@code current}
 *   (events/0 at 4, events/1 at 1: no lag), {@code stale} (trimmed/0 at 0, below the log start),
 *   {@code tx-reader} (tx/0 at 2: lag 1, the marker), {@code tx-behind} (tx/0 at 0), {@code big-reader} (big/0 at
 *   0).</li>
 * </ul>
 * An age is asserted within [expected, expected + 60 s]: the test's own duration, far less than the gaps between
 * the records, so a wrong record (or the wrong end of the partition) cannot pass.
 */
class LagSecondsTest {

  static TestKafka kafka;
  static long t0;

  @BeforeAll
  static void cluster() throws Exception {
    kafka = TestKafka.single();
    t0 = System.currentTimeMillis();
    kafka.createTopic("events", 2);
    kafka.createTopic("trimmed", 1);
    kafka.createTopic("tx", 1);
    kafka.createTopic("big", 1);
    produceAt("events", 0, 3600, 3000, 1800, 60);
    produceAt("events", 1, 7200);
    produceAt("trimmed", 0, 5000, 4000, 3000);
    kafka.admin().deleteRecords(Map.of(new TopicPartition("trimmed", 0), RecordsToDelete.beforeOffset(2)))
        .all().get(30, TimeUnit.SECONDS);
    produceInTransaction("tx", 600, 600);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(producer())) {
      producer.send(new ProducerRecord<>("big", 0, t0 - 900_000, null, "x".repeat(100 * 1024)))
          .get(30, TimeUnit.SECONDS);
    }
    kafka.commit("behind", Map.of(tp("events", 0), 0L, tp("events", 1), 0L));
    kafka.commit("middle", Map.of(tp("events", 0), 2L));
    kafka.commit("current", Map.of(tp("events", 0), 4L, tp("events", 1), 1L));
    kafka.commit("stale", Map.of(tp("trimmed", 0), 0L));
    kafka.commit("tx-reader", Map.of(tp("tx", 0), 2L));
    kafka.commit("tx-behind", Map.of(tp("tx", 0), 0L));
    kafka.commit("big-reader", Map.of(tp("big", 0), 0L));
  }

  @AfterAll
  static void stop() throws Exception {
    if (kafka != null) {
      kafka.close();
    }
  }

  private static TopicPartition tp(String topic, int partition) {
    return new TopicPartition(topic, partition);
  }

  private static Properties producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return p;
  }

  /** One record per age (seconds before the test started), in that order, with that timestamp. */
  private static void produceAt(String topic, int partition, long... agesSeconds) throws Exception {
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(producer())) {
      for (long age : agesSeconds) {
        producer.send(new ProducerRecord<>(topic, partition, t0 - age * 1000, null, "m")).get(30, TimeUnit.SECONDS);
      }
    }
  }

  private static void produceInTransaction(String topic, long... agesSeconds) {
    Properties p = producer();
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "lag-seconds-test");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      producer.initTransactions();
      producer.beginTransaction();
      for (long age : agesSeconds) {
        producer.send(new ProducerRecord<>(topic, 0, t0 - age * 1000, null, "m"));
      }
      producer.commitTransaction();
    }
  }

  private static CommandRun.Result once(String... flags) {
    List<String> args = new ArrayList<>(List.of("--once", "--kafka.server=" + kafka.bootstrap()));
    args.addAll(List.of(flags));
    return CommandRun.run(new KafkaExporter(), args.toArray(String[]::new));
  }

  private static double age(Exposition e, String group, String topic, int partition) {
    return e.value("kafka_consumergroup_lag_seconds", "consumergroup", group, "topic", topic, "partition",
        String.valueOf(partition)).orElseThrow(() -> new AssertionError("no lag_seconds of " + group + " " + topic
        + "/" + partition + " in:\n" + e.samples("kafka_consumergroup_lag_seconds")));
  }

  @Test
  void offByDefault() {
    CommandRun.Result r = once();
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    Exposition e = Exposition.parse(r.stdout());
    assertThat(e.value("kafka_consumergroup_lag", "consumergroup", "behind", "topic", "events", "partition", "0"))
        .contains(4.0);
    assertThat(e.types()).doesNotContainKey("kafka_consumergroup_lag_seconds");
    assertThat(e.samples("kafka_consumergroup_lag_seconds")).isEmpty();
  }

  @Test
  void theAgeOfTheOldestMessageEachGroupHasNotConsumed() {
    CommandRun.Result r = once("--lag.seconds");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    Exposition e = Exposition.parse(r.stdout());
    assertThat(e.type("kafka_consumergroup_lag_seconds")).contains("gauge");
    assertThat(e.help("kafka_consumergroup_lag_seconds")).contains("Age of the oldest message a ConsumerGroup has "
        + "not consumed at Topic/Partition (0 without lag), in seconds");
    assertThat(age(e, "behind", "events", 0)).isBetween(3600.0, 3660.0);
    assertThat(age(e, "behind", "events", 1)).isBetween(7200.0, 7260.0);
    assertThat(age(e, "middle", "events", 0)).isBetween(1800.0, 1860.0);
    // Caught up: lag 0, age 0 (not the age of the newest record).
    assertThat(age(e, "current", "events", 0)).isZero();
    assertThat(age(e, "current", "events", 1)).isZero();
    // Below the log start: the oldest record still there (3000 s), not the deleted one (5000 s); and the log says so.
    assertThat(age(e, "stale", "trimmed", 0)).isBetween(3000.0, 3060.0);
    assertThat(r.stderr()).contains("some committed offsets are below the log start");
    // Only the transaction's commit marker is unread: lag 1, but no message waits.
    assertThat(e.value("kafka_consumergroup_lag", "consumergroup", "tx-reader", "topic", "tx", "partition", "0"))
        .contains(1.0);
    assertThat(age(e, "tx-reader", "tx", 0)).isZero();
    assertThat(age(e, "tx-behind", "tx", 0)).isBetween(600.0, 660.0);
    // A record batch larger than the 64 KiB a partition may return per Fetch still comes.
    assertThat(RecordTimestamps.PARTITION_BYTES).isLessThan(100 * 1024);
    assertThat(age(e, "big-reader", "big", 0)).isBetween(900.0, 960.0);
    assertThat(e.samples("kafka_consumergroup_lag_seconds")).hasSize(9);
    assertThat(e.samples("kafka_exporter_scrape_errors_total")).allSatisfy(s -> assertThat(s.value()).isZero());
  }

  @Test
  void theFlagsAndTheRequestsFiltersSelectGroupsAndTopics() throws Exception {
    CommandRun.Result r = once("--lag.seconds", "--topic.filter=^events$", "--group.exclude=^middle$");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    Exposition e = Exposition.parse(r.stdout());
    assertThat(age(e, "behind", "events", 0)).isBetween(3600.0, 3660.0);
    assertThat(e.samples("kafka_consumergroup_lag_seconds")).allSatisfy(s -> {
      assertThat(s.labels()).containsEntry("topic", "events");
      assertThat(s.labels()).doesNotContainEntry("consumergroup", "middle");
    });
    assertThat(e.samples("kafka_consumergroup_lag_seconds")).hasSize(4);

    String team = """
        metrics:
          - context: team
            request: consumer-lag-seconds group=^(behind|stale)$ topic!=^trimmed$
            labels: [consumergroup, topic, partition]
            metricsdesc: {lag_seconds: "Age of the oldest unread message."}
        """;
    try (RunningExporter<KafkaRequest> x = exporter(KafkaSettings.DEFAULTS, team)) {
      Exposition t = x.scrapeParsed();
      assertThat(t.samples("kafka_team_lag_seconds")).hasSize(2).allSatisfy(s ->
          assertThat(s.labels()).containsEntry("consumergroup", "behind"));
      assertThat(t.value("kafka_team_lag_seconds", "consumergroup", "behind", "topic", "events", "partition", "1")
          .orElseThrow()).isBetween(7200.0, 7260.0);
    }
  }

  /** Over the bound, the partitions with the largest lag are read, the others have no series, and the log says so. */
  @Test
  void atMostMaxPartitionsAreReadPerScrape() {
    // Lagging: events/0 (largest lag 4), trimmed/0 and tx/0 (3 each; trimmed first by name), events/1 and big/0 (1).
    CommandRun.Result r = once("--lag.seconds", "--lag.seconds.max-partitions=2");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    Exposition e = Exposition.parse(r.stdout());
    assertThat(age(e, "behind", "events", 0)).isBetween(3600.0, 3660.0);
    assertThat(age(e, "stale", "trimmed", 0)).isBetween(3000.0, 3060.0);
    assertThat(e.value("kafka_consumergroup_lag_seconds", "consumergroup", "tx-behind", "topic", "tx", "partition",
        "0")).isEmpty();
    assertThat(e.value("kafka_consumergroup_lag_seconds", "consumergroup", "behind", "topic", "events", "partition",
        "1")).isEmpty();
    // No lag needs no read: still 0.
    assertThat(age(e, "current", "events", 1)).isZero();
    assertThat(r.stderr()).contains("more partitions lag than --lag.seconds.max-partitions=2; the age is read for "
        + "the 2 with the largest lag, the others have no lag_seconds");
  }

  /**
   * The cost, on the broker's own request meters: the requests of a normal scrape, one Metadata request more (the
   * consumer's, for the topics that lag: it drops its assignment after each read), and two Fetches per broker for
   * all partitions and groups (the one that reads, and the one the Kafka consumer always sends ahead behind a poll
   * that returned records). Counted over three scrapes, since the last Fetch of a scrape may be answered, and so
   * counted, a moment after it; reading per partition or per group would be 4 and 7 Fetches a scrape here.
   */
  @Test
  void aScrapeReadsTheTimestampsOfAllPartitionsInOneFetchPerBroker() throws Exception {
    String yaml = KafkaMetricsTest.defaultMetrics().replace("enabled: false", "enabled: true");
    Map<String, Long> perScrape = Map.of("DescribeCluster", 1L, "ListOffsets", 2L, "Metadata", 2L,
        "ListGroups", 1L, "FindCoordinator", 2L, "DescribeGroups", 1L, "OffsetFetch", 1L);
    int scrapes = 3;
    // big/0's batch is larger than a partition's share of a Fetch: it may take a Fetch of its own (tested above).
    KafkaSettings withoutBig = new KafkaSettings(NameFilter.ALL, NameFilter.of(".*", "^big-reader$"), true,
        Duration.ofSeconds(30));
    try (RunningExporter<KafkaRequest> e = exporter(withoutBig, yaml)) {
      e.scrape();
      Map<String, Long> before = BrokerRequests.count();
      for (int i = 0; i < scrapes; i++) {
        Exposition x = e.scrapeParsed();
        assertThat(age(x, "behind", "events", 0)).isBetween(3600.0, 3660.0);
      }
      long expected = scrapes * perScrape.values().stream().mapToLong(Long::longValue).sum();
      TestKafka.awaitCondition("the scrapes' requests are counted", () -> BrokerRequests.since(before).entrySet()
          .stream().filter(y -> perScrape.containsKey(y.getKey())).mapToLong(Map.Entry::getValue).sum() >= expected
          && BrokerRequests.since(before).getOrDefault("Fetch", 0L) >= 2 * scrapes - 1);
      Map<String, Long> made = BrokerRequests.since(before);
      assertThat(made.get("Fetch")).isBetween(2L * scrapes - 1, 2L * scrapes + 1);
      made.keySet().retainAll(perScrape.keySet());
      Map<String, Long> expectedMade = new java.util.TreeMap<>();
      perScrape.forEach((api, n) -> expectedMade.put(api, n * scrapes));
      assertThat(made).isEqualTo(expectedMade);
    }
  }

  static RunningExporter<KafkaRequest> exporter(KafkaSettings settings, String yaml) throws Exception {
    KafkaTarget target = new KafkaTarget(List.of(kafka.bootstrap()), KafkaExporter.CLIENT_ID, settings);
    return new RunningExporter<>("kafka", target.open(), KafkaRequest.parser(), yaml, EngineSettings.DEFAULTS,
        Labels.EMPTY);
  }
}
