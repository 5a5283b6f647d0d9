package dev.exportersuite.core.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The JVM/process metrics are read at most once per max age, and a name filter still applies. */
class CachedRuntimeMetricsTest {

  private final AtomicLong clock = new AtomicLong(1_000);

  private final AtomicInteger reads = new AtomicInteger();

  private final CachedRuntimeMetrics cached = new CachedRuntimeMetrics(() -> {
    reads.incrementAndGet();
    return MetricSnapshots.of(gauge("a_reads", reads.get()), gauge("b_other", 1));
  }, Duration.ofSeconds(1), clock::get);

  private static GaugeSnapshot gauge(String name, double value) {
    return GaugeSnapshot.builder().name(name)
        .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).build()).build();
  }

  private static double value(MetricSnapshots snapshots, String name) {
    for (MetricSnapshot s : snapshots) {
      if (s.getMetadata().getPrometheusName().equals(name)) {
        return ((GaugeSnapshot) s).getDataPoints().get(0).getValue();
      }
    }
    throw new AssertionError("no " + name);
  }

  @Test
  void scrapesWithinTheMaxAgeShareOneRead() {
    assertThat(value(cached.collect(), "a_reads")).isEqualTo(1);
    clock.addAndGet(Duration.ofMillis(1000).toNanos());
    assertThat(value(cached.collect(), "a_reads")).isEqualTo(1);
    assertThat(reads).hasValue(1);
  }

  @Test
  void aScrapeAfterTheMaxAgeReadsAgain() {
    cached.collect();
    clock.addAndGet(Duration.ofMillis(1001).toNanos());
    assertThat(value(cached.collect(), "a_reads")).isEqualTo(2);
  }

  @Test
  void nameFiltersApplyToTheCachedSnapshot() {
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(cached);
    MetricSnapshots filtered = registry.scrape(name -> name.equals("b_other"));
    assertThat(filtered.stream().map(s -> s.getMetadata().getPrometheusName())).containsExactly("b_other");
  }

  @Test
  void theJvmSetHasTheSeriesUsersChart() {
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(CachedRuntimeMetrics.jvm());
    assertThat(registry.scrape().stream().map(s -> s.getMetadata().getPrometheusName()))
        .contains("jvm_memory_used_bytes", "jvm_threads_current", "jvm_gc_collection_seconds",
            "process_cpu_seconds", "process_resident_memory_bytes", "process_open_fds");
  }

  @Test
  void aNegativeMaxAgeIsRefused() {
    assertThatThrownBy(() -> new CachedRuntimeMetrics(MetricSnapshots::of, Duration.ofMillis(-1), clock::get))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAge");
  }
}
