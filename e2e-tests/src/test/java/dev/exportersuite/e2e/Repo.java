package dev.exportersuite.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The checkout under test: where the shipped configs and the modules' jars are, and how to read them. */
final class Repo {

  /**
   * Every module the suite ships today, with the names the configs use for it. {@code multiTarget}: the module has
   * an endpoint that scrapes the server named by ?target= (so prometheus.yml has a multi-target job for it).
   * {@code serverInTests}: a real server of its kind runs beside the e2e tests; where none can (Oracle), the
   * exporter still runs and is scraped, but its database metrics cannot have data (see {@link WithoutServer}).
   */
  record Module(String name, String namespace, int defaultPort, boolean multiTarget, boolean serverInTests) {

    /** The runnable jar the module's build leaves in its target directory. */
    Path jar() {
      return root().resolve(name).resolve("target").resolve(name + ".jar");
    }

    /** configs/&lt;module&gt;/ in the repo, mounted at /etc/&lt;module&gt;/ in the containers. */
    Path configDir() {
      return root().resolve("configs").resolve(name);
    }
  }

  /** Every module; a new module is added here, and to every config this list is checked against. */
  static final List<Module> MODULES = List.of(
      new Module("mysql-exporter", "mysql", 9104, true, true),
      new Module("redis-exporter", "redis", 9121, true, true),
      // no Oracle server can run here; oracle-exporter, like oracledb_exporter, has no multi-target endpoint
      new Module("oracle-exporter", "oracledb", 9161, false, false),
      // its broker runs in the test JVM (KafkaBroker); like kafka_exporter, no multi-target endpoint
      new Module("kafka-exporter", "kafka", 9308, false, true));

  private Repo() {}

  static Module module(String name) {
    return MODULES.stream().filter(m -> m.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no module " + name + " in Repo.MODULES"));
  }

  /** The module whose dashboard is configs/grafana/dashboards/&lt;module&gt;.json. */
  static java.util.Optional<Module> moduleOfDashboard(String fileName) {
    return MODULES.stream().filter(m -> (m.name() + ".json").equals(fileName)).findFirst();
  }

  static Path root() {
    String dir = System.getProperty("repo.root");
    Path p = dir != null ? Path.of(dir) : Path.of("").toAbsolutePath().getParent();
    return p.toAbsolutePath().normalize();
  }

  static Path path(String relative) {
    return root().resolve(relative);
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** YAML (and therefore JSON) into plain maps and lists. */
  static Object parse(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(64 * 1024 * 1024);
    return new Yaml(options).load(text);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> parseMap(String text) {
    return (Map<String, Object>) parse(text);
  }

  static Map<String, Object> readMap(Path p) {
    return parseMap(read(p));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o == null ? Map.of() : (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return o == null ? List.of() : (List<Object>) o;
  }
}
