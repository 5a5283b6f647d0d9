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
import java.util.function.Function;

/**
 * Collects the samples of one metric family from rows and builds the client's immutable snapshot. It refuses
 * a second sample with the same labels: Prometheus would reject the whole scrape for it.
 */
final class FamilyBuilder {

  private final String name;
  private final MetricType type;
  private final String help;
  private final List<String> labelNames;
  /** By label values: the sample, and the row that gave it (to name both rows of a duplicate). */
  private final Map<List<String>, Point> points = new LinkedHashMap<>();

  private record Point(int row, Object value) {}

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
    Point first = points.putIfAbsent(List.copyOf(labelValues), new Point(row, point));
    if (first != null) {
      // Label names only: the values are data, and a failed family exposes none of them.
      throw new SampleException("rows " + (first.row() + 1) + " and " + (row + 1) + " have the same values of the "
          + "labels " + labelNames + "; add a label column that tells them apart, or aggregate in the request");
    }
  }

  MetricSnapshot build(Labels constLabels) {
    return build(constLabels, new LabelCache(), new MetadataCache());
  }

  /**
   * @param cache the label sets of the definition's last conversions (see {@link LabelCache})
   * @param metadata the metadata of its last conversions' families (see {@link MetadataCache})
   */
  MetricSnapshot build(Labels constLabels, LabelCache cache, MetadataCache metadata) {
    Function<List<String>, Labels> labels = values -> cache.get(labelNames, values, constLabels);
    return switch (type) {
      case COUNTER -> counter(labels, metadata);
      case HISTOGRAM -> histogram(labels);
      case UNTYPED -> untyped(labels, metadata);
      case GAUGE -> gauge(labels, metadata);
    };
  }

  // Each type's metadata is the one its builder makes (taken from an empty snapshot), so that a cached one cannot
  // differ from what the builder would give (a counter's name loses "_total" there).

  private MetricSnapshot gauge(Function<List<String>, Labels> labels, MetadataCache metadata) {
    List<GaugeSnapshot.GaugeDataPointSnapshot> data = new ArrayList<>(points.size());
    points.forEach((k, p) -> data.add(GaugeSnapshot.GaugeDataPointSnapshot.builder()
        .labels(labels.apply(k)).value((Double) p.value()).build()));
    return new GaugeSnapshot(metadata.get(type, name, help,
        () -> GaugeSnapshot.builder().name(name).help(help).build().getMetadata()), data);
  }

  private MetricSnapshot counter(Function<List<String>, Labels> labels, MetadataCache metadata) {
    List<CounterSnapshot.CounterDataPointSnapshot> data = new ArrayList<>(points.size());
    points.forEach((k, p) -> data.add(CounterSnapshot.CounterDataPointSnapshot.builder()
        .labels(labels.apply(k)).value((Double) p.value()).build()));
    return new CounterSnapshot(metadata.get(type, name, help,
        () -> CounterSnapshot.builder().name(MetricNames.counterBase(name)).help(help).build().getMetadata()), data);
  }

  private MetricSnapshot untyped(Function<List<String>, Labels> labels, MetadataCache metadata) {
    List<UnknownSnapshot.UnknownDataPointSnapshot> data = new ArrayList<>(points.size());
    points.forEach((k, p) -> data.add(UnknownSnapshot.UnknownDataPointSnapshot.builder()
        .labels(labels.apply(k)).value((Double) p.value()).build()));
    return new UnknownSnapshot(metadata.get(type, name, help,
        () -> UnknownSnapshot.builder().name(name).help(help).build().getMetadata()), data);
  }

  private MetricSnapshot histogram(Function<List<String>, Labels> labels) {
    HistogramSnapshot.Builder b = HistogramSnapshot.builder().name(name).help(help);
    points.forEach((k, point) -> {
      HistogramPoint p = (HistogramPoint) point.value();
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
          .labels(labels.apply(k)).classicHistogramBuckets(buckets.build()).sum(p.sum()).build());
    });
    return b.build();
  }

  /** The sum, the count and the cumulative count per upper bound, as one row gives them. */
  record HistogramPoint(double sum, long count, Map<Double, Long> cumulative) {}
}
