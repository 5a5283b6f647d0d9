package dev.exportersuite.kafka;

import dev.exportersuite.core.cli.ExporterCommand;
import dev.exportersuite.core.cli.ModuleInfo;
import dev.exportersuite.core.cli.UnknownFlags;
import dev.exportersuite.core.collect.Datastore;
import dev.exportersuite.core.config.ConfigErrors;
import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.Durations;
import dev.exportersuite.core.config.ExporterConfig;
import dev.exportersuite.core.config.ExporterConfigReader;
import dev.exportersuite.core.config.RequestParser;
import dev.exportersuite.core.snapshots.SelfMetric;
import dev.exportersuite.core.snapshots.SelfMetricsSpec;
import dev.exportersuite.core.web.TlsSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.PatternSyntaxException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * A drop-in for danielqsj/kafka_exporter: its flags, its port and its metric names by default, every default
 * collector an ordinary entry of a metrics file, read through the Kafka Admin API in batched calls.
 */
@Command(name = "kafka-exporter", sortOptions = false, abbreviateSynopsis = true,
    description = "Prometheus exporter for Kafka, compatible with kafka_exporter's metrics and flags.")
public class KafkaExporter extends ExporterCommand<KafkaConnectionSection, KafkaRequest> {

  static final String DEFAULT_METRICS = "kafka/default-metrics.yaml";

  /** kafka_exporter's client id, so that broker logs and quotas see the same client. */
  static final String CLIENT_ID = "kafka_exporter";

  @Option(names = "--kafka.server", paramLabel = "HOST:PORT",
      description = "Address of a Kafka broker; repeat it or separate with commas (default kafka:9092).")
  List<String> servers = new ArrayList<>();

  @Option(names = "--kafka.labels", paramLabel = "NAME=VALUE,...",
      description = "Constant labels on every series, e.g. cluster=prod (kafka_exporter's \"Kafka cluster name\").")
  String labels;

  @Option(names = "--topic.filter", paramLabel = "REGEX",
      description = "Regex that determines which topics to collect (default .*).")
  String topicFilter;

  @Option(names = "--topic.exclude", paramLabel = "REGEX",
      description = "Regex that determines which topics to exclude (default ^$).")
  String topicExclude;

  @Option(names = "--group.filter", paramLabel = "REGEX",
      description = "Regex that determines which consumer groups to collect (default .*).")
  String groupFilter;

  @Option(names = "--group.exclude", paramLabel = "REGEX",
      description = "Regex that determines which consumer groups to exclude (default ^$).")
  String groupExclude;

  @Option(names = "--offset.show-all", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Offsets and lag of every consumer group (default), or only of partitions assigned to a member "
          + "(--no-offset.show-all).")
  Boolean offsetShowAll;

  @Option(names = "--refresh.metadata", paramLabel = "DURATION",
      description = "How long the topic list and partition layout are kept before they are read again (default 30s).")
  String refreshMetadata;

  @Option(names = "--lag.seconds", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Also expose kafka_consumergroup_lag_seconds, the age of the oldest message each group has not "
          + "consumed (one consumer Fetch per broker per scrape more; default off).")
  Boolean lagSeconds;

  @Option(names = "--lag.seconds.max-partitions", paramLabel = "N",
      description = "The most lagging partitions whose oldest unconsumed message is read per scrape (default 1000).")
  Integer lagSecondsMaxPartitions;

  @Mixin
  PeerFlags peer = new PeerFlags();

  @Mixin
  ServerTlsFlags serverTls = new ServerTlsFlags();

  /** kingpin's {@code --no-<flag>} forms of boolean flags, which picocli does not make for dotted names. */
  @Unmatched
  List<String> unmatched = new ArrayList<>();

  @Spec
  CommandSpec spec;

  private final Map<String, String> env;

  public KafkaExporter() {
    this(System.getenv());
  }

  KafkaExporter(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  public static void main(String[] args) {
    System.exit(run(new KafkaExporter(), args));
  }

  @Override
  public Integer call() throws Exception {
    // The Kafka client's configuration dumps are info-level noise, and its "could not connect" warning repeats
    // every second while a broker is down (kafka_up and the landing page say so once).
    boolean debug = logLevel != null && logLevel.toLowerCase(java.util.Locale.ROOT).matches("debug|trace");
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", debug ? logLevel : "warn");
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.clients.NetworkClient", debug ? logLevel : "error");
    return super.call();
  }

  @Override
  protected ModuleInfo info() {
    return new ModuleInfo("kafka", "kafka_exporter", "Kafka exporter", 9308, List.of(DEFAULT_METRICS),
        selfMetrics());
  }

  /**
   * kafka_exporter has none of the suite's self-metrics. Ours: kafka_up, how long scrapes and each collector take,
   * and which collectors fail; with the {@code --kafka.labels} on them, as on every other series.
   */
  static SelfMetricsSpec selfMetrics() {
    return SelfMetricsSpec.builder()
        .add(SelfMetric.UP)
        .help(SelfMetric.UP, "Whether the Kafka cluster answered the last liveness check (DescribeCluster).")
        .add(SelfMetric.SCRAPES_TOTAL)
        .add(SelfMetric.SCRAPE_ERRORS_TOTAL)
        .add(SelfMetric.LAST_SCRAPE_ERROR)
        .add(SelfMetric.LAST_SCRAPE_DURATION_SECONDS)
        .add(SelfMetric.COLLECTOR_DURATION_SECONDS)
        .constLabels(true)
        .build();
  }

  @Override
  protected ExporterConfigReader.ModuleSection<KafkaConnectionSection> configSection() {
    return KafkaConnectionSection.section();
  }

  @Override
  protected RequestParser<KafkaRequest> requestParser() {
    return KafkaRequest.parser();
  }

  @Override
  protected Map<String, String> flagLabels() throws ConfigException {
    try {
      return KafkaLabels.parse(labels);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("command line", 0, "--kafka.labels", e.getMessage());
    }
  }

  @Override
  protected Optional<TlsSettings> tlsServerFlags() throws ConfigException {
    // --no-server.tls.enabled is read with the other negations, which datastore() checks; apply them here too.
    try {
      negations();
    } catch (ConfigException e) {
      return Optional.empty(); // reported by datastore()
    }
    serverTls.withoutEffect().forEach(line -> LoggerFactory.getLogger(KafkaExporter.class).warn("{}", line));
    return serverTls.settings();
  }

  @Override
  protected Datastore<KafkaRequest> datastore(ExporterConfig<KafkaConnectionSection> config) throws ConfigException {
    ConfigErrors errors = new ConfigErrors();
    errors.check(this::negations);
    peer.refusal().ifPresent(r -> errors.add(new ConfigException("command line", 0, "", r)));
    Optional<List<String>> resolved = errors.read(() -> servers(config.module()));
    Optional<NameFilter> topics = errors.read(() -> filter("--topic.filter", topicFilter, "--topic.exclude",
        topicExclude));
    Optional<NameFilter> groups = errors.read(() -> filter("--group.filter", groupFilter, "--group.exclude",
        groupExclude));
    Optional<Duration> refresh = errors.read(this::refresh);
    Optional<Optional<SaslLogin>> sasl = errors.read(() -> peer.saslLogin(env));
    Optional<Optional<BrokerTls>> tls = errors.read(peer::brokerTls);
    Optional<Integer> lagLimit = errors.read(this::lagSecondsLimit);
    errors.throwIfAny();
    peer.withoutEffect().forEach(line -> LoggerFactory.getLogger(KafkaExporter.class).warn("{}", line));
    KafkaSettings settings = new KafkaSettings(topics.orElseThrow(), groups.orElseThrow(),
        offsetShowAll == null || offsetShowAll, refresh.orElseThrow(), lagLimit.orElseThrow());
    boolean lag = lagSeconds != null && lagSeconds;
    return Datastore.of(new KafkaTarget(resolved.orElseThrow(), CLIENT_ID, settings, sasl.orElseThrow(),
        tls.orElseThrow()))
        .withDefinitions(loaded -> LagSecondsSwitch.apply(lag, loaded));
  }

  /** {@code --no-offset.show-all} and the like; any other unknown argument is an error. */
  private void negations() throws ConfigException {
    Map<String, Consumer<Boolean>> booleans = new LinkedHashMap<>();
    booleans.put("offset.show-all", v -> offsetShowAll = v);
    booleans.put("lag.seconds", v -> lagSeconds = v);
    peer.booleans(booleans);
    serverTls.booleans(booleans);
    List<String> unknown = new ArrayList<>();
    for (String arg : unmatched) {
      Consumer<Boolean> set = arg.startsWith("--no-") ? booleans.get(arg.substring("--no-".length())) : null;
      if (set == null) {
        unknown.add(arg);
      } else {
        set.accept(false);
      }
    }
    UnknownFlags.check(unknown, spec);
  }

  private List<String> servers(KafkaConnectionSection section) throws ConfigException {
    List<String> given = !servers.isEmpty() ? servers
        : !section.servers().isEmpty() ? section.servers() : List.of(KafkaServers.DEFAULT);
    try {
      return KafkaServers.resolve(given);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(servers.isEmpty() ? "config file" : "command line", 0, "--kafka.server",
          e.getMessage());
    }
  }

  private static NameFilter filter(String includeFlag, String include, String excludeFlag, String exclude)
      throws ConfigException {
    try {
      NameFilter.of(include, null);
    } catch (PatternSyntaxException e) {
      throw new ConfigException("command line", 0, includeFlag, "not a valid regular expression: "
          + e.getDescription());
    }
    try {
      return NameFilter.of(include, exclude);
    } catch (PatternSyntaxException e) {
      throw new ConfigException("command line", 0, excludeFlag, "not a valid regular expression: "
          + e.getDescription());
    }
  }

  private int lagSecondsLimit() throws ConfigException {
    if (lagSecondsMaxPartitions == null) {
      return KafkaSettings.LAG_SECONDS_MAX_PARTITIONS;
    }
    if (lagSecondsMaxPartitions < 1) {
      throw new ConfigException("command line", 0, "--lag.seconds.max-partitions", "must be at least 1, got "
          + lagSecondsMaxPartitions);
    }
    return lagSecondsMaxPartitions;
  }

  private Duration refresh() throws ConfigException {
    if (refreshMetadata == null) {
      return KafkaSettings.DEFAULTS.refreshMetadata();
    }
    try {
      return Durations.parse(refreshMetadata);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("command line", 0, "--refresh.metadata", e.getMessage());
    }
  }
}
