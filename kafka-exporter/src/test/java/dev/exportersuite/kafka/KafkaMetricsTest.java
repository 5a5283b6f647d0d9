package dev.exportersuite.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.collect.EngineSettings;
import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.RunningExporter;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default metrics against a real broker, with topics, records and committed offsets this test makes, so that
 * every offset, lag and sum is known exactly:
 * <ul>
 *   <li>{@code orders}: 3 partitions holding 5, 3 and 0 records; {@code audit}: 1 partition holding 2;</li>
 *   <li>{@code live}: a group with one member (the classic protocol), committed orders/0 at 2 and orders/1 at 3;</li>
 *   <li>{@code modern}: a group with one member of the KIP-848 consumer protocol, committed orders/2 at 0;</li>
 *   <li>{@code idle}: a group without members, committed orders/0 at 5 and audit/0 at 1;</li>
 *   <li>{@code billing-eu}: a group without members, committed orders/1 at 1.</li>
 * </ul>
 */
class KafkaMetricsTest {

  static TestKafka kafka;
  static KafkaConsumer<String, String> live;
  static KafkaConsumer<String, String> modern;
  static String defaults;

  @BeforeAll
  static void cluster() throws Exception {
    kafka = TestKafka.single();
    kafka.createTopic("orders", 3);
    kafka.createTopic("audit", 1);
    kafka.produce("orders", Map.of(0, 5, 1, 3));
    kafka.produce("audit", Map.of(0, 2));
    kafka.commit("idle", Map.of(new TopicPartition("orders", 0), 5L, new TopicPartition("audit", 0), 1L));
    kafka.commit("billing-eu", Map.of(new TopicPartition("orders", 1), 1L));
    live = kafka.member("live", "orders", "classic");
    live.commitSync(Map.of(new TopicPartition("orders", 0), new OffsetAndMetadata(2),
        new TopicPartition("orders", 1), new OffsetAndMetadata(3)));
    modern = kafka.member("modern", "audit", "consumer");
    modern.commitSync(Map.of(new TopicPartition("audit", 0), new OffsetAndMetadata(0)));
    defaults = defaultMetrics();
  }

  /** The module's default metrics file, as the jar holds it. */
  static String defaultMetrics() throws IOException {
    try (InputStream in = KafkaExporter.class.getResourceAsStream("/" + KafkaExporter.DEFAULT_METRICS)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (live != null) {
      live.close(Duration.ofSeconds(2));
    }
    if (modern != null) {
      modern.close(Duration.ofSeconds(2));
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  static RunningExporter<KafkaRequest> exporter(KafkaSettings settings, String yaml) throws Exception {
    KafkaTarget target = new KafkaTarget(List.of(kafka.bootstrap()), KafkaExporter.CLIENT_ID, settings);
    return new RunningExporter<>("kafka", target.open(), KafkaRequest.parser(), yaml, EngineSettings.DEFAULTS,
        Labels.EMPTY);
  }

  static Exposition scrape(KafkaSettings settings) throws Exception {
    try (RunningExporter<KafkaRequest> e = exporter(settings, defaults)) {
      return e.scrapeParsed();
    }
  }

  static double value(Exposition e, String name, String... labels) {
    return e.value(name, labels).orElseThrow(() -> new AssertionError("no " + name + " " + List.of(labels)
        + " in:\n" + e.samples()));
  }

  @Test
  void defaultsGiveKafkaExportersFamiliesWithExactValues() throws Exception {
    Exposition e = scrape(KafkaSettings.DEFAULTS);
    int broker = kafka.brokerIds().get(0);
    String b = String.valueOf(broker);
    assertThat(value(e, "kafka_up")).isEqualTo(1);
    assertThat(value(e, "kafka_brokers")).isEqualTo(1);
    assertThat(value(e, "kafka_broker_info", "id", b, "address", "localhost:" + kafka.port(broker))).isEqualTo(1);
    assertThat(value(e, "kafka_topic_partitions", "topic", "orders")).isEqualTo(3);
    assertThat(value(e, "kafka_topic_partitions", "topic", "audit")).isEqualTo(1);

    long[] ends = {5, 3, 0};
    for (int p = 0; p < 3; p++) {
      String[] tp = {"topic", "orders", "partition", String.valueOf(p)};
      assertThat(value(e, "kafka_topic_partition_current_offset", tp)).isEqualTo(ends[p]);
      assertThat(value(e, "kafka_topic_partition_oldest_offset", tp)).isZero();
      assertThat(value(e, "kafka_topic_partition_leader", tp)).isEqualTo(broker);
      assertThat(value(e, "kafka_topic_partition_replicas", tp)).isEqualTo(1);
      assertThat(value(e, "kafka_topic_partition_in_sync_replica", tp)).isEqualTo(1);
      assertThat(value(e, "kafka_topic_partition_leader_is_preferred", tp)).isEqualTo(1);
      assertThat(value(e, "kafka_topic_partition_under_replicated_partition", tp)).isZero();
    }

    // live: orders/0 at 2 of 5 and orders/1 at 3 of 3; orders/2 has no commit, so no series.
    assertThat(value(e, "kafka_consumergroup_current_offset", "consumergroup", "live", "topic", "orders",
        "partition", "0")).isEqualTo(2);
    assertThat(value(e, "kafka_consumergroup_lag", "consumergroup", "live", "topic", "orders", "partition", "0"))
        .isEqualTo(3);
    assertThat(value(e, "kafka_consumergroup_lag", "consumergroup", "live", "topic", "orders", "partition", "1"))
        .isZero();
    assertThat(e.value("kafka_consumergroup_lag", "consumergroup", "live", "topic", "orders", "partition", "2"))
        .isEmpty();
    assertThat(value(e, "kafka_consumergroup_current_offset_sum", "consumergroup", "live", "topic", "orders"))
        .isEqualTo(5);
    assertThat(value(e, "kafka_consumergroup_lag_sum", "consumergroup", "live", "topic", "orders")).isEqualTo(3);
    assertThat(value(e, "kafka_consumergroup_members", "consumergroup", "live")).isEqualTo(1);

    // modern (KIP-848 protocol): audit/0 at 0 of 2.
    assertThat(value(e, "kafka_consumergroup_lag", "consumergroup", "modern", "topic", "audit", "partition", "0"))
        .isEqualTo(2);
    assertThat(value(e, "kafka_consumergroup_members", "consumergroup", "modern")).isEqualTo(1);

    // idle, a group without members: its offsets and lag are still reported (--offset.show-all is on).
    assertThat(value(e, "kafka_consumergroup_members", "consumergroup", "idle")).isZero();
    assertThat(value(e, "kafka_consumergroup_lag", "consumergroup", "idle", "topic", "orders", "partition", "0"))
        .isZero();
    assertThat(value(e, "kafka_consumergroup_lag", "consumergroup", "idle", "topic", "audit", "partition", "0"))
        .isEqualTo(1);
    assertThat(value(e, "kafka_consumergroup_current_offset_sum", "consumergroup", "idle", "topic", "audit"))
        .isEqualTo(1);
    assertThat(value(e, "kafka_consumergroup_lag_sum", "consumergroup", "idle", "topic", "audit")).isEqualTo(1);

    assertThat(e.samples("kafka_exporter_scrape_errors_total")).allSatisfy(s -> assertThat(s.value()).isZero());
  }

  @Test
  void familiesHaveKafkaExportersTypesAndHelp() throws Exception {
    Exposition e = scrape(KafkaSettings.DEFAULTS);
    Map<String, String> help = Map.ofEntries(
        Map.entry("kafka_brokers", "Number of Brokers in the Kafka Cluster."),
        Map.entry("kafka_broker_info", "Information about the Kafka Broker."),
        Map.entry("kafka_topic_partitions", "Number of partitions for this Topic"),
        Map.entry("kafka_topic_partition_current_offset", "Current Offset of a Broker at Topic/Partition"),
        Map.entry("kafka_topic_partition_oldest_offset", "Oldest Offset of a Broker at Topic/Partition"),
        Map.entry("kafka_topic_partition_leader", "Leader Broker ID of this Topic/Partition"),
        Map.entry("kafka_topic_partition_replicas", "Number of Replicas for this Topic/Partition"),
        Map.entry("kafka_topic_partition_in_sync_replica", "Number of In-Sync Replicas for this Topic/Partition"),
        Map.entry("kafka_topic_partition_leader_is_preferred", "1 if Topic/Partition is using the Preferred Broker"),
        Map.entry("kafka_topic_partition_under_replicated_partition", "1 if Topic/Partition is under Replicated"),
        Map.entry("kafka_consumergroup_current_offset", "Current Offset of a ConsumerGroup at Topic/Partition"),
        Map.entry("kafka_consumergroup_current_offset_sum",
            "Current Offset of a ConsumerGroup at Topic for all partitions"),
        Map.entry("kafka_consumergroup_lag", "Current Approximate Lag of a ConsumerGroup at Topic/Partition"),
        Map.entry("kafka_consumergroup_lag_sum",
            "Current Approximate Lag of a ConsumerGroup at Topic for all partitions"),
        Map.entry("kafka_consumergroup_members", "Amount of members in a consumer group"));
    help.forEach((family, text) -> {
      assertThat(e.type(family)).as(family).contains("gauge");
      assertThat(e.help(family)).as(family).contains(text);
    });
    // Exactly kafka_exporter's label names, family by family.
    assertThat(e.samples("kafka_topic_partition_leader")).allSatisfy(s ->
        assertThat(s.labels().keySet()).containsExactlyInAnyOrder("topic", "partition"));
    assertThat(e.samples("kafka_consumergroup_lag_sum")).allSatisfy(s ->
        assertThat(s.labels().keySet()).containsExactlyInAnyOrder("consumergroup", "topic"));
    assertThat(e.samples("kafka_broker_info")).allSatisfy(s ->
        assertThat(s.labels().keySet()).containsExactlyInAnyOrder("id", "address"));
  }

  @Test
  void aScrapeCostsOneBatchedCallPerKindHoweverManyTopicsPartitionsAndGroups() throws Exception {
    // The layout is read at the first scrape and kept (--refresh.metadata); measured: the scrapes after it.
    Map<String, Long> perScrape = Map.of("DescribeCluster", 1L, "ListOffsets", 2L, "Metadata", 1L,
        "ListGroups", 1L, "FindCoordinator", 2L, "DescribeGroups", 1L, "ConsumerGroupDescribe", 1L,
        "OffsetFetch", 1L);
    try (RunningExporter<KafkaRequest> e = exporter(KafkaSettings.DEFAULTS, defaults)) {
      e.scrape();
      for (int i = 0; i < 2; i++) {
        Map<String, Long> before = BrokerRequests.count();
        e.scrape();
        // The brokers count a request when its answer is sent, a moment after the client has it.
        TestKafka.awaitCondition("the scrape's requests are counted", () -> counted(before, perScrape)
            >= perScrape.values().stream().mapToLong(Long::longValue).sum());
        Map<String, Long> made = BrokerRequests.since(before);
        made.keySet().retainAll(perScrape.keySet());
        assertThat(made).isEqualTo(perScrape);
      }
    }
  }

  private static long counted(Map<String, Long> before, Map<String, Long> apis) {
    return BrokerRequests.since(before).entrySet().stream().filter(x -> apis.containsKey(x.getKey()))
        .mapToLong(Map.Entry::getValue).sum();
  }

  @Test
  void theFlagsFiltersApplyToEveryRequest() throws Exception {
    KafkaSettings s = new KafkaSettings(NameFilter.of("^ord", null), NameFilter.of(".*", "^idle$"), true,
        Duration.ofSeconds(30));
    Exposition e = scrape(s);
    assertThat(e.value("kafka_topic_partitions", "topic", "orders")).contains(3.0);
    assertThat(e.samples()).noneSatisfy(x -> assertThat(x.labels()).containsValue("audit"));
    assertThat(e.samples()).noneSatisfy(x -> assertThat(x.labels()).containsEntry("consumergroup", "idle"));
    assertThat(e.value("kafka_consumergroup_lag_sum", "consumergroup", "live", "topic", "orders")).contains(3.0);
    // modern reads audit only, which the topic filter leaves out; the group itself is still there.
    assertThat(e.samples("kafka_consumergroup_lag")).noneSatisfy(x ->
        assertThat(x.labels()).containsEntry("consumergroup", "modern"));
    assertThat(e.value("kafka_consumergroup_members", "consumergroup", "modern")).contains(1.0);
  }

  @Test
  void withoutShowAllOnlyPartitionsAssignedToAMemberHaveOffsets() throws Exception {
    Exposition e = scrape(new KafkaSettings(NameFilter.ALL, NameFilter.ALL, false, Duration.ofSeconds(30)));
    assertThat(e.samples("kafka_consumergroup_current_offset")).noneSatisfy(x ->
        assertThat(x.labels()).containsEntry("consumergroup", "idle"));
    assertThat(e.value("kafka_consumergroup_members", "consumergroup", "idle")).contains(0.0);
    assertThat(e.value("kafka_consumergroup_lag", "consumergroup", "live", "topic", "orders", "partition", "0"))
        .contains(3.0);
    assertThat(e.value("kafka_consumergroup_lag", "consumergroup", "modern", "topic", "audit", "partition", "0"))
        .contains(2.0);
  }

  @Test
  void aTopicDeletedBetweenTwoScrapesLeavesWithoutAnError() throws Exception {
    kafka.createTopic("doomed", 2);
    kafka.produce("doomed", Map.of(0, 4));
    kafka.commit("doomed-readers", Map.of(new TopicPartition("doomed", 0), 1L));
    try (RunningExporter<KafkaRequest> e = exporter(KafkaSettings.DEFAULTS, defaults)) {
      Exposition before = e.scrapeParsed();
      assertThat(before.value("kafka_topic_partition_current_offset", "topic", "doomed", "partition", "0"))
          .contains(4.0);
      assertThat(before.value("kafka_consumergroup_lag", "consumergroup", "doomed-readers", "topic", "doomed",
          "partition", "0")).contains(3.0);

      kafka.deleteTopic("doomed");
      // The layout (kept 30 s) still lists the topic; the offsets lookup finds it gone and drops it at once.
      Exposition next = e.scrapeParsed();
      assertThat(next.samples()).noneSatisfy(x -> {
        assertThat(x.name()).startsWith("kafka_topic_partition_");
        assertThat(x.labels()).containsEntry("topic", "doomed");
      });
      assertThat(next.samples("kafka_consumergroup_lag")).noneSatisfy(x ->
          assertThat(x.labels()).containsEntry("topic", "doomed"));
      assertThat(next.samples("kafka_exporter_scrape_errors_total")).allSatisfy(x -> assertThat(x.value()).isZero());
      // It does not wait for the deleted topic's offsets until the 10 s limit either.
      assertThat(next.value("kafka_exporter_last_scrape_duration_seconds").orElseThrow()).isLessThan(3);
      assertThat(next.value("kafka_topic_partition_current_offset", "topic", "orders", "partition", "0"))
          .contains(5.0);
      // ...and the layout is read again at the next scrape: nothing of the topic is left.
      Exposition after = e.scrapeParsed();
      assertThat(after.samples()).noneSatisfy(x -> assertThat(x.labels()).containsEntry("topic", "doomed"));
    }
  }

  @Test
  void customRequestsReadConfigsLogDirsClusterFactsAndGroupStates() throws Exception {
    kafka.admin().incrementalAlterConfigs(Map.of(
        new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC,
            "audit"),
        List.of(new org.apache.kafka.clients.admin.AlterConfigOp(
            new org.apache.kafka.clients.admin.ConfigEntry("retention.ms", "3600000"),
            org.apache.kafka.clients.admin.AlterConfigOp.OpType.SET)))).all().get();
    String yaml = """
        metrics:
          - context: topic_config
            request: topic-configs keys=retention.ms,cleanup.policy
            labels: [topic, config]
            skipnonnumeric: true
            metricsdesc: {value: "Topic config value."}
          - context: log_dir
            request: log-dirs topic=^orders$
            labels: [topic, partition]
            metricsdesc: {size: "Bytes on disk."}
          - context: cluster
            request: cluster
            labels: [cluster_id]
            rows: [{set: {info: 1}}]
            metricsdesc: {info: "Cluster id."}
          - context: group
            request: groups group=^(live|idle)$
            labels: [consumergroup, state]
            metricsdesc: {members: "Members.", assigned_partitions: "Partitions assigned to members."}
        """;
    try (RunningExporter<KafkaRequest> e = exporter(KafkaSettings.DEFAULTS, yaml)) {
      Exposition x = e.scrapeParsed();
      assertThat(value(x, "kafka_topic_config_value", "topic", "audit", "config", "retention.ms"))
          .isEqualTo(3_600_000);
      assertThat(value(x, "kafka_topic_config_value", "topic", "orders", "config", "retention.ms"))
          .isEqualTo(604_800_000);
      // cleanup.policy is text ("delete"): left out by skipnonnumeric.
      assertThat(x.samples("kafka_topic_config_value")).noneSatisfy(s ->
          assertThat(s.labels()).containsEntry("config", "cleanup.policy"));
      // orders/0 holds 5 records, orders/2 none.
      assertThat(value(x, "kafka_log_dir_size", "topic", "orders", "partition", "0")).isPositive();
      assertThat(value(x, "kafka_log_dir_size", "topic", "orders", "partition", "2")).isZero();
      assertThat(x.samples("kafka_log_dir_size")).hasSize(3);
      assertThat(x.samples("kafka_cluster_info")).singleElement().satisfies(s ->
          assertThat(s.labels().get("cluster_id")).isNotBlank());
      assertThat(value(x, "kafka_group_members", "consumergroup", "live", "state", "Stable")).isEqualTo(1);
      assertThat(value(x, "kafka_group_assigned_partitions", "consumergroup", "live", "state", "Stable"))
          .isEqualTo(3);
      assertThat(value(x, "kafka_group_members", "consumergroup", "idle", "state", "Empty")).isZero();
    }
  }

  /** The command line as users run it: kafka_exporter's flags, its families, our few self-metrics. */
  @Test
  void theCommandLineWithKafkaLabelsPutsThemOnEverySeries() {
    dev.exportersuite.core.testing.CommandRun.Result r = dev.exportersuite.core.testing.CommandRun.run(
        new KafkaExporter(), "--once", "--kafka.server=" + kafka.bootstrap(), "--kafka.labels=cluster=c1",
        "--group.filter=^live$", "--topic.workers=10");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    Exposition e = Exposition.parse(r.stdout());
    assertThat(e.value("kafka_up", "cluster", "c1")).contains(1.0);
    assertThat(e.value("kafka_topic_partitions", "cluster", "c1", "topic", "orders")).contains(3.0);
    assertThat(e.value("kafka_consumergroup_lag_sum", "cluster", "c1", "consumergroup", "live", "topic", "orders"))
        .contains(3.0);
    assertThat(e.samples("kafka_consumergroup_members")).singleElement()
        .satisfies(x -> assertThat(x.labels()).containsEntry("consumergroup", "live"));
    assertThat(e.types().keySet()).filteredOn(f -> f.startsWith("kafka_exporter_")).containsExactlyInAnyOrder(
        "kafka_exporter_scrapes_total", "kafka_exporter_scrape_errors_total", "kafka_exporter_last_scrape_error",
        "kafka_exporter_last_scrape_duration_seconds", "kafka_exporter_collector_duration_seconds",
        "kafka_exporter_build_info");
    assertThat(r.stderr()).contains("--topic.workers has no effect here");
  }

  /** configs/kafka-exporter/metrics.yaml, the example a team starts from, on top of the defaults. */
  @Test
  void theShippedTeamMetricsFileWorks() throws Exception {
    String team = java.nio.file.Files.readString(java.nio.file.Path.of("../configs/kafka-exporter/metrics.yaml"));
    try (RunningExporter<KafkaRequest> e = exporter(KafkaSettings.DEFAULTS, team)) {
      Exposition x = e.scrapeParsed();
      assertThat(value(x, "kafka_team_consumer_lag", "team", "billing", "consumergroup", "billing-eu",
          "topic", "orders")).isEqualTo(2);
      assertThat(x.samples("kafka_team_consumer_lag")).hasSize(1);
      assertThat(value(x, "kafka_topic_retention_seconds", "topic", "orders")).isEqualTo(604_800);
      assertThat(value(x, "kafka_topic_log_size_bytes", "topic", "orders")).isPositive();
      assertThat(x.samples("kafka_topic_log_size_bytes")).noneSatisfy(s ->
          assertThat(s.labels().get("topic")).startsWith("__"));
    }
  }
}
