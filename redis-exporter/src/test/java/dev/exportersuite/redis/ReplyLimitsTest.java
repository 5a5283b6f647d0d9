package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exportersuite.core.collect.Row;
import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.Http;
import io.lettuce.core.RedisFuture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounds per reply: a 300,000-element list read whole is an error for its entry, under the image's 128 MiB heap
 * too, and the connection it came on keeps working.
 */
class ReplyLimitsTest {

  private static final Duration T = Duration.ofSeconds(10);
  private static final int ITEMS = 300_000;
  @TempDir
  static Path dir;
  private static TestRedis redis;

  @BeforeAll
  static void fill() throws Exception {
    redis = new TestRedis();
    // One pipeline of RPUSHes, 1,000 items each.
    var async = redis.sync().getStatefulConnection().async();
    List<RedisFuture<Long>> pushes = new ArrayList<>();
    for (int i = 0; i < ITEMS; i += 1000) {
      String[] items = new String[1000];
      for (int j = 0; j < items.length; j++) {
        items[j] = "item-" + (i + j);
      }
      pushes.add(async.rpush(redis.key("big"), items));
    }
    for (RedisFuture<Long> f : pushes) {
      f.get(30, TimeUnit.SECONDS);
    }
    redis.sync().set(redis.key("blob"), "x".repeat(5000));
  }

  @AfterAll
  static void clean() {
    redis.cleanup(0);
    redis.close();
  }

  private static RedisExecutor executor(ReplyLimits limits) {
    return new RedisExecutor(new RedisTarget(RedisAddress.parse(TestRedis.ADDR), Optional.empty(), Optional.empty(),
        Duration.ofSeconds(5), RedisTarget.Tls.NONE, RedisTarget.Session.DEFAULT, limits));
  }

  @Test
  void aReplyPastTheElementLimitIsAnErrorAndTheConnectionStaysUsable() throws Exception {
    try (RedisExecutor executor = executor(ReplyLimits.DEFAULT)) {
      assertThatThrownBy(() -> executor.fetch(RedisRequest.parse("LRANGE " + redis.key("big") + " 0 -1"), T))
          .hasMessage("reply has more than 100000 elements (limit max_reply_elements)");
      // The same (shared) connection: the rest of the reply was read off the wire, so the next answer is its own.
      assertThat(executor.fetch(RedisRequest.parse("LLEN " + redis.key("big")), T))
          .containsExactly(Row.of("value", (long) ITEMS));
      assertThat(executor.fetch(RedisRequest.parse("LRANGE " + redis.key("big") + " 0 2"), T)).hasSize(3);
      assertThat(executor.openConnections()).isEqualTo(1);
    }
  }

  @Test
  void aReplyPastTheByteLimitIsAnError() throws Exception {
    try (RedisExecutor executor = executor(new ReplyLimits(100_000, 4096))) {
      assertThatThrownBy(() -> executor.fetch(RedisRequest.parse("GET " + redis.key("blob")), T))
          .hasMessage("reply has more than 4096 bytes (limit max_reply_bytes)");
      assertThat(executor.fetch(RedisRequest.parse("STRLEN " + redis.key("blob")), T))
          .containsExactly(Row.of("value", 5000L));
    }
  }

  @Test
  void inTheImagesHeapTheBigEntryFailsAloneAndTheLimitIsConfigurable() throws Exception {
    Path metrics = dir.resolve("big.yaml");
    Files.writeString(metrics, """
        metrics:
          - context: big
            collector: whole_list
            request: LRANGE %1$sbig 0 -1
            labels: [value]
            metricsdesc:
              index: "Never: too many."
          - context: big
            collector: list_length
            request: LLEN %1$sbig
            metricsdesc:
              value: "Items in the big list."
        """.formatted(redis.prefix));
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, "connection:\n  max_reply_elements: 200000\n");
    try (ExporterProcess exporter = ExporterProcess.ours(Map.of(), "--redis.addr=" + TestRedis.ADDR,
        "--custom.metrics=" + metrics, "--config.file=" + config)) {
      for (int i = 0; i < 3; i++) {
        Exposition e = Exposition.parse(exporter.metrics());
        assertThat(e.value("redis_exporter_scrape_errors_total", "collector", "whole_list")).contains(i + 1.0);
        assertThat(e.value("redis_big_value")).contains((double) ITEMS);
        assertThat(e.has("redis_big_index")).isFalse();
        assertThat(e.value("redis_up")).contains(1.0);
      }
      assertThat(Http.get(exporter.url("/")).body())
          .contains("reply has more than 200000 elements (limit max_reply_elements)");
    }
  }
}
