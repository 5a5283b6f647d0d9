package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.FreePort;
import dev.exportersuite.core.testing.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** redis_exporter's multi-target endpoint: /scrape?target=redis://host:port. */
class ScrapeEndpointTest {

  private static String scrape(ExporterProcess e, String target) {
    return e.url("/scrape?target=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
  }

  @Test
  void eachTargetIsScrapedOnItsOwn() throws Exception {
    int closed = FreePort.pick();
    try (ExporterProcess e = ExporterProcess.ours(Map.of(), "--redis.addr=redis://127.0.0.1:" + closed)) {
      Exposition own = Exposition.parse(e.metrics());
      assertThat(own.value("redis_up")).contains(0.0);

      Http.Response live = Http.get(scrape(e, TestRedis.ADDR));
      assertThat(live.status()).isEqualTo(200);
      Exposition m = Exposition.parse(live.body());
      assertThat(m.value("redis_up")).contains(1.0);
      assertThat(m.value("redis_connected_clients")).isPresent();
      assertThat(m.samples("redis_commands_total")).isNotEmpty();

      Http.Response bare = Http.get(scrape(e, "127.0.0.1:" + TestRedis.PORT));
      assertThat(Exposition.parse(bare.body()).value("redis_up")).contains(1.0);

      Http.Response dead = Http.get(scrape(e, "redis://127.0.0.1:" + closed));
      assertThat(Exposition.parse(dead.body()).value("redis_up")).contains(0.0);

      Http.Response bad = Http.get(scrape(e, "ftp://127.0.0.1:21"));
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body()).contains("unknown scheme");
      assertThat(Http.get(e.url("/scrape")).status()).isEqualTo(400);
    }
  }

  @Test
  void namespaceAndTelemetryPathFlagsAndTheirEnvironmentVariables() throws Exception {
    try (ExporterProcess e = ExporterProcess.ours(Map.of("REDIS_EXPORTER_NAMESPACE", "cache",
        "REDIS_EXPORTER_WEB_TELEMETRY_PATH", "/m"), "--redis.addr=" + TestRedis.ADDR)) {
      Exposition m = Exposition.parse(Http.get(e.url("/m")).body());
      assertThat(m.value("cache_up")).contains(1.0);
      assertThat(m.value("cache_connected_clients")).isPresent();
      assertThat(m.samples("cache_commands_total")).isNotEmpty();
      assertThat(m.has("redis_up")).isFalse();
    }
  }
}
