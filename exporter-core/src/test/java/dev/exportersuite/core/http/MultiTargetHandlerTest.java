package dev.exportersuite.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.collect.EngineSettings;
import dev.exportersuite.core.collect.ScrapeEngine;
import dev.exportersuite.core.snapshots.Redactor;
import dev.exportersuite.core.snapshots.TargetMetrics;
import dev.exportersuite.core.testing.RunningExporter;
import dev.exportersuite.core.testing.ScriptedExecutor;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What all targets together may hold: engines beyond {@code maxTargets} and engines not scraped for
 * {@link MultiTargetHandler#IDLE_CLOSE} are closed, but never under a scrape that still uses them. In-memory
 * executors stand in for the targets' servers.
 */
class MultiTargetHandlerTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String YAML = """
      metrics:
        - context: t
          request: "1"
          metricsdesc: {value: A value.}
      """;

  private final Map<String, ScriptedExecutor> servers = new ConcurrentHashMap<>();
  private final AtomicLong clock = new AtomicLong();
  private ExporterServer server;
  private MultiTargetHandler<String> handler;

  @AfterEach
  void stop() {
    servers.values().forEach(ScriptedExecutor::releaseStuck);
    server.close();
  }

  private void serve(int maxTargets) throws Exception {
    handler = new MultiTargetHandler<>("target", new MultiTargetHandler.TargetOpener<>() {
      @Override
      public String select(Map<String, String> params) {
        return params.get("target");
      }

      @Override
      public TargetMetrics open(String target) {
        ScriptedExecutor executor = servers.computeIfAbsent(target, t -> new ScriptedExecutor());
        try {
          return new TargetMetrics("test", new ScrapeEngine<>(executor,
              RunningExporter.parse(RunningExporter.TEXT, YAML), EngineSettings.DEFAULTS), Labels.EMPTY,
              Redactor.none());
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }, maxTargets, clock::get);
    server = ExporterServer.builder().listen(new ListenAddress("127.0.0.1", 0)).registry(new PrometheusRegistry())
        .multiTargetRoute("/probe", handler).start();
  }

  private CompletableFuture<HttpResponse<String>> probe(String target) {
    return CLIENT.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
        + "/probe?target=" + target)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theLeastRecentlyUsedTargetIsClosedBeyondTheLimit() throws Exception {
    serve(2);
    for (String t : new String[] {"a", "b", "c"}) {
      assertThat(probe(t).get(30, TimeUnit.SECONDS).body()).contains("test_t_value 1.0");
    }
    assertThat(handler.openTargets()).isEqualTo(2);
    assertThat(servers.get("a").closed()).isTrue();
    assertThat(servers.get("b").closed()).isFalse();
  }

  @Test
  void anEvictedTargetIsClosedOnlyWhenItsScrapeEnds() throws Exception {
    serve(1);
    servers.put("slow", new ScriptedExecutor().stuck("1"));
    CompletableFuture<HttpResponse<String>> slow = probe("slow");
    while (servers.get("slow").fetches("1") == 0) {
      Thread.sleep(10);
    }
    assertThat(probe("fast").get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(handler.openTargets()).isEqualTo(1);
    assertThat(servers.get("slow").closed()).as("evicted, but its scrape runs").isFalse();
    servers.get("slow").releaseStuck();
    assertThat(slow.get(30, TimeUnit.SECONDS).body()).contains("test_t_value 1.0");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!servers.get("slow").closed() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(servers.get("slow").closed()).isTrue();
  }

  @Test
  void aTargetNotScrapedForTheIdleTimeIsClosedAtTheNextRequest() throws Exception {
    serve(64);
    probe("old").get(30, TimeUnit.SECONDS);
    clock.addAndGet(MultiTargetHandler.IDLE_CLOSE.toNanos() / 2);
    probe("recent").get(30, TimeUnit.SECONDS);
    clock.addAndGet(MultiTargetHandler.IDLE_CLOSE.toNanos() / 2 + 1);
    assertThat(servers.get("old").closed()).isFalse();
    probe("new").get(30, TimeUnit.SECONDS);
    assertThat(servers.get("old").closed()).isTrue();
    assertThat(servers.get("recent").closed()).isFalse();
    assertThat(handler.openTargets()).isEqualTo(2);
  }
}
