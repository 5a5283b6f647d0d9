package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.FreePort;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rediss:// against a private redis-server with TLS, certificates made by openssl for the test. */
class TlsTest {

  @TempDir
  static Path dir;
  private static Process server;
  private static int port;

  private static void run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("openssl.log").toFile()).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).as(String.join(" ", cmd)).isTrue();
  }

  @BeforeAll
  static void start() throws Exception {
    run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days",
        "1", "-subj", "/CN=test-ca");
    run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj",
        "/CN=localhost");
    Files.writeString(dir.resolve("ext.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
    run("openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
        "-out", "server.crt", "-days", "1", "-extfile", "ext.cnf");
    port = FreePort.pick();
    server = new ProcessBuilder(List.of("redis-server", "--port", "0", "--tls-port", Integer.toString(port),
        "--bind", "127.0.0.1", "--tls-cert-file", "server.crt", "--tls-key-file", "server.key",
        "--tls-ca-cert-file", "ca.crt", "--tls-auth-clients", "no", "--save", "", "--appendonly", "no"))
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
    long until = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < until) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (java.io.IOException e) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("redis-server with TLS did not start: " + Files.readString(dir.resolve("redis.log")));
  }

  @AfterAll
  static void stop() throws Exception {
    server.destroy();
    server.waitFor(10, TimeUnit.SECONDS);
  }

  @Test
  void verifiedWithTheCaFile() throws Exception {
    try (ExporterProcess e = ExporterProcess.ours(Map.of(), "--redis.addr=rediss://127.0.0.1:" + port,
        "--tls-ca-cert-file=" + dir.resolve("ca.crt"))) {
      Exposition m = Exposition.parse(e.metrics());
      assertThat(m.value("redis_up")).as(e.log()).contains(1.0);
      assertThat(m.value("redis_connected_clients")).isPresent();
    }
  }

  @Test
  void clientCertificateWhenTheServerAsksForOne() throws Exception {
    run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "client.key", "-out", "client.csr", "-subj",
        "/CN=exporter");
    run("openssl", "x509", "-req", "-in", "client.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
        "-out", "client.crt", "-days", "1");
    int mtlsPort = FreePort.pick();
    Process mtls = new ProcessBuilder(List.of("redis-server", "--port", "0", "--tls-port", Integer.toString(mtlsPort),
        "--bind", "127.0.0.1", "--tls-cert-file", "server.crt", "--tls-key-file", "server.key",
        "--tls-ca-cert-file", "ca.crt", "--tls-auth-clients", "yes", "--save", "", "--appendonly", "no"))
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("mtls.log").toFile()).start();
    try {
      awaitPort(mtlsPort);
      try (ExporterProcess e = ExporterProcess.ours(Map.of(), "--redis.addr=rediss://127.0.0.1:" + mtlsPort,
          "--tls-ca-cert-file=" + dir.resolve("ca.crt"), "--tls-client-cert-file=" + dir.resolve("client.crt"),
          "--tls-client-key-file=" + dir.resolve("client.key"))) {
        assertThat(Exposition.parse(e.metrics()).value("redis_up")).as(e.log()).contains(1.0);
      }
      try (ExporterProcess e = ExporterProcess.ours(Map.of(), "--redis.addr=rediss://127.0.0.1:" + mtlsPort,
          "--tls-ca-cert-file=" + dir.resolve("ca.crt"))) {
        assertThat(Exposition.parse(e.metrics()).value("redis_up")).contains(0.0);
      }
    } finally {
      mtls.destroy();
      mtls.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static void awaitPort(int p) throws Exception {
    long until = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < until) {
      try (Socket s = new Socket("127.0.0.1", p)) {
        return;
      } catch (java.io.IOException e) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("redis-server did not open " + p);
  }

  @Test
  void anUnknownCertificateIsRefusedUnlessVerificationIsSkipped() throws Exception {
    try (ExporterProcess e = ExporterProcess.ours(Map.of(), "--redis.addr=rediss://127.0.0.1:" + port)) {
      assertThat(Exposition.parse(e.metrics()).value("redis_up")).contains(0.0);
      assertThat(e.log()).contains("PKIX");
    }
    try (ExporterProcess e = ExporterProcess.ours(Map.of(), "--redis.addr=rediss://127.0.0.1:" + port,
        "--skip-tls-verification")) {
      assertThat(Exposition.parse(e.metrics()).value("redis_up")).contains(1.0);
    }
  }
}
