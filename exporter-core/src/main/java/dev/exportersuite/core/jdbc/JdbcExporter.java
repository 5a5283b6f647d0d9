package dev.exportersuite.core.jdbc;

import dev.exportersuite.core.cli.ModuleInfo;
import dev.exportersuite.core.collect.Datastore;
import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.ExporterConfig;
import dev.exportersuite.core.config.SecretSource;
import dev.exportersuite.core.snapshots.SelfMetricsSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A generic SQL exporter: any JDBC driver on the classpath, no default collectors, only the users' metrics
 * files. It is also the reference for how a JDBC module plugs into the core.
 */
@Command(name = "jdbc-exporter", mixinStandardHelpOptions = false, sortOptions = false,
    description = "Prometheus exporter for any JDBC database, driven by metrics files.")
public class JdbcExporter extends SqlExporterCommand {

  @Option(names = "--jdbc.url", paramLabel = "URL", description = "JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/test")
  String url;

  @Option(names = "--jdbc.username", paramLabel = "USER", description = "Database user.")
  String username;

  @Option(names = "--jdbc.password-file", paramLabel = "FILE",
      description = "File holding the password (else JDBC_PASSWORD or the config file).")
  Path passwordFile;

  @Option(names = "--namespace", paramLabel = "NAME", description = "First part of every metric name (default sql).")
  String namespace;

  public static void main(String[] args) {
    System.exit(run(new JdbcExporter(), args));
  }

  @Override
  protected ModuleInfo info() {
    return new ModuleInfo("sql", "sql_exporter", "JDBC exporter", 9237, List.of(), SelfMetricsSpec.standard());
  }

  @Override
  protected Optional<String> namespaceFlag() {
    return Optional.ofNullable(namespace);
  }

  @Override
  protected Datastore<SqlRequest> datastore(ExporterConfig<JdbcConnectionSection> config) throws ConfigException {
    JdbcConnectionSection c = config.module();
    String jdbcUrl = Optional.ofNullable(url).or(c::url).orElseThrow(() -> new ConfigException(
        config.source(), 0, "connection.url", "no database given: pass --jdbc.url or set connection.url"));
    Optional<String> fromEnv = SecretSource.fromEnv(System.getenv(), "JDBC_PASSWORD");
    Optional<String> password = SecretSource.first(Optional.empty(), Optional.ofNullable(passwordFile),
        null, "--jdbc.password-file").or(c::password).or(() -> fromEnv);
    return Datastore.of(new JdbcSettings(jdbcUrl, Optional.ofNullable(username).or(c::username), password,
        c.poolSize().orElse(config.maxConcurrency().orElse(4)), c.connectTimeout().orElse(Duration.ofSeconds(5)),
        Optional.empty(), c.properties(), c.maxRows().orElse(JdbcSettings.DEFAULT_MAX_ROWS)));
  }
}
