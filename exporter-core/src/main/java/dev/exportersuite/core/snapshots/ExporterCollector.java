package dev.exportersuite.core.snapshots;

import dev.exportersuite.core.collect.CollectionResult;
import dev.exportersuite.core.collect.CollectorResult;
import dev.exportersuite.core.collect.ScrapeEngine;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.config.MetricNames;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * The bridge between the engine and the Prometheus client: each scrape asks the engine for a collection,
 * turns its rows into families and adds the exporter's own metrics. It never throws: a failing collector
 * costs its own families, never the scrape (the client would answer HTTP 500 to an exception).
 */
public final class ExporterCollector implements MultiCollector {

  private final String namespace;
  private final ScrapeEngine<?> engine;
  private final Labels constLabels;
  private final Redactor redactor;
  private final SelfMetricsStyle style;
  private final ErrorLog errorLog = new ErrorLog();
  private final Map<MetricDefinition<?>, RowConverter> converters = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> errorsTotal = new ConcurrentHashMap<>();
  private final Map<String, CollectorStatus> status = new ConcurrentHashMap<>();
  private final AtomicLong scrapesTotal = new AtomicLong();
  private final DoubleAdder scrapeSecondsSum = new DoubleAdder();
  private Processed last;

  public ExporterCollector(String namespace, ScrapeEngine<?> engine, Labels constLabels, Redactor redactor,
      SelfMetricsStyle style) {
    this.namespace = namespace;
    this.engine = engine;
    this.constLabels = constLabels;
    this.redactor = redactor;
    this.style = style;
  }

  public ExporterCollector(String namespace, ScrapeEngine<?> engine, Labels constLabels, Redactor redactor) {
    this(namespace, engine, constLabels, redactor, SelfMetricsStyle.PLAIN);
  }

  public ScrapeEngine<?> engine() {
    return engine;
  }

  @Override
  public MetricSnapshots collect() {
    CollectionResult result;
    try {
      result = engine.collect();
    } catch (RuntimeException e) {
      // An engine bug must cost this scrape its datastore metrics, not become HTTP 500 without self-metrics.
      result = new CollectionResult(false, Optional.of("internal error: " + e), List.of(), Instant.now(),
          Duration.ZERO, Duration.ZERO);
    }
    return latest(result).snapshots();
  }

  /** Per-collector state after the last collection, for the landing page. */
  public List<CollectorStatus> status() {
    List<CollectorStatus> out = new ArrayList<>();
    for (MetricDefinition<?> d : engine.definitions()) {
      CollectorStatus s = status.get(d.collector());
      if (out.stream().anyMatch(o -> o.collector().equals(d.collector()))) {
        continue;
      }
      out.add(s != null ? s : new CollectorStatus(d.collector(), d.source().toString(), d.enabled(), Duration.ZERO,
          Optional.empty(), Optional.empty(), 0));
    }
    return out;
  }

  /** Why the datastore was unreachable at the last collection, if it was. */
  public synchronized Optional<String> connectionError() {
    return last == null ? Optional.empty() : last.connectionError();
  }

  /** Drops converters (and their name caches) of definitions that a reload removed. */
  public void forgetRemovedDefinitions() {
    converters.keySet().retainAll(engine.definitions());
  }

  /** Concurrent scrapes that shared one collection also share its processing, so counters move once. */
  private synchronized Processed latest(CollectionResult result) {
    if (last != null && last.source() == result) {
      return last;
    }
    last = process(result);
    return last;
  }

  private Processed process(CollectionResult result) {
    scrapesTotal.incrementAndGet();
    scrapeSecondsSum.add(result.duration().toNanos() / 1e9);
    Map<String, MetricSnapshot> families = new LinkedHashMap<>();
    Map<String, String> owner = new LinkedHashMap<>();
    Map<String, List<String>> errors = new LinkedHashMap<>();
    Map<String, Duration> durations = new LinkedHashMap<>();
    Map<String, MetricDefinition<?>> firstDefinition = new LinkedHashMap<>();
    for (CollectorResult r : result.results()) {
      String collector = r.definition().collector();
      firstDefinition.putIfAbsent(collector, r.definition());
      durations.merge(collector, r.duration(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
      List<String> collectorErrors = errors.computeIfAbsent(collector, c -> new ArrayList<>());
      r.error().ifPresent(collectorErrors::add);
      if (r.error().isPresent()) {
        continue;
      }
      RowConverter converter = converters.computeIfAbsent(r.definition(), d -> new RowConverter(d, namespace));
      RowConverter.Converted converted = converter.convert(r.rows());
      collectorErrors.addAll(converted.errors());
      for (FamilyBuilder f : converted.families()) {
        String key = MetricNames.exposed(f.name(), f.type());
        String other = owner.putIfAbsent(key, collector);
        if (other != null) {
          collectorErrors.add(f.name() + ": the same metric is also produced by collector '" + other
              + "' (" + r.definition().source() + "); rename one");
          continue;
        }
        try {
          families.put(key, f.build(constLabels));
        } catch (IllegalArgumentException e) {
          owner.remove(key);
          collectorErrors.add(f.name() + ": " + e.getMessage());
        }
      }
    }
    Optional<String> connectionError = result.connectionError().map(redactor::redact);
    String firstError = connectionError.orElse(null);
    for (Map.Entry<String, List<String>> e : errors.entrySet()) {
      String collector = e.getKey();
      AtomicLong counter = errorsTotal.computeIfAbsent(collector, c -> new AtomicLong());
      Optional<String> error = Optional.empty();
      if (!e.getValue().isEmpty()) {
        counter.incrementAndGet();
        error = Optional.of(redactor.redact(String.join("; ", e.getValue())));
        firstError = firstError == null ? collector + ": " + error.get() : firstError;
        errorLog.failed(collector, error.get());
      } else {
        errorLog.succeeded(collector);
      }
      CollectorStatus previous = status.get(collector);
      Optional<Instant> lastSuccess = error.isEmpty() ? Optional.of(result.startedAt())
          : previous == null ? Optional.empty() : previous.lastSuccess();
      MetricDefinition<?> def = firstDefinition.get(collector);
      status.put(collector, new CollectorStatus(collector, def.source().toString(), def.enabled(), durations.get(collector),
          error, lastSuccess, counter.get()));
    }
    connectionError.ifPresentOrElse(m -> errorLog.failed("connection", m), () -> errorLog.succeeded("connection"));
    List<MetricSnapshot> all = new ArrayList<>(selfMetrics(result, durations, Optional.ofNullable(firstError)));
    // A user's metric cannot replace the exporter's own.
    for (MetricSnapshot s : all) {
      families.remove(s instanceof CounterSnapshot ? s.getMetadata().getName() + "_total" : s.getMetadata().getName());
    }
    all.addAll(families.values());
    return new Processed(result, safeSnapshots(all), connectionError);
  }

  private List<MetricSnapshot> selfMetrics(CollectionResult result, Map<String, Duration> durations,
      Optional<String> error) {
    String exporter = MetricNames.join(namespace, "exporter");
    List<MetricSnapshot> out = new ArrayList<>();
    out.add(gauge(MetricNames.join(namespace, "up"), "Whether the datastore answered the last liveness check.",
        result.up() ? 1 : 0));
    out.add(CounterSnapshot.builder().name(exporter + "_scrapes")
        .help("Total number of times the datastore was scraped for metrics.")
        .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(scrapesTotal.get()).build()).build());
    CounterSnapshot.Builder errors = CounterSnapshot.builder().name(exporter + "_scrape_errors")
        .help("Total number of times an error occurred in a collector.");
    errorsTotal.forEach((collector, n) -> errors.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
        .labels(Labels.of("collector", collector)).value(n.get()).build()));
    out.add(errors.build());
    Labels errorLabels = style.lastErrorLabel().map(l -> Labels.of(l, error.orElse(""))).orElse(Labels.EMPTY);
    out.add(GaugeSnapshot.builder().name(exporter + "_last_scrape_error")
        .help("Whether the last scrape of metrics resulted in an error (1 for error, 0 for success).")
        .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(errorLabels)
            .value(error.isPresent() ? 1 : 0).build()).build());
    out.add(gauge(exporter + "_last_scrape_duration_seconds", "Duration of the last scrape of metrics.",
        result.duration().toNanos() / 1e9));
    out.add(SummarySnapshot.builder().name(exporter + "_scrape_duration_seconds")
        .help("Durations of scrapes by the exporter.")
        .dataPoint(SummarySnapshot.SummaryDataPointSnapshot.builder().count(scrapesTotal.get())
            .sum(scrapeSecondsSum.sum()).build()).build());
    out.add(gauge(exporter + "_last_scrape_connect_time_seconds",
        "Duration of the liveness check (connection) of the last scrape.", result.connectTime().toNanos() / 1e9));
    GaugeSnapshot.Builder perCollector = GaugeSnapshot.builder().name(exporter + "_collector_duration_seconds")
        .help("Collector time duration.");
    durations.forEach((collector, d) -> perCollector.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
        .labels(Labels.of("collector", collector)).value(d.toNanos() / 1e9).build()));
    out.add(perCollector.build());
    return out;
  }

  private static GaugeSnapshot gauge(String name, String help, double value) {
    return GaugeSnapshot.builder().name(name).help(help)
        .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).build()).build();
  }

  /** Last line of defence: a clash the checks above missed must not turn into HTTP 500. */
  private static MetricSnapshots safeSnapshots(List<MetricSnapshot> all) {
    try {
      return new MetricSnapshots(all);
    } catch (IllegalArgumentException e) {
      Map<String, MetricSnapshot> unique = new LinkedHashMap<>();
      for (MetricSnapshot s : all) {
        unique.putIfAbsent(s.getMetadata().getPrometheusName(), s);
      }
      return new MetricSnapshots(new ArrayList<>(unique.values()));
    }
  }

  private record Processed(CollectionResult source, MetricSnapshots snapshots, Optional<String> connectionError) {}
}
