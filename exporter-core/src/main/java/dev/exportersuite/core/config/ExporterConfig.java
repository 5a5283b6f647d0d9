package dev.exportersuite.core.config;

import dev.exportersuite.core.endpoint.TargetAllowList;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exporter's own settings from {@code --config.file}: everything that is not a metric. Every field is
 * optional; flags win over the file, the file over defaults.
 *
 * @param module what the module read from the same file (its {@code connection:} section and the like)
 */
public record ExporterConfig<M>(
    Optional<String> namespace,
    Optional<String> listenAddress,
    Optional<String> telemetryPath,
    Optional<Path> webConfigFile,
    Optional<Duration> queryTimeout,
    Optional<Integer> maxConcurrency,
    Optional<Duration> pingTimeout,
    Map<String, String> constLabels,
    List<String> customMetrics,
    TargetAllowList allowedTargets,
    M module,
    String source) {

  public ExporterConfig {
    constLabels = Map.copyOf(constLabels);
    customMetrics = List.copyOf(customMetrics);
    java.util.Objects.requireNonNull(allowedTargets, "allowedTargets");
  }
}
