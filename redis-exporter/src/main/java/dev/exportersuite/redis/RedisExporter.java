package dev.exportersuite.redis;

import dev.exportersuite.core.cli.UnknownFlags;

import dev.exportersuite.core.cli.ExporterCommand;
import dev.exportersuite.core.cli.ModuleInfo;
import dev.exportersuite.core.collect.Datastore;
import dev.exportersuite.core.collect.MultiTarget;
import dev.exportersuite.core.config.ConfigErrors;
import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.ExporterConfig;
import dev.exportersuite.core.config.ExporterConfigReader;
import dev.exportersuite.core.config.Durations;
import dev.exportersuite.core.config.RequestParser;
import dev.exportersuite.core.snapshots.SelfMetric;
import dev.exportersuite.core.snapshots.SelfMetricsSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import dev.exportersuite.core.web.BasicAuthUsers;
import dev.exportersuite.core.web.TlsSettings;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * A drop-in for oliver006/redis_exporter: the same flags and environment variables, the same metric names by
 * default, and every collector an ordinary entry of a metrics file.
 */
@Command(name = "redis-exporter", sortOptions = false, abbreviateSynopsis = true,
    description = "Prometheus exporter for Redis, compatible with redis_exporter's metrics and flags.")
public class RedisExporter extends ExporterCommand<RedisConnectionSection, RedisRequest> {

  static final String DEFAULT_METRICS = "redis/default-metrics.yaml";

  @Option(names = "--redis.addr", paramLabel = "ADDR",
      description = "redis://host:6379, rediss://host:6380 (TLS) or unix:///path.sock (env REDIS_ADDR; "
          + "default redis://localhost:6379).")
  String addr;

  @Option(names = "--redis.user", paramLabel = "USER", description = "ACL user (env REDIS_USER).")
  String user;

  @Option(names = "--redis.password", paramLabel = "PASSWORD", arity = "1",
      description = "Password (env REDIS_PASSWORD); prefer --redis.password-file.")
  String password;

  @Option(names = "--redis.password-file", paramLabel = "FILE",
      description = "File holding the password, or redis_exporter's JSON map of address to password "
          + "(env REDIS_PASSWORD_FILE).")
  Path passwordFile;

  @Option(names = "--namespace", paramLabel = "NAME",
      description = "First part of every metric name (env REDIS_EXPORTER_NAMESPACE; default redis).")
  String namespace;

  @Option(names = "--check-keys", paramLabel = "LIST",
      description = "Comma-separated [dbN=]patterns, walked with SCAN: redis_key_size and redis_key_value.")
  String checkKeys;

  @Option(names = "--check-single-keys", paramLabel = "LIST",
      description = "Comma-separated [dbN=]keys, read directly: redis_key_size and redis_key_value.")
  String checkSingleKeys;

  @Option(names = "--count-keys", paramLabel = "LIST",
      description = "Comma-separated [dbN=]patterns to count with SCAN: redis_keys_count.")
  String countKeys;

  @Option(names = "--check-keys-batch-size", paramLabel = "N",
      description = "SCAN COUNT per call (default 1000).")
  Long checkKeysBatchSize;

  @Option(names = "--check-keys-limit", paramLabel = "N",
      description = "Most keys --check-keys may visit per scrape; more is an error (default 10000).")
  Long checkKeysLimit;

  @Option(names = "--check-streams", paramLabel = "LIST",
      description = "Comma-separated [dbN=]patterns of streams, walked with SCAN: redis_stream_*.")
  String checkStreams;

  @Option(names = "--check-single-streams", paramLabel = "LIST",
      description = "Comma-separated [dbN=]stream names, read directly: redis_stream_*.")
  String checkSingleStreams;

  @Option(names = "--streams-exclude-consumer-metrics", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Leave out the per-consumer stream metrics.")
  Boolean streamsExcludeConsumers;

  @Option(names = "--check-key-groups", paramLabel = "LIST",
      description = "Comma-separated Lua patterns whose captures name a key's group: redis_key_group_*.")
  String checkKeyGroups;

  @Option(names = "--max-distinct-key-groups", paramLabel = "N",
      description = "Key groups per database exported by name, the rest summed as 'overflow' (default 100).")
  Long maxDistinctKeyGroups;

  @Option(names = "--disable-exporting-key-values", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Leave out redis_key_value of --check-keys.")
  Boolean disableKeyValues;

  @Option(names = "--script", paramLabel = "FILES",
      description = "Comma-separated Lua scripts returning {name, value, ...}: redis_script_values.")
  String script;

  @Option(names = "--is-cluster", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "A Redis Cluster: --check-keys and --check-single-keys read every master of the cluster.")
  Boolean isCluster;

  @Option(names = "--export-client-list", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "One series per connected client (CLIENT LIST).")
  Boolean exportClientList;

  @Option(names = "--export-client-port", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "With --export-client-list: a port label too.")
  Boolean exportClientPort;

  @Option(names = "--include-system-metrics", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Also redis_total_system_memory_bytes.")
  Boolean includeSystemMetrics;

  @Option(names = "--include-config-metrics", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Every config setting: redis_config_key_value{key,value} and redis_config_value{key}.")
  Boolean includeConfigMetrics;

  @Option(names = "--config-command", paramLabel = "NAME",
      description = "The CONFIG command's name on this server (renamed CONFIG); '-' skips the config metrics.")
  String configCommand;

  @Option(names = "--set-client-name", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Name the connections redis_exporter (default true).")
  Boolean setClientName;

  @Option(names = "--ping-on-connect", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Also redis_exporter_last_scrape_ping_time_seconds.")
  Boolean pingOnConnect;

  @Option(names = "--redis-only-metrics", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Leave out the JVM's metrics and redis_exporter_build_info.")
  Boolean redisOnlyMetrics;

  @Option(names = "--debug", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Log at debug level (--log.level=debug).")
  Boolean debug;

  @Option(names = "--connection-timeout", paramLabel = "DURATION",
      description = "Time to connect (default 15s, as redis_exporter).")
  String connectionTimeout;

  @Option(names = "--skip-tls-verification", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Do not verify the server's TLS certificate.")
  Boolean skipTlsVerification;

  @Option(names = "--tls-ca-cert-file", paramLabel = "FILE",
      description = "CA certificate for rediss://.")
  Path tlsCaCertFile;

  @Option(names = "--tls-client-cert-file", paramLabel = "FILE",
      description = "Client certificate for rediss:// with client authentication.")
  Path tlsClientCertFile;

  @Option(names = "--tls-client-key-file", paramLabel = "FILE",
      description = "Client key for rediss:// with client authentication.")
  Path tlsClientKeyFile;

  @Mixin
  PeerFlags peer = new PeerFlags();

  /** Anything picocli did not recognise: refused with a suggestion in {@link #datastore}. */
  @Unmatched
  List<String> unmatched = new ArrayList<>();

  @Spec
  CommandSpec spec;

  @Mixin
  ServerTlsFlags serverTls = new ServerTlsFlags();

  @Mixin
  BasicAuthFlags basicAuth = new BasicAuthFlags();

  private final Map<String, String> env;

  public RedisExporter() {
    this(System.getenv());
  }

  RedisExporter(Map<String, String> env) {
    this.env = env;
  }

  public static void main(String[] args) {
    System.exit(run(new RedisExporter(), args));
  }

  @Override
  public Integer call() throws Exception {
    // redis_exporter reads every flag from the environment too; flags win.
    listenAddress = EnvFlags.text(listenAddress, env, "REDIS_EXPORTER_WEB_LISTEN_ADDRESS");
    telemetryPath = EnvFlags.text(telemetryPath, env, "REDIS_EXPORTER_WEB_TELEMETRY_PATH");
    checkKeys = EnvFlags.text(checkKeys, env, "REDIS_EXPORTER_CHECK_KEYS");
    checkSingleKeys = EnvFlags.text(checkSingleKeys, env, "REDIS_EXPORTER_CHECK_SINGLE_KEYS");
    countKeys = EnvFlags.text(countKeys, env, "REDIS_EXPORTER_COUNT_KEYS");
    checkKeysBatchSize = EnvFlags.number(checkKeysBatchSize, env, "REDIS_EXPORTER_CHECK_KEYS_BATCH_SIZE");
    checkStreams = EnvFlags.text(checkStreams, env, "REDIS_EXPORTER_CHECK_STREAMS");
    checkSingleStreams = EnvFlags.text(checkSingleStreams, env, "REDIS_EXPORTER_CHECK_SINGLE_STREAMS");
    streamsExcludeConsumers = EnvFlags.bool(streamsExcludeConsumers, env,
        "REDIS_EXPORTER_STREAMS_EXCLUDE_CONSUMER_METRICS");
    checkKeyGroups = EnvFlags.text(checkKeyGroups, env, "REDIS_EXPORTER_CHECK_KEY_GROUPS");
    maxDistinctKeyGroups = EnvFlags.number(maxDistinctKeyGroups, env, "REDIS_EXPORTER_MAX_DISTINCT_KEY_GROUPS");
    disableKeyValues = EnvFlags.bool(disableKeyValues, env, "REDIS_EXPORTER_DISABLE_EXPORTING_KEY_VALUES");
    script = EnvFlags.text(script, env, "REDIS_EXPORTER_SCRIPT");
    isCluster = EnvFlags.bool(isCluster, env, "REDIS_EXPORTER_IS_CLUSTER");
    exportClientList = EnvFlags.bool(exportClientList, env, "REDIS_EXPORTER_EXPORT_CLIENT_LIST");
    exportClientPort = EnvFlags.bool(exportClientPort, env, "REDIS_EXPORTER_EXPORT_CLIENT_PORT");
    includeSystemMetrics = EnvFlags.bool(includeSystemMetrics, env, "REDIS_EXPORTER_INCL_SYSTEM_METRICS");
    includeConfigMetrics = EnvFlags.bool(includeConfigMetrics, env, "REDIS_EXPORTER_INCL_CONFIG_METRICS");
    configCommand = EnvFlags.text(configCommand, env, "REDIS_EXPORTER_CONFIG_COMMAND");
    setClientName = EnvFlags.bool(setClientName, env, "REDIS_EXPORTER_SET_CLIENT_NAME");
    pingOnConnect = EnvFlags.bool(pingOnConnect, env, "REDIS_EXPORTER_PING_ON_CONNECT");
    redisOnlyMetrics = EnvFlags.bool(redisOnlyMetrics, env, "REDIS_EXPORTER_REDIS_ONLY_METRICS");
    debug = EnvFlags.bool(debug, env, "REDIS_EXPORTER_DEBUG");
    connectionTimeout = EnvFlags.text(connectionTimeout, env, "REDIS_EXPORTER_CONNECTION_TIMEOUT");
    skipTlsVerification = EnvFlags.bool(skipTlsVerification, env, "REDIS_EXPORTER_SKIP_TLS_VERIFICATION");
    tlsCaCertFile = path(tlsCaCertFile, "REDIS_EXPORTER_TLS_CA_CERT_FILE");
    tlsClientCertFile = path(tlsClientCertFile, "REDIS_EXPORTER_TLS_CLIENT_CERT_FILE");
    tlsClientKeyFile = path(tlsClientKeyFile, "REDIS_EXPORTER_TLS_CLIENT_KEY_FILE");
    peer.fromEnvironment(env);
    if (Boolean.TRUE.equals(debug)) {
      logLevel = "debug";
    }
    return super.call();
  }

  private Path path(Path flag, String variable) {
    return flag != null ? flag : Optional.ofNullable(env.get(variable)).filter(s -> !s.isEmpty()).map(Path::of)
        .orElse(null);
  }

  @Override
  protected boolean goFlagSyntax() {
    return true;
  }

  @Override
  protected boolean runtimeMetrics() {
    return !Boolean.TRUE.equals(redisOnlyMetrics);
  }

  @Override
  protected ModuleInfo info() {
    // redis_exporter puts the last error's text in an err label; --ping-on-connect adds the PING's duration.
    SelfMetricsSpec.Builder self = SelfMetricsSpec.builder().all().errorLabel("err");
    if (Boolean.TRUE.equals(pingOnConnect)) {
      self.add(SelfMetric.LAST_SCRAPE_PING_TIME_SECONDS);
    }
    return new ModuleInfo("redis", "redis_exporter", "Redis exporter", 9121, List.of(DEFAULT_METRICS), self.build());
  }

  @Override
  protected Optional<TlsSettings> tlsServerFlags() throws ConfigException {
    return serverTls.settings(env);
  }

  @Override
  protected Optional<BasicAuthUsers> basicAuthFlags() throws ConfigException {
    return basicAuth.users(env);
  }

  @Override
  protected Optional<String> namespaceFlag() {
    return Optional.ofNullable(namespace).or(() -> Optional.ofNullable(env.get("REDIS_EXPORTER_NAMESPACE")));
  }

  @Override
  protected ExporterConfigReader.ModuleSection<RedisConnectionSection> configSection() {
    return RedisConnectionSection.section();
  }

  @Override
  protected RequestParser<RedisRequest> requestParser() {
    return RedisRequest.parser();
  }

  /** The main target, the collectors of the peer's flags, and {@code /scrape}, from one resolver. */
  @Override
  protected Datastore<RedisRequest> datastore(ExporterConfig<RedisConnectionSection> config) throws ConfigException {
    ConfigErrors errors = new ConfigErrors();
    errors.check(() -> UnknownFlags.check(unmatched, spec));
    peer.refusal().ifPresent(r -> errors.add(new ConfigException("command line", 0, "", r)));
    Optional<TargetResolver> resolver = errors.read(() -> resolver(config.module()));
    Optional<RedisTarget> main = resolver.flatMap(r -> errors.read(r::main));
    Optional<FlagCollectors> fromFlags = errors.read(() -> FlagCollectors.build(collectorFlags()));
    errors.throwIfAny();
    peer.withoutEffect().forEach(line -> LoggerFactory.getLogger(RedisExporter.class).warn("{}", line));
    FlagCollectors flagCollectors = fromFlags.orElseThrow();
    TargetResolver targets = resolver.orElseThrow();
    return Datastore.of(main.orElseThrow())
        .withDefinitions(flagCollectors::adjust)
        .withMultiTarget(MultiTarget.<RedisRequest>of("/scrape", 64, targets::scrape)
            .withRequestErrorsMetric("target_scrape_request_errors"));
  }

  private FlagCollectors.Flags collectorFlags() throws ConfigException {
    long batch = checkKeysBatchSize == null ? KeyCheck.DEFAULT_BATCH : checkKeysBatchSize;
    if (batch < 1 || batch > KeyCheck.MAX_BATCH) {
      throw new ConfigException("command line", 0, "--check-keys-batch-size", "must be between 1 and "
          + KeyCheck.MAX_BATCH + ", found " + batch);
    }
    long maxGroups = maxDistinctKeyGroups == null ? KeyCheck.DEFAULT_MAX_GROUPS : maxDistinctKeyGroups;
    if (maxGroups < 1 || maxGroups > KeyCheck.MAX_MAX_GROUPS) {
      throw new ConfigException("command line", 0, "--max-distinct-key-groups", "must be between 1 and "
          + KeyCheck.MAX_MAX_GROUPS + ", found " + maxGroups);
    }
    return new FlagCollectors.Flags(checkKeys, checkSingleKeys, countKeys, script, (int) batch,
        checkKeysLimit == null ? KeyCheck.DEFAULT_LIMIT : checkKeysLimit, Boolean.TRUE.equals(isCluster),
        !Boolean.TRUE.equals(disableKeyValues), checkStreams, checkSingleStreams,
        !Boolean.TRUE.equals(streamsExcludeConsumers), checkKeyGroups, (int) maxGroups,
        Boolean.TRUE.equals(exportClientList), Boolean.TRUE.equals(exportClientPort),
        Boolean.TRUE.equals(includeSystemMetrics), Boolean.TRUE.equals(includeConfigMetrics),
        "-".equals(configCommand), noDefaultMetrics);
  }

  /** Flags, then environment, then the config file; the password file is read here, once. */
  private TargetResolver resolver(RedisConnectionSection c) throws ConfigException {
    String a = Optional.ofNullable(addr).or(() -> Optional.ofNullable(env.get("REDIS_ADDR")))
        .or(c::addr).orElse("redis://localhost:6379");
    Optional<Path> pwFile = Optional.ofNullable(passwordFile)
        .or(() -> Optional.ofNullable(env.get("REDIS_PASSWORD_FILE")).filter(s -> !s.isEmpty()).map(Path::of));
    Optional<PasswordFile> passwords = pwFile.isPresent() ? Optional.of(PasswordFile.read(pwFile.get()))
        : Optional.empty();
    Optional<String> other = Optional.ofNullable(env.get("REDIS_PASSWORD")).filter(s -> !s.isEmpty())
        .or(c::password);
    Optional<String> u = Optional.ofNullable(user).or(() -> Optional.ofNullable(env.get("REDIS_USER"))
        .filter(s -> !s.isEmpty())).or(c::user);
    Duration connect;
    try {
      connect = connectionTimeout != null ? Durations.parse(connectionTimeout)
          : c.connectTimeout().orElse(Duration.ofSeconds(15));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--connection-timeout", 0, "", e.getMessage());
    }
    RedisTarget.Tls tls = new RedisTarget.Tls(Boolean.TRUE.equals(skipTlsVerification) || c.tlsSkipVerify(),
        Optional.ofNullable(tlsCaCertFile).or(c::tlsCaFile),
        Optional.ofNullable(tlsClientCertFile).or(c::tlsCertFile),
        Optional.ofNullable(tlsClientKeyFile).or(c::tlsKeyFile));
    RedisTarget.Session session = new RedisTarget.Session(
        setClientName == null || setClientName ? Optional.of(RedisTarget.CLIENT_NAME) : Optional.empty(),
        configCommand == null || configCommand.equals("-") ? "CONFIG" : configCommand, "-".equals(configCommand));
    return new TargetResolver(a, u, Optional.ofNullable(password), passwords, other, connect, tls, session,
        c.limits());
  }
}
