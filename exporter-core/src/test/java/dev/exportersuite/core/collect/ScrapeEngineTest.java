package dev.exportersuite.core.collect;

import dev.exportersuite.core.testing.RunningExporter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.config.MetricsFileParser;
import dev.exportersuite.core.config.YamlDocument;
import dev.exportersuite.core.testing.ScriptedExecutor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The engine on an in-memory executor: timeouts, isolation, sharing, a busy pool, close and reload mid-scrape. */
class ScrapeEngineTest {

  private static final EngineSettings SETTINGS = new EngineSettings(Duration.ofSeconds(5), 4, Duration.ofSeconds(2));

  /** One definition per {@code context: request[: querytimeout]}. */
  private static List<MetricDefinition<String>> definitions(String... specs) throws Exception {
    StringBuilder yaml = new StringBuilder("metrics:\n");
    for (String spec : specs) {
      String[] p = spec.split(":");
      yaml.append("  - context: ").append(p[0]).append("\n    request: \"").append(p[1])
          .append("\"\n    metricsdesc: {value: help}\n");
      if (p.length > 2) {
        yaml.append("    querytimeout: ").append(p[2]).append('\n');
      }
    }
    return new MetricsFileParser<>(RunningExporter.TEXT).parse("t.yaml", YamlDocument.parse("t.yaml", yaml.toString()));
  }

  private static Map<String, Optional<String>> errors(CollectionResult r) {
    return r.results().stream().collect(Collectors.toMap(c -> c.definition().context(), DefinitionResult::error));
  }

  @Test
  void aRequestsTimeoutCountsFromWhenItStartsNotFromThePing() throws Exception {
    ScriptedExecutor x = new ScriptedExecutor().pingDelay(Duration.ofMillis(600)).delay("1", Duration.ofMillis(700));
    try (ScrapeEngine<String> engine = new ScrapeEngine<>(x, definitions("slow:1:1s"), SETTINGS)) {
      CollectionResult r = engine.collect();
      assertThat(r.up()).isTrue();
      assertThat(errors(r).get("slow")).isEmpty();
      assertThat(r.results().get(0).rows()).hasSize(1);
    }
  }

  @Test
  void aSlowOrFailingRequestCostsOnlyItsOwnMetrics() throws Exception {
    ScriptedExecutor x = new ScriptedExecutor().delay("2", Duration.ofSeconds(3)).fail("3", "boom");
    try (ScrapeEngine<String> engine = new ScrapeEngine<>(x, definitions("ok:1", "slow:2:300ms", "bad:3"), SETTINGS)) {
      long t0 = System.nanoTime();
      CollectionResult r = engine.collect();
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(2500));
      assertThat(errors(r).get("ok")).isEmpty();
      assertThat(errors(r).get("slow")).hasValueSatisfying(e -> assertThat(e).contains("timed out after 300ms"));
      assertThat(errors(r).get("bad")).hasValueSatisfying(e -> assertThat(e).contains("boom"));
    }
  }

  @Test
  void definitionsWithTheSameRoundTripShareIt() throws Exception {
    ScriptedExecutor x = new ScriptedExecutor();
    try (ScrapeEngine<String> engine = new ScrapeEngine<>(x, definitions("a:5", "b:5", "c:6"), SETTINGS)) {
      CollectionResult r = engine.collect();
      assertThat(r.results()).allSatisfy(c -> assertThat(c.error()).isEmpty());
      assertThat(x.fetches("5")).isEqualTo(1);
      assertThat(x.fetches("6")).isEqualTo(1);
    }
  }

  @Test
  void concurrentScrapesShareOneCollection() throws Exception {
    ScriptedExecutor x = new ScriptedExecutor().delay("1", Duration.ofMillis(300));
    try (ScrapeEngine<String> engine = new ScrapeEngine<>(x, definitions("a:1"), SETTINGS)) {
      CompletableFuture<CollectionResult> first = CompletableFuture.supplyAsync(engine::collect);
      Thread.sleep(100);
      CollectionResult second = engine.collect();
      assertThat(first.get(5, TimeUnit.SECONDS)).isSameAs(second);
      assertThat(x.fetches("1")).isEqualTo(1);
    }
  }

  @Test
  void aBusyPoolAnswersWithTheReasonWithinTheLimit() throws Exception {
    ScriptedExecutor x = new ScriptedExecutor().stuck("9");
    EngineSettings one = new EngineSettings(Duration.ofSeconds(5), 1, Duration.ofSeconds(2));
    try (ScrapeEngine<String> engine = new ScrapeEngine<>(x, definitions("stuck:9:200ms", "next:1:300ms"), one)) {
      CollectionResult r = engine.collect();
      assertThat(errors(r).get("stuck")).hasValueSatisfying(e -> assertThat(e).contains("timed out"));
      // The only worker is still held by the request that ignores its timeout.
      long t0 = System.nanoTime();
      CollectionResult again = engine.collect();
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
      assertThat(errors(again).get("next")).hasValueSatisfying(e -> assertThat(e)
          .contains("did not start within 300ms").contains("1 workers are busy"));
      x.releaseStuck();
    }
  }

  @Test
  void closingDuringACollectionLetsItFinishThenCloses() throws Exception {
    ScriptedExecutor x = new ScriptedExecutor().delay("1", Duration.ofMillis(400));
    ScrapeEngine<String> engine = new ScrapeEngine<>(x, definitions("a:1"), SETTINGS);
    CompletableFuture<CollectionResult> inFlight = CompletableFuture.supplyAsync(engine::collect);
    Thread.sleep(150);
    engine.close();
    assertThat(x.closed()).isFalse();
    CollectionResult r = inFlight.get(5, TimeUnit.SECONDS);
    assertThat(r.up()).isTrue();
    assertThat(errors(r).get("a")).isEmpty();
    assertThat(x.closed()).isTrue();
    CollectionResult after = engine.collect();
    assertThat(after.up()).isFalse();
    assertThat(after.connectionError()).hasValueSatisfying(e -> assertThat(e).contains("closed"));
  }

  @Test
  void aReloadDuringACollectionTakesEffectAtTheNext() throws Exception {
    ScriptedExecutor x = new ScriptedExecutor().delay("1", Duration.ofMillis(300));
    try (ScrapeEngine<String> engine = new ScrapeEngine<>(x, definitions("old:1"), SETTINGS)) {
      CompletableFuture<CollectionResult> inFlight = CompletableFuture.supplyAsync(engine::collect);
      Thread.sleep(100);
      engine.replaceDefinitions(definitions("new:2"));
      assertThat(errors(inFlight.get(5, TimeUnit.SECONDS))).containsOnlyKeys("old");
      assertThat(errors(engine.collect())).containsOnlyKeys("new");
    }
  }
}
