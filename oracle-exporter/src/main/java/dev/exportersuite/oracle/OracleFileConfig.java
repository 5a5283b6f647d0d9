package dev.exportersuite.oracle;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What Oracle's exporter (oracle-db-appdev-monitoring) reads from its {@code --config.file}, as far as it is not
 * one of the suite's common settings: the databases to scrape and the {@code metrics:} section.
 *
 * @param databases in the file's order; empty when the file is the suite's own format (or there is none)
 * @param databaseLabel the label that names each database on every series ({@code metrics.databaseLabel})
 * @param defaultMetrics {@code metrics.default}: a file that replaces the built-in defaults
 * @param scrapeInterval {@code metrics.scrapeInterval}: every definition's default scrapeinterval
 */
record OracleFileConfig(List<Database> databases, String databaseLabel, Optional<Path> defaultMetrics,
    Optional<Duration> scrapeInterval) {

  static final OracleFileConfig NONE = new OracleFileConfig(List.of(), "database", Optional.empty(),
      Optional.empty());

  OracleFileConfig {
    databases = List.copyOf(databases);
  }

  /**
   * One entry of {@code databases:}.
   *
   * @param dsn user, password, role and address, checked
   * @param queryTimeout the limit of this database's requests, if set
   * @param maxOpen sessions, if set ({@code maxOpenConns})
   * @param maxIdle idle sessions kept, if set ({@code maxIdleConns})
   * @param labels constant labels of this database's series
   */
  record Database(String name, OracleDsn dsn, Optional<Duration> queryTimeout, Optional<Integer> maxOpen,
      Optional<Integer> maxIdle, java.util.Map<String, String> labels) {

    Database {
      labels = java.util.Map.copyOf(labels);
    }
  }
}
