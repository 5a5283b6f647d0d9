package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.Http;
import io.lettuce.core.RedisURI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lua scripts that outlive their querytimeout. A busy script blocks the whole server, and its threshold
 * ({@code busy-reply-threshold}) is server-wide, so these run on a private redis-server (the same binary as the
 * shared one) with the threshold at 100 ms: the shared server's other suites are never held up or reconfigured.
 */
class ScriptTimeoutTest {

  private static final String PASSWORD = "script-timeout-pw";
  @TempDir
  static Path dir;
  private static SecondRedis server;
  private static TestRedis redis;

  @BeforeAll
  static void start() throws Exception {
    server = new SecondRedis(PASSWORD, List.of("--busy-reply-threshold", "100"));
    redis = new TestRedis(RedisURI.builder().withHost("127.0.0.1").withPort(server.port)
        .withPassword(PASSWORD.toCharArray()).withTimeout(Duration.ofSeconds(10)).build());
  }

  @AfterAll
  static void stop() throws Exception {
    redis.close();
    server.close();
  }

  /**
   * An exporter with one entry running {@code script} under a 300 ms querytimeout. The script is loaded on the
   * server first: EVALSHA then starts it at once, with no NOSCRIPT round trip eating into its 300 ms on a loaded
   * machine.
   */
  private static ExporterProcess exporter(String collector, String script) throws Exception {
    Path file = Files.createTempFile(dir, "scripts", ".yaml");
    Files.writeString(file, "metrics:\n  - context: slow\n    collector: " + collector
        + "\n    querytimeout: 300ms\n    request: |\n" + script.indent(6)
        + "    metricsdesc:\n      value: \"never\"\n");
    redis.sync().scriptLoad(RedisRequest.parse(script).script());
    return ExporterProcess.ours(Map.of(), "--redis.addr=" + server.addr(), "--redis.password=" + PASSWORD,
        "--custom.metrics=" + file);
  }

  /** PINGs until the server answers PONG (not BUSY), for at most {@code limit}; how long that took. */
  private static Duration untilPong(Duration limit) throws Exception {
    long t0 = System.nanoTime();
    while (System.nanoTime() - t0 < limit.toNanos()) {
      try {
        if ("PONG".equals(redis.sync().ping())) {
          return Duration.ofNanos(System.nanoTime() - t0);
        }
      } catch (io.lettuce.core.RedisCommandExecutionException e) {
        Thread.sleep(20);
      }
    }
    return limit.plusNanos(1);
  }

  @Test
  void aScriptPastItsTimeoutIsKilledOnTheServer() throws Exception {
    // Reads only, for 3 s: without a kill the server would answer BUSY for 3 s.
    try (ExporterProcess exporter = exporter("slow_script", """
        #!lua flags=no-writes
        local s = tonumber(redis.call('TIME')[1])
        while tonumber(redis.call('TIME')[1]) - s < 3 do end
        return 1
        """)) {
      Exposition e = Exposition.parse(exporter.metrics());
      Duration pong = untilPong(Duration.ofSeconds(1));
      assertThat(pong).as("PONG after the script's timeout").isLessThanOrEqualTo(Duration.ofSeconds(1));
      assertThat(e.value("redis_exporter_scrape_errors_total", "collector", "slow_script")).contains(1.0);
      assertThat(e.has("redis_slow_value")).isFalse();
      assertThat(Http.get(exporter.url("/")).body()).contains("SCRIPT KILL sent on a separate connection");
      assertThat(exporter.log()).contains("was stopped on the server (SCRIPT KILL: OK)");
      // Nothing runs now, so the next scrape starts the script again (and stops it again).
      Exposition again = Exposition.parse(exporter.metrics());
      assertThat(again.value("redis_exporter_scrape_errors_total", "collector", "slow_script")).contains(2.0);
      assertThat(untilPong(Duration.ofSeconds(1))).isLessThanOrEqualTo(Duration.ofSeconds(1));
    }
  }

  @Test
  void aScriptThatWroteIsUnkillableAndNotStartedAgainWhileItRuns() throws Exception {
    String starts = "rxtest:script-timeout:starts";
    redis.sync().del(starts);
    try (ExporterProcess exporter = exporter("slow_writer", """
        #!lua
        redis.call('INCR', '%s')
        local s = tonumber(redis.call('TIME')[1])
        while tonumber(redis.call('TIME')[1]) - s < 3 do end
        return 1
        """.formatted(starts))) {
      Exposition first = Exposition.parse(exporter.metrics());
      assertThat(first.value("redis_exporter_scrape_errors_total", "collector", "slow_writer")).contains(1.0);
      // The second scrape comes while the first one's script still runs: the server is down for it (its PING is
      // answered BUSY), the reason names our script, and nothing is started.
      Exposition second = Exposition.parse(exporter.metrics());
      assertThat(second.value("redis_up")).as(exporter.log()).contains(0.0);
      assertThat(second.value("redis_exporter_scrape_errors_total", "collector", "slow_writer")).contains(1.0);
      assertThat(Http.get(exporter.url("/")).body()).as(exporter.log())
          .contains("script still running on the server from an earlier scrape (request '#!lua': ");
      assertThat(untilPong(Duration.ofSeconds(6))).isLessThan(Duration.ofSeconds(6));
      assertThat(redis.sync().get(starts)).isEqualTo("1");
      assertThat(exporter.log()).contains("UNKILLABLE").contains("cannot be stopped").doesNotContain(PASSWORD);
    } finally {
      untilPong(Duration.ofSeconds(6));
      redis.sync().del(starts);
    }
  }

  @Test
  void withoutTheEnginesPingTheExecutorItselfRefusesToStartAStillRunningScript() throws Exception {
    // Another engine on the same server (a /scrape target) sends no PING of this engine's first.
    String starts = "rxtest:script-timeout:direct-starts";
    redis.sync().del(starts);
    RedisRequest r = RedisRequest.parse("""
        #!lua
        redis.call('INCR', '%s')
        local s = tonumber(redis.call('TIME')[1])
        while tonumber(redis.call('TIME')[1]) - s < 3 do end
        return 1
        """.formatted(starts));
    redis.sync().scriptLoad(r.script());
    RedisTarget target = new RedisTarget(RedisAddress.parse(server.addr()), Optional.empty(),
        Optional.of(PASSWORD), Duration.ofSeconds(5), RedisTarget.Tls.NONE, RedisTarget.Session.DEFAULT);
    try (RedisExecutor executor = new RedisExecutor(target)) {
      assertThatThrownBy(() -> executor.fetch(r, Duration.ofMillis(300)))
          .hasMessageContaining("SCRIPT KILL sent on a separate connection");
      assertThatThrownBy(() -> executor.fetch(r, Duration.ofSeconds(2)))
          .isInstanceOf(ScriptKiller.StillRunning.class)
          .hasMessageStartingWith("script still running on the server from an earlier scrape (")
          .hasMessageEndingWith("; not started again");
      assertThat(untilPong(Duration.ofSeconds(6))).isLessThan(Duration.ofSeconds(6));
      assertThat(redis.sync().get(starts)).isEqualTo("1");
      // Ended: the next request runs it again (and it times out again).
      assertThatThrownBy(() -> executor.fetch(r, Duration.ofMillis(300)))
          .hasMessageContaining("SCRIPT KILL sent on a separate connection");
    } finally {
      untilPong(Duration.ofSeconds(6));
      redis.sync().del(starts);
    }
  }
}
