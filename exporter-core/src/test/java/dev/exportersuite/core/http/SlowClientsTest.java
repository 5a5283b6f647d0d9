package dev.exportersuite.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slow and hostile clients against the real server: connections that send their headers one byte a second, and
 * multi-target requests whose target never answers (a handler that waits on a latch stands in for the target).
 * Before the server had {@link HttpLimits}, 8 workers and the accepting thread running the overflow made
 * {@code /metrics} wait 15-40 s behind 10 such clients.
 */
class SlowClientsTest {

  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private final List<Socket> sockets = new ArrayList<>();
  private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
  private final CountDownLatch targetAnswers = new CountDownLatch(1);
  private ExporterServer server;

  @AfterEach
  void stop() throws IOException {
    targetAnswers.countDown();
    trickle.shutdownNow();
    for (Socket s : sockets) {
      s.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private ExporterServer serve(HttpLimits limits) throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    Gauge.builder().name("slow_test_value").help("A value.").register(registry).set(7);
    return ExporterServer.builder().listen(new ListenAddress("127.0.0.1", 0)).registry(registry).limits(limits)
        .multiTargetRoute("/probe", exchange -> {
          try {
            targetAnswers.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          ExporterServer.send(exchange, 200, "text/plain", "probed\n");
        }).start();
  }

  /** Opens a connection that sends a request line, then one header byte a second, never finishing. */
  private Socket slowClient() throws IOException {
    Socket s = new Socket("127.0.0.1", server.port());
    sockets.add(s);
    OutputStream out = s.getOutputStream();
    out.write("GET /metrics HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    trickle.scheduleAtFixedRate(() -> {
      try {
        out.write('a');
        out.flush();
      } catch (IOException closed) {
        // the server hung up: what the header timeout is for
      }
    }, 1, 1, TimeUnit.SECONDS);
    return s;
  }

  private HttpResponse<String> get(String path, Duration timeout) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
  }

  private CompletableFuture<HttpResponse<String>> getAsync(String path) {
    return CLIENT.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void metricsAnswersWhileSlowClientsAndHangingTargetsHoldConnections() throws Exception {
    server = serve(HttpLimits.DEFAULT);
    for (int i = 0; i < 40; i++) {
      slowClient();
    }
    List<CompletableFuture<HttpResponse<String>>> probes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      probes.add(getAsync("/probe?target=db-" + i + ":3306"));
    }
    Thread.sleep(500); // let every slow client and probe take its worker
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> r = get("/metrics", Duration.ofSeconds(3));
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("slow_test_value 7.0");
    }
    assertThat(get("/-/healthy", Duration.ofSeconds(3)).statusCode()).isEqualTo(200);
    assertThat(probes).noneMatch(CompletableFuture::isDone);
    targetAnswers.countDown();
    for (CompletableFuture<HttpResponse<String>> p : probes) {
      assertThat(p.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void multiTargetRequestsBeyondTheirShareAreRefusedAtOnceAndMetricsStillAnswers() throws Exception {
    server = serve(new HttpLimits(16, 256, Duration.ofSeconds(10), 4));
    List<CompletableFuture<HttpResponse<String>>> hanging = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      hanging.add(getAsync("/probe?target=db-" + i + ":3306"));
    }
    Thread.sleep(500);
    HttpResponse<String> refused = get("/probe?target=db-9:3306", Duration.ofSeconds(3));
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(refused.body()).contains("too many /probe requests at once (at most 4)");
    assertThat(get("/metrics", Duration.ofSeconds(3)).statusCode()).isEqualTo(200);
    targetAnswers.countDown();
    for (CompletableFuture<HttpResponse<String>> p : hanging) {
      assertThat(p.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
    assertThat(get("/probe?target=db-9:3306", Duration.ofSeconds(3)).statusCode()).isEqualTo(200);
  }

  @Test
  void aClientThatNeverFinishesItsHeadersIsDisconnectedAfterTheReadTimeoutButASlowAnswerIsNot() throws Exception {
    server = serve(HttpLimits.DEFAULT);
    CompletableFuture<HttpResponse<String>> slowAnswer = getAsync("/probe?target=db:3306");
    Socket slow = slowClient();
    slow.setSoTimeout(30_000);
    long start = System.nanoTime();
    InputStream in = slow.getInputStream();
    int read;
    try {
      read = in.read();
    } catch (SocketException reset) {
      read = -1;
    }
    Duration held = Duration.ofNanos(System.nanoTime() - start);
    assertThat(read).as("the server closes the connection without an answer").isEqualTo(-1);
    // Whole seconds, checked by the JDK server's timer once a second.
    assertThat(held).isBetween(HttpLimits.DEFAULT.requestReadTimeout().minusSeconds(1),
        HttpLimits.DEFAULT.requestReadTimeout().plusSeconds(5));
    // The timeout is for the request only: a handler (a scrape) that takes longer still answers.
    assertThat(slowAnswer).isNotDone();
    targetAnswers.countDown();
    assertThat(slowAnswer.get(30, TimeUnit.SECONDS).body()).isEqualTo("probed\n");
  }
}
