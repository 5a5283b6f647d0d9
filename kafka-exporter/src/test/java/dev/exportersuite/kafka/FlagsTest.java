package dev.exportersuite.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.CommandRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** kafka_exporter's command line, checked with --check-config: nothing is opened, no broker is needed. */
class FlagsTest {

  private static CommandRun.Result check(String... flags) {
    List<String> args = new ArrayList<>(List.of("--check-config"));
    args.addAll(List.of(flags));
    return CommandRun.run(new KafkaExporter(), args.toArray(String[]::new));
  }

  @Test
  void theDefaultsAreKafkaExportersServerAndFamilies() {
    CommandRun.Result r = check();
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("(namespace kafka)", "connection: kafka kafka:9092 (metadata kept 30s, offsets of "
        + "every group) (not opened)", "gauge kafka_brokers", "gauge kafka_broker_info [id, address]",
        "gauge kafka_topic_partitions [topic]", "gauge kafka_topic_partition_in_sync_replica [topic, partition]",
        "gauge kafka_topic_partition_under_replicated_partition [topic, partition]",
        "gauge kafka_consumergroup_lag [consumergroup, topic, partition]",
        "gauge kafka_consumergroup_lag_sum [consumergroup, topic]",
        "gauge kafka_consumergroup_members [consumergroup]");
  }

  @Test
  void theShippedTeamMetricsFileLoadsWithTheDefaults() {
    CommandRun.Result r = check("--custom.metrics=../configs/kafka-exporter/metrics.yaml");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("gauge kafka_team_consumer_lag [team, consumergroup, topic]",
        "gauge kafka_topic_retention_seconds [topic]", "gauge kafka_topic_log_size_bytes [topic]");
  }

  @Test
  void serversRepeatOrComeCommaSeparatedAndTakePort9092WhenLeftOut() {
    CommandRun.Result r = check("--kafka.server=a:9093", "--kafka.server", "b,c:9094,a:9093",
        "--refresh.metadata=1m30s", "--no-offset.show-all");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("connection: kafka a:9093,b:9092,c:9094 (metadata kept 90s, offsets of assigned "
        + "partitions only) (not opened)");
    assertThat(check("--offset.show-all=false").stdout()).contains("offsets of assigned partitions only");
  }

  @Test
  void kafkaLabelsAreStaticLabels() {
    CommandRun.Result r = check("--kafka.labels=cluster=prod,dc=eu-1");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("static labels: {cluster=prod, dc=eu-1}");
  }

  @Test
  void mistakesInFlagsAreReportedTogetherWithTheFlagAtFault() {
    CommandRun.Result r = check("--kafka.labels=cluster", "--topic.filter=(", "--group.exclude=[",
        "--refresh.metadata=soon", "--kafka.server=a:99999");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains(
        "--kafka.labels: 'cluster' is not name=value; write e.g. cluster=prod,dc=eu",
        "--topic.filter: not a valid regular expression: Unclosed group",
        "--group.exclude: not a valid regular expression: Unclosed character class",
        "--refresh.metadata: 'soon' is not a duration",
        "--kafka.server: 'a:99999' is not host:port");
    assertThat(check("--kafka.labels=topic=x").stderr()).contains("'topic' is a label of kafka_exporter's metrics");
    assertThat(check("--kafka.labels=2x=y").stderr()).contains("'2x' is not a valid label name");
  }

  @Test
  void tlsFlagsWithoutTlsEnabledSaySoAndNegationsWork() {
    CommandRun.Result r = check("--tls.ca-file=/ca.pem");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stderr()).contains("--tls.ca-file has no effect here: without --tls.enabled the brokers are reached "
        + "in plain text");
    assertThat(check("--no-tls.enabled").exitCode()).isZero();
    assertThat(check("--no-sasl.enabled", "--no-server.tls.enabled").exitCode()).isZero();
  }

  /** The SASL login --check-config shows, and every way it can be asked for wrongly, reported at once. */
  @Test
  void saslFlagsResolveToALoginOrToClearErrors(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path pw = java.nio.file.Files.writeString(dir.resolve("pw"), "s3cret-pw\n");
    CommandRun.Result file = check("--sasl.enabled", "--sasl.username=alice", "--sasl.mechanism=scram-sha512",
        "--sasl.password-file=" + pw);
    assertThat(file.exitCode()).as(file.stderr()).isZero();
    assertThat(file.stdout()).contains("over SASL_PLAINTEXT SCRAM-SHA-512 as alice (password from " + pw + ")")
        .doesNotContain("s3cret-pw");
    CommandRun.Result env = CommandRun.run(new KafkaExporter(java.util.Map.of("SASL_USER_PASSWORD", "s3cret-pw")),
        "--check-config", "--sasl.enabled", "--sasl.username=alice");
    assertThat(env.stdout()).contains("SASL_PLAINTEXT PLAIN as alice (password from SASL_USER_PASSWORD)");
    CommandRun.Result envFile = CommandRun.run(new KafkaExporter(java.util.Map.of("SASL_USER_PASSWORD_FILE",
        pw.toString())), "--check-config", "--sasl.enabled", "--sasl.username=alice");
    assertThat(envFile.stdout()).contains("PLAIN as alice (password from SASL_USER_PASSWORD_FILE)")
        .doesNotContain("s3cret-pw");
    CommandRun.Result envBoth = CommandRun.run(new KafkaExporter(java.util.Map.of("SASL_USER_PASSWORD_FILE",
        pw.toString(), "SASL_USER_PASSWORD", "s3cret-pw")), "--check-config", "--sasl.enabled",
        "--sasl.username=alice");
    assertThat(envBoth.exitCode()).isEqualTo(1);
    assertThat(envBoth.stderr()).contains("both SASL_USER_PASSWORD and SASL_USER_PASSWORD_FILE are set")
        .doesNotContain("s3cret-pw");
    CommandRun.Result none = check("--sasl.enabled", "--sasl.mechanism=gssapi");
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.stderr()).contains("--sasl.mechanism: GSSAPI (Kerberos) is not supported");
    assertThat(check("--sasl.enabled", "--sasl.password=x").stderr())
        .contains("--sasl.username: --sasl.enabled needs a user name");
    CommandRun.Result nopw = CommandRun.run(new KafkaExporter(java.util.Map.of()), "--check-config",
        "--sasl.enabled", "--sasl.username=alice", "--sasl.mechanism=SCRAM-SHA-256");
    assertThat(nopw.stderr()).contains("--sasl.enabled needs a password: --sasl.password-file, "
        + "SASL_USER_PASSWORD(_FILE) or --sasl.password");
    assertThat(check("--sasl.enabled", "--sasl.username=alice", "--sasl.mechanism=oauthbearer",
        "--sasl.password=s3cret-pw").stderr()).contains("OAUTHBEARER is not supported").doesNotContain("s3cret-pw");
  }

  /** Consumer lag in seconds costs a Fetch per broker: shipped off, switched on by --lag.seconds. */
  @Test
  void lagSecondsIsOffUnlessAskedFor() {
    CommandRun.Result off = check();
    assertThat(off.stdout()).containsPattern("consumergroup_lag_seconds +off ");
    CommandRun.Result on = check("--lag.seconds", "--lag.seconds.max-partitions=5000");
    assertThat(on.exitCode()).as(on.stderr()).isZero();
    assertThat(on.stdout()).containsPattern("consumergroup_lag_seconds +enabled ")
        .contains("gauge kafka_consumergroup_lag_seconds [consumergroup, topic, partition]");
    assertThat(check("--lag.seconds=true", "--no-lag.seconds").stdout())
        .containsPattern("consumergroup_lag_seconds +off ");

    CommandRun.Result bad = check("--lag.seconds", "--no-default.metrics", "--lag.seconds.max-partitions=0");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.stderr()).contains("--lag.seconds.max-partitions: must be at least 1, got 0");
    CommandRun.Result none = check("--lag.seconds", "--no-default.metrics");
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.stderr()).contains("--lag.seconds: no metrics entry of collector consumergroup_lag_seconds is "
        + "loaded: it is one of the default metrics, which --no-default.metrics leaves out");
  }

  @Test
  void anUnknownFlagIsRefused() {
    CommandRun.Result r = check("--no-such.flag", "--topic.filtr=x");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("--no-such.flag: unknown option")
        .contains("--topic.filtr: unknown option (did you mean '--topic.filter'?); see --help");
  }

  /** Every flag of kafka_exporter's main() starts this exporter too; those without effect here say so, and why. */
  @Test
  void everyFlagOfKafkaExporterIsAcceptedAndThoseWithoutEffectSaySo() {
    List<String> peer = List.of("--kafka.server=k:9092", "--kafka.labels=cluster=c1", "--topic.filter=.*",
        "--topic.exclude=^$", "--group.filter=.*", "--group.exclude=^$", "--offset.show-all=true",
        "--refresh.metadata=30s", "--web.listen-address=:9308", "--web.telemetry-path=/metrics",
        "--log.level=info", "--log.format=logfmt", "--log.enable-sarama", "--sasl.enabled=false",
        "--sasl.handshake=true", "--sasl.username=u", "--sasl.password=s3cret-pw", "--sasl.aws-region=eu-west-1",
        "--sasl.oauthbearer-token-url=https://idp/token", "--sasl.mechanism=plain", "--sasl.service-name=kafka",
        "--sasl.kerberos-config-path=/etc/krb5.conf", "--sasl.realm=R", "--sasl.kerberos-auth-type=keytabAuth",
        "--sasl.keytab-path=/k", "--sasl.disable-PA-FX-FAST=false", "--tls.enabled=false", "--tls.server-name=k",
        "--tls.ca-file=/ca", "--tls.cert-file=/c", "--tls.key-file=/k", "--tls.insecure-skip-tls-verify=false",
        "--server.tls.enabled=false", "--server.tls.mutual-auth-enabled=false", "--server.tls.ca-file=/ca",
        "--server.tls.cert-file=/c", "--server.tls.key-file=/k", "--kafka.version=2.0.0",
        "--use.consumelag.zookeeper=false", "--zookeeper.server=z:2181", "--concurrent.enable=false",
        "--topic.workers=100", "--kafka.allow-auto-topic-creation=false", "--verbosity=0");
    CommandRun.Result r = check(peer.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    for (String flag : List.of("--log.format", "--log.enable-sarama", "--sasl.username", "--sasl.password",
        "--sasl.oauthbearer-token-url", "--sasl.disable-PA-FX-FAST", "--tls.ca-file",
        "--kafka.version", "--use.consumelag.zookeeper", "--zookeeper.server", "--concurrent.enable",
        "--topic.workers", "--kafka.allow-auto-topic-creation", "--verbosity")) {
      assertThat(r.stderr()).contains(flag + " has no effect here: ");
    }
    assertThat(r.stderr()).contains("--topic.workers has no effect here: there are no per-topic workers")
        .doesNotContain("s3cret-pw");
    assertThat(r.stderr().lines().filter(l -> l.contains("has no effect here"))).hasSize(26);
    // as in kafka_exporter, the server TLS files mean nothing without --server.tls.enabled
    assertThat(r.stderr()).contains("--server.tls.key-file has no effect without --server.tls.enabled: the metrics "
        + "are served over plain HTTP");
  }

  @Test
  void versionIsPrintedAsKafkaExporterPrintsIt() {
    CommandRun.Result r = CommandRun.run(new KafkaExporter(), "--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).startsWith("kafka_exporter, version ");
  }

  /** A bootstrap name that does not resolve is kafka_up 0 with the reason, not a failed start. */
  @Test
  void anUnknownServerIsADownClusterNotAFailedStart() throws Exception {
    KafkaTarget target = new KafkaTarget(List.of("no-such-host.invalid:9092"), KafkaExporter.CLIENT_ID,
        KafkaSettings.DEFAULTS);
    try (var executor = target.open()) {
      Exception e = org.assertj.core.api.Assertions.catchException(() -> executor.ping(Duration.ofSeconds(1)));
      assertThat(e).isNotNull();
      assertThat(e.getMessage()).satisfiesAnyOf(
          m -> assertThat(m).contains("no-such-host.invalid"),
          m -> assertThat(m).contains("bootstrap"));
    }
  }
}
