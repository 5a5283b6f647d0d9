package dev.exportersuite.core.http;

import dev.exportersuite.core.jdbc.SqlRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.jdbc.JdbcExecutor;
import dev.exportersuite.core.jdbc.JdbcSettings;
import dev.exportersuite.core.testing.Http;
import dev.exportersuite.core.testing.RunningExporter;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What Prometheus and a person with curl see over HTTP, served by the client's HTTPServer. */
class ServingTest {

  private static RunningExporter<?> exporter;

  @BeforeAll
  static void start() throws Exception {
    JdbcExecutor executor = new JdbcExecutor(new JdbcSettings("jdbc:mariadb://127.0.0.1:3306/test",
        Optional.of("root"), Optional.empty(), 2, Duration.ofSeconds(2), Optional.empty(), Map.of(), 1000));
    exporter = new RunningExporter<>("oracledb", executor, SqlRequest.parser(), """
        metrics:
          - context: sessions
            metricsdesc: { value: Sessions. }
            request: SELECT 3 AS value
          - context: failing
            metricsdesc: { value: Fails. }
            request: SELECT value FROM missing_table_for_landing_page
        """);
  }

  @AfterAll
  static void stop() {
    exporter.close();
  }

  @Test
  void prometheusTextIsTheDefault() throws Exception {
    Http.Response r = Http.get(exporter.url("/metrics"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("text/plain; version=0.0.4");
    assertThat(r.body()).contains("oracledb_sessions_value 3.0");
  }

  @Test
  void openMetricsIsNegotiated() throws Exception {
    Http.Response r = Http.get(exporter.url("/metrics"), "application/openmetrics-text; version=1.0.0");
    assertThat(r.contentType()).startsWith("application/openmetrics-text");
    assertThat(r.body()).endsWith("# EOF\n");
  }

  @Test
  void protobufIsNegotiated() throws Exception {
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(exporter.url("/metrics")))
        .header("Accept", "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited")
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.google.protobuf");
    assertThat(r.body().length).isGreaterThan(0);
  }

  @Test
  void gzipIsUsedWhenAccepted() throws Exception {
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(exporter.url("/metrics")))
        .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.headers().firstValue("Content-Encoding")).contains("gzip");
    String body = new String(new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes(),
        StandardCharsets.UTF_8);
    assertThat(body).contains("oracledb_sessions_value 3.0");
  }

  @Test
  void nameFiltersSelectFamilies() throws Exception {
    Http.Response r = Http.get(exporter.url("/metrics?name[]=oracledb_up"));
    assertThat(r.body()).contains("oracledb_up 1.0").doesNotContain("oracledb_sessions_value");
  }

  @Test
  void healthAndReadinessAnswer() throws Exception {
    assertThat(Http.get(exporter.url("/-/healthy")).status()).isEqualTo(200);
    Http.Response ready = Http.get(exporter.url("/-/ready"));
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.body()).contains("Ready");
    assertThat(Http.get(exporter.url("/nothing-here")).status()).isEqualTo(404);
  }

  @Test
  void theLandingPageListsCollectorsWithTheirLastDurationAndError() throws Exception {
    exporter.scrape();
    Http.Response page = Http.get(exporter.url("/"), "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("<td>sessions</td>").contains("<td>failing</td>")
        .contains("missing_table_for_landing_page").contains("test.yaml:2").contains("href=\"/metrics\"");
  }

  /** curl sends Accept: *&#47;* and gets one aligned line per collector, its error last and on the same line. */
  @Test
  void curlGetsOneLinePerCollector() throws Exception {
    exporter.scrape();
    Http.Response page = Http.get(exporter.url("/"), "*/*");
    assertThat(page.contentType()).startsWith("text/plain");
    List<String> lines = page.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo("test exporter");
    assertThat(lines).contains("metrics:   /metrics   health: /-/healthy   ready: /-/ready");
    String header = lines.stream().filter(l -> l.startsWith("collector")).findFirst().orElseThrow();
    assertThat(lines).filteredOn(l -> l.startsWith("sessions ")).singleElement()
        .satisfies(l -> assertThat(l).endsWith("none").contains(" yes "));
    assertThat(lines).filteredOn(l -> l.startsWith("failing ")).singleElement()
        .satisfies(l -> {
          assertThat(l).contains("missing_table_for_landing_page").contains("never");
          // columns line up under the header's
          assertThat(l.indexOf("test.yaml:")).isEqualTo(header.indexOf("defined at"));
        });
    assertThat(page.body()).doesNotContain("<");
  }
}
