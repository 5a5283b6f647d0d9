package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.Exposition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key and script flags side by side with prometheus-redis-exporter 1.45: same families, same series. */
class KeyFlagsParityTest {

  private static final int DB = 12;

  @TempDir
  Path dir;

  @Test
  void keyAndScriptFlagsGiveTheSameSeriesAsRedisExporter() throws Exception {
    try (TestRedis redis = new TestRedis()) {
      var r = redis.sync();
      r.select(DB);
      for (int i = 0; i < 20; i++) {
        r.set(redis.key("item:" + i), Integer.toString(i * 10));
      }
      r.rpush(redis.key("list"), "a", "b", "c");
      r.set(redis.key("item:1text"), "not a number");
      r.select(0);
      Path script = dir.resolve("collect.lua");
      Files.writeString(script, "return {'answer', '42', 'pi', '3.14'}\n");
      String p = redis.prefix;
      String[] flags = {"--redis.addr=" + TestRedis.ADDR,
          "--check-keys=db" + DB + "=" + p + "item:1*,db" + DB + "=" + p + "list",
          "--check-single-keys=db" + DB + "=" + p + "item:5",
          "--count-keys=db" + DB + "=" + p + "item:*",
          "--script=" + script};
      Exposition peer;
      Exposition ours;
      try (ExporterProcess pe = ExporterProcess.peer(flags);
           ExporterProcess o = ExporterProcess.ours(Map.of(), flags)) {
        peer = Exposition.parse(pe.metrics());
        ours = Exposition.parse(o.metrics());
      } finally {
        redis.cleanup(DB);
      }
      for (String family : List.of("redis_key_size", "redis_key_value", "redis_key_value_as_string",
          "redis_keys_count", "redis_script_values")) {
        assertThat(ours.type(family)).as(family).isEqualTo(peer.type(family));
        assertThat(series(ours, family)).as(family).isEqualTo(series(peer, family));
        for (Exposition.Sample s : peer.samples(family)) {
          assertThat(ours.value(family, pairs(s.labels()))).as(family + s.labels()).contains(s.value());
        }
      }
      assertThat(peer.samples("redis_key_size")).hasSize(14);
      assertThat(peer.samples("redis_key_value_as_string")).hasSize(1);
    }
  }

  private static Set<Map<String, String>> series(Exposition e, String family) {
    Set<Map<String, String>> out = new HashSet<>();
    e.samples(family).forEach(s -> out.add(s.labels()));
    return out;
  }

  private static String[] pairs(Map<String, String> labels) {
    return labels.entrySet().stream().flatMap(en -> java.util.stream.Stream.of(en.getKey(), en.getValue()))
        .toArray(String[]::new);
  }
}
