package dev.exportersuite.redis;

import dev.exportersuite.core.cli.ExporterRuntime;
import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.ExporterConfig;
import dev.exportersuite.core.http.ProbeHandler;
import dev.exportersuite.core.snapshots.ExporterCollector;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a collector for {@code /scrape?target=redis://host:port}: the same definitions and credentials as the
 * exporter's own target, a new connection pool and engine per target.
 */
final class ScrapeTargets implements ProbeHandler.TargetOpener {

  private final RedisExporter command;
  private final ExporterRuntime runtime;
  private final ExporterConfig<RedisConnectionSection> config;

  ScrapeTargets(RedisExporter command, ExporterRuntime runtime, ExporterConfig<RedisConnectionSection> config) {
    this.command = command;
    this.runtime = runtime;
    this.config = config;
  }

  @Override
  public ExporterCollector open(Map<String, String> params) {
    String address = params.get("target");
    RedisTarget target;
    try {
      target = command.target(config, Optional.of(address));
      target.uri();
    } catch (ConfigException | IllegalArgumentException e) {
      throw new IllegalArgumentException("bad target: " + (e instanceof ConfigException c ? c.problem()
          : e.getMessage()));
    }
    RedisExecutor executor = new RedisExecutor(target);
    return runtime.collectorFor(executor);
  }
}
