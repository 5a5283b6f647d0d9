package dev.exportersuite.core.snapshots;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;

/** {@code <exporter>_build_info}, as the Go exporters publish it: constant 1 with the version in labels. */
public final class BuildInfoCollector implements Collector {

  private final GaugeSnapshot snapshot;

  public BuildInfoCollector(String exporterName, String version) {
    this.snapshot = GaugeSnapshot.builder()
        .name(exporterName + "_build_info")
        .help("A metric with a constant '1' value labeled by version and the Java version it runs on.")
        .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
            .labels(Labels.of("version", version, "javaversion", System.getProperty("java.version")))
            .value(1)
            .build())
        .build();
  }

  @Override
  public MetricSnapshot collect() {
    return snapshot;
  }
}
