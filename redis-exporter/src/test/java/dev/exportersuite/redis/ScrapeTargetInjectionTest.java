package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.Http;
import dev.exportersuite.core.testing.TcpProxy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /scrape?target=} as an attacker uses it: a proxy in front of the real Redis counts every connection. */
class ScrapeTargetInjectionTest {

  private static Http.Response scrape(ExporterProcess e, String target) throws Exception {
    return Http.get(e.url("/scrape?target=" + URLEncoder.encode(target, StandardCharsets.UTF_8)));
  }

  @Test
  void refusedTargetsNeverConnectAndEnginesAreKeyedByTheTarget() throws Exception {
    try (TcpProxy proxy = new TcpProxy(TestRedis.HOST, TestRedis.PORT);
        ExporterProcess e = ExporterProcess.ours(Map.of(), "--redis.addr=" + TestRedis.ADDR)) {
      String at = "127.0.0.1:" + proxy.port();
      List<String> attacks = List.of(
          "redis://" + at + "?clientName=x", "redis://" + at + "/0?timeout=0", "redis://" + at + "#x",
          "redis-sentinel://" + at + "?sentinelMasterId=m", "redis://" + at + ",127.0.0.1:6379",
          "redis://" + at + "/x", at + "\r\nINFO", "redis://[" + at + "]", "unix:///tmp/../" + at);
      for (String attack : attacks) {
        Http.Response r = scrape(e, attack);
        assertThat(r.status()).as(attack).isEqualTo(400);
        assertThat(r.body()).as(attack).startsWith("bad target: ").hasSizeLessThan(400);
      }
      assertThat(proxy.acceptedConnections()).isZero();

      for (int i = 0; i < 20; i++) {
        String target = (i % 2 == 0 ? "redis://" : "") + at;
        Http.Response r = Http.get(e.url("/scrape?target=" + URLEncoder.encode(target, StandardCharsets.UTF_8)
            + "&junk=" + i));
        assertThat(Exposition.parse(r.body()).value("redis_up")).contains(1.0);
      }
      // One engine for the one target, whose one connection serves every scrape, not one per query string.
      assertThat(proxy.acceptedConnections()).isEqualTo(1);
    }
  }
}
