package dev.exportersuite.e2e;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * What the e2e run puts on its broker before kafka-exporter starts, so that every panel of the Kafka dashboard has
 * data and the figures the tests assert are known exactly (names carry this run's suffix):
 * <ul>
 *   <li>{@code e2e-orders-*}: 3 partitions holding 10, 20 and 30 records, {@code retention.ms} one hour;</li>
 *   <li>{@code billing-e2e-*}: a group without members that committed orders at 4, 5 and 6, so its lag is
 *       6 + 15 + 24 = 45; the team file's {@code group=^billing-} entry labels it {@code team="billing"};</li>
 *   <li>{@code e2e-clicks-*}: 1 partition that gets a record every 250 ms for the whole run, and the group
 *       {@code e2e-stream-*} commits its end each time, so that the per-second and per-minute panels move.</li>
 * </ul>
 */
final class KafkaWorkload implements AutoCloseable {

  static final int ORDERS_PARTITIONS = 3;
  static final long BILLING_LAG = 45;
  static final long ORDERS_RETENTION_MS = 3_600_000;

  private final KafkaBroker broker;
  private final String suffix = Long.toHexString(new SecureRandom().nextLong() & 0xffffffffL);
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "e2e-kafka-traffic");
    t.setDaemon(true);
    return t;
  });
  private final AtomicLong clicks = new AtomicLong();
  private final AtomicReference<String> lastError = new AtomicReference<>();
  private Producer<String, String> producer;

  private KafkaWorkload(KafkaBroker broker) {
    this.broker = broker;
  }

  static KafkaWorkload start(KafkaBroker broker) throws Exception {
    KafkaWorkload w = new KafkaWorkload(broker);
    try {
      w.create();
      return w;
    } catch (Exception e) {
      w.close();
      throw e;
    }
  }

  private void create() throws Exception {
    broker.createTopic(orders(), ORDERS_PARTITIONS, Map.of("retention.ms", String.valueOf(ORDERS_RETENTION_MS)));
    broker.produce(orders(), Map.of(0, 10, 1, 20, 2, 30));
    broker.commit(billingGroup(), Map.of(new TopicPartition(orders(), 0), 4L, new TopicPartition(orders(), 1), 5L,
        new TopicPartition(orders(), 2), 6L));
    broker.createTopic(clicks(), 1, Map.of());
    producer = broker.producer();
    tick();
    if (lastError.get() != null) {
      throw new IllegalStateException("the first record of " + clicks() + " failed: " + lastError.get());
    }
    ticker.scheduleWithFixedDelay(this::tick, 250, 250, TimeUnit.MILLISECONDS);
  }

  /** One record into clicks, and the stream group's offset moved to the end. */
  private void tick() {
    try {
      long offset = producer.send(new ProducerRecord<>(clicks(), 0, null, "c")).get(10, TimeUnit.SECONDS).offset();
      broker.commit(streamGroup(), Map.of(new TopicPartition(clicks(), 0), offset + 1));
      clicks.set(offset + 1);
      lastError.set(null);
    } catch (Exception e) {
      lastError.set(e.toString());
    }
  }

  String orders() {
    return "e2e-orders-" + suffix;
  }

  String billingGroup() {
    return "billing-e2e-" + suffix;
  }

  String clicks() {
    return "e2e-clicks-" + suffix;
  }

  String streamGroup() {
    return "e2e-stream-" + suffix;
  }

  /** Records produced into clicks so far, and the last failure of the traffic, for failure messages. */
  String state() {
    return clicks() + ": " + clicks.get() + " records" + (lastError.get() == null ? "" : ", last error "
        + lastError.get());
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    try {
      ticker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (producer != null) {
      producer.close(java.time.Duration.ofSeconds(2));
    }
  }
}
