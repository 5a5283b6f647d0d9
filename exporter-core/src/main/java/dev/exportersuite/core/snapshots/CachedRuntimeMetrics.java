package dev.exportersuite.core.snapshots;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The JVM/process metrics ({@code jvm_*}, {@code process_*}) of client_java's {@link JvmMetrics}, read at most
 * once per {@code maxAge}: scrapes closer together than that get the same snapshot. Reading them costs more than
 * a Go exporter's {@code go_*}/{@code process_*}: thread states and deadlock checks stop the JVM at a safepoint,
 * {@code /proc/self/status} and the open descriptors are read, every memory pool and GC bean is asked. With one
 * Prometheus scraping every 15 s nothing changes; several scrapers at once (or a bench) share one read.
 */
public final class CachedRuntimeMetrics implements MultiCollector {

  /** How old a snapshot of the JVM/process metrics may be when it is served. */
  public static final Duration MAX_AGE = Duration.ofSeconds(1);

  private final Supplier<MetricSnapshots> source;

  private final LongSupplier nanoClock;

  private final long maxAgeNanos;

  private MetricSnapshots cached;

  private long readAt;

  CachedRuntimeMetrics(Supplier<MetricSnapshots> source, Duration maxAge, LongSupplier nanoClock) {
    if (maxAge.isNegative()) {
      throw new IllegalArgumentException("maxAge must not be negative: " + maxAge);
    }
    this.source = source;
    this.maxAgeNanos = maxAge.toNanos();
    this.nanoClock = nanoClock;
  }

  /** client_java's JVM/process metrics, cached for {@link #MAX_AGE}. */
  public static CachedRuntimeMetrics jvm() {
    PrometheusRegistry own = new PrometheusRegistry();
    JvmMetrics.builder().register(own);
    return new CachedRuntimeMetrics(own::scrape, MAX_AGE, System::nanoTime);
  }

  /** The registry's answer to name filters ({@code name[]}) filters this whole snapshot, as for any collector. */
  @Override
  public synchronized MetricSnapshots collect() {
    long now = nanoClock.getAsLong();
    if (cached == null || now - readAt > maxAgeNanos) {
      cached = source.get();
      readAt = now;
    }
    return cached;
  }
}
