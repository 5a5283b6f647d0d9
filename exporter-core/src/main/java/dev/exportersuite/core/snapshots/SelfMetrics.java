package dev.exportersuite.core.snapshots;

import dev.exportersuite.core.collect.CollectionResult;
import dev.exportersuite.core.config.MetricNames;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The exporter's own metrics for one target, as its module's {@link SelfMetricsSpec} declares them. It counts
 * collections (not scrapes: scrapes that share a collection count once) and their total duration.
 */
public final class SelfMetrics {

  private final SelfMetricsSpec spec;
  private final Labels constLabels;
  private final Map<SelfMetric, String> names = new EnumMap<>(SelfMetric.class);
  private long collections;
  private double secondsSum;

  /**
   * @param constLabels put on every series only when the spec asks for it
   * @throws IllegalArgumentException when two declared metrics get the same name in this namespace
   */
  public SelfMetrics(SelfMetricsSpec spec, String namespace, Labels constLabels) {
    this(spec, namespace, constLabels, Labels.EMPTY);
  }

  /**
   * @param targetLabels put on every series whatever the spec says: they tell the targets of one exporter apart
   *     (a {@code database} label), and without them two targets' self-metrics would be the same series
   */
  public SelfMetrics(SelfMetricsSpec spec, String namespace, Labels constLabels, Labels targetLabels) {
    this.spec = spec;
    this.constLabels = spec.constLabels() ? constLabels.merge(targetLabels) : targetLabels;
    Map<String, SelfMetric> byName = new HashMap<>();
    spec.metrics().forEach((metric, entry) -> {
      String name = entry.resolve(namespace);
      SelfMetric other = byName.putIfAbsent(name, metric);
      if (other != null) {
        throw new IllegalArgumentException(other + " and " + metric + " are both named '" + name + "'");
      }
      names.put(metric, name);
    });
  }

  /** The names the declared metrics are exposed under; a user's family cannot take one of them. */
  public Set<String> exposedNames() {
    return new LinkedHashSet<>(names.values());
  }

  /** Counts {@code result} as one more collection and gives the declared metrics after it. */
  public synchronized List<MetricSnapshot> record(CollectionResult result, CollectorHealth.Report health) {
    collections++;
    secondsSum += seconds(result.duration());
    List<MetricSnapshot> out = new ArrayList<>(names.size());
    names.forEach((metric, name) -> out.add(snapshot(metric, name, spec.metrics().get(metric).help(), result,
        health)));
    return out;
  }

  private MetricSnapshot snapshot(SelfMetric metric, String name, String help, CollectionResult result,
      CollectorHealth.Report health) {
    return switch (metric) {
      case UP -> gauge(name, help, labels(Labels.EMPTY), result.up() ? 1 : 0);
      case SCRAPES_TOTAL -> CounterSnapshot.builder().name(MetricNames.counterBase(name)).help(help)
          .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels(Labels.EMPTY))
              .value(collections).build()).build();
      case SCRAPE_ERRORS_TOTAL -> {
        CounterSnapshot.Builder b = CounterSnapshot.builder().name(MetricNames.counterBase(name)).help(help);
        health.errorsTotal().forEach((collector, n) -> b.dataPoint(CounterSnapshot.CounterDataPointSnapshot
            .builder().labels(labels(Labels.of(spec.collectorLabel(), collector))).value(n).build()));
        yield b.build();
      }
      case LAST_SCRAPE_ERROR -> {
        Optional<String> error = health.firstError();
        Labels own = spec.errorLabel().map(l -> Labels.of(l, error.orElse(""))).orElse(Labels.EMPTY);
        yield gauge(name, help, labels(own), error.isPresent() ? 1 : 0);
      }
      case LAST_SCRAPE_DURATION_SECONDS -> gauge(name, help, labels(Labels.EMPTY), seconds(result.duration()));
      case SCRAPE_DURATION_SECONDS -> SummarySnapshot.builder().name(name).help(help)
          .dataPoint(SummarySnapshot.SummaryDataPointSnapshot.builder().labels(labels(Labels.EMPTY))
              .count(collections).sum(secondsSum).build()).build();
      case LAST_SCRAPE_CONNECT_TIME_SECONDS -> gauge(name, help, labels(Labels.EMPTY),
          seconds(result.connectTime()));
      case LAST_SCRAPE_PING_TIME_SECONDS -> {
        // As redis_exporter: no sample when the PING failed.
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
        if (result.up()) {
          b.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels(Labels.EMPTY))
              .value(seconds(result.connectTime())).build());
        }
        yield b.build();
      }
      case COLLECTOR_DURATION_SECONDS -> {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
        health.durations().forEach((collector, d) -> b.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
            .labels(labels(Labels.of(spec.collectorLabel(), collector))).value(seconds(d)).build()));
        yield b.build();
      }
    };
  }

  /** A series' own labels, plus the constant ones if the spec asks; on a name clash the own label wins. */
  private Labels labels(Labels own) {
    if (constLabels.isEmpty()) {
      return own;
    }
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (int i = 0; i < constLabels.size(); i++) {
      if (!own.contains(constLabels.getName(i))) {
        names.add(constLabels.getName(i));
        values.add(constLabels.getValue(i));
      }
    }
    return own.merge(Labels.of(names, values));
  }

  private static GaugeSnapshot gauge(String name, String help, Labels labels, double value) {
    return GaugeSnapshot.builder().name(name).help(help)
        .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels).value(value).build()).build();
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
