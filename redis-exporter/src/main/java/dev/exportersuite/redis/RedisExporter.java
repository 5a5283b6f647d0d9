package dev.exportersuite.redis;

import dev.exportersuite.core.cli.ExporterCommand;
import dev.exportersuite.core.cli.ExporterRuntime;
import dev.exportersuite.core.cli.ModuleInfo;
import dev.exportersuite.core.collect.ResolvedConnection;
import dev.exportersuite.core.config.ConfigErrors;
import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.ExporterConfig;
import dev.exportersuite.core.config.ExporterConfigReader;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.config.Durations;
import dev.exportersuite.core.http.ExporterServer;
import dev.exportersuite.core.http.MultiTargetHandler;
import dev.exportersuite.core.snapshots.SelfMetricsSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A drop-in for oliver006/redis_exporter: the same flags and environment variables, the same metric names by
 * default, and every collector an ordinary entry of a metrics file.
 */
@Command(name = "redis-exporter", sortOptions = false, abbreviateSynopsis = true,
    description = "Prometheus exporter for Redis, compatible with redis_exporter's metrics and flags.")
public class RedisExporter extends ExporterCommand<RedisConnectionSection> {

  static final String DEFAULT_METRICS = "redis/default-metrics.yaml";

  @Option(names = {"--redis.addr", "-redis.addr"}, paramLabel = "ADDR",
      description = "redis://host:6379, rediss://host:6380 (TLS) or unix:///path.sock (env REDIS_ADDR; "
          + "default redis://localhost:6379).")
  String addr;

  @Option(names = {"--redis.user", "-redis.user"}, paramLabel = "USER", description = "ACL user (env REDIS_USER).")
  String user;

  @Option(names = {"--redis.password", "-redis.password"}, paramLabel = "PASSWORD", arity = "1",
      description = "Password (env REDIS_PASSWORD); prefer --redis.password-file.")
  String password;

  @Option(names = {"--redis.password-file", "-redis.password-file"}, paramLabel = "FILE",
      description = "File holding the password, or redis_exporter's JSON map of address to password "
          + "(env REDIS_PASSWORD_FILE).")
  Path passwordFile;

  @Option(names = {"--namespace", "-namespace"}, paramLabel = "NAME",
      description = "First part of every metric name (env REDIS_EXPORTER_NAMESPACE; default redis).")
  String namespace;

  @Option(names = {"--check-keys", "-check-keys"}, paramLabel = "LIST",
      description = "Comma-separated [dbN=]patterns, walked with SCAN: redis_key_size and redis_key_value.")
  String checkKeys;

  @Option(names = {"--check-single-keys", "-check-single-keys"}, paramLabel = "LIST",
      description = "Comma-separated [dbN=]keys, read directly: redis_key_size and redis_key_value.")
  String checkSingleKeys;

  @Option(names = {"--count-keys", "-count-keys"}, paramLabel = "LIST",
      description = "Comma-separated [dbN=]patterns to count with SCAN: redis_keys_count.")
  String countKeys;

  @Option(names = {"--check-keys-batch-size", "-check-keys-batch-size"}, paramLabel = "N",
      description = "SCAN COUNT per call (default 1000).")
  Integer checkKeysBatchSize;

  @Option(names = {"--check-keys-limit", "-check-keys-limit"}, paramLabel = "N",
      description = "Most keys --check-keys may visit per scrape; more is an error (default 10000).")
  Long checkKeysLimit;

  @Option(names = {"--script", "-script"}, paramLabel = "FILE",
      description = "Lua script returning {name, value, ...}: redis_script_values{key}.")
  String script;

  @Option(names = {"--connection-timeout", "-connection-timeout"}, paramLabel = "DURATION",
      description = "Time to connect (default 15s, as redis_exporter).")
  String connectionTimeout;

  @Option(names = {"--skip-tls-verification", "-skip-tls-verification"},
      description = "Do not verify the server's TLS certificate.")
  boolean skipTlsVerification;

  @Option(names = {"--tls-ca-cert-file", "-tls-ca-cert-file"}, paramLabel = "FILE",
      description = "CA certificate for rediss://.")
  Path tlsCaCertFile;

  @Option(names = {"--tls-client-cert-file", "-tls-client-cert-file"}, paramLabel = "FILE",
      description = "Client certificate for rediss:// with client authentication.")
  Path tlsClientCertFile;

  @Option(names = {"--tls-client-key-file", "-tls-client-key-file"}, paramLabel = "FILE",
      description = "Client key for rediss:// with client authentication.")
  Path tlsClientKeyFile;

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
    // redis_exporter reads these from the environment too; flags win.
    listenAddress = Optional.ofNullable(listenAddress).orElse(env.get("REDIS_EXPORTER_WEB_LISTEN_ADDRESS"));
    telemetryPath = Optional.ofNullable(telemetryPath).orElse(env.get("REDIS_EXPORTER_WEB_TELEMETRY_PATH"));
    checkKeys = Optional.ofNullable(checkKeys).orElse(env.get("REDIS_EXPORTER_CHECK_KEYS"));
    checkSingleKeys = Optional.ofNullable(checkSingleKeys).orElse(env.get("REDIS_EXPORTER_CHECK_SINGLE_KEYS"));
    countKeys = Optional.ofNullable(countKeys).orElse(env.get("REDIS_EXPORTER_COUNT_KEYS"));
    script = Optional.ofNullable(script).orElse(env.get("REDIS_EXPORTER_SCRIPT"));
    return super.call();
  }

  @Override
  protected ModuleInfo info() {
    // redis_exporter puts the last error's text in an err label.
    return new ModuleInfo("redis", "redis_exporter", "Redis exporter", 9121, List.of(DEFAULT_METRICS),
        SelfMetricsSpec.builder().all().errorLabel("err").build());
  }

  @Override
  protected Optional<String> namespaceFlag() {
    return Optional.ofNullable(namespace).or(() -> Optional.ofNullable(env.get("REDIS_EXPORTER_NAMESPACE")));
  }

  @Override
  protected ExporterConfigReader.ModuleSection<RedisConnectionSection> configSection() {
    return RedisConnectionSection.section();
  }

  /** Adds the collectors of the flags and parses every request now, reporting all bad ones at once. */
  @Override
  protected List<MetricDefinition> select(List<MetricDefinition> loaded) throws ConfigException {
    List<MetricDefinition> all = new ArrayList<>(loaded);
    ConfigErrors errors = new ConfigErrors();
    errors.read(() -> FlagCollectors.build(checkKeys, checkSingleKeys, countKeys, script,
        checkKeysBatchSize == null ? KeyCheck.DEFAULT_BATCH : checkKeysBatchSize,
        checkKeysLimit == null ? KeyCheck.DEFAULT_LIMIT : checkKeysLimit)).ifPresent(all::addAll);
    for (MetricDefinition d : all) {
      try {
        RedisRequest.parse(d.request());
      } catch (IllegalArgumentException e) {
        // line 0 for a collector made from a flag: it has no file line
        errors.add(new ConfigException(d.file(), d.line(), "request", e.getMessage()));
      }
    }
    errors.throwIfAny();
    return all;
  }

  @Override
  protected ResolvedConnection resolveConnection(ExporterConfig<RedisConnectionSection> config)
      throws ConfigException {
    RedisTarget target = target(config, Optional.empty());
    try {
      target.uri();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(config.source(), 0, "connection", e.getMessage());
    }
    return target;
  }

  /**
   * The password file, read once: connection settings are read at start (a reload does not re-read them), and
   * every {@code /scrape} request resolves its target through here.
   */
  private synchronized PasswordFile passwords(Path file) throws ConfigException {
    if (passwords == null) {
      passwords = PasswordFile.read(file);
    }
    return passwords;
  }

  private PasswordFile passwords;

  /** The target from flags, environment and file; {@code address} replaces the address (for /scrape). */
  RedisTarget target(ExporterConfig<RedisConnectionSection> config, Optional<String> address) throws ConfigException {
    RedisConnectionSection c = config.module();
    String a = address.or(() -> Optional.ofNullable(addr)).or(() -> Optional.ofNullable(env.get("REDIS_ADDR")))
        .or(c::addr).orElse("redis://localhost:6379");
    RedisAddress parsed;
    try {
      parsed = RedisAddress.parse(a);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(address.isPresent() ? "target" : "--redis.addr", 0, "", e.getMessage());
    }
    Optional<Path> pwFile = Optional.ofNullable(passwordFile)
        .or(() -> Optional.ofNullable(env.get("REDIS_PASSWORD_FILE")).filter(s -> !s.isEmpty()).map(Path::of));
    Optional<String> fromFile = pwFile.isPresent() ? passwords(pwFile.get()).forAddress(a) : Optional.empty();
    Optional<String> pw = Optional.ofNullable(password).or(() -> fromFile)
        .or(() -> Optional.ofNullable(env.get("REDIS_PASSWORD")).filter(s -> !s.isEmpty()))
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
    RedisTarget.Tls tls = new RedisTarget.Tls(skipTlsVerification || c.tlsSkipVerify(),
        Optional.ofNullable(tlsCaCertFile).or(c::tlsCaFile),
        Optional.ofNullable(tlsClientCertFile).or(c::tlsCertFile),
        Optional.ofNullable(tlsClientKeyFile).or(c::tlsKeyFile));
    return new RedisTarget(parsed, u, pw, connect, tls);
  }

  @Override
  protected void addRoutes(ExporterServer.Builder server, ExporterRuntime runtime) {
    MultiTargetHandler<RedisTarget> targets = new MultiTargetHandler<>("target",
        new ScrapeTargets(this, runtime, lastConfig), 64);
    runtime.onReload(targets::closeAll);
    runtime.register(targets.requestErrors(runtime.namespace() + "_target_scrape_request_errors",
        "Errors in requests to the exporter"));
    server.route("/scrape", targets);
  }

  private ExporterConfig<RedisConnectionSection> lastConfig;

  @Override
  protected List<MetricDefinition> loadDefinitions(String ns, ExporterConfig<RedisConnectionSection> config)
      throws ConfigException {
    lastConfig = config;
    return super.loadDefinitions(ns, config);
  }
}
