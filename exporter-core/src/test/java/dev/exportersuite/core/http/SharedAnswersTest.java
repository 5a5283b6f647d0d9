package dev.exportersuite.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Scrapes asking the same thing while one is answered share its bytes: the registry is read and the text written
 * once for all of them; a different format is its own answer, and a scrape after the answer gets a new one.
 */
class SharedAnswersTest {

  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger reads = new AtomicInteger();
  private ExporterServer server;

  @AfterEach
  void stop() {
    release.countDown();
    server.close();
  }

  private CompletableFuture<HttpResponse<String>> get(HttpClient client, String accept) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
        .timeout(Duration.ofSeconds(30));
    if (accept != null) {
      b.header("Accept", accept);
    }
    return client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void concurrentEqualScrapesAreAnsweredFromOneEncoding() throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register((Collector) () -> {
      int n = reads.incrementAndGet();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return GaugeSnapshot.builder().name("shared_reads").help("Reads of the registry.")
          .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(n).build()).build();
    });
    server = ExporterServer.builder().listen(new ListenAddress("127.0.0.1", 0)).registry(registry).start();
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<CompletableFuture<HttpResponse<String>>> text = new ArrayList<>();
    String[] accepts = {null, "*/*", "application/openmetrics-text;version=1.0.0,application/openmetrics-text;"
        + "version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"}; // none, curl's, Prometheus 2's
    for (int i = 0; i < 8; i++) {
      text.add(get(client, accepts[i % accepts.length]));
    }
    CompletableFuture<HttpResponse<String>> openMetrics = get(client,
        "application/openmetrics-text; version=1.0.0; charset=utf-8");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (reads.get() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(300); // every scrape has arrived and waits
    assertThat(reads.get()).as("one read for the 8 text scrapes (whatever their Accept header), one for OpenMetrics").isEqualTo(2);
    release.countDown();
    String first = text.get(0).get(30, TimeUnit.SECONDS).body();
    assertThat(first).contains("# TYPE shared_reads gauge");
    for (CompletableFuture<HttpResponse<String>> f : text) {
      HttpResponse<String> r = f.get(30, TimeUnit.SECONDS);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
          .startsWith("text/plain; version=0.0.4"));
      assertThat(r.body()).isEqualTo(first);
    }
    assertThat(openMetrics.get(30, TimeUnit.SECONDS).body()).endsWith("# EOF\n");
    get(client, null).get(30, TimeUnit.SECONDS);
    assertThat(reads.get()).as("an answer is not kept once sent").isEqualTo(3);
  }
}
