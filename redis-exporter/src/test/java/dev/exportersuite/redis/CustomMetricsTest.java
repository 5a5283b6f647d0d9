package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's own metrics file with commands and Lua scripts, plus the errors a command can meet: each failing
 * collector costs its own metrics and is counted under its name, everything else keeps coming.
 */
class CustomMetricsTest {

  @TempDir
  static Path dir;
  private static TestRedis redis;
  private static ExporterProcess exporter;
  private static Exposition first;

  @BeforeAll
  static void start() throws Exception {
    redis = new TestRedis();
    var r = redis.sync();
    r.rpush(redis.key("queue:jobs"), "1", "2", "3", "4");
    r.set(redis.key("plain"), "text");
    r.xadd(redis.key("orders"), Map.of("id", "1"));
    r.xadd(redis.key("orders"), Map.of("id", "2"));
    r.xgroupCreate(io.lettuce.core.XReadArgs.StreamOffset.from(redis.key("orders"), "0"), "billing");
    String p = redis.prefix;
    Path file = dir.resolve("team.yaml");
    Files.writeString(file, """
        metrics:
          - context: queue
            collector: queue_jobs
            request: LLEN %1$squeue:jobs
            rows:
              - rename: {value: length}
            metricsdesc:
              length: "Jobs waiting."
          - context: stream_group
            collector: orders_groups
            request: XINFO GROUPS %1$sorders
            labels: [name]
            metricsdesc:
              pending: "Entries delivered but not acknowledged."
              consumers: "Consumers in the group."
          - context: team
            collector: lua_counts
            request: |
              #!lua flags=no-writes
              local n = redis.call('LLEN', '%1$squeue:jobs')
              return {'jobs', n, 'double', n * 2}
            rows: [pairs, rename: {field: kind}]
            labels: [kind]
            metricsdesc:
              value: "Figures computed by a script."
          - context: broken
            collector: wrong_type
            request: LLEN %1$splain
            metricsdesc:
              value: "never"
          - context: broken
            collector: unknown_command
            request: NOSUCHCOMMAND
            metricsdesc:
              value2: "never"
          - context: broken
            collector: noscript
            request: EVALSHA 0123456789012345678901234567890123456789 0
            metricsdesc:
              value3: "never"
          - context: broken
            collector: blocking
            querytimeout: 500ms
            request: BLPOP %1$snothing-ever 0
            metricsdesc:
              value4: "never"
        """.formatted(p));
    exporter = ExporterProcess.ours(Map.of(), "--redis.addr=" + TestRedis.ADDR, "--custom.metrics=" + file);
    first = Exposition.parse(exporter.metrics());
  }

  @AfterAll
  static void stop() throws Exception {
    exporter.close();
    redis.cleanup(0);
    redis.close();
  }

  @Test
  void commandRepliesBecomeTheTeamsMetrics() {
    assertThat(first.value("redis_queue_length")).contains(4.0);
    assertThat(first.value("redis_stream_group_pending", "name", "billing")).contains(0.0);
    assertThat(first.value("redis_stream_group_consumers", "name", "billing")).contains(0.0);
  }

  @Test
  void luaScriptRowsBecomeLabelledSamples() {
    assertThat(first.value("redis_team_value", "kind", "jobs")).contains(4.0);
    assertThat(first.value("redis_team_value", "kind", "double")).contains(8.0);
  }

  @Test
  void eachFailingCommandCostsOnlyItsOwnMetricsAndIsCountedUnderItsName() throws Exception {
    Exposition e = Exposition.parse(exporter.metrics());
    for (String collector : new String[] {"wrong_type", "unknown_command", "noscript", "blocking"}) {
      assertThat(e.value("redis_exporter_scrape_errors_total", "collector", collector)).as(collector)
          .hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(2.0));
    }
    assertThat(e.value("redis_exporter_scrape_errors_total", "collector", "queue_jobs")).contains(0.0);
    assertThat(e.has("redis_broken_value")).isFalse();
    assertThat(e.value("redis_up")).contains(1.0);
    // As redis_exporter: the err label carries the (first) error's text.
    assertThat(e.samples("redis_exporter_last_scrape_error")).singleElement().satisfies(s -> {
      assertThat(s.value()).isEqualTo(1.0);
      assertThat(s.labels().get("err")).isNotBlank();
    });
    assertThat(e.value("redis_connected_clients")).isPresent();
    assertThat(e.value("redis_queue_length")).contains(4.0);
  }

  @Test
  void theLandingPageAndLogSayWhyACollectorFailed() throws Exception {
    String page = Http.get(exporter.url("/")).body();
    assertThat(page).contains("WRONGTYPE").contains("NOSCRIPT").contains("unknown command");
    assertThat(exporter.log()).contains("got no reply in time");
  }

  @Test
  void aBlockingCommandObeysItsTimeoutAndLeavesNoConnectionBehind() throws Exception {
    long t0 = System.nanoTime();
    Exposition e = Exposition.parse(exporter.metrics());
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(ms).as("scrape time with a 500ms BLPOP").isLessThan(3000);
    assertThat(e.value("redis_queue_length")).contains(4.0);
    for (int i = 0; i < 3; i++) {
      exporter.metrics();
    }
    // The timed-out connections were closed: the server holds no more of ours than the pool needs.
    String clients = redis.sync().clientList();
    long ours = clients.lines().filter(l -> l.contains("name=redis_exporter")).count();
    long blocked = clients.lines().filter(l -> l.contains("name=redis_exporter") && l.contains("cmd=blpop")).count();
    assertThat(ours).isLessThanOrEqualTo(6);
    assertThat(blocked).isLessThanOrEqualTo(1);
  }
}
