package dev.exportersuite.core.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.exportersuite.core.endpoint.InputText;
import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.exporter.httpserver.HttpExchangeAdapter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a registry: the Prometheus text format with {@link GoTextFormat} (histogram and summary bounds as the Go
 * exporters write them), OpenMetrics and protobuf with the Prometheus client's own scrape handler.
 *
 * <p>Which format: the text format whenever the scraper accepts it, even where it prefers OpenMetrics, as the Go
 * exporters answer (promhttp offers OpenMetrics only when a program enables it). Prometheus asks for OpenMetrics
 * first and text second, and stores label values as sent: dashboards written against the Go exporters select
 * {@code le="20"}, which OpenMetrics would send as {@code le="20.0"}. A scraper that accepts only OpenMetrics or
 * protobuf gets it from the client, as do {@code ?debug=} requests.
 */
final class ScrapeHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ScrapeHandler.class);

  private final PrometheusScrapeHandler client;
  private final SharedAnswers shared = new SharedAnswers();
  private final TextAnswers text;

  ScrapeHandler(PrometheusRegistry registry) {
    this.client = new PrometheusScrapeHandler(registry);
    this.text = new TextAnswers(registry);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      PrometheusHttpRequest request = new HttpExchangeAdapter(exchange).getRequest();
      boolean textFormat = text.serves(request);
      // Text answers differ only by the escaping scheme the Accept header names: Prometheus servers of different
      // versions, and curl, share one answer whatever else their headers say.
      String form = textFormat ? "text; escaping=" + text.scheme(request)
          : String.join(",", exchange.getRequestHeaders().getOrDefault("Accept", java.util.List.of()));
      SharedAnswers.Key key = new SharedAnswers.Key(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          String.valueOf(exchange.getRequestURI().getRawQuery()), form, acceptsGzip(request));
      SharedAnswers.Answer answer = shared.get(key, () -> textFormat ? textAnswer(request) : clientAnswer(request));
      send(exchange, answer);
    } catch (IOException e) {
      LOG.debug("the scraper closed the connection before the answer was sent: {}", e.toString());
    } finally {
      exchange.close();
    }
  }

  /** The answer in the text format, in memory: it may go to several scrapers. */
  private SharedAnswers.Answer textAnswer(PrometheusHttpRequest request) throws IOException {
    try {
      return text.answer(request, acceptsGzip(request));
    } catch (RuntimeException e) {
      LOG.warn("scrape failed: {}", InputText.quote(e.toString()));
      return Captured.failure();
    }
  }

  /** The client's handler's answer (OpenMetrics, protobuf, debug), in memory: it may go to several scrapers. */
  private SharedAnswers.Answer clientAnswer(PrometheusHttpRequest request) throws IOException {
    Captured captured = new Captured();
    client.handleRequest(new Exchange(request, captured));
    return captured.answer();
  }

  private static void send(HttpExchange exchange, SharedAnswers.Answer answer) throws IOException {
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(answer.status(), head || answer.body().length == 0 ? -1 : answer.body().length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer.body());
      }
    }
  }

  /** The client's response, kept in memory: status, headers (but the length, known at the end) and body. */
  private static final class Captured implements PrometheusHttpResponse {
    private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
    private final java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(8192);
    private int status = 500;

    @Override
    public void setHeader(String name, String value) {
      if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Transfer-Encoding")) {
        headers.put(name, value);
      }
    }

    @Override
    public OutputStream sendHeadersAndGetBody(int status, int contentLength) {
      this.status = status;
      return body;
    }

    void fail() {
      headers.clear();
      headers.put("Content-Type", "text/plain; charset=utf-8");
      body.reset();
      body.writeBytes(FAILED);
      status = 500;
    }

    private static final byte[] FAILED =
        "error collecting metrics; see the log\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** A 500 that shows no stack trace: the log has the bounded cause. */
    static SharedAnswers.Answer failure() {
      return new SharedAnswers.Answer(500, java.util.Map.of("Content-Type", "text/plain; charset=utf-8"), FAILED);
    }

    SharedAnswers.Answer answer() {
      return new SharedAnswers.Answer(status, java.util.Map.copyOf(headers), body.toByteArray());
    }
  }

  static boolean acceptsGzip(PrometheusHttpRequest request) {
    Enumeration<String> values = request.getHeaders("Accept-Encoding");
    while (values != null && values.hasMoreElements()) {
      for (String part : values.nextElement().split(",")) {
        if (part.strip().startsWith("gzip")) {
          return true;
        }
      }
    }
    return false;
  }

  /** The client's exchange, with gzip hidden from the client and the text body rewritten on its way out. */
  private record Exchange(PrometheusHttpRequest request, Captured captured) implements PrometheusHttpExchange {

    @Override
    public PrometheusHttpRequest getRequest() {
      return new PrometheusHttpRequest() {
        @Override
        public String getQueryString() {
          return request.getQueryString();
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
          return name.equalsIgnoreCase("Accept-Encoding") ? Collections.emptyEnumeration() : request.getHeaders(name);
        }

        @Override
        public String getMethod() {
          return request.getMethod();
        }

        @Override
        public String getRequestPath() {
          return request.getRequestPath();
        }
      };
    }

    @Override
    public PrometheusHttpResponse getResponse() {
      PrometheusHttpResponse response = captured;
      boolean gzip = acceptsGzip(request);
      return new PrometheusHttpResponse() {
        private boolean text;

        private String contentLength;

        @Override
        public void setHeader(String name, String value) {
          if (name.equalsIgnoreCase("Content-Type")) {
            text = value.startsWith("text/plain");
          }
          if (name.equalsIgnoreCase("Content-Length")) {
            contentLength = value; // set in sendHeadersAndGetBody, once it is known whether the body changes
            return;
          }
          response.setHeader(name, value);
        }

        @Override
        public OutputStream sendHeadersAndGetBody(int status, int contentLength) throws IOException {
          if (!text && !gzip) {
            if (this.contentLength != null) {
              response.setHeader("Content-Length", this.contentLength);
            }
            return response.sendHeadersAndGetBody(status, contentLength);
          }
          if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
          }
          // The length changes with the rewrite or the gzip: send chunked.
          OutputStream body = response.sendHeadersAndGetBody(status, 0);
          if (gzip) {
            body = new GZIPOutputStream(body);
          }
          return text ? new GoLabelValues(body) : body;
        }
      };
    }

    /**
     * The scraper went away mid-answer (its scrape timeout, a restart): nothing to answer and nothing wrong here.
     * The client's own handler would log a stack trace at SEVERE for each.
     */
    @Override
    public void handleException(IOException e) {
      LOG.debug("the scraper closed the connection before the answer was sent: {}", e.toString());
    }

    /** A fault in this exporter's code: a bounded line in the log, and a 500 that shows no stack trace. */
    @Override
    public void handleException(RuntimeException e) {
      LOG.warn("scrape failed: {}", InputText.quote(e.toString()));
      captured.fail();
    }

    @Override
    public void close() {
      // the answer is sent by ScrapeHandler, to every scraper that shares it
    }
  }
}
