package dev.exportersuite.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads a module's default metrics (from the classpath) and the users' files (files or directories of
 * {@code *.yaml}/{@code *.yml}/{@code *.toml}; a file's suffix says which it is), and refuses the set if two definitions would make the same metric. Each step
 * reports every problem it finds, not only the first.
 *
 * @param <R> the module's parsed request
 */
public final class MetricsFiles<R> {

  private final String namespace;
  private final MetricsFileParser<R> parser;

  public MetricsFiles(String namespace, RequestParser<R> requests) {
    this.namespace = namespace;
    this.parser = new MetricsFileParser<>(requests);
  }

  public List<MetricDefinition<R>> loadResource(String resource) throws ConfigException {
    String name = "classpath:" + resource;
    try (InputStream in = MetricsFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new ConfigException(name, 0, "", "resource not found in the jar");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return parser.parse(name, isToml(resource) ? TomlDocument.parse(name, text) : YamlDocument.parse(name, text));
    } catch (IOException e) {
      throw new ConfigException(name, 0, "", "cannot read: " + e.getMessage());
    }
  }

  /** Every file of a directory is read, also after a broken one; the exception then names all their problems. */
  public List<MetricDefinition<R>> loadPath(Path path) throws ConfigException {
    List<MetricDefinition<R>> out = new ArrayList<>();
    ConfigErrors errors = new ConfigErrors();
    for (Path file : expand(path)) {
      errors.read(() -> parser.parse(file.toString(), isToml(file.toString()) ? TomlDocument.read(file)
          : YamlDocument.read(file))).ifPresent(out::addAll);
    }
    errors.throwIfAny();
    return out;
  }

  static boolean isToml(String name) {
    return name.toLowerCase(java.util.Locale.ROOT).endsWith(".toml");
  }

  private static boolean isMetricsFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".toml");
  }

  /** A directory stands for its metrics files, in name order so that loading is repeatable. */
  static List<Path> expand(Path path) throws ConfigException {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> files = Files.list(path)) {
      List<Path> out = files
          .filter(Files::isRegularFile)
          .filter(MetricsFiles::isMetricsFile)
          .sorted()
          .toList();
      if (out.isEmpty()) {
        throw new ConfigException(path.toString(), 0, "", "the directory holds no .yaml, .yml or .toml file");
      }
      return out;
    } catch (IOException e) {
      throw new ConfigException(path.toString(), 0, "", "cannot list directory: " + e.getMessage());
    }
  }

  /**
   * Refuses two definitions that produce the same metric family. Names taken from row values
   * ({@code fieldtoappend}) are only known at scrape time and are checked there.
   */
  public void checkUnique(List<MetricDefinition<R>> definitions) throws ConfigException {
    checkUnique(definitions, java.util.Set.of());
  }

  /**
   * As {@link #checkUnique(List)}, and refuses a definition that would make one of {@code reserved}, the exposed
   * names of the exporter's own metrics ({@code <ns>_up}, ...), which would otherwise be dropped at every scrape.
   */
  public void checkUnique(List<MetricDefinition<R>> definitions, java.util.Set<String> reserved)
      throws ConfigException {
    Map<String, MetricDefinition<R>> seen = new HashMap<>();
    ConfigErrors errors = new ConfigErrors();
    for (MetricDefinition<R> d : definitions) {
      if (d.naming().fieldToAppend().isPresent()) {
        continue;
      }
      for (String column : d.metrics().help().keySet()) {
        String name = MetricNames.join(namespace, d.context(), column);
        String key = MetricNames.exposed(name, d.metrics().typeOf(column));
        if (reserved.contains(key)) {
          errors.add(d.source().error("metricsdesc." + column, "metric '" + name + "' is one of the exporter's own "
              + "metrics; rename the context or the column"));
          continue;
        }
        MetricDefinition<R> first = seen.putIfAbsent(key, d);
        if (first != null) {
          errors.add(d.source().error("metricsdesc." + column,
              "metric '" + name + "' is defined twice: in " + first.source() + " and in " + d.source()
                  + "; rename one context or column, or remove one of the files"));
        }
      }
    }
    errors.throwIfAny();
  }
}
