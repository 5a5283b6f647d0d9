package dev.exportersuite.core.snapshots;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the families of several targets into one exposition: families of the same name and type become one
 * family with the data points of all (their labels differ by the target's name label). A family whose type or
 * labels clash with the first target's keeps the first target's, so one bad target never costs the scrape.
 */
final class SnapshotMerge {

  private SnapshotMerge() {}

  static MetricSnapshots merge(List<MetricSnapshots> parts) {
    Map<String, List<MetricSnapshot>> byName = new LinkedHashMap<>();
    for (MetricSnapshots part : parts) {
      for (MetricSnapshot s : part) {
        byName.computeIfAbsent(s.getMetadata().getPrometheusName(), n -> new ArrayList<>()).add(s);
      }
    }
    List<MetricSnapshot> out = new ArrayList<>(byName.size());
    for (List<MetricSnapshot> same : byName.values()) {
      out.add(same.size() == 1 ? same.get(0) : join(same));
    }
    return new MetricSnapshots(out);
  }

  private static MetricSnapshot join(List<MetricSnapshot> same) {
    MetricSnapshot first = same.get(0);
    if (same.stream().anyMatch(s -> s.getClass() != first.getClass())) {
      return first;
    }
    List<DataPointSnapshot> points = new ArrayList<>();
    same.forEach(s -> points.addAll(s.getDataPoints()));
    try {
      return of(first, points);
    } catch (IllegalArgumentException e) {
      return first; // two targets gave the same labels: a module without a name label per target
    }
  }

  @SuppressWarnings("unchecked")
  private static MetricSnapshot of(MetricSnapshot first, List<? extends DataPointSnapshot> points) {
    var meta = first.getMetadata();
    if (first instanceof GaugeSnapshot) {
      return new GaugeSnapshot(meta, (List<GaugeSnapshot.GaugeDataPointSnapshot>) points);
    }
    if (first instanceof CounterSnapshot) {
      return new CounterSnapshot(meta, (List<CounterSnapshot.CounterDataPointSnapshot>) points);
    }
    if (first instanceof HistogramSnapshot h) {
      return new HistogramSnapshot(h.isGaugeHistogram(), meta,
          (List<HistogramSnapshot.HistogramDataPointSnapshot>) points);
    }
    if (first instanceof SummarySnapshot) {
      return new SummarySnapshot(meta, (List<SummarySnapshot.SummaryDataPointSnapshot>) points);
    }
    if (first instanceof InfoSnapshot) {
      return new InfoSnapshot(meta, (List<InfoSnapshot.InfoDataPointSnapshot>) points);
    }
    if (first instanceof StateSetSnapshot) {
      return new StateSetSnapshot(meta, (List<StateSetSnapshot.StateSetDataPointSnapshot>) points);
    }
    return new UnknownSnapshot(meta, (List<UnknownSnapshot.UnknownDataPointSnapshot>) points);
  }
}
