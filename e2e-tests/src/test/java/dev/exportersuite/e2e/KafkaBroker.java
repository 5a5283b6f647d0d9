package dev.exportersuite.e2e;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real one-node KRaft cluster (controller and broker in one node) in the test JVM, from Kafka's own test kit, on a
 * free loopback port: the broker that kafka-exporter's compose command is pointed at in the e2e run. No Kafka server
 * runs on the build machine, and the demo image of the compose file cannot be pulled here.
 */
final class KafkaBroker implements AutoCloseable {

  /**
   * The settings that make one node a complete cluster: every internal topic with one replica. The demo broker of
   * configs/docker-compose.yml sets the same ones (as KAFKA_* variables, see {@link #imageVariable}); ShippedConfigTest
   * holds the two together.
   */
  static final Map<String, String> ONE_NODE_SETTINGS = orderedMap(
      "offsets.topic.replication.factor", "1",
      "transaction.state.log.replication.factor", "1",
      "transaction.state.log.min.isr", "1",
      "share.coordinator.state.topic.replication.factor", "1",
      "share.coordinator.state.topic.min.isr", "1",
      // members join at once instead of after 3 s
      "group.initial.rebalance.delay.ms", "0");

  private final KafkaClusterTestKit cluster;
  private final Admin admin;

  private KafkaBroker(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
  }

  static KafkaBroker start() throws Exception {
    KafkaClusterTestKit.Builder b = new KafkaClusterTestKit.Builder(
        new TestKitNodes.Builder().setCombined(true).setNumControllerNodes(1).setNumBrokerNodes(1).build());
    ONE_NODE_SETTINGS.forEach(b::setConfigProp);
    // one partition instead of 50 for the group offsets: the cluster is ready sooner; nothing here needs more
    b.setConfigProp("offsets.topic.num.partitions", "1");
    KafkaClusterTestKit cluster = b.build();
    try {
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
    } catch (Exception e) {
      cluster.close();
      throw e;
    }
    return new KafkaBroker(cluster);
  }

  /**
   * The variable of the apache/kafka image that sets a broker property: KAFKA_ and the name in capitals with '_'
   * for '.', as the image's start script reads them back.
   */
  static String imageVariable(String property) {
    return "KAFKA_" + property.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  /** host:port of the broker's listener, as the exporter's --kafka.server takes it. */
  String bootstrap() {
    return cluster.bootstrapServers();
  }

  String host() {
    String b = bootstrap();
    return b.substring(0, b.lastIndexOf(':'));
  }

  String port() {
    String b = bootstrap();
    return b.substring(b.lastIndexOf(':') + 1);
  }

  void createTopic(String name, int partitions, Map<String, String> configs) throws Exception {
    admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs)))
        .all().get(30, TimeUnit.SECONDS);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!leadersKnown(name, partitions)) {
      if (System.nanoTime() > until) {
        throw new IllegalStateException("topic " + name + " has no leaders within 30s");
      }
      Thread.sleep(50);
    }
  }

  private boolean leadersKnown(String topic, int partitions) {
    try {
      var d = admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS).get(topic);
      return d.partitions().size() == partitions && d.partitions().stream().allMatch(p -> p.leader() != null);
    } catch (Exception e) {
      return false;
    }
  }

  /** A producer of this broker; the caller closes it. */
  Producer<String, String> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return new KafkaProducer<>(p);
  }

  /** {@code count} records into each given partition, acknowledged before this returns. */
  void produce(String topic, Map<Integer, Integer> countPerPartition) {
    try (Producer<String, String> producer = producer()) {
      countPerPartition.forEach((partition, count) -> {
        for (int i = 0; i < count; i++) {
          producer.send(new ProducerRecord<>(topic, partition, null, "m" + i));
        }
      });
      producer.flush();
    }
  }

  /** Commits offsets for a group without members, as offset tools and stopped consumers leave one. */
  void commit(String group, Map<TopicPartition, Long> offsets) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> m = new HashMap<>();
    offsets.forEach((tp, o) -> m.put(tp, new OffsetAndMetadata(o)));
    admin.alterConsumerGroupOffsets(group, m).all().get(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    try {
      admin.close(Duration.ofSeconds(5));
    } finally {
      cluster.close();
    }
  }

  private static Map<String, String> orderedMap(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
