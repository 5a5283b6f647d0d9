package dev.exportersuite.core.snapshots;

import dev.exportersuite.core.config.MetricNames;
import dev.exportersuite.core.config.MetricType;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the samples of one metric family from rows and builds the client's immutable snapshot. It refuses
 * a second sample with the same labels: Prometheus would reject the whole scrape for it.
 */
final class FamilyBuilder {

  private final String name;
  private final MetricType type;
  private final String help;
  private final List<String> labelNames;
  private final Map<List<String>, Object> points = new LinkedHashMap<>();
  private final Map<List<String>, Integer> rowOf = new LinkedHashMap<>();

  FamilyBuilder(String name, MetricType type, String help, List<String> labelNames) {
    this.name = name;
    this.type = type;
    this.help = help;
    this.labelNames = List.copyOf(labelNames);
  }

  String name() {
    return name;
  }

  MetricType type() {
    return type;
  }

  List<String> labelNames() {
    return labelNames;
  }

  /** @throws SampleException when another row already gave these labels */
  void add(List<String> labelValues, int row, double value) throws SampleException {
    put(labelValues, row, value);
  }

  void addHistogram(List<String> labelValues, int row, HistogramPoint point) throws SampleException {
    put(labelValues, row, point);
  }

  private void put(List<String> labelValues, int row, Object point) throws SampleException {
    List<String> key = List.copyOf(labelValues);
    Integer first = rowOf.putIfAbsent(key, row);
    if (first != null) {
      // Label names only: the values are data, and a failed family exposes none of them.
      throw new SampleException("rows " + (first + 1) + " and " + (row + 1) + " have the same values of the labels "
          + labelNames + "; add a label column that tells them apart, or aggregate in the request");
    }
    points.put(key, point);
  }

  MetricSnapshot build(Labels constLabels) {
    return switch (type) {
      case COUNTER -> counter(constLabels);
      case HISTOGRAM -> histogram(constLabels);
      case UNTYPED -> untyped(constLabels);
      case GAUGE -> gauge(constLabels);
    };
  }

  private Labels labels(List<String> values, Labels constLabels) {
    return Labels.of(labelNames, values).merge(constLabels);
  }

  private MetricSnapshot gauge(Labels constLabels) {
    GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
    points.forEach((k, v) -> b.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
        .labels(labels(k, constLabels)).value((Double) v).build()));
    return b.build();
  }

  private MetricSnapshot counter(Labels constLabels) {
    CounterSnapshot.Builder b = CounterSnapshot.builder().name(MetricNames.counterBase(name)).help(help);
    points.forEach((k, v) -> b.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
        .labels(labels(k, constLabels)).value((Double) v).build()));
    return b.build();
  }

  private MetricSnapshot untyped(Labels constLabels) {
    UnknownSnapshot.Builder b = UnknownSnapshot.builder().name(name).help(help);
    points.forEach((k, v) -> b.dataPoint(UnknownSnapshot.UnknownDataPointSnapshot.builder()
        .labels(labels(k, constLabels)).value((Double) v).build()));
    return b.build();
  }

  private MetricSnapshot histogram(Labels constLabels) {
    HistogramSnapshot.Builder b = HistogramSnapshot.builder().name(name).help(help);
    points.forEach((k, v) -> {
      HistogramPoint p = (HistogramPoint) v;
      ClassicHistogramBuckets.Builder buckets = ClassicHistogramBuckets.builder();
      List<Double> bounds = new ArrayList<>(p.cumulative().keySet());
      bounds.sort(Double::compare);
      long previous = 0;
      for (double le : bounds) {
        long cumulative = p.cumulative().get(le);
        // The client wants per-bucket counts; files give cumulative ones, as Prometheus buckets are.
        buckets.bucket(le, Math.max(0, cumulative - previous));
        previous = Math.max(previous, cumulative);
      }
      if (!p.cumulative().containsKey(Double.POSITIVE_INFINITY)) {
        buckets.bucket(Double.POSITIVE_INFINITY, Math.max(0, p.count() - previous));
      }
      b.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
          .labels(labels(k, constLabels)).classicHistogramBuckets(buckets.build()).sum(p.sum()).build());
    });
    return b.build();
  }

  /** The sum, the count and the cumulative count per upper bound, as one row gives them. */
  record HistogramPoint(double sum, long count, Map<Double, Long> cumulative) {}
}
