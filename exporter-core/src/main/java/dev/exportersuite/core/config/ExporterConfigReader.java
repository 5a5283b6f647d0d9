package dev.exportersuite.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code --config.file}. The core reads its keys; the module reads its own ({@code connection:} and the
 * like) from the same mapping; then any key left over is refused, with its line.
 */
public final class ExporterConfigReader<M> {

  /** What a module reads from the top level of the config file (it calls only the keys it owns). */
  public interface ModuleSection<M> {
    /** The top-level keys this module owns, for "did you mean" hints. */
    List<String> keys();

    /** Reads the module's keys; called with no file as well (an empty mapping), to get the defaults. */
    M read(YamlMapping top) throws ConfigException;

    /** The common case: one top-level mapping ({@code connection:}), read by {@code parse}, or {@code empty}. */
    static <M> ModuleSection<M> mapping(String key, M empty, SectionParser<M> parse) {
      return new ModuleSection<>() {
        @Override
        public List<String> keys() {
          return List.of(key);
        }

        @Override
        public M read(YamlMapping top) throws ConfigException {
          Optional<YamlMapping> section = top.mapping(key);
          return section.isEmpty() ? empty : parse.parse(section.get());
        }
      };
    }
  }

  /** Reads one mapping of the config file into a module's record. */
  @FunctionalInterface
  public interface SectionParser<M> {
    M parse(YamlMapping section) throws ConfigException;
  }

  static final List<String> CORE_KEYS = List.of("namespace", "web", "collect", "labels", "custom_metrics");
  private static final List<String> WEB_KEYS = List.of("listen_address", "telemetry_path");
  private static final List<String> COLLECT_KEYS = List.of("query_timeout", "max_concurrency", "ping_timeout");

  private final ModuleSection<M> module;
  private final UnaryOperator<String> expander;

  public ExporterConfigReader(ModuleSection<M> module, UnaryOperator<String> expander) {
    this.module = module;
    this.expander = expander;
  }

  public ExporterConfigReader(ModuleSection<M> module) {
    this(module, EnvExpander.system());
  }

  public ExporterConfig<M> read(Path file) throws ConfigException {
    return read(file.toString(), YamlDocument.read(file));
  }

  /** Defaults only, for running without a config file. */
  public ExporterConfig<M> defaults() throws ConfigException {
    return read("<defaults>", YamlDocument.parse("<defaults>", "{}"));
  }

  public ExporterConfig<M> read(String name, Node root) throws ConfigException {
    YamlMapping top = YamlMapping.of(name, "", root, expander);
    List<String> known = new ArrayList<>(CORE_KEYS);
    known.addAll(module.keys());
    top.expect(known);
    Optional<String> namespace = top.string("namespace");
    if (namespace.isPresent() && !namespace.get().isEmpty() && !MetricNames.isValidMetricName(namespace.get())) {
      throw top.error("namespace", "'" + namespace.get() + "' cannot start a metric name");
    }
    Optional<String> listen = Optional.empty();
    Optional<String> path = Optional.empty();
    Optional<YamlMapping> web = top.mapping("web");
    if (web.isPresent()) {
      web.get().expect(WEB_KEYS);
      listen = web.get().string("listen_address");
      path = web.get().string("telemetry_path");
      if (path.isPresent() && !path.get().startsWith("/")) {
        throw web.get().error("telemetry_path", "must start with /");
      }
      web.get().finish();
    }
    Optional<java.time.Duration> timeout = Optional.empty();
    Optional<Integer> concurrency = Optional.empty();
    Optional<java.time.Duration> ping = Optional.empty();
    Optional<YamlMapping> collect = top.mapping("collect");
    if (collect.isPresent()) {
      collect.get().expect(COLLECT_KEYS);
      timeout = collect.get().duration("query_timeout");
      concurrency = collect.get().integer("max_concurrency", 1, 64);
      ping = collect.get().duration("ping_timeout");
      collect.get().finish();
    }
    Map<String, String> labels = top.stringMap("labels");
    for (String l : labels.keySet()) {
      if (!MetricNames.isValidLabelName(l)) {
        throw top.error("labels", "'" + l + "' is not a valid label name");
      }
    }
    List<String> custom = top.stringList("custom_metrics");
    M moduleConfig = module.read(top);
    top.finish();
    return new ExporterConfig<>(namespace, listen, path, timeout, concurrency, ping, labels, custom, moduleConfig,
        name);
  }
}
