package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.Promtool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ours and the Debian prometheus-redis-exporter (1.45) side by side on the same real Redis, default flags:
 * every family the peer exposes (Go runtime aside) must come out of ours with the same name, type and label
 * names, except the differences listed here with their reason.
 */
class ParityTest {

  /** Families the peer has and ours has not yet: none. */
  static final Map<String, String> MISSING_SELF_METRICS = Map.of();

  /** Families whose type differs because the Java client cannot write the peer's form. */
  static final Map<String, String> TYPE_DIFFERENCES = new TreeMap<>(Map.of(
      "redis_latency_percentiles_usec", "summary with quantile=\"99\": client_java takes quantiles in [0,1] only",
      "redis_dump_payload_sanitizations", "counter without _total: client_java always writes _total",
      "redis_io_threaded_reads_processed", "counter without _total",
      "redis_io_threaded_writes_processed", "counter without _total",
      "redis_total_error_replies", "counter without _total",
      "redis_total_reads_processed", "counter without _total",
      "redis_total_writes_processed", "counter without _total",
      "redis_unexpected_error_replies", "counter without _total"));

  /** Families whose label names differ: build info carries the Java version, not Go's build labels. */
  static final Set<String> LABEL_DIFFERENCES = Set.of("redis_exporter_build_info");

  private static Exposition peer;
  private static Exposition ours;
  private static String oursText;

  @BeforeAll
  static void scrapeBoth() throws Exception {
    try (TestRedis redis = new TestRedis()) {
      // Some keys, slowlog and latency data, so that every family has samples on both sides.
      redis.sync().set(redis.key("k"), "1");
      redis.sync().expire(redis.key("k"), 300);
      try {
        // An error reply, so that errorstats (redis_errors_total{err}) has a line on both sides.
        redis.sync().lpush(redis.key("k"), "x");
      } catch (io.lettuce.core.RedisCommandExecutionException expected) {
        // WRONGTYPE
      }
      try (ExporterProcess p = ExporterProcess.peer("--redis.addr=" + TestRedis.ADDR);
           ExporterProcess o = ExporterProcess.ours(Map.of(), "--redis.addr=" + TestRedis.ADDR)) {
        p.metrics();
        o.metrics();
        peer = Exposition.parse(p.metrics());
        oursText = o.metrics();
        ours = Exposition.parse(oursText);
      } finally {
        redis.cleanup(0);
      }
    }
  }

  private static boolean runtime(String family) {
    return family.startsWith("go_") || family.startsWith("process_") || family.startsWith("promhttp_");
  }

  @Test
  void everyPeerFamilyExistsInOursWithTheSameType() {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> f : peer.types().entrySet()) {
      String name = f.getKey();
      if (runtime(name) || MISSING_SELF_METRICS.containsKey(name)) {
        continue;
      }
      String oursType = ours.types().get(name);
      if (oursType == null) {
        problems.add(name + " (" + f.getValue() + ") is missing");
      } else if (!oursType.equals(f.getValue()) && !TYPE_DIFFERENCES.containsKey(name)) {
        problems.add(name + ": peer " + f.getValue() + ", ours " + oursType);
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theListedDifferencesAreStillReal() {
    // Keeps the exception lists honest: an entry that no longer differs must be removed.
    for (String name : TYPE_DIFFERENCES.keySet()) {
      assertThat(peer.types()).containsKey(name);
      assertThat(ours.types().get(name)).as(name).isNotEqualTo(peer.types().get(name));
    }
    for (String name : MISSING_SELF_METRICS.keySet()) {
      assertThat(peer.types()).containsKey(name);
      assertThat(ours.types()).doesNotContainKey(name);
    }
  }

  @Test
  void labelNamesMatchPerSampleName() {
    List<String> problems = new ArrayList<>();
    for (String name : new TreeSet<>(peer.types().keySet())) {
      if (runtime(name) || MISSING_SELF_METRICS.containsKey(name) || LABEL_DIFFERENCES.contains(name)) {
        continue;
      }
      Map<String, Set<String>> peerLabels = labelNames(peer, name);
      Map<String, Set<String>> ourLabels = labelNames(ours, name);
      if (!peerLabels.equals(ourLabels)) {
        problems.add(name + ": peer " + peerLabels + ", ours " + ourLabels);
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void sameSeriesForTheKeyFamilies() {
    // The series dashboards query: same label values, not just the same label names.
    for (String name : List.of("redis_db_keys", "redis_db_keys_expiring", "redis_commands_total",
        "redis_latency_percentiles_usec", "redis_instance_info")) {
      Set<Map<String, String>> peerSeries = new java.util.HashSet<>();
      peer.samples(name).forEach(s -> peerSeries.add(s.labels()));
      Set<Map<String, String>> ourSeries = new java.util.HashSet<>();
      ours.samples(name).forEach(s -> ourSeries.add(s.labels()));
      if (name.equals("redis_commands_total") || name.equals("redis_latency_percentiles_usec")) {
        // Each exporter's own commands differ (HELLO, EVALSHA...); the commands both saw must be there.
        assertThat(ourSeries).as(name).containsAll(peerSeries.stream()
            .filter(l -> List.of("get", "set", "expire", "info").contains(l.get("cmd"))).toList());
      } else if (name.equals("redis_instance_info")) {
        assertThat(ourSeries).as(name).isEqualTo(peerSeries);
      } else {
        assertThat(ourSeries).as(name).isEqualTo(peerSeries);
      }
    }
    // Values are not compared here: other suites may write to the shared server between the two scrapes.
    assertThat(ours.value("redis_up")).contains(1.0);
    assertThat(peer.samples("redis_errors_total")).isNotEmpty();
    assertThat(ours.samples("redis_errors_total")).extracting(Exposition.Sample::labels)
        .contains(java.util.Map.of("err", "WRONGTYPE"));
  }

  @Test
  void oursPassesPromtool() throws Exception {
    Promtool.Result r = Promtool.checkMetrics(oursText);
    // promtool lints counters without _total and the like as warnings (exit 3 for lint only); errors fail.
    assertThat(r.output()).doesNotContain("error while linting");
    assertThat(r.exitCode()).as(r.output()).isIn(0, 3);
  }

  private static Map<String, Set<String>> labelNames(Exposition e, String family) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (Exposition.Sample s : e.samples()) {
      if (s.name().equals(family) || s.name().equals(family + "_sum") || s.name().equals(family + "_count")
          || s.name().equals(family + "_total") || s.name().equals(family + "_bucket")) {
        Set<String> names = new TreeSet<>(s.labels().keySet());
        out.merge(s.name(), names, (a, b) -> {
          a.addAll(b);
          return a;
        });
      }
    }
    return out;
  }
}
