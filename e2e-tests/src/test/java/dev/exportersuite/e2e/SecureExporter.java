package dev.exportersuite.e2e;

import at.favre.lib.crypto.bcrypt.BCrypt;
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
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One more redis-exporter beside the compose stack, started with a --web.config.file (TLS and basic auth, a
 * certificate made for the run and a bcrypt hash of a random password), and the Prometheus job that scrapes it
 * over HTTPS with basic_auth and tls_config.ca_file, as a user would write it.
 */
final class SecureExporter {

  static final String JOB = "redis-tls";
  static final String USER = "prometheus";

  private final Path dir;
  private final int port = FreePort.pick();
  private final String password = "pw-" + Long.toHexString(new SecureRandom().nextLong());
  private TestPki pki;

  SecureExporter(Path dir) {
    this.dir = dir;
  }

  /** Makes the certificate and the web config, and starts the exporter. */
  void start(Processes processes, String redisAddress) throws Exception {
    Files.createDirectories(dir);
    pki = TestPki.create(dir, "e2e");
    // an EC PRIVATE KEY (SEC1), as openssl ecparam and cert-manager write them
    TestPki.Issued server = pki.server("server", TestPki.KeyFormat.TRADITIONAL, false);
    Files.writeString(dir.resolve("password"), password, StandardCharsets.UTF_8);
    String hash = BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(10, password.toCharArray());
    Files.writeString(dir.resolve("web.yml"), """
        tls_server_config:
          cert_file: %s
          key_file: %s
        basic_auth_users:
          %s: %s
        """.formatted(server.certFile().getFileName(), server.keyFile().getFileName(), USER, hash),
        StandardCharsets.UTF_8);
    Repo.Module redis = Repo.MODULES.stream().filter(m -> m.name().equals("redis-exporter")).findFirst()
        .orElseThrow();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Tools.dockerfileJavaOpts());
    command.addAll(List.of("-jar", redis.jar().toString(), "--redis.addr=" + redisAddress,
        "--web.config.file=" + dir.resolve("web.yml"), "--web.listen-address=127.0.0.1:" + port));
    processes.start(JOB, command, Map.of());
  }

  /** Until it answers /-/healthy over HTTPS to the right credentials. */
  void awaitServing(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r = get("/-/healthy", true);
        if (r.statusCode() == 200) {
          return;
        }
        last = r.statusCode() + " " + r.body();
      } catch (IOException e) {
        last = e.toString();
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
    throw new IllegalStateException(JOB + " did not answer 200 over HTTPS within " + timeout + ": " + last);
  }

  /** The scrape job, in the form of prometheus.yml's scrape_configs entries. */
  Map<String, Object> job() {
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("job_name", JOB);
    job.put("scheme", "https");
    job.put("basic_auth", Map.of("username", USER, "password_file", dir.resolve("password").toString()));
    job.put("tls_config", Map.of("ca_file", pki.caFile().toString()));
    job.put("static_configs", List.of(Map.of("targets", List.of(address()))));
    return job;
  }

  String address() {
    return "127.0.0.1:" + port;
  }

  /** A request over HTTPS that trusts the run's CA, with or without the credentials. */
  HttpResponse<String> get(String path, boolean withCredentials) throws Exception {
    HttpClient client = TestPki.https(pki.clientContext(null));
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://" + address() + path))
        .timeout(Duration.ofSeconds(30));
    if (withCredentials) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((USER + ":" + password)
          .getBytes(StandardCharsets.UTF_8)));
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
