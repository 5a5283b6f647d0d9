package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exportersuite.core.testing.CommandRun;
import dev.exportersuite.core.testing.FreePort;
import dev.exportersuite.core.testing.TestPki;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * redis_exporter's --tls-server-* flags on this exporter's port: the same command line serves HTTPS and requires
 * client certificates here as it does with the Debian redis_exporter 1.45, checked side by side.
 */
class ServerTlsFlagsTest {

  @TempDir
  static Path dir;
  static TestPki pki;
  static TestPki.Issued server;
  static TestPki.Issued client;

  @BeforeAll
  static void certificates() throws Exception {
    pki = TestPki.create(dir, "redis-web");
    server = pki.server("server");
    client = pki.client("client", "prometheus.example");
  }

  @Test
  void checkConfigShowsTheTlsTheFlagsAndTheEnvironmentAskFor() {
    CommandRun.Result flags = CommandRun.run(new RedisExporter(Map.of()), "--check-config",
        "-tls-server-cert-file", server.certFile().toString(), "--tls-server-key-file=" + server.keyFile(),
        "-tls-server-ca-cert-file=" + pki.caFile(), "--tls-server-min-version=TLS1.3");
    assertThat(flags.exitCode()).as(flags.stderr()).isZero();
    assertThat(flags.stdout()).contains("web: TLS TLS13, certificate " + server.certFile()
        + ", client certificates: RequireAndVerifyClientCert (CA " + pki.caFile() + "); basic auth off");
    CommandRun.Result env = CommandRun.run(new RedisExporter(Map.of(
        "REDIS_EXPORTER_TLS_SERVER_CERT_FILE", server.certFile().toString(),
        "REDIS_EXPORTER_TLS_SERVER_KEY_FILE", server.keyFile().toString())), "--check-config");
    assertThat(env.stdout()).contains("web: TLS TLS12 to TLS13, certificate " + server.certFile() + "; basic auth off");
    CommandRun.Result allEnv = CommandRun.run(new RedisExporter(Map.of(
        "REDIS_EXPORTER_TLS_SERVER_CERT_FILE", server.certFile().toString(),
        "REDIS_EXPORTER_TLS_SERVER_KEY_FILE", server.keyFile().toString(),
        "REDIS_EXPORTER_TLS_SERVER_CA_CERT_FILE", pki.caFile().toString(),
        "REDIS_EXPORTER_TLS_SERVER_MIN_VERSION", "TLS1.3")), "--check-config");
    assertThat(allEnv.stdout()).contains("web: TLS TLS13, certificate " + server.certFile()
        + ", client certificates: RequireAndVerifyClientCert (CA " + pki.caFile() + ")");
  }

  @Test
  void incompleteOrBrokenFlagsAreRefusedAllAtOnce() {
    CommandRun.Result r = CommandRun.run(new RedisExporter(Map.of()), "--check-config",
        "--tls-server-cert-file=" + server.certFile(), "--tls-server-min-version=TLS1.4");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr().lines().toList()).containsExactly(
        "error: command line: --tls-server-min-version: unknown TLS version 'TLS1.4'; one of TLS1.0, TLS1.1, "
            + "TLS1.2, TLS1.3",
        "error: command line: --tls-server-key-file: HTTPS needs both --tls-server-cert-file and "
            + "--tls-server-key-file; redis_exporter would serve plain HTTP here");
    CommandRun.Result caOnly = CommandRun.run(new RedisExporter(Map.of()), "--check-config",
        "--tls-server-ca-cert-file=" + pki.caFile());
    assertThat(caOnly.stderr()).contains("error: command line: --tls-server-ca-cert-file: client certificates need "
        + "HTTPS");
    CommandRun.Result wrongKey = CommandRun.run(new RedisExporter(Map.of()), "--check-config",
        "--tls-server-cert-file=" + server.certFile(), "--tls-server-key-file=" + client.keyFile());
    assertThat(wrongKey.stderr()).contains("error: command line: --tls-server-key-file: " + client.keyFile()
        + ": the private key does not match the certificate in " + server.certFile());
  }

  @Test
  void theFlagsAndATlsServerConfigInTheWebConfigCannotBothBeGiven() throws Exception {
    Path web = dir.resolve("web.yml");
    Files.writeString(web, "tls_server_config:\n  cert_file: " + server.certFile() + "\n  key_file: "
        + server.keyFile() + "\n");
    CommandRun.Result r = CommandRun.run(new RedisExporter(Map.of()), "--check-config", "--web.config.file=" + web,
        "--tls-server-cert-file=" + server.certFile(), "--tls-server-key-file=" + server.keyFile());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("error: " + web + ": tls_server_config: TLS is set both here and by this "
        + "exporter's TLS server flags: keep one");
  }

  @Test
  void clientCertificatesAreRequiredAsRedisExporterRequiresThem() throws Exception {
    List<String> flags = List.of("--redis.addr=redis://127.0.0.1:6379", "-tls-server-cert-file=" + server.certFile(),
        "-tls-server-key-file=" + server.keyFile(), "-tls-server-ca-cert-file=" + pki.caFile());
    for (boolean ours : new boolean[] {true, false}) {
      int port = FreePort.pick();
      List<String> cmd = new ArrayList<>();
      if (ours) {
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-cp",
            System.getProperty("java.class.path"), RedisExporter.class.getName()));
      } else {
        cmd.add("prometheus-redis-exporter");
      }
      cmd.addAll(flags);
      cmd.add("--web.listen-address=127.0.0.1:" + port);
      Path log = dir.resolve((ours ? "ours" : "peer") + ".log");
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      try {
        String url = "https://127.0.0.1:" + port + "/metrics";
        HttpClient withCertificate = TestPki.https(pki.clientContext(client));
        HttpResponse<String> ok = await(withCertificate, url, p, log);
        assertThat(ok.body()).as(ours ? "ours" : "redis_exporter").contains("redis_up 1");
        assertThatThrownBy(() -> get(TestPki.https(pki.clientContext(null), "TLSv1.2"), url))
            .as(ours ? "ours" : "redis_exporter").isInstanceOf(IOException.class);
      } finally {
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
    }
  }

  private static HttpResponse<String> get(HttpClient c, String url) throws Exception {
    return c.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> await(HttpClient c, String url, Process p, Path log) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < until) {
      if (!p.isAlive()) {
        throw new AssertionError("exited: " + Files.readString(log));
      }
      try {
        HttpResponse<String> r = get(c, url);
        if (r.statusCode() == 200) {
          return r;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no HTTPS answer within 30s: " + Files.readString(log));
  }
}
