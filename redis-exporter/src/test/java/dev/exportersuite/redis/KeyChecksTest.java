package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.Exposition;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * redis_exporter's key flags on a few thousand keys in a database of their own: --check-keys (SCAN, bounded),
 * --check-single-keys and --count-keys, with redis_exporter's names and labels.
 */
class KeyChecksTest {

  private static final int DB = 11;
  private static final int USERS = 3000;
  private static TestRedis redis;

  @BeforeAll
  static void fill() {
    redis = new TestRedis();
    RedisCommands<String, String> r = redis.sync();
    r.select(DB);
    Map<String, String> batch = new HashMap<>();
    for (int i = 0; i < USERS; i++) {
      batch.put(redis.key("user:" + i), Integer.toString(i));
      if (batch.size() == 500) {
        r.mset(batch);
        batch.clear();
      }
    }
    r.rpush(redis.key("list"), "a", "b");
    r.sadd(redis.key("set"), "a", "b", "c");
    r.hset(redis.key("hash"), "f", "v");
    r.zadd(redis.key("zset"), 1, "a");
    r.set(redis.key("text"), "not a number");
    r.pfadd(redis.key("hll"), "a", "b", "c", "d");
    r.select(0);
  }

  @AfterAll
  static void clean() {
    redis.cleanup(DB);
    redis.close();
  }

  @Test
  void patternsAreWalkedWithScanAndEveryKeyReportsItsSizeAndNumericValue() throws Exception {
    String p = redis.prefix;
    try (ExporterProcess e = ExporterProcess.ours(Map.of(), "--redis.addr=" + TestRedis.ADDR,
        "--check-keys=db" + DB + "=" + p + "user:*,db" + DB + "=" + p + "list",
        "--check-single-keys=db" + DB + "=" + p + "set,db" + DB + "=" + p + "hash,db" + DB + "=" + p + "zset,"
            + "db" + DB + "=" + p + "text,db" + DB + "=" + p + "hll,db" + DB + "=" + p + "absent",
        "--count-keys=db" + DB + "=" + p + "user:*")) {
      Exposition m = Exposition.parse(e.metrics());
      String db = "db" + DB;
      assertThat(m.type("redis_key_size")).contains("gauge");
      assertThat(m.type("redis_key_value")).contains("gauge");
      assertThat(m.samples("redis_key_size")).filteredOn(s -> s.labels().get("key").startsWith(p + "user:"))
          .hasSize(USERS);
      assertThat(m.value("redis_key_size", "db", db, "key", p + "user:1234")).contains(4.0);
      assertThat(m.value("redis_key_value", "db", db, "key", p + "user:1234")).contains(1234.0);
      assertThat(m.value("redis_key_size", "db", db, "key", p + "list")).contains(2.0);
      assertThat(m.value("redis_key_size", "db", db, "key", p + "set")).contains(3.0);
      assertThat(m.value("redis_key_size", "db", db, "key", p + "hash")).contains(1.0);
      assertThat(m.value("redis_key_size", "db", db, "key", p + "zset")).contains(1.0);
      assertThat(m.value("redis_key_size", "db", db, "key", p + "text")).contains(12.0);
      assertThat(m.value("redis_key_value", "db", db, "key", p + "text")).isEmpty();
      assertThat(m.value("redis_key_size", "db", db, "key", p + "hll")).contains(4.0);
      assertThat(m.value("redis_key_size", "db", db, "key", p + "absent")).contains(0.0);
      assertThat(m.value("redis_keys_count", "db", db, "key", p + "user:*")).contains((double) USERS);
      assertThat(m.value("redis_exporter_scrape_errors_total", "collector", "check_keys")).contains(0.0);
      // The pooled connections were put back on their own database: default collectors still see db0 keys.
      assertThat(m.value("redis_up")).contains(1.0);
    }
  }

  @Test
  void theBoundStopsAWalkThatMatchesTooManyKeysWithAClearError() throws Exception {
    try (ExporterProcess e = ExporterProcess.ours(Map.of(), "--redis.addr=" + TestRedis.ADDR,
        "--check-keys=db" + DB + "=" + redis.prefix + "user:*", "--check-keys-limit=1000")) {
      Exposition m = Exposition.parse(e.metrics());
      assertThat(m.has("redis_key_size")).isFalse();
      assertThat(m.value("redis_exporter_scrape_errors_total", "collector", "check_keys")).contains(1.0);
      assertThat(m.value("redis_connected_clients")).isPresent();
      assertThat(e.log()).contains("than the limit allows");
    }
  }

  @Test
  void keyChecksSendNoKeysCommand() throws Exception {
    RedisCommands<String, String> r = redis.sync();
    long before = keysCalls(r);
    try (ExporterProcess e = ExporterProcess.ours(Map.of(), "--redis.addr=" + TestRedis.ADDR,
        "--check-keys=db" + DB + "=" + redis.prefix + "user:1*")) {
      e.metrics();
    }
    assertThat(keysCalls(r)).isEqualTo(before);
  }

  private static long keysCalls(RedisCommands<String, String> r) {
    return r.info("commandstats").lines().filter(l -> l.startsWith("cmdstat_keys:"))
        .map(l -> Long.parseLong(l.replaceAll("^[^:]*:calls=(\\d+),.*", "$1"))).findFirst().orElse(0L);
  }
}
