package dev.exportersuite.oracle;

import dev.exportersuite.core.config.ConfigErrors;
import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.Durations;
import dev.exportersuite.core.config.ExporterConfig;
import dev.exportersuite.core.config.MetricNames;
import dev.exportersuite.core.config.SecretSource;
import dev.exportersuite.core.config.YamlMapping;
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
 * Reads the config file of Oracle's exporter (oracle-db-appdev-monitoring 2.x) as its users have it: a
 * {@code databases:} map of named connections, {@code metrics:}, {@code log:}, {@code web:},
 * {@code listenAddress}, {@code metricsPath}. Keys are exact, as the peer reads them strictly; a setting this
 * exporter cannot honour is an error that says so rather than a silent difference.
 */
final class DatabasesConfigReader {

  static final List<String> TOP = List.of("databases", "metrics", "log", "web", "listenAddress", "metricsPath");
  static final List<String> DATABASE = List.of("username", "password", "passwordFile", "url", "role", "tnsAdmin",
      "externalAuth", "queryTimeout", "maxOpenConns", "maxIdleConns", "connMaxLifetime", "poolIncrement",
      "poolMaxConnections", "poolMinConnections", "labels", "vault");
  static final List<String> METRICS = List.of("default", "custom", "scrapeInterval", "databaseLabel",
      "connectionBackoff");
  static final List<String> LOG = List.of("level", "format", "destination", "interval", "disable",
      "perDatabaseFiles", "messageLevelEnabled");
  static final List<String> WEB = List.of("listenAddresses", "systemdSocket", "configFile", "readHeaderTimeout",
      "readTimeout", "idleTimeout");

  private DatabasesConfigReader() {}

  /** True for a file in this schema: it has the peer's {@code databases:} key. */
  static boolean isDatabasesFile(YamlMapping top) {
    return top.has("databases");
  }

  /** @param expand applied to every value ({@code ${VAR}} from the environment), as the peer expands them */
  static ExporterConfig<OracleFileConfig> read(String file, Node root, UnaryOperator<String> expand)
      throws ConfigException {
    YamlMapping top = YamlMapping.of(file, "", root, expand).expect(TOP);
    ConfigErrors errors = new ConfigErrors();
    List<OracleFileConfig.Database> databases = errors.read(() -> databases(top)).orElse(List.of());
    Optional<YamlMapping> metrics = errors.read(() -> top.mapping("metrics")).orElse(Optional.empty());
    Optional<Path> defaults = Optional.empty();
    List<String> custom = List.of();
    Optional<Duration> interval = Optional.empty();
    String label = "database";
    if (metrics.isPresent()) {
      YamlMapping m = metrics.get().expect(METRICS);
      defaults = errors.read(() -> m.string("default")).orElse(Optional.empty()).map(Path::of);
      custom = errors.read(() -> m.stringList("custom")).orElse(List.of());
      interval = errors.read(() -> goDuration(m, "scrapeInterval")).orElse(Optional.empty());
      label = errors.read(() -> databaseLabel(m)).orElse("database");
      errors.read(() -> m.string("connectionBackoff")); // the pool retries by itself; accepted, no effect
      errors.check(m::finish);
    }
    errors.read(() -> top.mapping("log")).orElse(Optional.empty()).ifPresent(l -> {
      l.expect(LOG);
      // Levels are --log.level's; the alert-log features are not this exporter's: accepted, no effect.
      for (String k : LOG) {
        errors.read(() -> l.node(k));
      }
      errors.check(l::finish);
    });
    Optional<String> listen = errors.read(() -> top.string("listenAddress")).orElse(Optional.empty());
    Optional<Path> webConfigFile = Optional.empty();
    Optional<YamlMapping> web = errors.read(() -> top.mapping("web")).orElse(Optional.empty());
    if (web.isPresent()) {
      YamlMapping w = web.get().expect(WEB);
      List<String> addresses = errors.read(() -> w.stringList("listenAddresses")).orElse(List.of());
      if (addresses.size() > 1) {
        errors.add(w.error("listenAddresses", "this exporter listens on one address: keep one"));
      }
      if (!addresses.isEmpty()) {
        listen = Optional.of(addresses.get(0));
      }
      if (w.has("systemdSocket")) {
        w.node("systemdSocket");
        errors.add(w.error("systemdSocket", "not supported by this exporter yet: leave it out"));
      }
      // The toolkit's web config (TLS, basic auth), as --web.config.file, which wins; relative to the working
      // directory, as the peer opens it.
      webConfigFile = errors.read(() -> w.string("configFile")).orElse(Optional.empty()).filter(f -> !f.isBlank())
          .map(Path::of);
      for (String timeout : List.of("readHeaderTimeout", "readTimeout", "idleTimeout")) {
        errors.read(() -> w.node(timeout)); // the JDK server's own limits apply: accepted, no effect
      }
      errors.check(w::finish);
    }
    Optional<String> path = errors.read(() -> top.string("metricsPath")).orElse(Optional.empty());
    errors.check(top::finish);
    errors.throwIfAny();
    return new ExporterConfig<>(Optional.empty(), listen, path, webConfigFile, Optional.empty(), Optional.empty(),
        Optional.empty(), Map.of(), custom, TargetAllowList.ANY,
        new OracleFileConfig(databases, label, defaults, interval), file);
  }

  private static List<OracleFileConfig.Database> databases(YamlMapping top) throws ConfigException {
    Optional<YamlMapping> all = top.mapping("databases");
    if (all.isEmpty() || all.get().keys().isEmpty()) {
      throw top.error("databases", "name at least one database, e.g. databases: {db1: {username: ..., url: ...}}");
    }
    ConfigErrors errors = new ConfigErrors();
    List<OracleFileConfig.Database> out = new ArrayList<>();
    for (String name : all.get().keys()) {
      errors.read(() -> database(name, all.get().mapping(name).orElseThrow(() -> all.get().error(name,
          "give the database's settings: username, password or passwordFile, url")))).ifPresent(out::add);
    }
    errors.throwIfAny();
    return out;
  }

  private static OracleFileConfig.Database database(String name, YamlMapping d) throws ConfigException {
    d.expect(DATABASE);
    if (!name.matches("[A-Za-z0-9_.:-]{1,64}")) {
      throw d.error("", "database name '" + name + "': use 1 to 64 letters, digits, '_', '.', ':' or '-'");
    }
    ConfigErrors errors = new ConfigErrors();
    for (String unsupported : List.of("vault", "externalAuth")) {
      if (d.has(unsupported)) {
        d.node(unsupported);
        errors.add(d.error(unsupported, switch (unsupported) {
          case "vault" -> "secrets from a vault are not supported yet: use passwordFile or ${VAR}";
          default -> "external authentication is not supported: give username and password";
        }));
      }
    }
    Optional<String> user = errors.read(() -> d.string("username")).orElse(Optional.empty());
    // passwordFile wins over password, as in the peer; read verbatim but for a final line break.
    Optional<String> password = errors.read(() -> {
      Optional<String> fromFile = SecretSource.first(Optional.empty(), d.string("passwordFile").map(Path::of), null,
          d.child("passwordFile"));
      Optional<String> direct = d.string("password");
      return fromFile.isPresent() ? fromFile : direct;
    }).orElse(Optional.empty());
    Optional<String> url = errors.read(() -> Optional.of(d.requiredString("url"))).orElse(Optional.empty());
    Optional<AdminRole> role = errors.read(() -> {
      Optional<String> r = d.string("role");
      try {
        return r.map(AdminRole::parse);
      } catch (IllegalArgumentException e) {
        throw d.error("role", e.getMessage());
      }
    }).orElse(Optional.empty());
    Optional<Path> tnsAdmin = errors.read(() -> d.string("tnsAdmin").map(Path::of)).orElse(Optional.empty());
    Optional<Duration> timeout = errors.read(() -> d.duration("queryTimeout")).orElse(Optional.empty());
    Optional<Integer> maxOpen = errors.read(() -> d.integer("maxOpenConns", 0, 64)).orElse(Optional.empty())
        .filter(n -> n > 0);
    Optional<Integer> maxIdle = errors.read(() -> d.integer("maxIdleConns", 0, 64)).orElse(Optional.empty());
    Map<String, String> labels = errors.read(() -> labels(d)).orElse(Map.of());
    for (String accepted : List.of("connMaxLifetime", "poolIncrement", "poolMaxConnections", "poolMinConnections")) {
      errors.read(() -> d.node(accepted)); // the pool's own settings apply: accepted, no effect
    }
    errors.check(d::finish);
    errors.throwIfAny();
    OracleDsn dsn;
    try {
      dsn = OracleDsn.fromParts(user.orElse(""), password.orElse(""), role, url.orElseThrow(), tnsAdmin);
    } catch (IllegalArgumentException e) {
      throw d.error(e.getMessage().startsWith("url") || tnsAdmin.isPresent() ? "url" : "", e.getMessage());
    }
    return new OracleFileConfig.Database(name, dsn, timeout, maxOpen, maxIdle, labels);
  }

  private static Map<String, String> labels(YamlMapping d) throws ConfigException {
    Map<String, String> labels = d.stringMap("labels");
    for (String l : labels.keySet()) {
      if (!MetricNames.isValidLabelName(l)) {
        throw d.error("labels", "'" + l + "' is not a valid label name");
      }
    }
    return labels;
  }

  private static String databaseLabel(YamlMapping m) throws ConfigException {
    String label = m.string("databaseLabel").orElse("database");
    if (!MetricNames.isValidLabelName(label)) {
      throw m.error("databaseLabel", "'" + label + "' is not a valid label name");
    }
    return label;
  }

  /** A Go duration ({@code 30s}, {@code 1m}); 0 means at every scrape, as in the peer. */
  private static Optional<Duration> goDuration(YamlMapping m, String key) throws ConfigException {
    Optional<String> text = m.string(key);
    if (text.isEmpty() || text.get().strip().equals("0")) {
      return Optional.empty();
    }
    try {
      Duration d = Durations.parse(text.get());
      return d.isZero() ? Optional.empty() : Optional.of(d);
    } catch (IllegalArgumentException e) {
      throw m.error(key, e.getMessage());
    }
  }
}
