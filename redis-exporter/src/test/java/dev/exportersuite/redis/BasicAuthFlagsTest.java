package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.exportersuite.core.testing.CommandRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** redis_exporter's --basic-auth-* flags (1.67+, the hash 1.80.2+) protect every path through the core's basic auth. */
class BasicAuthFlagsTest {

  private static final String PASSWORD = "flag-pw-9f3k";

  private static HttpResponse<String> get(String url, String user, String password) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
          .getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aPlainPasswordFromTheFlags() throws Exception {
    try (ExporterProcess exporter = ExporterProcess.ours(Map.of(), "--redis.addr=" + TestRedis.ADDR,
        "--basic-auth-username=prom", "--basic-auth-password=" + PASSWORD)) {
      for (String path : new String[] {"/metrics", "/"}) {
        HttpResponse<String> none = get(exporter.url(path), null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
            .startsWith("Basic"));
        assertThat(get(exporter.url(path), "prom", "wrong").statusCode()).isEqualTo(401);
        assertThat(get(exporter.url(path), "other", PASSWORD).statusCode()).isEqualTo(401);
        assertThat(get(exporter.url(path), "prom", PASSWORD).statusCode()).isEqualTo(200);
      }
      assertThat(get(exporter.url("/metrics"), "prom", PASSWORD).body()).contains("redis_up 1");
      assertThat(exporter.log()).contains("basic auth 1 user").doesNotContain(PASSWORD);
    }
  }

  @Test
  void aBcryptHashFromTheEnvironment() throws Exception {
    String hash = BCrypt.withDefaults().hashToString(4, PASSWORD.toCharArray());
    try (ExporterProcess exporter = ExporterProcess.ours(Map.of("REDIS_EXPORTER_BASIC_AUTH_USERNAME", "prom",
        "REDIS_EXPORTER_BASIC_AUTH_HASH_PASSWORD", hash), "--redis.addr=" + TestRedis.ADDR)) {
      assertThat(get(exporter.url("/metrics"), null, null).statusCode()).isEqualTo(401);
      assertThat(get(exporter.url("/metrics"), "prom", "wrong").statusCode()).isEqualTo(401);
      assertThat(get(exporter.url("/metrics"), "prom", PASSWORD).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void incompleteOrConflictingFlagsStopTheStartWithoutShowingThePassword(@TempDir Path dir) throws Exception {
    Path webConfig = dir.resolve("web.yml");
    Files.writeString(webConfig, "basic_auth_users:\n  other: " + BCrypt.withDefaults().hashToString(4,
        "x".toCharArray()) + "\n");
    CommandRun.Result both = CommandRun.run(new RedisExporter(Map.of()), "--check-config",
        "--basic-auth-username=prom", "--basic-auth-password=" + PASSWORD,
        "--basic-auth-hash-password=" + BCrypt.withDefaults().hashToString(4, "x".toCharArray()));
    assertThat(both.exitCode()).isEqualTo(1);
    assertThat(both.stderr()).contains("cannot set both --basic-auth-password and --basic-auth-hash-password");
    CommandRun.Result noUser = CommandRun.run(new RedisExporter(Map.of()), "--check-config",
        "--basic-auth-password=" + PASSWORD);
    assertThat(noUser.exitCode()).isEqualTo(1);
    assertThat(noUser.stderr()).contains("--basic-auth-username").contains("needs a user");
    CommandRun.Result noPassword = CommandRun.run(new RedisExporter(Map.of()), "--check-config",
        "--basic-auth-username=prom");
    assertThat(noPassword.exitCode()).isEqualTo(1);
    assertThat(noPassword.stderr()).contains("needs a password");
    CommandRun.Result badHash = CommandRun.run(new RedisExporter(Map.of()), "--check-config",
        "--basic-auth-username=prom", "--basic-auth-hash-password=" + PASSWORD);
    assertThat(badHash.exitCode()).isEqualTo(1);
    assertThat(badHash.stderr()).contains("--basic-auth-hash-password").contains("not a bcrypt hash");
    for (CommandRun.Result r : new CommandRun.Result[] {both, noUser, badHash}) {
      assertThat(r.stdout() + r.stderr()).doesNotContain(PASSWORD);
    }
    CommandRun.Result twice = CommandRun.run(new RedisExporter(Map.of()), "--check-config",
        "--basic-auth-username=prom", "--basic-auth-password=" + PASSWORD, "--web.config.file=" + webConfig);
    assertThat(twice.exitCode()).isEqualTo(1);
    assertThat(twice.stderr()).contains("basic_auth_users").contains("keep one");
    CommandRun.Result ok = CommandRun.run(new RedisExporter(Map.of()), "--check-config",
        "--basic-auth-username=prom", "--basic-auth-password=" + PASSWORD);
    assertThat(ok.exitCode()).as(ok.stderr()).isZero();
    assertThat(ok.stdout()).contains("basic auth 1 user").doesNotContain(PASSWORD);
  }
}
