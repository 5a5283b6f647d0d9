package dev.exportersuite.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a scrape that cannot finish leaves behind: a scraper that hangs up mid-answer (its scrape timeout) is not a
 * SEVERE stack trace in the log, and a collector's own fault is a 500 with no stack trace in the answer.
 */
class ScrapeFailuresTest {

  private final List<LogRecord> severe = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord r) {
      if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
        severe.add(r);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private final Logger root = Logger.getLogger("");
  private ExporterServer server;

  @BeforeEach
  void listen() {
    root.addHandler(capture);
  }

  @AfterEach
  void stop() {
    root.removeHandler(capture);
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aScraperHangingUpMidAnswerLeavesNoStackTrace() throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    Gauge g = Gauge.builder().name("big_value").help("Many series.").labelNames("n").register(registry);
    for (int i = 0; i < 50_000; i++) {
      g.labelValues("series-number-" + i).set(i);
    }
    server = ExporterServer.builder().listen(new ListenAddress("127.0.0.1", 0)).registry(registry).start();
    for (int i = 0; i < 3; i++) {
      try (Socket s = new Socket("127.0.0.1", server.port())) {
        OutputStream out = s.getOutputStream();
        out.write("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        assertThat(in.readNBytes(64)).hasSize(64);
        s.setSoLinger(true, 0); // reset: the answer's remaining megabytes have nowhere to go
      }
    }
    HttpResponse<String> after = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.body()).contains("big_value{n=\"series-number-49999\"} 49999");
    assertThat(severe).extracting(LogRecord::getMessage).isEmpty();
  }

  @Test
  void aCollectorFaultIsA500WithoutAStackTrace() throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register((io.prometheus.metrics.model.registry.Collector) () -> {
      throw new IllegalStateException("bug in a collector");
    });
    server = ExporterServer.builder().listen(new ListenAddress("127.0.0.1", 0)).registry(registry).start();
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).isEqualTo("error collecting metrics; see the log\n").doesNotContain("at ");
  }
}
