package dev.exportersuite.oracle;

import dev.exportersuite.core.cli.ModuleInfo;
import dev.exportersuite.core.collect.ConnectionLimits;
import dev.exportersuite.core.collect.Datastore;
import dev.exportersuite.core.collect.EngineSettings;
import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.ExporterConfig;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.cli.ExporterCommand;
import dev.exportersuite.core.collect.NamedConnection;
import dev.exportersuite.core.config.EnvExpander;
import dev.exportersuite.core.config.ExporterConfigReader;
import dev.exportersuite.core.config.RequestParser;
import dev.exportersuite.core.config.YamlDocument;
import dev.exportersuite.core.config.YamlMapping;
import dev.exportersuite.core.jdbc.SqlRequest;
import java.util.ArrayList;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import dev.exportersuite.core.snapshots.SelfMetric;
import dev.exportersuite.core.snapshots.SelfMetricsSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * oracledb_exporter's drop-in (iamseth 0.6 and its HEAD): the same port, flags, environment variables, DSN forms
 * and metric names; the successor's default metrics built in, iamseth's with {@code --default.metrics=legacy}.
 */
@Command(name = "oracle-exporter", sortOptions = false,
    description = "Prometheus exporter for Oracle Database, a drop-in for oracledb_exporter.",
    footer = {"", "Environment variables set a flag's default; a flag on the command line wins.",
        "TELEMETRY_PATH sets the default of --web.telemetry-path, CUSTOM_METRICS (comma-separated) that of "
            + "--custom.metrics.",
        "DSN rules (special characters in passwords, several hosts, roles): see the module README."})
public class OracleExporter extends ExporterCommand<OracleFileConfig, SqlRequest> {

  static final List<String> DEFAULT_METRICS = List.of("oracle/default-metrics.yaml");
  static final List<String> LEGACY_METRICS = List.of("oracle/legacy-metrics.yaml");
  /** Without a DSN option: enough for a logon on a LAN, short enough that a dead host shows as down quickly. */
  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

  @Option(names = "--database.dsn", paramLabel = "DSN",
      description = "oracle://user:password@host:1521/service[?options] or user/password@host:1521/service "
          + "(env DATA_SOURCE_NAME). Raw special characters in the password work; %%XX is decoded.")
  String dsn;

  @Option(names = "--database.dsnFile", paramLabel = "FILE",
      description = "File holding the DSN, trailing newline ignored (env DATA_SOURCE_NAME_FILE).")
  Path dsnFile;

  @Option(names = "--default.metrics", paramLabel = "FILE|legacy",
      description = "A TOML or YAML metrics file that replaces the built-in defaults, or 'legacy' for "
          + "oracledb_exporter 0.6's set (env DEFAULT_METRICS; default: the built-in set).")
  String defaultMetrics;

  @Option(names = "--query.timeout", paramLabel = "SECONDS",
      description = "Limit of each query unless its definition sets querytimeout; the driver cancels it on "
          + "the server (env QUERY_TIMEOUT; default 5).")
  String queryTimeout;

  @Option(names = "--scrape.interval", paramLabel = "DURATION",
      description = "Go duration, e.g. 30s: used as every definition's scrapeinterval unless it sets its own, "
          + "so results are reused for that long; 0 (default) queries at every scrape.")
  String scrapeInterval;

  @Option(names = "--database.maxOpenConns", paramLabel = "N",
      description = "Sessions the exporter may open; also how many queries run at once "
          + "(env DATABASE_MAXOPENCONNS; default 3; 0 means the default).")
  String maxOpenConns;

  @Option(names = "--database.maxIdleConns", paramLabel = "N",
      description = "Sessions kept open while idle, at most maxOpenConns; others close after 10 minutes unused "
          + "(env DATABASE_MAXIDLECONNS; default 0). Sessions are reused, never opened per query.")
  String maxIdleConns;

  @Option(names = "--log.format", paramLabel = "FORMAT",
      description = "logfmt or json, accepted for oracledb_exporter command lines; logs are always timestamped "
          + "text lines on stderr.")
  String logFormat;

  @Option(names = "--web.systemd-socket", arity = "0..1", fallbackValue = "true",
      description = "Not supported yet: refused with an error rather than ignored.")
  Boolean systemdSocket;

  private final Map<String, String> env;

  public OracleExporter() {
    this(System.getenv());
  }

  /** With the environment a test gives (a test cannot set its own process's). */
  OracleExporter(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  public static void main(String[] args) {
    System.exit(run(new OracleExporter(), args));
  }

  @Override
  public Integer call() throws Exception {
    // Oracle's exporter 2.x reads CONFIG_FILE when --config.file is not given.
    if (configFile == null && !env.getOrDefault("CONFIG_FILE", "").isEmpty()) {
      configFile = Path.of(env.get("CONFIG_FILE"));
    }
    if (telemetryPath == null) {
      telemetryPath = Optional.ofNullable(env.get("TELEMETRY_PATH")).filter(s -> !s.isEmpty()).orElse(null);
    }
    return super.call();
  }

  /** oracledb_exporter's own metrics, with its names and help texts, and none it does not have. */
  static final SelfMetricsSpec SELF_METRICS = SelfMetricsSpec.builder()
      .add(SelfMetric.UP).help(SelfMetric.UP, "Whether the Oracle database server is up.")
      .add(SelfMetric.LAST_SCRAPE_DURATION_SECONDS)
      .help(SelfMetric.LAST_SCRAPE_DURATION_SECONDS, "Duration of the last scrape of metrics from Oracle DB.")
      .add(SelfMetric.LAST_SCRAPE_ERROR)
      .help(SelfMetric.LAST_SCRAPE_ERROR, "Whether the last scrape of metrics from Oracle DB resulted in an error "
          + "(1 for error, 0 for success).")
      .add(SelfMetric.SCRAPES_TOTAL).help(SelfMetric.SCRAPES_TOTAL, "Total number of times Oracle DB was scraped "
          + "for metrics.")
      .add(SelfMetric.SCRAPE_ERRORS_TOTAL).help(SelfMetric.SCRAPE_ERRORS_TOTAL, "Total number of times an error "
          + "occurred scraping a Oracle database.")
      .build();

  @Override
  protected ModuleInfo info() {
    boolean legacy = defaultsSetting().value().map(v -> v.strip().equalsIgnoreCase(OracleFlags.LEGACY))
        .orElse(false);
    return new ModuleInfo("oracledb", "oracledb_exporter", "Oracle DB Exporter", 9161,
        legacy ? LEGACY_METRICS : DEFAULT_METRICS, SELF_METRICS);
  }

  private Setting defaultsSetting() {
    return Setting.of(defaultMetrics, "--default.metrics", env, "DEFAULT_METRICS");
  }

  @Override
  protected ExporterConfigReader.ModuleSection<OracleFileConfig> configSection() {
    // The suite's own config format has no Oracle section: the database comes from the DSN flags.
    return new ExporterConfigReader.ModuleSection<>() {
      @Override
      public List<String> keys() {
        return List.of("connection");
      }

      @Override
      public OracleFileConfig read(YamlMapping top) throws ConfigException {
        if (top.has("connection")) {
          top.node("connection");
          throw top.error("connection", "oracle-exporter does not read a connection: section; give the database "
              + "with --database.dsn or DATA_SOURCE_NAME, or use the databases: file of Oracle's exporter");
        }
        return OracleFileConfig.NONE;
      }
    };
  }

  @Override
  protected RequestParser<SqlRequest> requestParser() {
    return SqlRequest.parser();
  }

  /** Oracle's exporter's own config file (a databases: map) as its users have it, else the suite's format. */
  @Override
  protected ExporterConfig<OracleFileConfig> readConfigFile(Path file) throws ConfigException {
    Node root = YamlDocument.read(file);
    if (root instanceof MappingNode && DatabasesConfigReader.isDatabasesFile(YamlMapping.of(file.toString(), "", root))) {
      return DatabasesConfigReader.read(file.toString(), root, new EnvExpander(env));
    }
    return super.readConfigFile(file);
  }

  /**
   * A file given by {@code --default.metrics} (else the config file's {@code metrics.default}); a missing file
   * with the peer's own name (default-metrics.toml/.yaml, which the peer's image has and ours does not) means the
   * built-in set.
   */
  @Override
  protected Optional<Path> defaultMetricsFile(ExporterConfig<OracleFileConfig> config) {
    Optional<String> v = defaultsSetting().value().map(String::strip)
        .or(() -> config.module().defaultMetrics().map(Path::toString));
    if (v.isEmpty() || v.get().equalsIgnoreCase(OracleFlags.LEGACY)) {
      return Optional.empty();
    }
    Path file = Path.of(v.get());
    if (!Files.exists(file) && file.getFileName() != null
        && OracleFlags.PEER_DEFAULT_FILES.contains(file.getFileName().toString())) {
      LoggerFactory.getLogger(OracleExporter.class).info("{} does not exist: using the built-in default metrics "
          + "(the peer's image ships that file, this one builds it in)", file);
      return Optional.empty();
    }
    return Optional.of(file);
  }

  /** CUSTOM_METRICS is the default of --custom.metrics: a flag given replaces it. */
  @Override
  protected List<Path> customMetricsFromEnvironment() {
    return customMetrics.isEmpty() ? OracleFlags.customMetrics(env) : List.of();
  }

  /**
   * A request's limit when its definition has none: a database's own {@code queryTimeout}, else
   * {@code --query.timeout} / {@code QUERY_TIMEOUT} when given, else the suite config's, else the flag's default.
   */
  private Duration queryTimeout(ExporterConfig<OracleFileConfig> config, Optional<Duration> database,
      OracleFlags.Limits flags) {
    boolean flagGiven = queryTimeout != null || env.containsKey("QUERY_TIMEOUT");
    return database.orElseGet(() -> flagGiven ? flags.queryTimeout()
        : config.queryTimeout().orElse(flags.queryTimeout()));
  }

  /** No more requests at once than the pool has sessions: the rest would only wait for one. */
  private static int concurrency(ExporterConfig<OracleFileConfig> config, int poolSize) {
    return Math.min(config.maxConcurrency().orElse(poolSize), poolSize);
  }

  private OracleFlags.Raw raw() {
    return new OracleFlags.Raw(dsn, dsnFile, defaultMetrics, queryTimeout, scrapeInterval, maxOpenConns,
        maxIdleConns, logFormat, systemdSocket);
  }

  @Override
  protected Datastore<SqlRequest> datastore(ExporterConfig<OracleFileConfig> config) throws ConfigException {
    if (!config.module().databases().isEmpty()) {
      return databases(config);
    }
    OracleFlags flags = OracleFlags.resolve(raw(), env);
    Duration ping = config.pingTimeout().orElse(EngineSettings.DEFAULTS.pingTimeout());
    OracleSettings settings = new OracleSettings(flags.dsn(), flags.maxOpen(), flags.maxIdle(),
        flags.dsn().options().connectTimeout().orElse(DEFAULT_CONNECT_TIMEOUT), ping);
    ConnectionLimits limits = ConnectionLimits.of(
        queryTimeout(config, Optional.empty(), new OracleFlags.Limits(flags.queryTimeout(), flags.maxOpen())),
        concurrency(config, flags.maxOpen()));
    Optional<Duration> interval = flags.scrapeInterval();
    return Datastore.of(settings, limits).withDefinitions(loaded -> interval.isEmpty() ? loaded
        : loaded.stream().map(d -> withDefaultInterval(d, interval.get())).toList());
  }

  /**
   * Several databases from Oracle's exporter's config file, each series labelled with its database's name and
   * the union of their labels, as that exporter does; each entry of a metrics file runs where its databases:
   * says.
   */
  private Datastore<SqlRequest> databases(ExporterConfig<OracleFileConfig> config) throws ConfigException {
    OracleFileConfig file = config.module();
    if (OracleFlags.dsnGiven(raw(), env)) {
      throw new ConfigException(config.source(), 0, "databases", "the database is given twice: by "
          + "DATA_SOURCE_NAME or --database.dsn and by this file's databases:; keep one");
    }
    OracleFlags.unsupported(raw());
    OracleFlags.Limits limits = OracleFlags.limits(raw(), env);
    Duration ping = config.pingTimeout().orElse(EngineSettings.DEFAULTS.pingTimeout());
    List<NamedConnection<SqlRequest>> connections = new ArrayList<>();
    for (OracleFileConfig.Database d : file.databases()) {
      int open = d.maxOpen().orElse(limits.maxOpen());
      OracleSettings settings = new OracleSettings(d.dsn(), open, d.maxIdle().orElse(OracleFlags.DEFAULT_MAX_IDLE),
          d.dsn().options().connectTimeout().orElse(DEFAULT_CONNECT_TIMEOUT), ping);
      connections.add(new NamedConnection<>(d.name(), d.labels(), settings,
          ConnectionLimits.of(queryTimeout(config, d.queryTimeout(), limits), concurrency(config, open))));
    }
    Optional<Duration> interval = scrapeInterval != null ? OracleFlags.scrapeInterval(scrapeInterval)
        : file.scrapeInterval();
    return Datastore.of(connections, file.databaseLabel()).withDefinitions(loaded -> interval.isEmpty() ? loaded
        : loaded.stream().map(d -> withDefaultInterval(d, interval.get())).toList());
  }

  /** The definition with {@code interval} as its scrapeinterval, unless it has one of its own. */
  static <R> MetricDefinition<R> withDefaultInterval(MetricDefinition<R> d, Duration interval) {
    if (d.timing().scrapeInterval().isPresent()) {
      return d;
    }
    return d.withTiming(new MetricDefinition.Timing(d.timing().queryTimeout(), Optional.of(interval)));
  }
}
