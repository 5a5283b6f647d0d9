package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The default entries that read INFO ALL (each keeping its own rows through row steps) cost one INFO per
 * scrape: the core makes each round trip once and the executor shapes every entry's rows from it. Counted on a
 * private redis-server, so no other client moves the counter.
 */
class RoundTripSharingTest {

  @Test
  void oneInfoPerScrapeHoweverManyEntriesReadIt() throws Exception {
    String password = "round-trip-pw";
    try (SecondRedis server = new SecondRedis(password);
         ExporterProcess ours = ExporterProcess.ours(Map.of("REDIS_PASSWORD", password),
             "--redis.addr=" + server.addr())) {
      RedisURI uri = RedisURI.create(server.addr());
      uri.setPassword(password.toCharArray());
      RedisClient client = RedisClient.create(uri);
      try (StatefulRedisConnection<String, String> c = client.connect()) {
        ours.metrics(); // warm-up: connections, caches
        long c0 = infoCalls(c);
        long c1 = infoCalls(c);
        long own = c1 - c0; // reading the counter is itself an INFO
        int scrapes = 5;
        for (int i = 0; i < scrapes; i++) {
          assertThat(ours.metrics()).contains("redis_up 1.0");
        }
        long sent = infoCalls(c) - c1 - own;
        assertThat(sent).as("INFO commands for %d scrapes", scrapes).isEqualTo(scrapes);
      } finally {
        client.shutdown();
      }
    }
  }

  private static long infoCalls(StatefulRedisConnection<String, String> c) {
    return c.sync().info("commandstats").lines().filter(l -> l.startsWith("cmdstat_info:"))
        .map(l -> Long.parseLong(l.replaceAll("^[^:]*:calls=(\\d+),.*", "$1"))).findFirst().orElse(0L);
  }
}
