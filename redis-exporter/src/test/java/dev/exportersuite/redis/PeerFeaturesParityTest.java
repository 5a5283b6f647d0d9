package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.CommandRun;
import dev.exportersuite.core.testing.Exposition;
import io.lettuce.core.Consumer;
import io.lettuce.core.XReadArgs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feature flags users turn on, side by side with prometheus-redis-exporter 1.45 on the same Redis, in the
 * peer's single-dash syntax: streams, key groups, the client list, system and config metrics, the PING time and
 * --redis-only-metrics. Both scrape this test's own keys (under a unique prefix in db13) and are compared on them.
 */
class PeerFeaturesParityTest {

  private static final int DB = 13;
  private static TestRedis redis;
  private static Exposition peer;
  private static Exposition ours;
  private static String clientName;

  @BeforeAll
  static void scrapeBoth() throws Exception {
    redis = new TestRedis();
    String p = redis.prefix;
    var r = redis.sync();
    r.select(DB);
    for (String s : List.of("s:orders", "s:billing")) {
      for (int i = 0; i < 3; i++) {
        r.xadd(p + s, Map.of("n", Integer.toString(i)));
      }
      r.xgroupCreate(XReadArgs.StreamOffset.from(p + s, "0-0"), "workers");
      r.xreadgroup(Consumer.from("workers", "w1"), XReadArgs.Builder.count(2),
          XReadArgs.StreamOffset.lastConsumed(p + s));
    }
    r.xadd(p + "single", Map.of("a", "b"));
    r.set(p + "user:1", "x");
    r.set(p + "user:2", "yy");
    r.set(p + "order:1", "zzz");
    r.select(0);
    // A client the two exporters must both list, with the same name.
    clientName = "rxtest-" + p.substring(7, 15);
    r.clientSetname(clientName);
    String[] flags = {"-redis.addr=" + TestRedis.ADDR, "-check-streams=db" + DB + "=" + p + "s:*",
        "-check-single-streams=db" + DB + "=" + p + "single", "-check-key-groups=^" + p + "(%a+):", "-export-client-list", "-include-system-metrics", "-include-config-metrics",
        "-ping-on-connect", "-redis-only-metrics"};
    try (ExporterProcess pe = ExporterProcess.peer(flags);
         ExporterProcess o = ExporterProcess.ours(Map.of(), flags)) {
      peer = Exposition.parse(pe.metrics());
      ours = Exposition.parse(o.metrics());
    }
  }

  @AfterAll
  static void cleanUp() {
    redis.cleanup(DB);
    redis.close();
  }

  @Test
  void streamFamiliesHaveThePeersSeriesAndValues() {
    for (String family : List.of("redis_stream_length", "redis_stream_radix_tree_keys", "redis_stream_radix_tree_nodes",
        "redis_stream_last_generated_id", "redis_stream_groups", "redis_stream_group_consumers",
        "redis_stream_group_messages_pending", "redis_stream_group_last_delivered_id",
        "redis_stream_group_consumer_messages_pending")) {
      sameSeriesAndValues(family);
    }
    // Idle time moves between the two scrapes: same series, and values close.
    assertThat(ours.type("redis_stream_group_consumer_idle_seconds"))
        .isEqualTo(peer.type("redis_stream_group_consumer_idle_seconds"));
    assertThat(series(ours, "redis_stream_group_consumer_idle_seconds"))
        .isEqualTo(series(peer, "redis_stream_group_consumer_idle_seconds")).hasSize(2);
    assertThat(peer.samples("redis_stream_length")).hasSize(3);
    assertThat(ours.value("redis_stream_group_messages_pending", "db", "db" + DB, "stream", redis.prefix + "s:orders",
        "group", "workers")).contains(2.0);
  }

  @Test
  void keyGroupsOfThisTestsKeysHaveThePeersValues() {
    for (String family : List.of("redis_key_group_count", "redis_key_group_memory_usage_bytes")) {
      assertThat(ours.type(family)).as(family).isEqualTo(peer.type(family));
      for (String group : List.of("user", "order")) {
        Set<Double> values = new HashSet<>();
        values.addAll(peer.value(family, "db", "db" + DB, "key_group", group).stream().toList());
        assertThat(values).as(family + group).hasSize(1);
        assertThat(ours.value(family, "db", "db" + DB, "key_group", group)).as(family + group)
            .contains(values.iterator().next());
      }
    }
    assertThat(ours.value("redis_key_group_count", "db", "db" + DB, "key_group", "user")).contains(2.0);
    assertThat(ours.type("redis_number_of_distinct_key_groups")).isEqualTo(peer.type("redis_number_of_distinct_key_groups"));
    assertThat(series(ours, "redis_number_of_distinct_key_groups")).isEqualTo(
        series(peer, "redis_number_of_distinct_key_groups")).hasSize(16);
    assertThat(ours.type("redis_last_key_groups_scrape_duration_milliseconds"))
        .isEqualTo(peer.type("redis_last_key_groups_scrape_duration_milliseconds"));
  }

  @Test
  void theClientListHasThePeersLabelsAndThisTestsClient() {
    String family = "redis_connected_clients_details";
    assertThat(ours.type(family)).isEqualTo(peer.type(family));
    assertThat(labelNames(ours, family)).isEqualTo(labelNames(peer, family));
    Map<String, String> peerOwn = own(peer, family);
    Map<String, String> oursOwn = own(ours, family);
    for (String label : List.of("name", "flags", "db", "omem", "host")) {
      assertThat(oursOwn.get(label)).as(label).isEqualTo(peerOwn.get(label));
    }
    assertThat(Math.abs(Long.parseLong(oursOwn.get("created_at")) - Long.parseLong(peerOwn.get("created_at"))))
        .isLessThanOrEqualTo(5);
  }

  @Test
  void systemAndConfigMetricsMatchThePeers() {
    sameSeriesAndValues("redis_total_system_memory_bytes");
    assertThat(ours.type("redis_config_key_value")).isEqualTo(peer.type("redis_config_key_value"));
    assertThat(ours.type("redis_config_value")).isEqualTo(peer.type("redis_config_value"));
    Set<String> peerKeys = keys(peer, "redis_config_key_value");
    assertThat(keys(ours, "redis_config_key_value")).isEqualTo(peerKeys).doesNotContain("requirepass", "masterauth");
    assertThat(peerKeys).hasSizeGreaterThan(100);
    assertThat(ours.value("redis_config_value", "key", "databases")).contains(16.0);
    assertThat(ours.value("redis_config_key_value", "key", "maxmemory-policy", "value", "noeviction"))
        .isEqualTo(peer.value("redis_config_key_value", "key", "maxmemory-policy", "value", "noeviction"));
  }

  @Test
  void pingTimeAndRedisOnlyMetricsAreThePeers() {
    assertThat(ours.type("redis_exporter_last_scrape_ping_time_seconds"))
        .isEqualTo(peer.type("redis_exporter_last_scrape_ping_time_seconds")).contains("gauge");
    assertThat(peer.has("redis_exporter_build_info")).isFalse();
    assertThat(ours.has("redis_exporter_build_info")).isFalse();
    assertThat(peer.types().keySet()).noneMatch(f -> f.startsWith("go_"));
    assertThat(ours.types().keySet()).noneMatch(f -> f.startsWith("jvm_") || f.startsWith("process_"));
  }

  /** redis_exporter 1.66 takes several scripts (the Debian 1.45 takes one): each value labelled by its file. */
  @Test
  void severalScriptsGiveValuesLabelledByTheirFile(@TempDir Path dir)
      throws Exception {
    Path a = dir.resolve("a.lua");
    Path b = dir.resolve("b.lua");
    Files.writeString(a, "return {'jobs', '3', 'workers', '2'}\n");
    Files.writeString(b, "return {'jobs', '7'}\n");
    var r = CommandRun.run(new RedisExporter(Map.of()), "--once",
        "-redis.addr=" + TestRedis.ADDR, "-script=" + a + "," + b);
    Exposition e = Exposition.parse(r.stdout());
    assertThat(e.value("redis_script_values", "key", "jobs", "filename", a.toString())).contains(3.0);
    assertThat(e.value("redis_script_values", "key", "workers", "filename", a.toString())).contains(2.0);
    assertThat(e.value("redis_script_values", "key", "jobs", "filename", b.toString())).contains(7.0);
    assertThat(e.samples("redis_script_values")).hasSize(3);
  }

  private static void sameSeriesAndValues(String family) {
    assertThat(ours.type(family)).as(family).isEqualTo(peer.type(family)).isPresent();
    assertThat(series(ours, family)).as(family).isEqualTo(series(peer, family)).isNotEmpty();
    for (Exposition.Sample s : peer.samples(family)) {
      assertThat(ours.value(family, pairs(s.labels()))).as(family + s.labels()).contains(s.value());
    }
  }

  private static Set<Map<String, String>> series(Exposition e, String family) {
    Set<Map<String, String>> out = new HashSet<>();
    e.samples(family).stream().filter(s -> !s.labels().containsKey("stream")
        || s.labels().get("stream").startsWith(redis.prefix)).forEach(s -> out.add(s.labels()));
    return out;
  }

  private static Set<String> labelNames(Exposition e, String family) {
    return e.samples(family).stream().flatMap(s -> s.labels().keySet().stream()).collect(Collectors.toCollection(
        TreeSet::new));
  }

  private static Map<String, String> own(Exposition e, String family) {
    return e.samples(family).stream().filter(s -> clientName.equals(s.labels().get("name"))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + family + " for " + clientName)).labels();
  }

  private static Set<String> keys(Exposition e, String family) {
    return e.samples(family).stream().map(s -> s.labels().get("key")).collect(Collectors.toCollection(TreeSet::new));
  }

  private static String[] pairs(Map<String, String> labels) {
    return labels.entrySet().stream().flatMap(en -> java.util.stream.Stream.of(en.getKey(), en.getValue()))
        .toArray(String[]::new);
  }
}
