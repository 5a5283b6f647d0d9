package dev.exportersuite.kafka;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * A single-node KRaft broker for scripts/first-run.sh (a STAND-IN for the team's Kafka, on this machine, without
 * Docker): a topic with messages and the billing team's consumer group behind by a few, so that the default
 * metrics and configs/kafka-exporter/metrics.yaml have something to show. Prints {@code bootstrap=host:port}, then
 * runs until it is stopped; stopping it deletes the broker's data.
 */
public final class DemoKafka {

  private DemoKafka() {}

  public static void main(String[] args) throws Exception {
    TestKafka kafka = TestKafka.single();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        kafka.close();
      } catch (Exception e) {
        System.err.println("demo kafka: " + e.getMessage());
      }
    }));
    kafka.createTopic("orders", 3);
    kafka.produce("orders", Map.of(0, 40, 1, 25, 2, 10));
    kafka.commit("billing-invoices", Map.of(new TopicPartition("orders", 0), 30L,
        new TopicPartition("orders", 1), 25L, new TopicPartition("orders", 2), 4L));
    System.out.println("bootstrap=" + kafka.bootstrap());
    System.out.flush();
    Thread.currentThread().join();
  }
}
