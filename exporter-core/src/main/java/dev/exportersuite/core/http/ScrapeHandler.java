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
 * Serves a registry with the Prometheus client's own scrape handler (content negotiation for text, OpenMetrics
 * and protobuf, {@code name[]} filters), except that the Prometheus text format's histogram and summary bounds
 * read as the Go exporters write them ({@link GoLabelValues}). The client would gzip before the rewrite could
 * see the text, so this handler does the gzip itself.
 */
final class ScrapeHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ScrapeHandler.class);

  private final PrometheusScrapeHandler client;

  ScrapeHandler(PrometheusRegistry registry) {
    this.client = new PrometheusScrapeHandler(registry);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      client.handleRequest(new Exchange(new HttpExchangeAdapter(exchange), exchange));
    } finally {
      exchange.close();
    }
  }

  private static boolean acceptsGzip(PrometheusHttpRequest request) {
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
  private record Exchange(HttpExchangeAdapter inner, HttpExchange raw) implements PrometheusHttpExchange {

    @Override
    public PrometheusHttpRequest getRequest() {
      PrometheusHttpRequest request = inner.getRequest();
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
      PrometheusHttpResponse response = inner.getResponse();
      boolean gzip = acceptsGzip(inner.getRequest());
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
      if (raw.getResponseCode() == -1) {
        try {
          ExporterServer.send(raw, 500, "text/plain; charset=utf-8", "error collecting metrics; see the log\n");
        } catch (IOException gone) {
          // the scraper went away as well
        }
      }
    }

    @Override
    public void close() {
      inner.close();
    }
  }
}
