package dev.exportersuite.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.CommandRun;
import dev.exportersuite.core.testing.Exposition;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.test.JaasUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real broker whose listener takes only SASL logins (PLAIN and SCRAM-SHA-256/512), read with kafka_exporter's
 * --sasl.* flags. The SCRAM user's password is full of what a JAAS line treats specially.
 */
class SaslTest {

  static final String SCRAM_USER = "scram-alice";
  static final String SCRAM_PASSWORD = "p\"a\\ss; w0rd} x=\"y\" ;";
  static TestKafka kafka;

  @BeforeAll
  static void cluster() throws Exception {
    kafka = TestKafka.sasl(SCRAM_USER);
    for (ScramMechanism m : List.of(ScramMechanism.SCRAM_SHA_256, ScramMechanism.SCRAM_SHA_512)) {
      kafka.admin().alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(SCRAM_USER,
          new ScramCredentialInfo(m, 4096), SCRAM_PASSWORD))).all().get(30, TimeUnit.SECONDS);
    }
    kafka.createTopic("payments", 2);
    kafka.commit("billing-sasl", Map.of(new TopicPartition("payments", 0), 0L));
  }

  @AfterAll
  static void stop() throws Exception {
    if (kafka != null) {
      kafka.close();
    }
  }

  private static CommandRun.Result once(Map<String, String> env, String... flags) {
    List<String> args = new java.util.ArrayList<>(List.of("--once", "--kafka.server=" + kafka.bootstrap(),
        "--sasl.enabled"));
    args.addAll(List.of(flags));
    return CommandRun.run(new KafkaExporter(env), args.toArray(String[]::new));
  }

  @Test
  void plainLoginReadsTheCluster() {
    CommandRun.Result r = once(Map.of(), "--sasl.username=" + JaasUtils.KAFKA_PLAIN_ADMIN,
        "--sasl.password=" + JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD);
    Exposition x = Exposition.parse(r.stdout());
    assertThat(x.value("kafka_up")).as(r.stderr()).contains(1.0);
    assertThat(x.value("kafka_brokers")).contains(1.0);
    assertThat(x.value("kafka_topic_partitions", "topic", "payments")).contains(2.0);
    assertThat(x.value("kafka_consumergroup_current_offset", "consumergroup", "billing-sasl", "topic", "payments",
        "partition", "0")).contains(0.0);
  }

  @Test
  void scramLoginsWithAPasswordFullOfJaasSyntax() {
    for (String mechanism : List.of("scram-sha256", "SCRAM-SHA-512")) {
      CommandRun.Result r = once(Map.of("SASL_USER_PASSWORD", SCRAM_PASSWORD), "--sasl.username=" + SCRAM_USER,
          "--sasl.mechanism=" + mechanism);
      Exposition x = Exposition.parse(r.stdout());
      assertThat(x.value("kafka_up")).as(mechanism + ": " + r.stderr()).contains(1.0);
      assertThat(x.value("kafka_topic_partitions", "topic", "payments")).as(mechanism).contains(2.0);
      assertThat(r.stdout() + r.stderr()).doesNotContain(SCRAM_PASSWORD).doesNotContain("w0rd");
    }
  }

  @Test
  void aWrongPasswordIsDownWithAShortReasonAndNoPassword() {
    CommandRun.Result r = once(Map.of(), "--sasl.username=" + SCRAM_USER, "--sasl.mechanism=scram-sha512",
        "--sasl.password=wrong-w0rd-123");
    Exposition x = Exposition.parse(r.stdout());
    assertThat(x.value("kafka_up")).contains(0.0);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).containsIgnoringCase("authentication failed").doesNotContain("wrong-w0rd-123");
    assertThat(r.stdout()).doesNotContain("wrong-w0rd-123");
  }

  @Test
  void noLoginAtAllIsDown() {
    CommandRun.Result r = CommandRun.run(new KafkaExporter(Map.of()), "--once", "--kafka.server=" + kafka.bootstrap());
    assertThat(Exposition.parse(r.stdout()).value("kafka_up")).contains(0.0);
  }
}
