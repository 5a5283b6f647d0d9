package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.FreePort;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
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

  @Test
  void aPasswordForAServerWithoutOneIsDownWithTheServersMessageAsForRedisExporter() throws Exception {
    try (ExporterProcess ours = ExporterProcess.ours(Map.of(), "-redis.addr=" + TestRedis.ADDR,
        "-redis.password=not-needed-pw")) {
      Exposition m = Exposition.parse(ours.metrics());
      assertThat(m.value("redis_up")).contains(0.0);
      String err = m.samples("redis_exporter_last_scrape_error").get(0).labels().get("err");
      assertThat(err).contains("AUTH").contains("called without any password configured")
          .doesNotContain("not-needed-pw");
      assertThat(ours.log()).doesNotContain("not-needed-pw");
    }
  }

  @Test
  void aRefusedConnectionIsOneShortReason() throws Exception {
    int closed = FreePort.pick();
    try (ExporterProcess ours = ExporterProcess.ours(Map.of(), "-redis.addr=redis://127.0.0.1:" + closed)) {
      Exposition m = Exposition.parse(ours.metrics());
      assertThat(m.value("redis_up")).contains(0.0);
      assertThat(m.samples("redis_exporter_last_scrape_error").get(0).labels().get("err"))
          .isEqualTo("cannot connect to redis://127.0.0.1:" + closed + ": connection refused");
    }
  }

  @Test
  void emptyDatabasesAreReportedUpToTheConfiguredCountAsRedisExporterReportsThem() throws Exception {
    for (int databases : List.of(20)) {
      try (SecondRedis server = new SecondRedis(PASSWORD, List.of("--databases", Integer.toString(databases)))) {
        String[] flags = {"-redis.addr=" + server.addr(), "-redis.password=" + PASSWORD};
        Exposition peer;
        Exposition ours;
        try (ExporterProcess p = ExporterProcess.peer(flags); ExporterProcess o = ExporterProcess.ours(Map.of(), flags)) {
          peer = Exposition.parse(p.metrics());
          ours = Exposition.parse(o.metrics());
        }
        for (String family : List.of("redis_db_keys", "redis_db_keys_expiring")) {
          assertThat(dbs(ours, family)).as(family).isEqualTo(dbs(peer, family)).hasSize(databases);
        }
      }
    }
  }

  @Test
  void aRenamedConfigCommandIsUsedAndADashSkipsTheConfigMetrics() throws Exception {
    try (SecondRedis server = new SecondRedis(PASSWORD, List.of("--rename-command", "CONFIG", "CFG_x9"))) {
      try (ExporterProcess ours = ExporterProcess.ours(Map.of("REDIS_PASSWORD", PASSWORD),
          "-redis.addr=" + server.addr(), "-config-command=CFG_x9")) {
        Exposition m = Exposition.parse(ours.metrics());
        assertThat(m.value("redis_config_maxclients")).isPresent();
        assertThat(m.value("redis_exporter_scrape_errors_total", "collector", "config")).contains(0.0);
      }
      try (ExporterProcess ours = ExporterProcess.ours(Map.of("REDIS_PASSWORD", PASSWORD),
          "-redis.addr=" + server.addr(), "-config-command=-")) {
        Exposition m = Exposition.parse(ours.metrics());
        assertThat(m.has("redis_config_maxclients")).isFalse();
        assertThat(m.value("redis_exporter_last_scrape_error", "err", "")).contains(0.0);
        assertThat(dbs(m, "redis_db_keys")).hasSize(RedisExecutor.DEFAULT_DATABASES);
      }
    }
  }

  private static Set<String> dbs(Exposition e, String family) {
    return e.samples(family).stream().map(s -> s.labels().get("db")).collect(Collectors.toCollection(TreeSet::new));
  }
}
