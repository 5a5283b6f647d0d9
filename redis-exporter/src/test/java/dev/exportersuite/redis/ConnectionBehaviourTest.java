package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.CommandRun;
import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.FreePort;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * How the exporter meets the server, next to redis_exporter 1.45: the connections an idle exporter holds, the
 * client name, a password the server does not expect, the error text of a refused connection, the empty
 * databases it reports (CONFIG's 'databases') and a renamed CONFIG.
 */
class ConnectionBehaviourTest {

  private static final String PASSWORD = "conn-test-pw";

  /** The clients of {@code server} named {@code name}, from CLIENT LIST. */
  private static long clientsNamed(SecondRedis server, String name) {
    RedisURI uri = RedisURI.create(server.addr());
    uri.setPassword(PASSWORD.toCharArray());
    RedisClient client = RedisClient.create(uri);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      return c.sync().clientList().lines().filter(l -> l.contains(" name=" + name + " ")).count();
    } finally {
      client.shutdown();
    }
  }

  @Test
  void anIdleExporterHoldsOneConnectionNamedAsRedisExportersAndNoneUnnamedWhenAsked() throws Exception {
    try (SecondRedis server = new SecondRedis(PASSWORD)) {
      try (ExporterProcess ours = ExporterProcess.ours(Map.of("REDIS_PASSWORD", PASSWORD),
          "-redis.addr=" + server.addr(), "-include-config-metrics", "-export-client-list")) {
        ours.metrics(); // warm-up: a cold JVM on a busy machine may miss the first liveness check's 5 s
        for (int i = 0; i < 5; i++) {
          assertThat(ours.metrics()).contains("redis_up 1.0");
        }
        assertThat(clientsNamed(server, "redis_exporter")).isEqualTo(1);
      }
      try (ExporterProcess ours = ExporterProcess.ours(Map.of("REDIS_PASSWORD", PASSWORD),
          "-redis.addr=" + server.addr(), "-set-client-name=false")) {
        assertThat(ours.metrics()).contains("redis_up 1.0");
        assertThat(clientsNamed(server, "redis_exporter")).isZero();
        assertThat(clientsNamed(server, "")).isEqualTo(2); // ours and the test's own
      }
    }
  }

  /** One collection in this JVM ({@code --once}), for what needs no running server. */
  private static CommandRun.Result once(Map<String, String> env, String... flags) {
    List<String> args = new ArrayList<>(List.of("--once"));
    args.addAll(List.of(flags));
    return CommandRun.run(new RedisExporter(env), args.toArray(String[]::new));
  }

  @Test
  void aPasswordForAServerWithoutOneIsDownWithTheServersMessageAsForRedisExporter() {
    CommandRun.Result r = once(Map.of(), "-redis.addr=" + TestRedis.ADDR, "-redis.password=not-needed-pw");
    Exposition m = Exposition.parse(r.stdout());
    assertThat(m.value("redis_up")).contains(0.0);
    String err = m.samples("redis_exporter_last_scrape_error").get(0).labels().get("err");
    assertThat(err).contains("AUTH").contains("called without any password configured")
        .doesNotContain("not-needed-pw");
    assertThat(r.stderr()).doesNotContain("not-needed-pw");
  }

  @Test
  void aRefusedConnectionIsOneShortReason() throws Exception {
    int closed = FreePort.pick();
    Exposition m = Exposition.parse(once(Map.of(), "-redis.addr=redis://127.0.0.1:" + closed).stdout());
    assertThat(m.value("redis_up")).contains(0.0);
    assertThat(m.samples("redis_exporter_last_scrape_error").get(0).labels().get("err"))
        .isEqualTo("cannot connect to redis://127.0.0.1:" + closed + ": connection refused");
  }

  @Test
  void emptyDatabasesAreReportedUpToTheConfiguredCountAsRedisExporterReportsThem() throws Exception {
    for (int databases : List.of(20)) {
      try (SecondRedis server = new SecondRedis(PASSWORD, List.of("--databases", Integer.toString(databases)))) {
        String[] flags = {"-redis.addr=" + server.addr(), "-redis.password=" + PASSWORD};
        Exposition peer;
        try (ExporterProcess p = ExporterProcess.peer(flags)) {
          peer = Exposition.parse(p.metrics());
        }
        Exposition ours = Exposition.parse(once(Map.of(), flags).stdout());
        for (String family : List.of("redis_db_keys", "redis_db_keys_expiring")) {
          assertThat(dbs(ours, family)).as(family).isEqualTo(dbs(peer, family)).hasSize(databases);
        }
      }
    }
  }

  @Test
  void aRenamedConfigCommandIsUsedAndADashSkipsTheConfigMetrics() throws Exception {
    try (SecondRedis server = new SecondRedis(PASSWORD, List.of("--rename-command", "CONFIG", "CFG_x9"))) {
      Map<String, String> env = Map.of("REDIS_PASSWORD", PASSWORD);
      Exposition renamed = Exposition.parse(once(env, "-redis.addr=" + server.addr(), "-config-command=CFG_x9")
          .stdout());
      assertThat(renamed.value("redis_config_maxclients")).isPresent();
      assertThat(renamed.value("redis_exporter_scrape_errors_total", "collector", "config")).contains(0.0);
      // Without the flag CONFIG is unknown to this server: the config collector fails, and only it.
      Exposition plain = Exposition.parse(once(env, "-redis.addr=" + server.addr()).stdout());
      assertThat(plain.value("redis_exporter_scrape_errors_total", "collector", "config")).contains(1.0);
      assertThat(plain.value("redis_up")).contains(1.0);
      Exposition skipped = Exposition.parse(once(env, "-redis.addr=" + server.addr(), "-config-command=-").stdout());
      assertThat(skipped.has("redis_config_maxclients")).isFalse();
      assertThat(skipped.value("redis_exporter_last_scrape_error", "err", "")).contains(0.0);
      assertThat(dbs(skipped, "redis_db_keys")).hasSize(RedisExecutor.DEFAULT_DATABASES);
    }
  }

  private static Set<String> dbs(Exposition e, String family) {
    return e.samples(family).stream().map(s -> s.labels().get("db")).collect(Collectors.toCollection(TreeSet::new));
  }
}
