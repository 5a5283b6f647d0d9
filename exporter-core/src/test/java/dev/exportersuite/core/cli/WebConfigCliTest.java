package dev.exportersuite.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.jdbc.JdbcExporter;
import dev.exportersuite.core.testing.CommandRun;
import dev.exportersuite.core.testing.FreePort;
import dev.exportersuite.core.testing.TestPki;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --web.config.file and --web.enable-lifecycle on the command line: --check-config, and a real start. */
class WebConfigCliTest {

  /** htpasswd -nbBC 10 prometheus scrape-s3cret */
  static final String HASH = "$2y$10$NRwoWZnvP46kcdXHgG74v.cLZaGovMYZ1utX5b3arGfKRI7ycXwgW";
  private static final String URL = "--jdbc.url=jdbc:mariadb://127.0.0.1:3306/test";

  @TempDir
  static Path dir;
  static TestPki pki;
  static Path web;

  @BeforeAll
  static void files() throws Exception {
    pki = TestPki.create(dir, "cli");
    TestPki.Issued server = pki.server("server");
    web = dir.resolve("web.yml");
    Files.writeString(web, """
        tls_server_config:
          cert_file: %s
          key_file: %s
        basic_auth_users:
          prometheus: %s
        """.formatted(server.certFile(), server.keyFile(), HASH));
  }

  @Test
  void checkConfigReadsTheWebConfigAndLoadsTheCertificate() {
    CommandRun.Result r = CommandRun.run(new JdbcExporter(), "--check-config", URL, "--web.config.file=" + web);
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("web: TLS TLS12 to TLS13, certificate " + dir.resolve("server.crt")
        + "; basic auth 1 user (" + web + ")").doesNotContain(HASH);
  }

  @Test
  void aBrokenWebConfigIsReportedWithTheMetricsFilesProblemsAndStopsTheStart() throws Exception {
    Path broken = dir.resolve("broken-web.yml");
    Files.writeString(broken, """
        tls_server_config:
          cert_file: %s
          key_file: %s
        basic_auth_users:
          prometheus: $2y$10$short
        """.formatted(dir.resolve("server.crt"), dir.resolve("cli-ca.pem")));
    Path metrics = dir.resolve("metrics.yaml");
    Files.writeString(metrics, "metrics:\n  - context: x\n    request: SELECT 1 AS v\n    metricdesc: {v: V.}\n");
    for (String mode : List.of("--check-config", "--once")) {
      CommandRun.Result r = CommandRun.run(new JdbcExporter(), mode, URL, "--web.config.file=" + broken,
          "--custom.metrics=" + metrics);
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.stderr().lines().toList()).containsExactly(
          "error: " + metrics + ":4: metrics[0].metricdesc: unknown key 'metricdesc' (did you mean 'metricsdesc'?)",
          "error: " + broken + ":3: tls_server_config.key_file: " + dir.resolve("cli-ca.pem")
              + ": no PEM private key block found (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)",
          "error: " + broken + ":5: basic_auth_users.prometheus: not a bcrypt hash: expected $2y$ (or $2a$, $2b$), "
              + "a two-digit cost, $ and 53 characters, as 'htpasswd -nBC 10 \"\" | tr -d :' prints");
      assertThat(r.stderr()).doesNotContain("$2y$10$short");
    }
  }

  /** The exporter as a process, as a user starts it: HTTPS, basic auth, and /-/reload behind both. */
  @Test
  void aStartedExporterServesHttpsBehindBasicAuth() throws Exception {
    Path metrics = dir.resolve("serve.yaml");
    Files.writeString(metrics, "metrics:\n  - context: orders\n    metricsdesc: {value: Orders.}\n"
        + "    request: SELECT 5 AS value\n");
    int port = FreePort.pick();
    Path log = dir.resolve("exporter.log");
    Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), JdbcExporter.class.getName(),
        "--web.listen-address=127.0.0.1:" + port, URL, "--jdbc.username=root", "--custom.metrics=" + metrics,
        "--web.config.file=" + web, "--web.enable-lifecycle"))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      HttpClient client = TestPki.https(pki.clientContext(null));
      String base = "https://127.0.0.1:" + port;
      String auth = "Basic " + Base64.getEncoder().encodeToString("prometheus:scrape-s3cret".getBytes(
          StandardCharsets.UTF_8));
      HttpResponse<String> metricsPage = awaitServing(client, base + "/metrics", auth, p, log);
      assertThat(metricsPage.body()).contains("sql_orders_value 5.0");
      assertThat(send(client, HttpRequest.newBuilder(URI.create(base + "/metrics"))).statusCode()).isEqualTo(401);
      assertThat(send(client, HttpRequest.newBuilder(URI.create(base + "/-/reload"))
          .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(401);
      assertThat(send(client, HttpRequest.newBuilder(URI.create(base + "/-/reload")).header("Authorization", auth)
          .POST(HttpRequest.BodyPublishers.noBody())).body()).startsWith("reloaded");
      assertThat(Files.readString(log)).contains("TLS is enabled: TLSv1.2, TLSv1.3; certificate CN=127.0.0.1")
          .contains("basic auth 1 user").doesNotContain(HASH);
    } finally {
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder b) throws Exception {
    return client.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> awaitServing(HttpClient client, String url, String auth, Process p, Path log)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new AssertionError("exporter exited: " + Files.readString(log));
      }
      try {
        HttpResponse<String> r = send(client, HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth));
        if (r.statusCode() == 200) {
          return r;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("exporter did not serve within 30s: " + Files.readString(log));
  }
}
