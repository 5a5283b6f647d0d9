package dev.exportersuite.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.Row;
import dev.exportersuite.core.testing.RunningExporter;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Histogram bounds over HTTP as the Go exporters print them in the text format (le="20", not le="20.0"), gzip
 * or not, also to Prometheus (which prefers OpenMetrics but takes text, as it does from the Go exporters), while
 * a scraper that takes only OpenMetrics gets its canonical form, and a user's label named le keeps its value.
 */
class GoStyleBoundsTest {

  /** One fixed row: a histogram's sum, count and buckets, and a gauge with a label that happens to be named le. */
  static final class FixedRows implements RequestExecutor<String> {
    @Override
    public void ping(Duration timeout) {}

    @Override
    public List<Row> fetch(String request, Duration timeout) {
      return request.equals("hist")
          ? List.of(Row.of("seconds", 12.5, "count", 10, "b1", 2, "b2", 7, "b3", 9))
          : List.of(Row.of("le", "5.0", "value", 1));
    }

    @Override
    public void close() {}
  }

  private static RunningExporter<String> exporter;

  @BeforeAll
  static void start() throws Exception {
    exporter = new RunningExporter<>("oracledb", new FixedRows(), RunningExporter.TEXT, """
        metrics:
          - context: wait
            request: hist
            metricsdesc: {seconds: Waits.}
            metricstype: {seconds: histogram}
            metricsbuckets: {seconds: {b1: 0.5, b2: 20, b3: 1000000}}
          - context: user
            request: other
            labels: [le]
            metricsdesc: {value: A label named le.}
        """);
  }

  @AfterAll
  static void stop() {
    exporter.close();
  }

  private static HttpResponse<byte[]> get(String accept, boolean gzip) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(exporter.url("/metrics")));
    if (accept != null) {
      b.header("Accept", accept);
    }
    if (gzip) {
      b.header("Accept-Encoding", "gzip");
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void theTextFormatPrintsBoundsAsGoDoes() throws Exception {
    String text = new String(get(null, false).body(), StandardCharsets.UTF_8);
    assertThat(text).contains("oracledb_wait_seconds_bucket{le=\"0.5\"} 2", "oracledb_wait_seconds_bucket{le=\"20\"} 7",
        "oracledb_wait_seconds_bucket{le=\"1e+06\"} 9", "oracledb_wait_seconds_bucket{le=\"+Inf\"} 10")
        .doesNotContain("le=\"20.0\"");
    assertThat(text).as("a gauge's label named le is data, left alone").contains("oracledb_user_value{le=\"5.0\"}");
  }

  @Test
  void gzipCarriesTheSameText() throws Exception {
    HttpResponse<byte[]> r = get(null, true);
    assertThat(r.headers().firstValue("Content-Encoding")).contains("gzip");
    String text = new String(new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes(),
        StandardCharsets.UTF_8);
    assertThat(text).contains("oracledb_wait_seconds_bucket{le=\"20\"} 7");
  }

  /** Prometheus 2 prefers OpenMetrics; the Go exporters answer it the text format, and so does this one. */
  @Test
  void prometheusDefaultAcceptGetsTheTextAsTheGoExportersAnswerIt() throws Exception {
    HttpResponse<byte[]> r = get("application/openmetrics-text;version=1.0.0,application/openmetrics-text;"
        + "version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1", true);
    assertThat(r.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
    String text = new String(new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes(),
        StandardCharsets.UTF_8);
    assertThat(text).contains("oracledb_wait_seconds_bucket{le=\"20\"} 7").doesNotContain("# EOF");
  }

  @Test
  void openMetricsKeepsItsCanonicalForm() throws Exception {
    HttpResponse<byte[]> r = get("application/openmetrics-text; version=1.0.0", false);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("openmetrics"));
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("le=\"20.0\"");
    HttpResponse<byte[]> refused = get("text/plain;q=0, application/openmetrics-text", false);
    assertThat(refused.headers().firstValue("Content-Type")).as("text refused with q=0")
        .hasValueSatisfying(t -> assertThat(t).contains("openmetrics"));
  }
}
