package dev.exportersuite.core.jdbc;

import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.ExporterConfigReader;
import dev.exportersuite.core.config.SecretSource;
import dev.exportersuite.core.config.YamlMapping;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code connection:} section of a JDBC exporter's config file. Every field is optional so that flags and
 * environment variables (as users pass them to the Go exporters today) can fill in or override.
 */
public record JdbcConnectionSection(
    Optional<String> url,
    Optional<String> username,
    Optional<String> password,
    Optional<Integer> poolSize,
    Optional<Duration> connectTimeout,
    Optional<Integer> maxRows,
    Map<String, String> properties) {

  private static final List<String> KEYS = List.of("url", "username", "password", "password_file", "pool_size",
      "connect_timeout", "max_rows", "properties");

  public static final JdbcConnectionSection EMPTY = new JdbcConnectionSection(Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());

  public JdbcConnectionSection {
    properties = Map.copyOf(properties);
  }

  /** Reads {@code connection:} for {@link ExporterConfigReader}. */
  public static ExporterConfigReader.ModuleSection<JdbcConnectionSection> section() {
    return ExporterConfigReader.ModuleSection.mapping("connection", EMPTY, JdbcConnectionSection::parse);
  }

  static JdbcConnectionSection parse(YamlMapping c) throws ConfigException {
    c.expect(KEYS);
    Optional<String> url = c.string("url");
    if (url.isPresent() && !url.get().startsWith("jdbc:")) {
      throw c.error("url", "a JDBC URL starts with jdbc: (e.g. jdbc:mariadb://127.0.0.1:3306/)");
    }
    Optional<String> user = c.string("username");
    Optional<String> password = SecretSource.fromSection(c);
    Optional<Integer> pool = c.integer("pool_size", 1, 64);
    Optional<Duration> connect = c.duration("connect_timeout");
    Optional<Integer> maxRows = c.integer("max_rows", 1, 10_000_000);
    Map<String, String> props = c.stringMap("properties");
    c.finish();
    return new JdbcConnectionSection(url, user, password, pool, connect, maxRows, props);
  }

  @Override
  public String toString() {
    return "JdbcConnectionSection[url=" + url.orElse("") + ", username=" + username.orElse("") + ", password="
        + (password.isPresent() ? "***" : "") + "]";
  }
}
