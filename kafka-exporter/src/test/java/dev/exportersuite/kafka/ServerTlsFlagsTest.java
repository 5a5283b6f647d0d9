package dev.exportersuite.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.CommandRun;
import dev.exportersuite.core.testing.TestPki;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kafka_exporter's --server.tls.* flags mapped onto the core's TLS server, checked with --check-config. */
class ServerTlsFlagsTest {

  @TempDir
  static Path dir;
  static TestPki pki;
  static TestPki.Issued server;

  @BeforeAll
  static void certificates() throws Exception {
    pki = TestPki.create(dir, "kafka-web");
    server = pki.server("server");
  }

  private static CommandRun.Result check(String... flags) {
    String[] args = new String[flags.length + 1];
    args[0] = "--check-config";
    System.arraycopy(flags, 0, args, 1, flags.length);
    return CommandRun.run(new KafkaExporter(), args);
  }

  @Test
  void enabledServesHttpsAndMutualAuthRequiresClientCertificatesOfTheCa() {
    CommandRun.Result tls = check("--server.tls.enabled", "--server.tls.cert-file=" + server.certFile(),
        "--server.tls.key-file=" + server.keyFile());
    assertThat(tls.exitCode()).as(tls.stderr()).isZero();
    assertThat(tls.stdout()).contains("web: TLS TLS12 to TLS13, certificate " + server.certFile()
        + "; basic auth off");
    CommandRun.Result mutual = check("--server.tls.enabled=true", "--server.tls.mutual-auth-enabled",
        "--server.tls.ca-file=" + pki.caFile(), "--server.tls.cert-file=" + server.certFile(),
        "--server.tls.key-file=" + server.keyFile());
    assertThat(mutual.exitCode()).as(mutual.stderr()).isZero();
    assertThat(mutual.stdout()).contains(", client certificates: RequireAndVerifyClientCert (CA " + pki.caFile()
        + ")");
    CommandRun.Result off = check("--server.tls.enabled", "--no-server.tls.enabled",
        "--server.tls.cert-file=" + server.certFile());
    assertThat(off.stdout()).contains("web: TLS off");
  }

  @Test
  void missingFilesAndMutualAuthWithoutACaStopTheStartWithEveryReason() {
    CommandRun.Result r = check("--server.tls.enabled", "--server.tls.mutual-auth-enabled");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr().lines().toList()).containsExactly(
        "error: command line: --server.tls.cert-file: --server.tls.enabled needs a certificate file",
        "error: command line: --server.tls.key-file: --server.tls.enabled needs a key file",
        "error: command line: --server.tls.ca-file: --server.tls.mutual-auth-enabled needs the CA of the client "
            + "certificates; without one kafka_exporter refuses every client");
    CommandRun.Result unreadable = check("--server.tls.enabled", "--server.tls.cert-file=" + dir.resolve("nope.crt"),
        "--server.tls.key-file=" + server.keyFile());
    assertThat(unreadable.stderr()).contains("error: command line: --server.tls.cert-file: " + dir.resolve("nope.crt")
        + ": file not found");
  }
}
