package dev.exportersuite.oracle;

import dev.exportersuite.core.config.ConfigErrors;
import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.Durations;
import dev.exportersuite.core.endpoint.InputText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * oracledb_exporter's flags and environment variables, resolved and checked: every problem is reported at once,
 * each naming the flag or variable it comes from; nothing here touches the network.
 *
 * @param dsn the database, from the flags, the DSN file or the environment
 * @param queryTimeout {@code --query.timeout}: each request's limit unless its definition sets querytimeout
 * @param scrapeInterval {@code --scrape.interval}: every definition's scrapeinterval unless it sets its own
 * @param maxOpen {@code --database.maxOpenConns}
 * @param maxIdle {@code --database.maxIdleConns}
 * @param defaultMetrics {@code --default.metrics}: empty for the built-in set
 * @param legacyDefaults {@code --default.metrics=legacy}: iamseth 0.6's set
 */
record OracleFlags(OracleDsn dsn, Duration queryTimeout, Optional<Duration> scrapeInterval, int maxOpen,
    int maxIdle, Optional<Path> defaultMetrics, boolean legacyDefaults) {

  static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(5);
  static final int DEFAULT_MAX_OPEN = 3;
  static final int DEFAULT_MAX_IDLE = 0;
  static final int MAX_POOL = 64;
  static final String LEGACY = "legacy";
  /** The peer's own file names: its image has them, ours does not, so a missing one means the built-in set. */
  static final List<String> PEER_DEFAULT_FILES = List.of("default-metrics.toml", "default-metrics.yaml");

  /** The raw flag values as picocli set them (null when not given). */
  record Raw(String dsn, Path dsnFile, String defaultMetrics, String queryTimeout, String scrapeInterval,
      String maxOpen, String maxIdle, String logFormat, Boolean systemdSocket) {}

  static OracleFlags resolve(Raw raw, Map<String, String> env) throws ConfigException {
    ConfigErrors errors = new ConfigErrors();
    errors.check(() -> unsupported(raw));
    Optional<OracleDsn> dsn = errors.read(() -> dsn(raw, env));
    Optional<Duration> timeout = errors.read(() -> queryTimeout(Setting.of(raw.queryTimeout(), "--query.timeout",
        env, "QUERY_TIMEOUT")));
    Optional<Optional<Duration>> interval = errors.read(() -> scrapeInterval(raw.scrapeInterval()));
    Optional<Integer> open = errors.read(() -> pool(Setting.of(raw.maxOpen(), "--database.maxOpenConns", env,
        "DATABASE_MAXOPENCONNS"), DEFAULT_MAX_OPEN, 1));
    Optional<Integer> idle = errors.read(() -> pool(Setting.of(raw.maxIdle(), "--database.maxIdleConns", env,
        "DATABASE_MAXIDLECONNS"), DEFAULT_MAX_IDLE, 0));
    Setting metrics = Setting.of(raw.defaultMetrics(), "--default.metrics", env, "DEFAULT_METRICS");
    errors.throwIfAny();
    boolean legacy = metrics.value().map(v -> v.strip().equalsIgnoreCase(LEGACY)).orElse(false);
    Optional<Path> file = legacy ? Optional.empty() : metrics.value().map(String::strip).map(Path::of);
    return new OracleFlags(dsn.orElseThrow(), timeout.orElseThrow(), interval.orElseThrow(), open.orElseThrow(),
        Math.min(idle.orElseThrow(), open.orElseThrow()), file, legacy);
  }

  /** The engine's limits alone, without reading the DSN again: the query timeout and the pool size. */
  record Limits(Duration queryTimeout, int maxOpen) {}

  static Limits limits(Raw raw, Map<String, String> env) throws ConfigException {
    return new Limits(queryTimeout(Setting.of(raw.queryTimeout(), "--query.timeout", env, "QUERY_TIMEOUT")),
        pool(Setting.of(raw.maxOpen(), "--database.maxOpenConns", env, "DATABASE_MAXOPENCONNS"), DEFAULT_MAX_OPEN,
            1));
  }

  /** Flags the peer has and this exporter does not honour yet: refused, never silently ignored. */
  static void unsupported(Raw raw) throws ConfigException {
    if (Boolean.TRUE.equals(raw.systemdSocket())) {
      throw new ConfigException("command line", 0, "--web.systemd-socket", "not supported by this exporter yet: "
          + "systemd socket activation; use --web.listen-address");
    }
    if (raw.logFormat() != null && !raw.logFormat().equals("logfmt") && !raw.logFormat().equals("json")) {
      throw new ConfigException("command line", 0, "--log.format", "must be logfmt or json");
    }
  }

  /** Whether a flag or the environment names a database (then a config file's databases: may not). */
  static boolean dsnGiven(Raw raw, Map<String, String> env) {
    return raw.dsn() != null || raw.dsnFile() != null
        || !env.getOrDefault("DATA_SOURCE_NAME_FILE", "").isEmpty() || !env.getOrDefault("DATA_SOURCE_NAME", "").isEmpty();
  }

  /**
   * The first of: {@code --database.dsnFile}, {@code --database.dsn}, {@code DATA_SOURCE_NAME_FILE},
   * {@code DATA_SOURCE_NAME}. As in the peer, a DSN file wins over a DSN at the same level; two flags are a mistake.
   */
  static OracleDsn dsn(Raw raw, Map<String, String> env) throws ConfigException {
    if (raw.dsn() != null && raw.dsnFile() != null) {
      throw new ConfigException("command line", 0, "--database.dsn", "give --database.dsn or --database.dsnFile, "
          + "not both");
    }
    String source;
    String text;
    if (raw.dsnFile() != null) {
      source = raw.dsnFile().toString();
      text = readDsnFile(raw.dsnFile(), "--database.dsnFile");
    } else if (raw.dsn() != null) {
      source = "--database.dsn";
      text = raw.dsn();
    } else if (env.get("DATA_SOURCE_NAME_FILE") != null && !env.get("DATA_SOURCE_NAME_FILE").isEmpty()) {
      Path file = Path.of(env.get("DATA_SOURCE_NAME_FILE"));
      source = file.toString();
      text = readDsnFile(file, "DATA_SOURCE_NAME_FILE");
    } else if (env.get("DATA_SOURCE_NAME") != null && !env.get("DATA_SOURCE_NAME").isEmpty()) {
      source = "DATA_SOURCE_NAME";
      text = env.get("DATA_SOURCE_NAME");
    } else {
      throw new ConfigException("command line", 0, "--database.dsn", "no database given: set DATA_SOURCE_NAME "
          + "or --database.dsn to oracle://user:password@host:1521/service");
    }
    try {
      OracleDsn parsed = OracleDsn.parse(text, Optional.ofNullable(env.get("TNS_ADMIN")).filter(t -> !t.isBlank())
          .map(Path::of));
      java.util.regex.Matcher scheme = OracleDsn.SCHEME.matcher(text.strip());
      if (scheme.lookingAt() && !scheme.group(1).equalsIgnoreCase("oracle")) {
        LoggerFactory.getLogger(OracleFlags.class).warn("{}: the DSN's scheme is not oracle://; read as oracle:// "
            + "as oracledb_exporter does", source);
      }
      return parsed;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(source, 0, source.startsWith("-") || source.equals("DATA_SOURCE_NAME") ? ""
          : "DSN", e.getMessage());
    }
  }

  /** The file's text without the line break an editor or {@code echo} leaves at its end (the peer keeps it). */
  private static String readDsnFile(Path file, String what) throws ConfigException {
    try {
      if (Files.size(file) > OracleDsn.MAX_LENGTH) {
        throw new ConfigException(file.toString(), 0, what, "the file is larger than a DSN can be ("
            + OracleDsn.MAX_LENGTH + " bytes)");
      }
      String s = Files.readString(file, StandardCharsets.UTF_8);
      while (s.endsWith("\n") || s.endsWith("\r")) {
        s = s.substring(0, s.length() - 1);
      }
      return s;
    } catch (IOException e) {
      throw new ConfigException(file.toString(), 0, what, "cannot read the DSN file ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  /** Whole seconds, as the peer's int flag. */
  private static Duration queryTimeout(Setting s) throws ConfigException {
    if (s.value().isEmpty()) {
      return DEFAULT_QUERY_TIMEOUT;
    }
    try {
      int n = Integer.parseInt(s.value().get().strip());
      if (n >= 1 && n <= 3600) {
        return Duration.ofSeconds(n);
      }
    } catch (NumberFormatException e) {
      // the message below says what is wanted
    }
    throw new ConfigException(s.source(), 0, "", "must be whole seconds from 1 to 3600, got "
        + InputText.quote(s.value().get()));
  }

  /** A Go duration; 0 means at every scrape. */
  static Optional<Duration> scrapeInterval(String text) throws ConfigException {
    if (text == null) {
      return Optional.empty();
    }
    try {
      Duration d = Durations.parse(text);
      return d.isZero() ? Optional.empty() : Optional.of(d);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("command line", 0, "--scrape.interval", e.getMessage());
    }
  }

  /** Go's 0 (or less) means "no limit" for open connections; here that is the default, the pool stays small. */
  private static int pool(Setting s, int dflt, int min) throws ConfigException {
    if (s.value().isEmpty()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(s.value().get().strip());
      if (n < min) {
        return dflt;
      }
      if (n <= MAX_POOL) {
        return n;
      }
    } catch (NumberFormatException e) {
      // the message below says what is wanted
    }
    throw new ConfigException(s.source(), 0, "", "must be a whole number up to " + MAX_POOL + ", got "
        + InputText.quote(s.value().get()));
  }

  /** CUSTOM_METRICS, comma-separated, as the peer reads it. */
  static List<Path> customMetrics(Map<String, String> env) {
    String v = env.get("CUSTOM_METRICS");
    if (v == null || v.isBlank()) {
      return List.of();
    }
    return Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList();
  }
}
