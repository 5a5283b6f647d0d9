package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.Http;
import io.lettuce.core.RedisURI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ways redis_exporter users pass credentials, against a private redis-server with a password and an ACL
 * user; the password must never show in /metrics, the landing page or the log.
 */
class CredentialsTest {

  private static final String PASSWORD = "pw-Zq81-secret";
  private static final String ACL_PASSWORD = "acl-Hk22-secret";
  private static SecondRedis server;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() throws Exception {
    server = new SecondRedis(PASSWORD);
    try (TestRedis admin = new TestRedis(RedisURI.builder().withHost("127.0.0.1").withPort(server.port)
        .withPassword(PASSWORD.toCharArray()).withTimeout(Duration.ofSeconds(5)).build())) {
      // A monitoring user that may read everything except CONFIG, as some managed services set it up.
      admin.sync().aclSetuser("monitor", io.lettuce.core.AclSetuserArgs.Builder.on()
          .addPassword(ACL_PASSWORD).allKeys().allCommands().removeCommand(io.lettuce.core.protocol.CommandType.CONFIG));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static void assertNoSecret(ExporterProcess e, String body) throws Exception {
    assertThat(body).doesNotContain(PASSWORD).doesNotContain(ACL_PASSWORD);
    assertThat(Http.get(e.url("/")).body()).doesNotContain(PASSWORD).doesNotContain(ACL_PASSWORD);
    assertThat(e.log()).doesNotContain(PASSWORD).doesNotContain(ACL_PASSWORD);
  }

  @Test
  void passwordFile() throws Exception {
    Path file = dir.resolve("pw");
    Files.writeString(file, PASSWORD + "\n");
    try (ExporterProcess e = ExporterProcess.ours(Map.of(), "--redis.addr=" + server.addr(),
        "--redis.password-file=" + file)) {
      String body = e.metrics();
      assertThat(Exposition.parse(body).value("redis_up")).contains(1.0);
      assertNoSecret(e, body);
    }
  }

  @Test
  void redisExportersJsonPasswordFileServesTheAddressAndScrapeTargets() throws Exception {
    Path file = dir.resolve("pw.json");
    Files.writeString(file, "{\"" + server.addr() + "\": \"" + PASSWORD + "\", \"redis://other:6379\": \"x\"}");
    int closed = dev.exportersuite.core.testing.FreePort.pick();
    try (ExporterProcess e = ExporterProcess.ours(Map.of(), "--redis.addr=redis://127.0.0.1:" + closed,
        "--redis.password-file=" + file)) {
      String target = java.net.URLEncoder.encode(server.addr(), java.nio.charset.StandardCharsets.UTF_8);
      String body = Http.get(e.url("/scrape?target=" + target)).body();
      assertThat(Exposition.parse(body).value("redis_up")).contains(1.0);
      assertNoSecret(e, body + e.metrics());
    }
    try (ExporterProcess e = ExporterProcess.ours(Map.of("REDIS_PASSWORD_FILE", file.toString()),
        "--redis.addr=" + server.addr())) {
      assertThat(Exposition.parse(e.metrics()).value("redis_up")).contains(1.0);
    }
  }

  @Test
  void environmentVariablesAsRedisExporterReadsThem() throws Exception {
    try (ExporterProcess e = ExporterProcess.ours(Map.of("REDIS_ADDR", server.addr(), "REDIS_PASSWORD", PASSWORD))) {
      String body = e.metrics();
      assertThat(Exposition.parse(body).value("redis_up")).contains(1.0);
      assertNoSecret(e, body);
    }
  }

  @Test
  void aWrongPasswordIsRedisUpZeroWithoutShowingIt() throws Exception {
    try (ExporterProcess e = ExporterProcess.ours(Map.of(), "--redis.addr=" + server.addr(),
        "--redis.password=" + ACL_PASSWORD)) {
      String body = e.metrics();
      assertThat(Exposition.parse(body).value("redis_up")).contains(0.0);
      assertThat(Http.get(e.url("/")).body()).containsIgnoringCase("WRONGPASS");
      assertNoSecret(e, body);
    }
  }

  @Test
  void passwordInTheAddress() throws Exception {
    try (ExporterProcess e = ExporterProcess.ours(Map.of(),
        "--redis.addr=redis://:" + PASSWORD + "@127.0.0.1:" + server.port)) {
      String body = e.metrics();
      assertThat(Exposition.parse(body).value("redis_up")).contains(1.0);
      assertNoSecret(e, body);
    }
  }

  @Test
  void aScrapeTargetsOwnPasswordWinsAndStaysHidden() throws Exception {
    try (ExporterProcess e = ExporterProcess.ours(Map.of(), "--redis.addr=" + server.addr(),
        "--redis.password=" + ACL_PASSWORD)) {
      String target = java.net.URLEncoder.encode("redis://:" + PASSWORD + "@127.0.0.1:" + server.port,
          java.nio.charset.StandardCharsets.UTF_8);
      String body = Http.get(e.url("/scrape?target=" + target)).body();
      assertThat(Exposition.parse(body).value("redis_up")).contains(1.0);
      assertThat(Exposition.parse(e.metrics()).value("redis_up")).contains(0.0);
      assertNoSecret(e, body);
    }
  }

  @Test
  void aclUserWithoutConfigLosesOnlyTheConfigMetrics() throws Exception {
    try (ExporterProcess e = ExporterProcess.ours(Map.of("REDIS_USER", "monitor", "REDIS_PASSWORD", ACL_PASSWORD),
        "--redis.addr=" + server.addr())) {
      Exposition m = Exposition.parse(e.metrics());
      assertThat(m.value("redis_up")).contains(1.0);
      assertThat(m.value("redis_exporter_scrape_errors_total", "collector", "config")).contains(1.0);
      assertThat(m.has("redis_config_maxclients")).isFalse();
      assertThat(m.value("redis_connected_clients")).isPresent();
      assertThat(m.value("redis_slowlog_length")).isPresent();
      assertThat(Http.get(e.url("/")).body()).contains("NOPERM");
      assertNoSecret(e, "");
    }
  }

  @Test
  void unixSocket() throws Exception {
    try (ExporterProcess e = ExporterProcess.ours(Map.of("REDIS_PASSWORD", PASSWORD),
        "--redis.addr=unix://" + server.socket)) {
      Exposition m = Exposition.parse(e.metrics());
      assertThat(m.value("redis_up")).as(e.log()).contains(1.0);
      assertThat(m.value("redis_db_keys", "db", "db0")).contains(0.0);
    }
  }
}
