package dev.exportersuite.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * redis_exporter's flags (1.45 to 1.66) that this exporter accepts so that a command line written for it starts
 * here too, but that change nothing, each with the reason, logged once at start. Serving the metrics over TLS,
 * asked for with a certificate and a key, stops the start instead: serving plain HTTP would be less safe than
 * what was asked.
 */
final class PeerFlags {


  @Option(names = "--log-format", paramLabel = "txt|json", description = "No effect: logs are plain text lines.")
  String logFormat;

  @Option(names = "--is-tile38", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "No effect: Tile38's own metrics are not collected.")
  Boolean isTile38;

  @Option(names = "--include-modules-metrics", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "No effect: module metrics are not collected; an INFO MODULES entry in a metrics file reads them.")
  Boolean includeModulesMetrics;

  @Option(names = "--exclude-latency-histogram-metrics", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "No effect: the latency histograms (LATENCY HISTOGRAM) are not collected anyway.")
  Boolean excludeLatencyHistogram;

  @Option(names = "--redact-config-metrics", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Passwords in the config are always left out of --include-config-metrics; false has no effect.")
  Boolean redactConfigMetrics;

  /** Fills what the command line left unset from redis_exporter's environment variables. */
  void fromEnvironment(Map<String, String> env) {
    logFormat = logFormat != null ? logFormat : env.get("REDIS_EXPORTER_LOG_FORMAT");
    isTile38 = EnvFlags.bool(isTile38, env, "REDIS_EXPORTER_IS_TILE38");
    includeModulesMetrics = EnvFlags.bool(includeModulesMetrics, env, "REDIS_EXPORTER_INCL_MODULES_METRICS");
    excludeLatencyHistogram = EnvFlags.bool(excludeLatencyHistogram, env,
        "REDIS_EXPORTER_EXCLUDE_LATENCY_HISTOGRAM_METRICS");
    redactConfigMetrics = EnvFlags.bool(redactConfigMetrics, env, "REDIS_EXPORTER_REDACT_CONFIG_METRICS");
  }

  /** Nothing here stops the start any more: server TLS is served (ServerTlsFlags). */
  Optional<String> refusal() {
    return Optional.empty();
  }

  /** One line for each flag given that changes nothing here, saying why. Values are never repeated. */
  List<String> withoutEffect() {
    List<String> lines = new ArrayList<>();
    if (logFormat != null && !logFormat.toLowerCase(Locale.ROOT).equals("txt")) {
      lines.add("--log-format has no effect here: logs are plain text lines");
    }
    put(lines, "--is-tile38", Boolean.TRUE.equals(isTile38), "Tile38's own metrics (redis_tile38_*) are not "
        + "collected; the Redis-compatible INFO figures are");
    put(lines, "--include-modules-metrics", Boolean.TRUE.equals(includeModulesMetrics), "module metrics "
        + "(redis_module_*) are not collected; an entry with request INFO MODULES in a metrics file reads them");
    put(lines, "--exclude-latency-histogram-metrics", Boolean.TRUE.equals(excludeLatencyHistogram), "the latency "
        + "histograms are not collected anyway (redis_exporter 1.45's families)");
    put(lines, "--redact-config-metrics=false", Boolean.FALSE.equals(redactConfigMetrics), "passwords in the "
        + "config (masterauth, requirepass, tls-*-pass) are never exported");
    return lines;
  }

  private static void put(List<String> lines, String flag, boolean given, String reason) {
    if (given) {
      lines.add(flag + " has no effect here: " + reason);
    }
  }
}
