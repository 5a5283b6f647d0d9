package dev.exportersuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * kafka-exporter of the compose stack (see {@link LiveStack}), read through the real Prometheus: the series show
 * exactly what {@link KafkaWorkload} made on the in-process broker, and the team file's entries have data.
 */
@ExtendWith(LiveStack.Extension.class)
class KafkaLiveTest {

  @Test
  void theClusterIsOneBroker(LiveStack stack) throws Exception {
    assertThat(value(stack, "kafka_brokers{job=\"kafka\"}")).isEqualTo(1);
    assertThat(value(stack, "count(kafka_broker_info{job=\"kafka\"})")).isEqualTo(1);
  }

  @Test
  void offsetsAndLagAreTheOnesTheTestMade(LiveStack stack) throws Exception {
    KafkaWorkload k = stack.kafka();
    String orders = "topic=\"" + k.orders() + "\"";
    String billing = "consumergroup=\"" + k.billingGroup() + "\"";
    assertThat(value(stack, "kafka_topic_partitions{" + orders + "}")).isEqualTo(KafkaWorkload.ORDERS_PARTITIONS);
    assertThat(byPartition(stack, "kafka_topic_partition_current_offset{" + orders + "}"))
        .containsExactly(10.0, 20.0, 30.0);
    assertThat(byPartition(stack, "kafka_topic_partition_oldest_offset{" + orders + "}"))
        .containsExactly(0.0, 0.0, 0.0);
    assertThat(byPartition(stack, "kafka_consumergroup_current_offset{" + billing + ", " + orders + "}"))
        .containsExactly(4.0, 5.0, 6.0);
    assertThat(byPartition(stack, "kafka_consumergroup_lag{" + billing + ", " + orders + "}"))
        .containsExactly(6.0, 15.0, 24.0);
    assertThat(value(stack, "kafka_consumergroup_lag_sum{" + billing + ", " + orders + "}"))
        .isEqualTo(KafkaWorkload.BILLING_LAG);
    assertThat(value(stack, "kafka_consumergroup_current_offset_sum{" + billing + ", " + orders + "}"))
        .isEqualTo(15);
    assertThat(value(stack, "kafka_consumergroup_members{" + billing + "}")).isZero();
  }

  @Test
  void messagesInAndConsumedPerSecondMoveWithTheTraffic(LiveStack stack) throws Exception {
    KafkaWorkload k = stack.kafka();
    assertThat(value(stack, "sum(rate(kafka_topic_partition_current_offset{topic=\"" + k.clicks() + "\"}[1m]))"))
        .as(k.state()).isPositive();
    assertThat(value(stack, "sum(rate(kafka_consumergroup_current_offset{consumergroup=\"" + k.streamGroup()
        + "\"}[1m]))")).as(k.state()).isPositive();
  }

  /** configs/kafka-exporter/metrics.yaml: the billing team's lag, topic retention, bytes on disk. */
  @Test
  void theTeamFileGivesTheBillingLagRetentionAndSize(LiveStack stack) throws Exception {
    KafkaWorkload k = stack.kafka();
    String orders = "topic=\"" + k.orders() + "\"";
    assertThat(value(stack, "kafka_team_consumer_lag{team=\"billing\", consumergroup=\"" + k.billingGroup() + "\", "
        + orders + "}")).isEqualTo(KafkaWorkload.BILLING_LAG);
    // group=^billing- keeps the other groups out
    assertThat(query(stack, "kafka_team_consumer_lag{consumergroup=\"" + k.streamGroup() + "\"}")).isEmpty();
    assertThat(value(stack, "kafka_topic_retention_seconds{" + orders + "}"))
        .isEqualTo(KafkaWorkload.ORDERS_RETENTION_MS / 1000.0);
    assertThat(value(stack, "kafka_topic_log_size_bytes{" + orders + "}")).isPositive();
  }

  /** Every entry of the team file has series: all are ignorezeroresult, so a request finding nothing is no error. */
  @Test
  void everyEntryOfTheTeamFileHasSeries(LiveStack stack) throws Exception {
    Repo.Module m = Repo.module("kafka-exporter");
    for (Object o : Repo.list(Repo.readMap(m.configDir().resolve("metrics.yaml")).get("metrics"))) {
      Map<String, Object> entry = Repo.map(o);
      for (Object column : Repo.map(entry.get("metricsdesc")).keySet()) {
        String family = (m.namespace() + "_" + entry.get("context") + "_" + column).toLowerCase();
        assertThat(query(stack, family + "{job=\"kafka\"}")).as("%s from %s/metrics.yaml", family, m.configDir())
            .isNotEmpty();
      }
    }
  }

  private static List<Object> query(LiveStack stack, String promql) throws Exception {
    PromApi.Answer a = stack.prometheus().query(promql);
    assertThat(a.ok()).as("%s: %s", promql, a.body()).isTrue();
    return a.result();
  }

  /** The value of the one series the query returns. */
  private static double value(LiveStack stack, String promql) throws Exception {
    List<Object> result = query(stack, promql);
    assertThat(result).as("%s: one series%s", promql, stack.report()).hasSize(1);
    return LiveStack.sampleValue(result.get(0));
  }

  /** The values of the series the query returns, in partition order (0, 1, 2, ...). */
  private static List<Double> byPartition(LiveStack stack, String promql) throws Exception {
    List<Object> result = query(stack, promql);
    assertThat(result).as("%s%s", promql, stack.report()).isNotEmpty();
    List<Double> out = new ArrayList<>();
    for (int partition = 0; partition < result.size(); partition++) {
      String p = String.valueOf(partition);
      Object sample = result.stream()
          .filter(r -> p.equals(Repo.map(Repo.map(r).get("metric")).get("partition"))).findFirst()
          .orElseThrow(() -> new AssertionError(promql + ": no series of partition " + p + " in " + result));
      out.add(LiveStack.sampleValue(sample));
    }
    return out;
  }
}
