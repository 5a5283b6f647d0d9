package dev.exportersuite.core.cli;

import dev.exportersuite.core.snapshots.SelfMetricsSpec;
import java.util.List;

/**
 * What makes one exporter what it is.
 *
 * @param namespace first part of every metric name ({@code mysql})
 * @param exporterName the Go peer's name, used for {@code <exporterName>_build_info} ({@code mysqld_exporter})
 * @param title shown on the landing page
 * @param defaultPort the peer's port, so that switching needs no Prometheus change
 * @param defaultMetrics classpath resources with the module's default collectors
 * @param selfMetrics which of the exporter's own metrics the peer has, under what names and labels
 */
public record ModuleInfo(String namespace, String exporterName, String title, int defaultPort,
    List<String> defaultMetrics, SelfMetricsSpec selfMetrics) {

  public ModuleInfo {
    defaultMetrics = List.copyOf(defaultMetrics);
  }
}
