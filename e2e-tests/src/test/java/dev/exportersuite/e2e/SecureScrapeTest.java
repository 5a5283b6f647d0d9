package dev.exportersuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exportersuite.core.testing.Http;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real Prometheus scrapes an exporter started with --web.config.file over HTTPS with basic_auth and
 * tls_config.ca_file (see {@link SecureExporter}): the target is up and its families have data; without the
 * credentials, or without TLS, the exporter gives nothing.
 */
@ExtendWith(LiveStack.Extension.class)
class SecureScrapeTest {

  @Test
  void prometheusScrapesTheTlsTargetWithBasicAuth(LiveStack stack) throws Exception {
    List<Map<String, Object>> targets = stack.prometheus().activeTargets().stream()
        .filter(t -> SecureExporter.JOB.equals(t.get("scrapePool"))).toList();
    assertThat(targets).hasSize(1);
    Map<String, Object> t = targets.get(0);
    assertThat(t.get("scrapeUrl")).isEqualTo("https://" + stack.secure().address() + "/metrics");
    assertThat(t.get("health")).as("%s%s", t.get("lastError"), stack.report()).isEqualTo("up");
    for (String promql : List.of("redis_up{job=\"redis-tls\"} == 1", "redis_connected_clients{job=\"redis-tls\"} > 0",
        "increase(redis_exporter_scrapes_total{job=\"redis-tls\"}[1m]) > 0")) {
      PromApi.Answer a = stack.prometheus().query(promql);
      assertThat(a.ok()).as(a.body()).isTrue();
      assertThat(a.result()).as("%s returned no series", promql).isNotEmpty();
    }
  }

  @Test
  void withoutCredentialsOrTlsTheExporterGivesNothing(LiveStack stack) throws Exception {
    HttpResponse<String> anonymous = stack.secure().get("/metrics", false);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Basic");
    assertThat(anonymous.body()).doesNotContain("redis_");
    assertThatThrownBy(() -> Http.get("http://" + stack.secure().address() + "/metrics"))
        .isInstanceOf(IOException.class);
  }
}
