package dev.exportersuite.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.collect.EngineSettings;
import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.RunningExporter;
import io.prometheus.metrics.model.snapshots.Labels;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Brokers stopped and started under a running exporter: a controller and two brokers, and a topic with one
 * partition on each ({@code spread/0} on the first, {@code spread/1} on the second, one replica each).
 */
class BrokerDownTest {

  /** Short limits, so that the test waits seconds, not the defaults' 10 s. */
  static final EngineSettings SETTINGS = new EngineSettings(Duration.ofSeconds(3), 4, Duration.ofSeconds(1));

  static TestKafka kafka;
  static int first;
  static int second;

  @BeforeAll
  static void cluster() throws Exception {
    kafka = TestKafka.brokers(2);
    first = kafka.brokerIds().get(0);
    second = kafka.brokerIds().get(1);
    kafka.createTopicOn("spread", List.of(first, second));
    kafka.produce("spread", Map.of(0, 2, 1, 3));
  }

  @AfterAll
  static void stop() throws Exception {
    if (kafka != null) {
      kafka.close();
    }
  }

  static RunningExporter<KafkaRequest> exporter() throws Exception {
    KafkaTarget target = new KafkaTarget(List.of(kafka.bootstrap()), KafkaExporter.CLIENT_ID, KafkaSettings.DEFAULTS);
    return new RunningExporter<>("kafka", target.open(), KafkaRequest.parser(), KafkaMetricsTest.defaultMetrics(),
        SETTINGS, Labels.EMPTY);
  }

  static Double offset(Exposition e, int partition) {
    return e.value("kafka_topic_partition_current_offset", "topic", "spread", "partition", String.valueOf(partition))
        .orElse(null);
  }

  @Test
  void aStoppedBrokerCostsOneShortWaitAndTheScrapeAnswersWithTheRest() throws Exception {
    try (RunningExporter<KafkaRequest> e = exporter()) {
      Exposition before = e.scrapeParsed();
      assertThat(offset(before, 0)).isEqualTo(2);
      assertThat(offset(before, 1)).isEqualTo(3);

      kafka.stopBroker(second);
      try {
        TestKafka.awaitCondition("the cluster lists one broker", () -> live().equals(List.of(first)));
        long t0 = System.nanoTime();
        Exposition down = e.scrapeParsed();
        long took = System.nanoTime() - t0;
        assertThat(down.value("kafka_up")).contains(1.0);
        assertThat(offset(down, 0)).isEqualTo(2);
        // spread/1 has no leader now: its offsets cannot come, and the scrape does not wait for them until the
        // 3 s limit; it asks the cluster once, a moment after the other offsets arrived.
        assertThat(offset(down, 1)).isNull();
        assertThat(took).isLessThan(TimeUnit.SECONDS.toNanos(2));
        assertThat(down.value("kafka_brokers")).contains(1.0);
      } finally {
        kafka.startBroker(second);
      }
      TestKafka.awaitCondition("spread/1 is back", () -> {
        try {
          return offset(e.scrapeParsed(), 1) != null;
        } catch (Exception x) {
          return false;
        }
      });
      Exposition back = e.scrapeParsed();
      assertThat(offset(back, 1)).isEqualTo(3);
      assertThat(back.value("kafka_brokers")).contains(2.0);
    }
  }

  @Test
  void kafkaUpIsZeroWithinSecondsOfTheClusterGoingAwayAndOneWhenItIsBack() throws Exception {
    try (RunningExporter<KafkaRequest> e = exporter()) {
      assertThat(e.scrapeParsed().value("kafka_up")).contains(1.0);
      kafka.stopBroker(first);
      kafka.stopBroker(second);
      long stopped = System.nanoTime();
      try {
        Exposition down = awaitUp(e, 0);
        // The liveness check gives up at its 1 s limit; the scrapes still answer, with kafka_up 0.
        assertThat(System.nanoTime() - stopped).isLessThan(TimeUnit.SECONDS.toNanos(5));
        assertThat(down.samples("kafka_topic_partition_current_offset")).isEmpty();
      } finally {
        kafka.startBroker(first);
        kafka.startBroker(second);
      }
      // Nothing is restarted on the exporter's side: its client finds the brokers again by itself.
      Exposition up = awaitUp(e, 1);
      TestKafka.awaitCondition("offsets are read again", () -> {
        try {
          Exposition x = e.scrapeParsed();
          return offset(x, 0) != null && offset(x, 1) != null;
        } catch (Exception ex) {
          return false;
        }
      });
      assertThat(up.value("kafka_up")).contains(1.0);
    }
  }

  private static List<Integer> live() {
    try {
      return List.copyOf(kafka.liveBrokers());
    } catch (Exception e) {
      return List.of();
    }
  }

  /** Scrapes until kafka_up has this value, for at most 30 s. */
  private static Exposition awaitUp(RunningExporter<KafkaRequest> e, double want) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      Exposition x = e.scrapeParsed();
      if (x.value("kafka_up").orElse(-1.0) == want) {
        return x;
      }
      if (System.nanoTime() > until) {
        throw new AssertionError("kafka_up was not " + want + " within 30s: " + x.value("kafka_up"));
      }
      Thread.sleep(50);
    }
  }
}
