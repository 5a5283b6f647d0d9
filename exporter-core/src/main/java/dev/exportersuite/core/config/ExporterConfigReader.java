package dev.exportersuite.core.config;

import dev.exportersuite.core.endpoint.TargetAllowList;
import java.nio.file.Path;
import java.time.Duration;
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

  static final List<String> CORE_KEYS = List.of("namespace", "web", "collect", "labels", "custom_metrics",
      "multi_target");
  private static final List<String> MULTI_TARGET_KEYS = List.of("allow");
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

  /** Each section is read on its own, so that one exception names the problems of all of them. */
  public ExporterConfig<M> read(String name, Node root) throws ConfigException {
    YamlMapping top = YamlMapping.of(name, "", root, expander);
    List<String> known = new ArrayList<>(CORE_KEYS);
    known.addAll(module.keys());
    top.expect(known);
    ConfigErrors errors = new ConfigErrors();
    Optional<String> namespace = errors.read(() -> namespace(top)).orElse(Optional.empty());
    Optional<Web> web = errors.read(() -> web(top));
    Optional<Collect> collect = errors.read(() -> collect(top));
    Map<String, String> labels = errors.read(() -> labels(top)).orElse(Map.of());
    List<String> custom = errors.read(() -> top.stringList("custom_metrics")).orElse(List.of());
    TargetAllowList allowed = errors.read(() -> allowedTargets(top)).orElse(TargetAllowList.ANY);
    Optional<M> moduleConfig = errors.read(() -> module.read(top));
    errors.check(top::finish);
    errors.throwIfAny();
    return new ExporterConfig<>(namespace, web.get().listen(), web.get().path(), Optional.empty(),
        collect.get().timeout(),
        collect.get().concurrency(), collect.get().ping(), labels, custom, allowed, moduleConfig.get(), name);
  }

  private record Web(Optional<String> listen, Optional<String> path) {}

  private record Collect(Optional<Duration> timeout, Optional<Integer> concurrency, Optional<Duration> ping) {}

  private static Optional<String> namespace(YamlMapping top) throws ConfigException {
    Optional<String> namespace = top.string("namespace");
    if (namespace.isPresent() && !namespace.get().isEmpty() && !MetricNames.isValidMetricName(namespace.get())) {
      throw top.error("namespace", "'" + namespace.get() + "' cannot start a metric name");
    }
    return namespace;
  }

  private static Web web(YamlMapping top) throws ConfigException {
    Optional<YamlMapping> web = top.mapping("web");
    if (web.isEmpty()) {
      return new Web(Optional.empty(), Optional.empty());
    }
    YamlMapping w = web.get().expect(WEB_KEYS);
    ConfigErrors errors = new ConfigErrors();
    Optional<String> listen = errors.read(() -> w.string("listen_address")).orElse(Optional.empty());
    Optional<String> path = errors.read(() -> {
      Optional<String> p = w.string("telemetry_path");
      if (p.isPresent() && !p.get().startsWith("/")) {
        throw w.error("telemetry_path", "must start with /");
      }
      return p;
    }).orElse(Optional.empty());
    errors.check(w::finish);
    errors.throwIfAny();
    return new Web(listen, path);
  }

  private static Collect collect(YamlMapping top) throws ConfigException {
    Optional<YamlMapping> collect = top.mapping("collect");
    if (collect.isEmpty()) {
      return new Collect(Optional.empty(), Optional.empty(), Optional.empty());
    }
    YamlMapping c = collect.get().expect(COLLECT_KEYS);
    ConfigErrors errors = new ConfigErrors();
    Optional<Duration> timeout = errors.read(() -> c.duration("query_timeout")).orElse(Optional.empty());
    Optional<Integer> concurrency = errors.read(() -> c.integer("max_concurrency", 1, 64)).orElse(Optional.empty());
    Optional<Duration> ping = errors.read(() -> c.duration("ping_timeout")).orElse(Optional.empty());
    errors.check(c::finish);
    errors.throwIfAny();
    return new Collect(timeout, concurrency, ping);
  }

  /** {@code multi_target.allow}: the targets /probe or /scrape may connect to (TargetAllowList). */
  private static TargetAllowList allowedTargets(YamlMapping top) throws ConfigException {
    Optional<YamlMapping> section = top.mapping("multi_target");
    if (section.isEmpty()) {
      return TargetAllowList.ANY;
    }
    YamlMapping m = section.get().expect(MULTI_TARGET_KEYS);
    List<String> rules = m.stringList("allow");
    m.finish();
    try {
      return TargetAllowList.parse(rules);
    } catch (IllegalArgumentException e) {
      throw m.error("allow", e.getMessage());
    }
  }

  private static Map<String, String> labels(YamlMapping top) throws ConfigException {
    Map<String, String> labels = top.stringMap("labels");
    ConfigErrors errors = new ConfigErrors();
    for (String l : labels.keySet()) {
      if (!MetricNames.isValidLabelName(l)) {
        errors.add(top.error("labels", "'" + l + "' is not a valid label name"));
      }
    }
    errors.throwIfAny();
    return labels;
  }
}
