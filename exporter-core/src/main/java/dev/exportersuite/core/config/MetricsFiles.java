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
 * {@code *.yaml}/{@code *.yml}), and refuses the set if two definitions would make the same metric. Each step
 * reports every problem it finds, not only the first.
 */
public final class MetricsFiles {

  private final String namespace;
  private final MetricsFileParser parser;

  public MetricsFiles(String namespace) {
    this.namespace = namespace;
    this.parser = new MetricsFileParser(namespace);
  }

  public List<MetricDefinition> loadResource(String resource) throws ConfigException {
    String name = "classpath:" + resource;
    try (InputStream in = MetricsFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new ConfigException(name, 0, "", "resource not found in the jar");
      }
      return parser.parse(name, YamlDocument.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new ConfigException(name, 0, "", "cannot read: " + e.getMessage());
    }
  }

  /** Every file of a directory is read, also after a broken one; the exception then names all their problems. */
  public List<MetricDefinition> loadPath(Path path) throws ConfigException {
    List<MetricDefinition> out = new ArrayList<>();
    ConfigErrors errors = new ConfigErrors();
    for (Path file : expand(path)) {
      errors.read(() -> parser.parse(file.toString(), YamlDocument.read(file))).ifPresent(out::addAll);
    }
    errors.throwIfAny();
    return out;
  }

  /** A directory stands for its {@code .yaml}/{@code .yml} files, in name order so that loading is repeatable. */
  static List<Path> expand(Path path) throws ConfigException {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> files = Files.list(path)) {
      List<Path> out = files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
          .sorted()
          .toList();
      if (out.isEmpty()) {
        throw new ConfigException(path.toString(), 0, "", "the directory holds no .yaml or .yml file");
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
  public void checkUnique(List<MetricDefinition> definitions) throws ConfigException {
    Map<String, MetricDefinition> seen = new HashMap<>();
    ConfigErrors errors = new ConfigErrors();
    for (MetricDefinition d : definitions) {
      if (d.fieldtoappend().isPresent()) {
        continue;
      }
      for (String column : d.metricsdesc().keySet()) {
        String name = MetricNames.join(namespace, d.context(), column);
        String key = MetricNames.exposed(name, d.typeOf(column));
        MetricDefinition first = seen.putIfAbsent(key, d);
        if (first != null) {
          errors.add(new ConfigException(d.file(), d.line(), "metricsdesc." + column,
              "metric '" + name + "' is defined twice: in " + first.source() + " and in " + d.source()
                  + "; rename one context or column, or remove one of the files"));
        }
      }
    }
    errors.throwIfAny();
  }
}
