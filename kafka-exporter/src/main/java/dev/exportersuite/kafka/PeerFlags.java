package dev.exportersuite.kafka;

import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.SecretSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * kafka_exporter's flags that this exporter accepts so that a command line written for it starts here too, but
 * that change nothing here, each with the reason; and the SASL login and TLS to the brokers that its flags ask for.
 * (The server TLS flags are {@link ServerTlsFlags}.)
 */
final class PeerFlags {

  /** The environment variable the SASL password may come from, as kafka_exporter reads it. */
  static final String PASSWORD_ENV = "SASL_USER_PASSWORD";

  private static final String SASL = "only PLAIN and SCRAM logins are supported (not GSSAPI, OAUTHBEARER or AWS IAM)";

  @Option(names = "--sasl.enabled", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Log in to the brokers with SASL (--sasl.mechanism, --sasl.username and a password).")
  Boolean saslEnabled;
  @Option(names = "--sasl.handshake", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "No effect: the Java client always sends the SASL handshake (brokers since 0.10 need it).")
  Boolean saslHandshake;
  @Option(names = "--sasl.username", paramLabel = "USER", description = "SASL user name.")
  String saslUsername;
  @Option(names = "--sasl.password", paramLabel = "PASSWORD",
      description = "SASL password; better from --sasl.password-file or SASL_USER_PASSWORD, which ps does not show.")
  String saslPassword;
  @Option(names = "--sasl.password-file", paramLabel = "FILE",
      description = "File holding the SASL password (a Docker or Kubernetes secret); a final line break is dropped.")
  java.nio.file.Path saslPasswordFile;
  @Option(names = "--sasl.mechanism", paramLabel = "MECHANISM",
      description = "plain (default), scram-sha256 or scram-sha512.")
  String saslMechanism;
  @Option(names = "--sasl.aws-region", paramLabel = "REGION", description = "No effect yet (SASL).")
  String saslAwsRegion;
  @Option(names = "--sasl.oauthbearer-token-url", paramLabel = "URL", description = "No effect yet (SASL).")
  String saslOauthTokenUrl;
  @Option(names = "--sasl.service-name", paramLabel = "NAME", description = "No effect yet (SASL/Kerberos).")
  String saslServiceName;
  @Option(names = "--sasl.kerberos-config-path", paramLabel = "FILE", description = "No effect yet (SASL/Kerberos).")
  String saslKerberosConfig;
  @Option(names = "--sasl.realm", paramLabel = "REALM", description = "No effect yet (SASL/Kerberos).")
  String saslRealm;
  @Option(names = "--sasl.kerberos-auth-type", paramLabel = "TYPE", description = "No effect yet (SASL/Kerberos).")
  String saslKerberosAuthType;
  @Option(names = "--sasl.keytab-path", paramLabel = "FILE", description = "No effect yet (SASL/Kerberos).")
  String saslKeytab;
  @Option(names = "--sasl.disable-PA-FX-FAST", arity = "0..1", fallbackValue = "true",
      paramLabel = "BOOL", description = "No effect yet (SASL/Kerberos).")
  Boolean saslDisablePaFxFast;

  @Option(names = "--tls.enabled", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Connect to the brokers with TLS (with --sasl.enabled: SASL_SSL).")
  Boolean tlsEnabled;
  @Option(names = "--tls.server-name", paramLabel = "NAME",
      description = "No effect: the Java client checks the certificate against the name it connects to.")
  String tlsServerName;
  @Option(names = "--tls.ca-file", paramLabel = "FILE",
      description = "PEM CA certificates the brokers' certificates are checked against (default: the JVM's).")
  java.nio.file.Path tlsCaFile;
  @Option(names = "--tls.cert-file", paramLabel = "FILE", description = "PEM client certificate, for brokers that "
      + "require one.")
  java.nio.file.Path tlsCertFile;
  @Option(names = "--tls.key-file", paramLabel = "FILE", description = "The client certificate's key, PEM PKCS#8.")
  java.nio.file.Path tlsKeyFile;
  @Option(names = "--tls.insecure-skip-tls-verify", arity = "0..1", fallbackValue = "true",
      paramLabel = "BOOL", description = "Do not check the broker's name against its certificate (the chain is "
          + "still checked: give --tls.ca-file for a private CA).")
  Boolean tlsInsecureSkipVerify;

  @Option(names = "--kafka.version", paramLabel = "VERSION",
      description = "No effect: the client agrees each request's version with the brokers.")
  String kafkaVersion;
  @Option(names = "--use.consumelag.zookeeper", arity = "0..1", fallbackValue = "true",
      paramLabel = "BOOL", description = "No effect: offsets kept in ZooKeeper are not read.")
  Boolean zookeeperLag;
  @Option(names = "--zookeeper.server", paramLabel = "HOST:PORT", description = "No effect: ZooKeeper is not read.")
  List<String> zookeeperServers;
  @Option(names = "--concurrent.enable", arity = "0..1", fallbackValue = "true",
      paramLabel = "BOOL", description = "No effect: concurrent scrapes always share one collection.")
  Boolean concurrentEnable;
  @Option(names = "--topic.workers", paramLabel = "N",
      description = "No effect: offsets are read in one batched request per broker.")
  Integer topicWorkers;
  @Option(names = "--kafka.allow-auto-topic-creation", arity = "0..1", fallbackValue = "true",
      paramLabel = "BOOL", description = "No effect: the Admin API never creates topics.")
  Boolean allowAutoTopicCreation;
  @Option(names = "--verbosity", paramLabel = "N", description = "No effect: use --log.level=debug.")
  Integer verbosity;
  @Option(names = "--log.enable-sarama", arity = "0..1", fallbackValue = "true",
      paramLabel = "BOOL", description = "No effect: the Kafka client logs at --log.level=debug.")
  Boolean logSarama;
  @Option(names = "--log.format", paramLabel = "FORMAT", description = "No effect: logs are plain text lines.")
  String logFormat;

  /**
   * The SASL login {@code --sasl.enabled} asks for; the password from {@code --sasl.password}, else
   * {@code --sasl.password-file}, else {@code SASL_USER_PASSWORD}.
   */
  Optional<SaslLogin> saslLogin(Map<String, String> env) throws ConfigException {
    if (!Boolean.TRUE.equals(saslEnabled)) {
      return Optional.empty();
    }
    SaslLogin.Mechanism mechanism;
    try {
      mechanism = SaslLogin.Mechanism.parse(saslMechanism);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("command line", 0, "--sasl.mechanism", e.getMessage());
    }
    if (saslUsername == null || saslUsername.isEmpty()) {
      throw new ConfigException("command line", 0, "--sasl.username", "--sasl.enabled needs a user name");
    }
    String source = saslPassword != null ? "--sasl.password" : saslPasswordFile != null ? saslPasswordFile.toString()
        : env.getOrDefault(PASSWORD_ENV + "_FILE", "").isEmpty() ? PASSWORD_ENV : PASSWORD_ENV + "_FILE";
    Optional<String> fromEnv = SecretSource.fromEnv(env, PASSWORD_ENV);
    Optional<String> password = SecretSource.first(Optional.ofNullable(saslPassword), Optional.ofNullable(
        saslPasswordFile), null, "--sasl.password-file").or(() -> fromEnv);
    if (password.isEmpty() || password.get().isEmpty()) {
      throw new ConfigException("command line", 0, "--sasl.password", "--sasl.enabled needs a password: "
          + "--sasl.password-file, SASL_USER_PASSWORD(_FILE) or --sasl.password");
    }
    try {
      return Optional.of(new SaslLogin(mechanism, saslUsername, password.get(), source));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("command line", 0, e.getMessage().startsWith("--") ? "--sasl.username"
          : "--sasl.password", e.getMessage());
    }
  }

  /** TLS to the brokers that {@code --tls.enabled} asks for, its files read and checked. */
  Optional<BrokerTls> brokerTls() throws ConfigException {
    if (!Boolean.TRUE.equals(tlsEnabled)) {
      return Optional.empty();
    }
    try {
      return Optional.of(BrokerTls.read(Optional.ofNullable(tlsCaFile), Optional.ofNullable(tlsCertFile),
          Optional.ofNullable(tlsKeyFile), Boolean.TRUE.equals(tlsInsecureSkipVerify)));
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      throw new ConfigException("command line", 0, m.substring(0, m.indexOf(':')), m.substring(m.indexOf(':') + 2));
    }
  }

  /** The boolean flags by name, for their {@code --no-} forms. */
  void booleans(Map<String, Consumer<Boolean>> setters) {
    setters.put("sasl.enabled", v -> saslEnabled = v);
    setters.put("sasl.handshake", v -> saslHandshake = v);
    setters.put("sasl.disable-PA-FX-FAST", v -> saslDisablePaFxFast = v);
    setters.put("tls.enabled", v -> tlsEnabled = v);
    setters.put("tls.insecure-skip-tls-verify", v -> tlsInsecureSkipVerify = v);
    setters.put("use.consumelag.zookeeper", v -> zookeeperLag = v);
    setters.put("concurrent.enable", v -> concurrentEnable = v);
    setters.put("kafka.allow-auto-topic-creation", v -> allowAutoTopicCreation = v);
    setters.put("log.enable-sarama", v -> logSarama = v);
  }

  /** The reason not to start, when a flag asks for security this exporter does not have yet. */
  Optional<String> refusal() {
    return Optional.empty();
  }

  /** One line for each flag given that changes nothing here, saying why. Values are never repeated. */
  List<String> withoutEffect() {
    List<String> lines = new ArrayList<>();
    boolean sasl = Boolean.TRUE.equals(saslEnabled);
    if (!sasl) {
      String off = "without --sasl.enabled the exporter does not log in with SASL (as kafka_exporter)";
      put(lines, "--sasl.username", saslUsername, off);
      put(lines, "--sasl.password", saslPassword == null ? null : "", off);
      put(lines, "--sasl.password-file", saslPasswordFile, off);
      put(lines, "--sasl.mechanism", saslMechanism, off);
    }
    put(lines, "--sasl.handshake", saslHandshake, "the Java client always sends the SASL handshake");
    put(lines, "--sasl.aws-region", saslAwsRegion, SASL);
    put(lines, "--sasl.oauthbearer-token-url", saslOauthTokenUrl, SASL);
    put(lines, "--sasl.service-name", saslServiceName, SASL);
    put(lines, "--sasl.kerberos-config-path", saslKerberosConfig, SASL);
    put(lines, "--sasl.realm", saslRealm, SASL);
    put(lines, "--sasl.kerberos-auth-type", saslKerberosAuthType, SASL);
    put(lines, "--sasl.keytab-path", saslKeytab, SASL);
    put(lines, "--sasl.disable-PA-FX-FAST", saslDisablePaFxFast, SASL);
    put(lines, "--tls.server-name", tlsServerName, "the Java client checks the broker's certificate against the "
        + "name it connects to and cannot send another one");
    if (!Boolean.TRUE.equals(tlsEnabled)) {
      String off = "without --tls.enabled the brokers are reached in plain text (as kafka_exporter)";
      put(lines, "--tls.ca-file", tlsCaFile, off);
      put(lines, "--tls.cert-file", tlsCertFile, off);
      put(lines, "--tls.key-file", tlsKeyFile, off);
      put(lines, "--tls.insecure-skip-tls-verify", tlsInsecureSkipVerify, off);
    }
    put(lines, "--kafka.version", kafkaVersion, "the Kafka client agrees each request's version with the "
        + "brokers (it talks to brokers of Kafka 2.1 and newer)");
    put(lines, "--use.consumelag.zookeeper", zookeeperLag, "offsets that pre-0.9 consumers kept in ZooKeeper "
        + "are not read; the offsets Kafka keeps are (kafka_consumergroup_*)");
    put(lines, "--zookeeper.server", zookeeperServers, "ZooKeeper is not read (see --use.consumelag.zookeeper)");
    put(lines, "--concurrent.enable", concurrentEnable, "concurrent scrapes always share one collection, "
        + "kafka_exporter's default and its advice for large clusters");
    put(lines, "--topic.workers", topicWorkers, "there are no per-topic workers: the offsets of all "
        + "partitions are read in one request per broker");
    put(lines, "--kafka.allow-auto-topic-creation", allowAutoTopicCreation, "the Admin API never creates "
        + "topics");
    put(lines, "--verbosity", verbosity, "use --log.level=debug");
    put(lines, "--log.enable-sarama", logSarama, "there is no sarama here; the Kafka client logs at "
        + "--log.level=debug");
    put(lines, "--log.format", logFormat, "logs are plain text lines");
    return lines;
  }

  private static void put(List<String> lines, String flag, Object value, String reason) {
    if (value != null) {
      lines.add(flag + " has no effect here: " + reason);
    }
  }
}
