package dev.exportersuite.core.cli;

import dev.exportersuite.core.snapshots.SelfMetricsStyle;
import java.util.List;

/**
 * What makes one exporter what it is.
 *
 * @param namespace first part of every metric name ({@code mysql})
 * @param exporterName the Go peer's name, used for {@code <exporterName>_build_info} ({@code mysqld_exporter})
 * @param title shown on the landing page
 * @param defaultPort the peer's port, so that switching needs no Prometheus change
 * @param defaultMetrics classpath resources with the module's default collectors
 * @param selfMetrics how the peer shapes the exporter's own metrics
 */
public record ModuleInfo(String namespace, String exporterName, String title, int defaultPort,
    List<String> defaultMetrics, SelfMetricsStyle selfMetrics) {

  public ModuleInfo {
    defaultMetrics = List.copyOf(defaultMetrics);
  }
}
