package dev.exportersuite.mysql;

import dev.exportersuite.core.cli.ModuleInfo;
import dev.exportersuite.core.collect.Datastore;
import dev.exportersuite.core.collect.MultiTarget;
import dev.exportersuite.core.config.ConfigErrors;
import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.ExporterConfig;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.config.SecretSource;
import dev.exportersuite.core.jdbc.JdbcConnectionSection;
import dev.exportersuite.core.jdbc.SqlExporterCommand;
import dev.exportersuite.core.jdbc.SqlRequest;
import dev.exportersuite.core.snapshots.SelfMetricsSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * mysqld_exporter's drop-in: same port, flags, credentials sources and metric names, with the collectors
 * written as metrics files (src/main/resources/mysql), a few made in code from their flags ({@link #codeCollectors}),
 * and the teams' own files added by {@code --custom.metrics}.
 */
@Command(name = "mysql-exporter", sortOptions = false,
    description = "Prometheus exporter for MySQL and MariaDB, a drop-in for mysqld_exporter.",
    footer = {"", "Collectors are switched with --collect.<name> / --no-collect.<name>; --check-config lists them."})
public class MysqlExporter extends SqlExporterCommand {

  static final List<String> DEFAULT_METRICS = List.of(
      "mysql/global_status.yaml", "mysql/global_variables.yaml", "mysql/info.yaml", "mysql/innodb_cmp.yaml",
      "mysql/slave_status.yaml", "mysql/query_response_time.yaml", "mysql/info_schema_optional.yaml",
      "mysql/perf_schema_optional.yaml", "mysql/engine_innodb.yaml", "mysql/mysql_user.yaml");

  @Option(names = "--mysqld.address", paramLabel = "HOST:PORT",
      description = "Server to monitor (default: .my.cnf host/port, else localhost:3306).")
  String address;

  @Option(names = "--mysqld.username", paramLabel = "USER[:PASSWORD]",
      description = "User, optionally with its password after the first colon (no URL-encoding needed).")
  String username;

  @Option(names = "--config.my-cnf", paramLabel = "FILE",
      description = "MySQL option file with [client] user, password, host, port (default ~/.my.cnf if it exists).")
  Path myCnf;

  @Option(names = "--exporter.lock_wait_timeout", paramLabel = "SECONDS", defaultValue = "2",
      description = "Session lock_wait_timeout, so a scrape never waits long behind a metadata lock (default 2).")
  int lockWaitTimeout = 2;

  @Option(names = "--exporter.log_slow_filter", arity = "0..1", defaultValue = "false", fallbackValue = "true",
      description = "MariaDB/Percona: slow-log only scrapes that went to disk (log_slow_filter).")
  boolean logSlowFilter;

  @Option(names = "--probe.max-targets", paramLabel = "N", defaultValue = "64",
      description = "Connection pools kept for /probe targets (default 64).")
  int maxTargets = 64;

  @Mixin
  PeerFlags peer = new PeerFlags();

  @Mixin
  CollectorFlags collectorFlags = new CollectorFlags();

  /** Collector switches, kingpin's {@code --no-<flag>} forms, and mistakes ({@link UnmatchedArgs}). */
  @Unmatched
  List<String> collectorArgs = new ArrayList<>();

  @Spec
  CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(new MysqlExporter(), args));
  }

  @Override
  protected ModuleInfo info() {
    return new ModuleInfo("mysql", "mysqld_exporter", "MySQL exporter", 9104, DEFAULT_METRICS,
        SelfMetricsSpec.standard());
  }

  /** The main server, the collector switches and {@code /probe}, all from the same sources. */
  @Override
  protected Datastore<SqlRequest> datastore(ExporterConfig<JdbcConnectionSection> config) throws ConfigException {
    ConfigErrors errors = new ConfigErrors();
    // First: it sets the --no-<flag> forms, which the connection sources below read.
    Optional<CollectorSwitches> switches = errors.read(() -> CollectorSwitches.parse(
        UnmatchedArgs.resolve(collectorArgs, spec)));
    Optional<List<MetricDefinition<SqlRequest>>> inCode = errors.read(this::collectorsFromFlags);
    Optional<ConnectionSources> sources = errors.read(() -> connectionSources(config.module()));
    Optional<MysqlSettings> main = sources.flatMap(s -> errors.read(() -> s.resolve(addressFlag(), "client")));
    errors.throwIfAny();
    Logger log = LoggerFactory.getLogger(MysqlExporter.class);
    peer.withoutEffect().forEach(line -> log.warn("{}", line));
    collectorFlags.withoutEffect().forEach(line -> log.warn("{}", line));
    CollectorSwitches collect = switches.orElseThrow();
    List<MetricDefinition<SqlRequest>> built = inCode.orElseThrow();
    Map<String, Boolean> parts = Map.of("mysql.user.privileges", collectorFlags.privileges());
    return Datastore.of(main.orElseThrow())
        .withDefinitions(loaded -> {
          List<MetricDefinition<SqlRequest>> all = new ArrayList<>(loaded);
          all.addAll(built);
          CollectorSwitches.Applied applied = collect.apply(all);
          applied.withoutEffect().forEach(line -> log.warn("{}", line));
          return CollectorSwitches.withParts(applied.definitions(), parts);
        })
        .withMultiTarget(MultiTarget.of("/probe", maxTargets, new MysqlProbe(sources.orElseThrow())));
  }

  /** The built-in collectors made in code (with the metrics files' defaults, so not with --no-default.metrics). */
  private List<MetricDefinition<SqlRequest>> collectorsFromFlags() throws ConfigException {
    return noDefaultMetrics ? List.of() : codeCollectors(collectorFlags);
  }

  /** The collectors whose request depends on their flags, or that need a step no metrics file has. */
  static List<MetricDefinition<SqlRequest>> codeCollectors(CollectorFlags flags) throws ConfigException {
    List<MetricDefinition<SqlRequest>> out = new ArrayList<>(ProcesslistCollector.definitions(
        flags.processlistMinTime, flags.processesByUser, flags.processesByHost));
    out.add(BinlogCollector.definition());
    out.add(HeartbeatCollector.definition(flags.heartbeatDatabase, flags.heartbeatTable,
        Boolean.TRUE.equals(flags.heartbeatUtc)));
    return out;
  }

  private Optional<ServerEndpoint> addressFlag() throws ConfigException {
    try {
      return Optional.ofNullable(address).map(ServerEndpoint::parse);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("command line", 0, "--mysqld.address", e.getMessage());
    }
  }

  private ConnectionSources connectionSources(JdbcConnectionSection file) throws ConfigException {
    Optional<MyCnf> cnf = Optional.empty();
    if (myCnf != null) {
      if (!Files.isRegularFile(myCnf)) {
        throw new ConfigException(myCnf.toString(), 0, "--config.my-cnf", "no such file");
      }
      cnf = Optional.of(MyCnf.read(myCnf));
    } else {
      Path home = Path.of(System.getProperty("user.home", "/"), ".my.cnf");
      if (Files.isRegularFile(home)) {
        cnf = Optional.of(MyCnf.read(home));
      }
    }
    Map<String, String> env = System.getenv();
    Optional<DataSourceName> dsn = Optional.empty();
    Optional<String> dsnText = SecretSource.fromEnv(env, "DATA_SOURCE_NAME");
    if (dsnText.isPresent() && !dsnText.get().isBlank()) {
      try {
        dsn = Optional.of(DataSourceName.parse(dsnText.get().strip()));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("DATA_SOURCE_NAME", 0, "DATA_SOURCE_NAME", e.getMessage());
      }
    }
    Credentials flags = username == null ? Credentials.NONE : Credentials.parseUserFlag(username);
    Credentials envPassword = new Credentials(Optional.empty(),
        SecretSource.fromEnv(env, "MYSQLD_EXPORTER_PASSWORD"));
    SessionSettings session;
    try {
      session = new SessionSettings(lockWaitTimeout, logSlowFilter);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("command line", 0, "--exporter.lock_wait_timeout", e.getMessage());
    }
    return new ConnectionSources(flags.or(envPassword), dsn, cnf, file, session, peer.requireTls());
  }
}
