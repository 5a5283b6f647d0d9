package dev.exportersuite.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real KRaft cluster in this JVM (Kafka's own test kit), on free loopback ports, with every replication setting
 * at 1 so that one broker is a complete cluster. One per test class: starting one takes seconds.
 */
final class TestKafka implements AutoCloseable {

  private final KafkaClusterTestKit cluster;
  private final Admin admin;
  private final String bootstrap;

  private TestKafka(KafkaClusterTestKit cluster, Admin admin, String bootstrap) {
    this.cluster = cluster;
    this.admin = admin;
    this.bootstrap = bootstrap;
  }

  /** One node that is controller and broker. */
  static TestKafka single() throws Exception {
    return start(new TestKitNodes.Builder().setCombined(true).setNumControllerNodes(1).setNumBrokerNodes(1).build());
  }

  /** One controller and {@code brokers} brokers, so that a broker can stop while the cluster stays. */
  static TestKafka brokers(int brokers) throws Exception {
    return start(new TestKitNodes.Builder().setCombined(false).setNumControllerNodes(1).setNumBrokerNodes(brokers)
        .build());
  }

  /**
   * One node whose clients must log in with SASL over plaintext: PLAIN (the kit's users plain-admin and
   * plain-user1) and SCRAM-SHA-256/512 for users created with {@link Admin#alterUserScramCredentials}. Only the
   * given super users may read anything (the kit's authorizer denies what no ACL allows).
   */
  static TestKafka sasl(String... superUsers) throws Exception {
    // ANONYMOUS: the controller listener is plaintext, and the broker registers through it
    StringBuilder supers = new StringBuilder("User:ANONYMOUS;User:" + org.apache.kafka.common.test.JaasUtils.KAFKA_PLAIN_ADMIN);
    for (String u : superUsers) {
      supers.append(";User:").append(u);
    }
    return start(new TestKitNodes.Builder().setCombined(true).setNumControllerNodes(1).setNumBrokerNodes(1)
        .setBrokerSecurityProtocol(org.apache.kafka.common.security.auth.SecurityProtocol.SASL_PLAINTEXT).build(),
        Map.of("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-256,SCRAM-SHA-512", "super.users", supers.toString()),
        true);
  }

  /**
   * One node reached through {@code front}'s TLS port: the broker advertises that port, so every client
   * connection goes through the TLS stand-in; this class's own admin talks to it with {@code setupClient}.
   */
  static TestKafka behindTls(TlsFront front, Map<String, Object> setupClient) throws Exception {
    String address = "localhost:" + front.port();
    KafkaClusterTestKit cluster = cluster(new TestKitNodes.Builder().setCombined(true).setNumControllerNodes(1)
        .setNumBrokerNodes(1).build(), Map.of("advertised.listeners", "EXTERNAL://" + address), front);
    Map<String, Object> client = new HashMap<>(setupClient);
    client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address);
    return new TestKafka(cluster, Admin.create(client), address);
  }

  private static TestKafka start(TestKitNodes nodes) throws Exception {
    return start(nodes, Map.of(), false);
  }

  private static TestKafka start(TestKitNodes nodes, Map<String, String> extra, boolean sasl) throws Exception {
    KafkaClusterTestKit cluster = cluster(nodes, extra, null);
    // with SASL, the kit's own admin logs in as its super user, plain-admin
    Admin admin = sasl ? cluster.admin(Map.of())
        : Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    return new TestKafka(cluster, admin, cluster.bootstrapServers());
  }

  /** A started cluster; {@code front}, when given, learns the broker's port before the broker is waited for. */
  private static KafkaClusterTestKit cluster(TestKitNodes nodes, Map<String, String> extra, TlsFront front)
      throws Exception {
    KafkaClusterTestKit.Builder b = new KafkaClusterTestKit.Builder(nodes);
    Map<String, Object> props = Map.of(
        "offsets.topic.replication.factor", "1",
        "offsets.topic.num.partitions", "1",
        "transaction.state.log.replication.factor", "1",
        "transaction.state.log.min.isr", "1",
        "share.coordinator.state.topic.replication.factor", "1",
        "share.coordinator.state.topic.min.isr", "1",
        // A stopped broker's registration expires in 1.5 s instead of 9 s, so that it can start again at once.
        "broker.heartbeat.interval.ms", "200",
        "broker.session.timeout.ms", "1500",
        // A consumer joins at once instead of after the default 3 s.
        "group.initial.rebalance.delay.ms", "0");
    props.forEach(b::setConfigProp);
    extra.forEach(b::setConfigProp);
    KafkaClusterTestKit cluster = b.build();
    try {
      cluster.format();
      cluster.startup();
      if (front != null) {
        int id = cluster.brokers().keySet().iterator().next();
        front.target(cluster.brokers().get(id).socketServer().boundPort(cluster.nodes().brokerListenerName()));
      }
      cluster.waitForReadyBrokers();
    } catch (Exception e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  String bootstrap() {
    return bootstrap;
  }

  /** The brokers' ids, lowest first. */
  List<Integer> brokerIds() {
    return cluster.brokers().keySet().stream().sorted().toList();
  }

  int port(int brokerId) {
    return cluster.brokers().get(brokerId).socketServer().boundPort(cluster.nodes().brokerListenerName());
  }

  Admin admin() {
    return admin;
  }

  void createTopic(String name, int partitions) throws Exception {
    admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
    awaitCondition("topic " + name + " has leaders", () -> leadersKnown(name, partitions));
  }

  /** A topic with its partitions placed on the given brokers, one replica each. */
  void createTopicOn(String name, List<Integer> brokers) throws Exception {
    Map<Integer, List<Integer>> assignment = new HashMap<>();
    for (int p = 0; p < brokers.size(); p++) {
      assignment.put(p, List.of(brokers.get(p)));
    }
    admin.createTopics(List.of(new NewTopic(name, assignment))).all().get(30, TimeUnit.SECONDS);
    awaitCondition("topic " + name + " has leaders", () -> leadersKnown(name, brokers.size()));
  }

  private boolean leadersKnown(String topic, int partitions) {
    try {
      var d = admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS).get(topic);
      return d.partitions().size() == partitions && d.partitions().stream().allMatch(p -> p.leader() != null);
    } catch (Exception e) {
      return false;
    }
  }

  void deleteTopic(String name) throws Exception {
    admin.deleteTopics(List.of(name)).all().get(30, TimeUnit.SECONDS);
    awaitCondition("topic " + name + " is gone", () -> {
      try {
        return !admin.listTopics().names().get(5, TimeUnit.SECONDS).contains(name);
      } catch (Exception e) {
        return false;
      }
    });
  }

  /** {@code count} records into each given partition. */
  void produce(String topic, Map<Integer, Integer> countPerPartition) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      countPerPartition.forEach((partition, count) -> {
        for (int i = 0; i < count; i++) {
          producer.send(new ProducerRecord<>(topic, partition, null, "m" + i));
        }
      });
      producer.flush();
    }
  }

  /** Commits offsets for a group without members: the group is created empty, as offset tools leave it. */
  void commit(String group, Map<TopicPartition, Long> offsets) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> m = new HashMap<>();
    offsets.forEach((tp, o) -> m.put(tp, new OffsetAndMetadata(o)));
    admin.alterConsumerGroupOffsets(group, m).all().get(30, TimeUnit.SECONDS);
  }

  /** A consumer of {@code topic} in {@code group}, polled until the group has assigned it its partitions. */
  KafkaConsumer<String, String> member(String group, String topic, String protocol) throws Exception {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    p.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
    consumer.subscribe(List.of(topic));
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (consumer.assignment().isEmpty()) {
      if (System.nanoTime() > until) {
        consumer.close();
        throw new IllegalStateException("group " + group + " assigned nothing within 30s");
      }
      consumer.poll(Duration.ofMillis(100));
    }
    return consumer;
  }

  void stopBroker(int id) {
    cluster.brokers().get(id).shutdown();
  }

  void startBroker(int id) {
    cluster.brokers().get(id).startup();
  }

  Set<Integer> liveBrokers() throws Exception {
    Set<Integer> ids = new java.util.TreeSet<>();
    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).forEach(n -> ids.add(n.id()));
    return ids;
  }

  /** Polls until {@code condition} holds, for at most 30 s. */
  static void awaitCondition(String what, BooleanSupplier condition) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new IllegalStateException("not within 30s: " + what);
      }
      Thread.sleep(50);
    }
  }

  @Override
  public void close() throws Exception {
    admin.close(Duration.ofSeconds(5));
    cluster.close();
  }
}
