package dev.exportersuite.redis;

import dev.exportersuite.core.cli.ExporterRuntime;
import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.ExporterConfig;
import dev.exportersuite.core.http.MultiTargetHandler;
import dev.exportersuite.core.snapshots.ExporterCollector;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a collector for {@code /scrape?target=redis://host:port}: the same definitions and credentials as the
 * exporter's own target, a new connection pool and engine per distinct target. The target is parsed by
 * {@link RedisAddress}'s strict grammar before anything connects.
 */
final class ScrapeTargets implements MultiTargetHandler.TargetOpener<RedisTarget> {

  private final RedisExporter command;
  private final ExporterRuntime runtime;
  private final ExporterConfig<RedisConnectionSection> config;

  ScrapeTargets(RedisExporter command, ExporterRuntime runtime, ExporterConfig<RedisConnectionSection> config) {
    this.command = command;
    this.runtime = runtime;
    this.config = config;
  }

  @Override
  public RedisTarget select(Map<String, String> params) {
    try {
      RedisTarget target = command.target(config, Optional.of(params.get("target")));
      target.uri();
      return target;
    } catch (ConfigException e) {
      throw new IllegalArgumentException("bad target: " + e.problem());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad target: " + e.getMessage());
    }
  }

  @Override
  public ExporterCollector open(RedisTarget target) {
    return runtime.collectorFor(target.open());
  }
}
