package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.Exposition;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keys that are not UTF-8 (bytes 0xff 0xfe, a broken 0xc3 0x28) are measured as the bytes they are, and labelled
 * with each byte outside UTF-8 as {@code \xNN}; valid UTF-8 keys keep their text.
 */
class BinaryKeysTest {

  private static TestRedis redis;
  private static RedisClient client;
  private static StatefulRedisConnection<byte[], byte[]> bytes;
  private static ExporterProcess exporter;
  private static Exposition metrics;

  private static byte[] key(String prefix, int... tail) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
    for (int b : tail) {
      out.write(b);
    }
    return out.toByteArray();
  }

  @BeforeAll
  static void start() throws Exception {
    redis = new TestRedis();
    client = RedisClient.create(RedisURI.create(TestRedis.ADDR));
    bytes = client.connect(ByteArrayCodec.INSTANCE);
    String p = redis.prefix;
    bytes.sync().set(key(p + "s:", 0xff, 0xfe), "abcd".getBytes(StandardCharsets.UTF_8));
    bytes.sync().rpush(key(p + "l:", 0xc3, 0x28), "a".getBytes(), "b".getBytes(), "c".getBytes());
    redis.sync().sadd(p + "é", "x", "y");
    exporter = ExporterProcess.ours(Map.of(), "--redis.addr=" + TestRedis.ADDR, "--check-keys=" + p + "*",
        "--check-single-keys=" + p + "é", "--check-key-groups=^(" + p.replace("-", "%-") + "%a:..)");
    metrics = Exposition.parse(exporter.metrics());
  }

  @AfterAll
  static void stop() throws Exception {
    exporter.close();
    // TestRedis.cleanup reads keys as text, which these are not: deleted by their bytes.
    bytes.sync().del(key(redis.prefix + "s:", 0xff, 0xfe), key(redis.prefix + "l:", 0xc3, 0x28));
    bytes.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    redis.cleanup(0);
    redis.close();
  }

  @Test
  void binaryKeysAreMeasuredAndLabelledWithEscapes() {
    String p = redis.prefix;
    assertThat(metrics.value("redis_key_size", "db", "db0", "key", p + "s:\\xff\\xfe")).contains(4.0);
    assertThat(metrics.value("redis_key_size", "db", "db0", "key", p + "l:\\xc3(")).contains(3.0);
    assertThat(metrics.value("redis_key_value_as_string", "db", "db0", "key", p + "s:\\xff\\xfe", "val", "abcd"))
        .contains(1.0);
  }

  @Test
  void utf8KeysKeepTheirText() {
    assertThat(metrics.value("redis_key_size", "db", "db0", "key", redis.prefix + "é")).contains(2.0);
  }

  @Test
  void keyGroupsNameBinaryGroupsTheSameWay() {
    String p = redis.prefix;
    assertThat(metrics.value("redis_key_group_count", "db", "db0", "key_group", p + "s:\\xff\\xfe")).contains(1.0);
    assertThat(metrics.value("redis_key_group_count", "db", "db0", "key_group", p + "l:\\xc3(")).contains(1.0);
    assertThat(metrics.value("redis_key_group_memory_usage_bytes", "db", "db0", "key_group", p + "s:\\xff\\xfe"))
        .hasValueSatisfying(v -> assertThat(v).isPositive());
  }

  @Test
  void labelTextKeepsUtf8AndEscapesOnlyTheBytesOutsideIt() {
    assertThat(KeyText.of(key("a:", 0xff, 0xfe))).isEqualTo("a:\\xff\\xfe");
    assertThat(KeyText.of(key("é", 0xc3))).isEqualTo("é\\xc3");
    // A real replacement character (EF BF BD) is valid UTF-8 and stays itself.
    assertThat(KeyText.of(key("x", 0xef, 0xbf, 0xbd, 0xff))).isEqualTo("x\uFFFD\\xff");
    assertThat(KeyName.of(key("k", 0xff))).isEqualTo(KeyName.of(key("k", 0xff)))
        .isNotEqualTo(KeyName.of(key("k", 0xfe)));
  }
}
