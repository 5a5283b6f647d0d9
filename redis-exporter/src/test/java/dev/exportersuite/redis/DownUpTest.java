package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.TcpProxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server going away and coming back, through a relay in front of the shared Redis. */
class DownUpTest {

  @Test
  void redisUpFollowsTheServerAndConnectionsDoNotPileUp() throws Exception {
    try (TcpProxy proxy = new TcpProxy(TestRedis.HOST, TestRedis.PORT);
         ExporterProcess e = ExporterProcess.ours(Map.of(), "--redis.addr=redis://127.0.0.1:" + proxy.port(),
             "--connection-timeout=2s")) {
      assertThat(Exposition.parse(e.metrics()).value("redis_up")).contains(1.0);
      int open = proxy.openConnections();
      for (int round = 0; round < 3; round++) {
        proxy.stop();
        long t0 = System.nanoTime();
        Exposition down = Exposition.parse(e.metrics());
        assertThat(down.value("redis_up")).contains(0.0);
        assertThat((System.nanoTime() - t0) / 1_000_000).as("a scrape while down answers quickly").isLessThan(5000);
        assertThat(down.has("redis_connected_clients")).isFalse();
        assertThat(Exposition.parse(e.metrics()).value("redis_up")).contains(0.0);
        proxy.start();
        Exposition up = Exposition.parse(e.metrics());
        assertThat(up.value("redis_up")).contains(1.0);
        assertThat(up.value("redis_connected_clients")).isPresent();
      }
      for (int i = 0; i < 5; i++) {
        e.metrics();
      }
      assertThat(proxy.openConnections()).as("connections after 3 outages").isLessThanOrEqualTo(Math.max(open, 5));
      assertThat(Exposition.parse(e.metrics()).value("redis_exporter_last_scrape_error", "err", "")).contains(0.0);
    }
  }

  /**
   * A restart between two scrapes cuts the idle connections before the exporter notices: the next scrape must
   * still see the server up (a new connection), not report an outage that never reached a scrape.
   */
  @Test
  void aRestartBetweenTwoScrapesCostsNoScrape() throws Exception {
    try (TcpProxy proxy = new TcpProxy(TestRedis.HOST, TestRedis.PORT);
         ExporterProcess e = ExporterProcess.ours(Map.of(), "--redis.addr=redis://127.0.0.1:" + proxy.port(),
             "--connection-timeout=2s")) {
      assertThat(Exposition.parse(e.metrics()).value("redis_up")).contains(1.0);
      for (int round = 0; round < 5; round++) {
        proxy.stop();
        proxy.start();
        Exposition after = Exposition.parse(e.metrics());
        assertThat(after.value("redis_up")).as("round %d", round).contains(1.0);
        assertThat(after.value("redis_connected_clients")).as("round %d", round).isPresent();
      }
    }
  }
}
