package dev.exportersuite.redis;

import dev.exportersuite.core.cli.ExporterCommand;
import dev.exportersuite.core.cli.ModuleInfo;
import dev.exportersuite.core.collect.Datastore;
import dev.exportersuite.core.collect.MultiTarget;
import dev.exportersuite.core.config.ConfigErrors;
import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.ExporterConfig;
import dev.exportersuite.core.config.ExporterConfigReader;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.config.Durations;
import dev.exportersuite.core.config.RequestParser;
import dev.exportersuite.core.snapshots.SelfMetricsSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.exportersuite.core.web.TlsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A drop-in for oliver006/redis_exporter: the same flags and environment variables, the same metric names by
 * default, and every collector an ordinary entry of a metrics file.
 */
@Command(name = "redis-exporter", sortOptions = false, abbreviateSynopsis = true,
    description = "Prometheus exporter for Redis, compatible with redis_exporter's metrics and flags.")
public class RedisExporter extends ExporterCommand<RedisConnectionSection, RedisRequest> {

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

  @Mixin
  ServerTlsFlags serverTls = new ServerTlsFlags();

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
  protected Optional<TlsSettings> tlsServerFlags() throws ConfigException {
    return serverTls.settings(env);
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

  /** The main target, the collectors of the key and script flags, and {@code /scrape}, from one resolver. */
  @Override
  protected Datastore<RedisRequest> datastore(ExporterConfig<RedisConnectionSection> config) throws ConfigException {
    ConfigErrors errors = new ConfigErrors();
    Optional<TargetResolver> resolver = errors.read(() -> resolver(config.module()));
    Optional<RedisTarget> main = resolver.flatMap(r -> errors.read(r::main));
    Optional<List<MetricDefinition<RedisRequest>>> fromFlags = errors.read(() -> FlagCollectors.build(checkKeys,
        checkSingleKeys, countKeys, script, checkKeysBatchSize == null ? KeyCheck.DEFAULT_BATCH : checkKeysBatchSize,
        checkKeysLimit == null ? KeyCheck.DEFAULT_LIMIT : checkKeysLimit));
    errors.throwIfAny();
    List<MetricDefinition<RedisRequest>> extra = fromFlags.orElseThrow();
    TargetResolver targets = resolver.orElseThrow();
    return Datastore.of(main.orElseThrow())
        .withDefinitions(loaded -> {
          List<MetricDefinition<RedisRequest>> all = new ArrayList<>(loaded);
          all.addAll(extra);
          return all;
        })
        .withMultiTarget(MultiTarget.<RedisRequest>of("/scrape", 64, targets::scrape)
            .withRequestErrorsMetric("target_scrape_request_errors"));
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
    RedisTarget.Tls tls = new RedisTarget.Tls(skipTlsVerification || c.tlsSkipVerify(),
        Optional.ofNullable(tlsCaCertFile).or(c::tlsCaFile),
        Optional.ofNullable(tlsClientCertFile).or(c::tlsCertFile),
        Optional.ofNullable(tlsClientKeyFile).or(c::tlsKeyFile));
    return new TargetResolver(a, u, Optional.ofNullable(password), passwords, other, connect, tls);
  }
}
