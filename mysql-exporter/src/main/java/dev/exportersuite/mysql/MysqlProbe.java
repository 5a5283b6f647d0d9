package dev.exportersuite.mysql;

import dev.exportersuite.core.cli.ExporterRuntime;
import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.http.ProbeHandler;
import dev.exportersuite.core.snapshots.ExporterCollector;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /probe?target=host:port&auth_module=client.<section>}: one pool, engine and collector per target and
 * credentials section, built on first use and then reused by the probe handler.
 */
final class MysqlProbe implements ProbeHandler.TargetOpener {

  /** Probe targets share one exporter; each gets a small pool. */
  private static final int TARGET_POOL = 2;

  private final ConnectionSources sources;
  private final ExporterRuntime runtime;

  MysqlProbe(ConnectionSources sources, ExporterRuntime runtime) {
    this.sources = sources;
    this.runtime = runtime;
  }

  @Override
  public ExporterCollector open(Map<String, String> params) {
    String module = Optional.ofNullable(params.get("auth_module")).filter(s -> !s.isBlank()).orElse("client");
    MysqlSettings settings;
    try {
      settings = sources.resolve(Optional.of(params.get("target")), module, TARGET_POOL,
          params.containsKey("auth_module"));
    } catch (ConfigException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
    RequestExecutor executor = settings.open();
    return runtime.collectorFor(executor);
  }
}
