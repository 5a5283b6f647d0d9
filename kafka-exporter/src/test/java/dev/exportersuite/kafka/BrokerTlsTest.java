package dev.exportersuite.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.CommandRun;
import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.TestPki;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real broker reached only through TLS that requires a client certificate, read with kafka_exporter's --tls.*
 * flags; certificates made for the test. The TLS listener is a STAND-IN ({@link TlsFront}) in front of the kit's
 * plaintext broker, since the kit cannot start a TLS listener; the client's TLS is the Kafka client's own.
 */
class BrokerTlsTest {

  @TempDir
  static Path dir;
  static TestPki pki;
  static TestPki.Issued client;
  static TlsFront front;
  static TestKafka kafka;

  @BeforeAll
  static void cluster() throws Exception {
    pki = TestPki.create(dir, "kafka");
    client = pki.client("exporter", "exporter");
    TestPki.Issued setup = pki.client("setup", "setup");
    front = new TlsFront(pki, pki.server("broker"), true);
    kafka = TestKafka.behindTls(front, Map.of("security.protocol", "SSL", "ssl.truststore.type", "PEM",
        "ssl.truststore.certificates", java.nio.file.Files.readString(pki.caFile()), "ssl.keystore.type", "PEM",
        "ssl.keystore.certificate.chain", java.nio.file.Files.readString(setup.certFile()),
        "ssl.keystore.key", java.nio.file.Files.readString(setup.keyFile())));
    kafka.createTopic("secured", 3);
  }

  @AfterAll
  static void stop() throws Exception {
    if (kafka != null) {
      kafka.close();
    }
    if (front != null) {
      front.close();
    }
  }

  private static CommandRun.Result once(String... flags) {
    List<String> args = new ArrayList<>(List.of("--once", "--kafka.server=" + kafka.bootstrap()));
    args.addAll(List.of(flags));
    return CommandRun.run(new KafkaExporter(Map.of()), args.toArray(String[]::new));
  }

  @Test
  void theCaAndAClientCertificateReadTheCluster() {
    int before = front.handshakes();
    CommandRun.Result r = once("--tls.enabled", "--tls.ca-file=" + pki.caFile(),
        "--tls.cert-file=" + client.certFile(), "--tls.key-file=" + client.keyFile());
    Exposition x = Exposition.parse(r.stdout());
    assertThat(front.handshakes()).as("the exporter came through TLS").isGreaterThan(before);
    assertThat(x.value("kafka_up")).as(r.stderr()).contains(1.0);
    assertThat(x.value("kafka_topic_partitions", "topic", "secured")).contains(3.0);
  }

  @Test
  void withoutTheClientCertificateOrTheCaOrTlsItIsDown() throws Exception {
    CommandRun.Result noCert = once("--tls.enabled", "--tls.ca-file=" + pki.caFile());
    assertThat(Exposition.parse(noCert.stdout()).value("kafka_up")).as("no client certificate").contains(0.0);
    TestPki other = TestPki.create(dir, "other");
    CommandRun.Result wrongCa = once("--tls.enabled", "--tls.ca-file=" + other.caFile(),
        "--tls.cert-file=" + client.certFile(), "--tls.key-file=" + client.keyFile());
    assertThat(Exposition.parse(wrongCa.stdout()).value("kafka_up")).as("a CA that did not sign the broker")
        .contains(0.0);
    assertThat(Exposition.parse(once().stdout()).value("kafka_up")).as("plain text to a TLS listener").contains(0.0);
  }

  @Test
  void badTlsFilesAreErrorsOfTheirFlags() throws Exception {
    CommandRun.Result r = CommandRun.run(new KafkaExporter(Map.of()), "--check-config", "--tls.enabled",
        "--tls.ca-file=" + dir.resolve("nope.pem"), "--tls.cert-file=" + client.certFile());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("--tls.cert-file: needs --tls.key-file");
    CommandRun.Result noCa = CommandRun.run(new KafkaExporter(Map.of()), "--check-config", "--tls.enabled",
        "--tls.ca-file=" + dir.resolve("nope.pem"));
    assertThat(noCa.stderr()).contains("--tls.ca-file: cannot read " + dir.resolve("nope.pem"));
    CommandRun.Result ok = CommandRun.run(new KafkaExporter(Map.of()), "--check-config", "--tls.enabled",
        "--tls.ca-file=" + pki.caFile(), "--sasl.enabled", "--sasl.username=u", "--sasl.password=p");
    assertThat(ok.stdout()).contains("over SASL_SSL PLAIN as u (password from --sasl.password) (TLS, CA "
        + pki.caFile() + ")");
  }
}
