package dev.exportersuite.core.cli;

import dev.exportersuite.core.collect.Datastore;
import dev.exportersuite.core.collect.EngineSettings;
import dev.exportersuite.core.collect.ResolvedConnection;
import dev.exportersuite.core.config.ConfigErrors;
import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.ExporterConfig;
import dev.exportersuite.core.config.ExporterConfigReader;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.config.MetricNames;
import dev.exportersuite.core.config.MetricsFiles;
import dev.exportersuite.core.config.Overrides;
import dev.exportersuite.core.config.RequestParser;
import dev.exportersuite.core.endpoint.TargetAllowList;
import dev.exportersuite.core.http.ExporterServer;
import dev.exportersuite.core.http.ListenAddress;
import dev.exportersuite.core.http.MultiTargetHandler;
import dev.exportersuite.core.snapshots.BuildInfoCollector;
import dev.exportersuite.core.snapshots.CachedRuntimeMetrics;
import dev.exportersuite.core.snapshots.ConfigReloads;
import dev.exportersuite.core.snapshots.SelfMetrics;
import dev.exportersuite.core.snapshots.TargetMetrics;
import dev.exportersuite.core.web.BasicAuthUsers;
import dev.exportersuite.core.web.TlsMaterialException;
import dev.exportersuite.core.web.TlsSettings;
import dev.exportersuite.core.web.WebConfig;
import dev.exportersuite.core.web.WebConfigReader;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The command line every exporter shares. A module subclass adds its flags, names its request language and
 * builds its {@link Datastore} once from the resolved config; everything else (config, metrics files,
 * {@code --check-config}, {@code --once}, serving, the multi-target endpoint, reload) happens here the same way
 * for every exporter.
 *
 * @param <M> what the module reads from the config file
 * @param <R> the module's parsed request
 */
public abstract class ExporterCommand<M, R> implements Callable<Integer> {

  @Option(names = "--web.listen-address", paramLabel = "ADDR",
      description = "Address to listen on, e.g. :9104 or 127.0.0.1:9104 (default: the module's port on all addresses).")
  protected String listenAddress;

  @Option(names = "--web.telemetry-path", paramLabel = "PATH", description = "Path of the metrics (default /metrics).")
  protected String telemetryPath;

  @Option(names = "--config.file", paramLabel = "FILE", description = "Exporter config: connection, timeouts, labels.")
  protected Path configFile;

  @Option(names = "--web.config.file", paramLabel = "FILE", description = "TLS and basic authentication for this "
      + "exporter's port, in the format of the Go exporters (Prometheus exporter-toolkit).")
  protected Path webConfigFile;

  @Option(names = "--web.enable-lifecycle", description = "Enable POST /-/reload, as in Prometheus (off by default; "
      + "SIGHUP reloads either way).")
  protected boolean enableLifecycle;

  @Option(names = "--custom.metrics", paramLabel = "FILE|DIR", split = ",",
      description = "Metrics files or directories of *.yaml, comma-separated or repeated.")
  protected List<Path> customMetrics = new ArrayList<>();

  @Option(names = "--no-default.metrics", description = "Do not load the module's built-in collectors.")
  protected boolean noDefaultMetrics;

  @Option(names = "--log.level", paramLabel = "LEVEL", defaultValue = "info",
      description = "debug, info, warn or error (default info).")
  protected String logLevel = "info";

  @Option(names = "--check-config", description = "Validate config and metrics files, print what was loaded, exit.")
  protected boolean checkConfig;

  @Option(names = "--once", description = "Run every collector once, print the metrics to stdout, exit non-zero "
      + "if anything failed.")
  protected boolean once;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  protected boolean help;

  @Option(names = "--version", versionHelp = true, description = "Print the version and exit.")
  protected boolean versionRequested;

  private Logger log;

  /** The module's identity. */
  protected abstract ModuleInfo info();

  /** Reads the module's part of the config file. */
  protected abstract ExporterConfigReader.ModuleSection<M> configSection();

  /** The module's request language, run on every {@code request} when metrics files load. */
  protected abstract RequestParser<R> requestParser();

  /**
   * Builds the module from flags, environment and config (reading credentials files and the like) without
   * touching the network. Called once per start; {@code --check-config} runs it too, so a mistake here fails
   * the check.
   */
  protected abstract Datastore<R> datastore(ExporterConfig<M> config) throws ConfigException;

  /**
   * Constant labels from the module's own flags (kafka_exporter's {@code --kafka.labels}), put on the series as the
   * config file's {@code labels:} are; a name in both is refused.
   */
  protected Map<String, String> flagLabels() throws ConfigException {
    return Map.of();
  }

  /**
   * TLS for the exporter's own port from the module's peer flags (redis_exporter's {@code --tls-server-*},
   * kafka_exporter's {@code --server.tls.*}), checked ({@link TlsSettings#checkFlags}); empty when none are given.
   * Giving these and a {@code tls_server_config} in {@code --web.config.file} is an error.
   */
  protected Optional<TlsSettings> tlsServerFlags() throws ConfigException {
    return Optional.empty();
  }

  /**
   * Basic auth for the exporter's own port from the module's peer flags (redis_exporter's
   * {@code --basic-auth-*}), checked; empty when none are given. Giving these and {@code basic_auth_users} in
   * {@code --web.config.file} is an error.
   */
  protected Optional<BasicAuthUsers> basicAuthFlags() throws ConfigException {
    return Optional.empty();
  }

  /** Namespace flag for modules whose peer has one (redis_exporter's {@code --namespace}). */
  protected Optional<String> namespaceFlag() {
    return Optional.empty();
  }

  /** Extra paths of metrics files from the environment, as a peer reads them (e.g. CUSTOM_METRICS). */
  protected List<Path> customMetricsFromEnvironment() {
    return List.of();
  }

  /**
   * A metrics file that replaces the module's built-in defaults (oracledb_exporter's {@code --default.metrics}),
   * read like a {@code --custom.metrics} file; empty keeps {@link ModuleInfo#defaultMetrics()}.
   */
  protected Optional<Path> defaultMetricsFile(ExporterConfig<M> config) {
    return Optional.empty();
  }

  /**
   * Reads {@code --config.file}. A module whose peer has a config file of its own schema (Oracle's exporter)
   * overrides this to read that schema too; every other module has the suite's.
   */
  protected ExporterConfig<M> readConfigFile(Path file) throws ConfigException {
    return new ExporterConfigReader<>(configSection()).read(file);
  }

  /**
   * The engine's limits: the config file's {@code collect:} values, else the defaults. A module whose peer has
   * flags for them (a query timeout, a pool size that bounds concurrency) sets them on its connections.
   */
  private static EngineSettings engineSettings(ExporterConfig<?> config) {
    return new EngineSettings(
        config.queryTimeout().orElse(EngineSettings.DEFAULTS.defaultTimeout()),
        config.maxConcurrency().orElse(EngineSettings.DEFAULTS.maxConcurrency()),
        config.pingTimeout().orElse(EngineSettings.DEFAULTS.pingTimeout()));
  }

  /**
   * True for a module whose peer reads its flags with Go's {@code flag} package: every {@code --name} is then also
   * {@code -name} ({@link GoFlagSyntax}).
   */
  protected boolean goFlagSyntax() {
    return false;
  }

  /**
   * False to leave the JVM's metrics and {@code <peer>_build_info} out of {@code /metrics}, as redis_exporter's
   * {@code --redis-only-metrics} leaves out Go's.
   */
  protected boolean runtimeMetrics() {
    return true;
  }

  /** Runs the command as {@code main} would: parses args, runs, and returns the exit code. */
  public static int run(ExporterCommand<?, ?> command, String... args) {
    CommandLine cl = new CommandLine(command);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    String[] arguments = args;
    if (command.goFlagSyntax()) {
      GoFlagSyntax.apply(cl);
      arguments = GoFlagSyntax.arguments(args);
    }
    // As the Go exporters print it: "<name>, version <version>", here with the Java runtime instead of Go's.
    cl.getCommandSpec().versionProvider(() -> new String[] {command.info().exporterName() + ", version "
        + command.version() + " (java: " + System.getProperty("java.version") + ")"});
    // An option no module field takes: one line per unknown flag with the closest known one, as every module
    // reports its own mistakes, instead of picocli's two lines and usage.
    CommandLine.IParameterExceptionHandler picocli = cl.getParameterExceptionHandler();
    cl.setParameterExceptionHandler((e, a) -> {
      if (e instanceof CommandLine.UnmatchedArgumentException u) {
        try {
          UnknownFlags.check(u.getUnmatched(), e.getCommandLine().getCommandSpec());
        } catch (ConfigException problems) {
          printErrors(problems);
          return 1;
        }
      }
      return picocli.handleParseException(e, a);
    });
    return cl.execute(arguments);
  }

  @Override
  public Integer call() throws Exception {
    LogSetup.configure(logLevel);
    log = LoggerFactory.getLogger(getClass());
    ExporterConfig<M> config;
    String namespace;
    Datastore<R> datastore;
    List<MetricDefinition<R>> definitions;
    Map<String, String> staticLabels;
    WebConfig web;
    try {
      config = readConfig();
      namespace = namespaceFlag().or(config::namespace).orElse(info().namespace());
      // Metrics files and the module's settings are independent: report the problems of both at once.
      ConfigErrors errors = new ConfigErrors();
      ExporterConfig<M> c = config;
      Optional<List<MetricDefinition<R>>> files = errors.read(() -> loadFiles(namespace, c));
      Optional<Datastore<R>> built = errors.read(() -> datastore(c));
      Optional<Map<String, String>> labels = errors.read(() -> staticLabels(c));
      Optional<WebConfig> webConfig = errors.read(() -> webConfig(Optional.ofNullable(webConfigFile)
          .or(c::webConfigFile)));
      if (built.isEmpty() && files.isPresent()) {
        // Without the module its adjustments cannot run, but names defined twice are worth reporting now.
        errors.check(() -> new MetricsFiles<>(namespace, requestParser()).checkUnique(files.get()));
      }
      errors.throwIfAny();
      datastore = built.orElseThrow();
      staticLabels = labels.orElseThrow();
      web = webConfig.orElseThrow();
      definitions = definitions(namespace, datastore, files.orElseThrow());
    } catch (ConfigException e) {
      printErrors(e);
      return 1;
    }
    // Checked with the rest of the config, so --check-config catches a bad address too.
    ListenAddress address;
    try {
      address = ListenAddress.parse(Optional.ofNullable(listenAddress).or(config::listenAddress)
          .orElse(":" + info().defaultPort()));
    } catch (IllegalArgumentException e) {
      System.err.println("error: --web.listen-address: " + e.getMessage());
      return 1;
    }
    if (checkConfig) {
      ConfigSummary.print(configFile == null ? "no --config.file" : configFile.toString(), namespace,
          connections(datastore), staticLabels, web, definitions);
      return 0;
    }
    EngineSettings settings = engineSettings(config);
    connections(datastore).forEach(c -> log.info("monitoring {}", c));
    Labels constLabels = Labels.of(new ArrayList<>(staticLabels.keySet()), new ArrayList<>(staticLabels.values()));
    ExporterRuntime<R> runtime = new ExporterRuntime<>(namespace, settings, constLabels, info().selfMetrics(),
        datastore, definitions);
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(runtime.collector());
    if (runtimeMetrics()) {
      registry.register(new BuildInfoCollector(info().exporterName(), version()));
    }
    if (once) {
      try {
        return OnceRun.print(registry, runtime.status());
      } finally {
        runtime.close();
      }
    }
    if (runtimeMetrics()) {
      registry.register(CachedRuntimeMetrics.jvm());
    }
    String path = Optional.ofNullable(telemetryPath).or(config::telemetryPath).orElse("/metrics");
    ConfigReloads reloads = new ConfigReloads(namespace, info().selfMetrics().constLabels() ? constLabels
        : Labels.EMPTY, Instant.now());
    registry.register(reloads);
    return serve(namespace, address, path, web, registry, datastore, runtime, reloads, config.allowedTargets());
  }

  /**
   * {@code --web.config.file}, else the one the module's config file names (or none), with TLS from the module's own
   * flags if it has them.
   */
  private WebConfig webConfig(Optional<Path> source) throws ConfigException {
    ConfigErrors errors = new ConfigErrors();
    Optional<WebConfig> file = source.isEmpty() ? Optional.of(WebConfig.NONE)
        : errors.read(() -> WebConfigReader.read(source.get()));
    Optional<Optional<TlsSettings>> flags = errors.read(this::tlsServerFlags);
    Optional<Optional<BasicAuthUsers>> users = errors.read(this::basicAuthFlags);
    errors.throwIfAny();
    WebConfig web = file.get();
    if (users.get().isPresent()) {
      if (web.users().enabled()) {
        throw new ConfigException(source.get().toString(), 0, "basic_auth_users", "basic auth is set both here "
            + "and by this exporter's basic auth flags: keep one");
      }
      web = web.withUsers(users.get().get());
    }
    if (flags.get().isEmpty()) {
      return web;
    }
    if (web.tls().isPresent()) {
      throw new ConfigException(source.get().toString(), 0, "tls_server_config", "TLS is set both here and by "
          + "this exporter's TLS server flags: keep one");
    }
    return web.withTls(flags.get().get());
  }

  private int serve(String namespace, ListenAddress address, String path, WebConfig web, PrometheusRegistry registry,
      Datastore<R> datastore, ExporterRuntime<R> runtime, ConfigReloads reloads, TargetAllowList allowedTargets)
      throws Exception {
    Optional<MultiTargetHandler<ResolvedConnection<R>>> targets = datastore.multiTarget().map(t -> {
      if (allowedTargets.isAny()) {
        log.warn("{} connects to any target a caller names, with this exporter's credentials; limit it with "
            + "multi_target.allow in --config.file, or keep the port to Prometheus (docs/security.md)", t.path());
      } else {
        log.info("{} connects only to: {}", t.path(), allowedTargets);
      }
      MultiTargetHandler<ResolvedConnection<R>> handler = runtime.multiTarget(t, allowedTargets);
      t.requestErrorsMetric().ifPresent(name -> registry.register(handler.requestErrors(
          MetricNames.join(namespace, name),
          "Errors in requests to the exporter")));
      return handler;
    });
    Callable<String> reload = () -> reload(namespace, datastore, runtime, targets, reloads);
    ExporterServer.Builder builder = ExporterServer.builder()
        .listen(address)
        .telemetryPath(path)
        .registry(registry)
        .title(info().title())
        .status(runtime.status()::status, runtime.status()::connectionError)
        .configStatus(() -> reloads.state().describe())
        .reload(reload)
        .lifecycle(enableLifecycle)
        .web(web);
    datastore.multiTarget().ifPresent(t -> builder.multiTargetRoute(t.path(), targets.orElseThrow()));
    ExporterServer server;
    try {
      server = builder.start();
    } catch (java.net.BindException e) {
      // One line, as the Go exporters say it: the address, and that something else has it.
      System.err.println("error: --web.listen-address: cannot listen on " + address + ": " + e.getMessage());
      targets.ifPresent(MultiTargetHandler::closeAll);
      runtime.close();
      return 1;
    } catch (TlsMaterialException e) {
      System.err.println("error: cannot serve TLS: " + e.getMessage());
      targets.ifPresent(MultiTargetHandler::closeAll);
      runtime.close();
      return 1;
    }
    web.notices().forEach(line -> log.warn("{}", line));
    log.info("web: {} ({}); POST /-/reload {}", web.describe(), web.source(),
        enableLifecycle ? "enabled" : "off (--web.enable-lifecycle)");
    installReloadSignal(reload);
    log.info("{} listening on {} (metrics at {}), {} definitions enabled", info().title(), address, path,
        runtime.enabledDefinitions());
    CountDownLatch stopped = new CountDownLatch(1);
    java.lang.Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      targets.ifPresent(MultiTargetHandler::closeAll);
      runtime.close();
      stopped.countDown();
    }, "shutdown"));
    stopped.await();
    return 0;
  }

  /**
   * Re-reads the metrics files (the module itself is not rebuilt: connection settings are read at start); on any
   * problem the running definitions stay and the reason is returned.
   */
  private synchronized String reload(String namespace, Datastore<R> datastore, ExporterRuntime<R> runtime,
      Optional<MultiTargetHandler<ResolvedConnection<R>>> targets, ConfigReloads reloads) throws ConfigException {
    try {
      List<MetricDefinition<R>> next = definitions(namespace, datastore, loadFiles(namespace, readConfig()));
      runtime.replaceDefinitions(next);
      // Multi-target engines are opened again at their next scrape, with the new definitions.
      targets.ifPresent(MultiTargetHandler::closeAll);
      log.info("reloaded: {} definitions", next.size());
      reloads.succeeded(Instant.now());
      return "reloaded " + next.size() + " definitions";
    } catch (ConfigException e) {
      reloads.refused(Instant.now(), e.problems().size());
      log.error("reload refused, the previous config stays: {} problem(s)", e.problems().size());
      e.lines().forEach(line -> log.error("reload refused: {}", line));
      throw e;
    }
  }

  /** The config file's labels, then the module's flags' labels; a name given by both is an error. */
  private Map<String, String> staticLabels(ExporterConfig<M> config) throws ConfigException {
    Map<String, String> fromFlags = flagLabels();
    Map<String, String> all = new LinkedHashMap<>(config.constLabels());
    for (Map.Entry<String, String> e : fromFlags.entrySet()) {
      if (all.putIfAbsent(e.getKey(), e.getValue()) != null) {
        throw new ConfigException(config.source(), 0, "labels." + e.getKey(), "label '" + e.getKey()
            + "' is set both by the config file and by a flag: keep one");
      }
    }
    return all;
  }

  /** Each connection as the start log and {@code --check-config} show it: name (when several) and where. */
  private static List<String> connections(Datastore<?> datastore) {
    return datastore.connections().stream()
        .map(c -> (datastore.named() ? c.name() + ": " : "") + c.connection().describe()
            + (c.limits().describe().isEmpty() ? "" : " (" + c.limits().describe() + ")"))
        .toList();
  }

  /** One {@code error: } line per problem, so that each names its own file and line. */
  private static void printErrors(ConfigException e) {
    e.lines().forEach(line -> System.err.println("error: " + line));
  }

  @SuppressWarnings("removal")
  private void installReloadSignal(Callable<String> reload) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("HUP"), s -> {
        try {
          reload.call();
        } catch (Exception e) {
          // already logged with the reason; the old definitions keep running
        }
      });
    } catch (IllegalArgumentException e) {
      log.debug("SIGHUP reload not available here: {}", e.getMessage());
    }
  }

  private ExporterConfig<M> readConfig() throws ConfigException {
    return configFile == null ? new ExporterConfigReader<>(configSection()).defaults() : readConfigFile(configFile);
  }

  /**
   * Module defaults, then the files of the config, of the environment and of the flags, in that order. Every
   * file is read and checked even after one failed, so that the exception names all their problems.
   */
  private List<MetricDefinition<R>> loadFiles(String namespace, ExporterConfig<M> config) throws ConfigException {
    MetricsFiles<R> files = new MetricsFiles<>(namespace, requestParser());
    ConfigErrors errors = new ConfigErrors();
    List<List<MetricDefinition<R>>> loaded = new ArrayList<>();
    if (!noDefaultMetrics) {
      Optional<Path> replacement = defaultMetricsFile(config);
      if (replacement.isPresent()) {
        errors.read(() -> files.loadPath(replacement.get())).ifPresent(loaded::add);
      } else {
        for (String resource : info().defaultMetrics()) {
          errors.read(() -> files.loadResource(resource)).ifPresent(loaded::add);
        }
      }
    }
    List<Path> custom = new ArrayList<>();
    config.customMetrics().forEach(p -> custom.add(Path.of(p)));
    custom.addAll(customMetricsFromEnvironment());
    custom.addAll(customMetrics);
    for (Path p : custom) {
      errors.read(() -> files.loadPath(p)).ifPresent(loaded::add);
    }
    errors.throwIfAny();
    // A later file's entry with an earlier one's context and columns replaces it (a team's file over defaults).
    List<MetricDefinition<R>> all = new ArrayList<>();
    for (List<MetricDefinition<R>> next : loaded) {
      all = Overrides.apply(all, next, line -> log.info("{}", line));
    }
    return all;
  }

  /** The module's adjustments (switches, collectors from flags), then one name, one definition. */
  private List<MetricDefinition<R>> definitions(String namespace, Datastore<R> datastore,
      List<MetricDefinition<R>> loaded) throws ConfigException {
    List<MetricDefinition<R>> adjusted = datastore.definitions().adjust(loaded);
    Set<String> reserved = new HashSet<>(new SelfMetrics(info().selfMetrics(), namespace, Labels.EMPTY)
        .exposedNames());
    reserved.addAll(ConfigReloads.exposedNames(namespace));
    new MetricsFiles<>(namespace, requestParser()).checkUnique(adjusted, reserved);
    return adjusted;
  }

  /** The version Maven wrote into the jar's manifest, or "dev" when run from classes. */
  protected String version() {
    String v = getClass().getPackage() == null ? null : getClass().getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
