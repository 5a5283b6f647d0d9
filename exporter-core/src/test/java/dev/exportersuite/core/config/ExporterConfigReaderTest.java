package dev.exportersuite.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exportersuite.core.jdbc.JdbcConnectionSection;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExporterConfigReaderTest {

  private final ExporterConfigReader<JdbcConnectionSection> reader = new ExporterConfigReader<>(
      JdbcConnectionSection.section(), new EnvExpander(Map.of("DB_PASSWORD", "s3cr#t:@pw")));

  private ExporterConfig<JdbcConnectionSection> read(String yaml) throws ConfigException {
    return reader.read("exporter.yaml", YamlDocument.parse("exporter.yaml", yaml));
  }

  @Test
  void readsCoreAndModuleKeysWithEnvironmentExpansion() throws Exception {
    ExporterConfig<JdbcConnectionSection> c = read("""
        namespace: oracledb
        web:
          listen_address: 127.0.0.1:9161
          telemetry_path: /metrics
        collect:
          query_timeout: 3s
          max_concurrency: 2
        labels:
          env: prod
        custom_metrics: [a.yaml, b.yaml]
        connection:
          url: jdbc:mariadb://127.0.0.1:3306/
          username: exporter
          password: ${DB_PASSWORD}
          pool_size: 2
        """);
    assertThat(c.namespace()).contains("oracledb");
    assertThat(c.listenAddress()).contains("127.0.0.1:9161");
    assertThat(c.queryTimeout()).contains(Duration.ofSeconds(3));
    assertThat(c.maxConcurrency()).contains(2);
    assertThat(c.constLabels()).containsEntry("env", "prod");
    assertThat(c.customMetrics()).containsExactly("a.yaml", "b.yaml");
    assertThat(c.module().password()).contains("s3cr#t:@pw");
    assertThat(c.module().toString()).doesNotContain("s3cr#t");
  }

  @Test
  void aMisspeltKeyInAnySectionIsRefusedWithItsLine() {
    assertThatThrownBy(() -> read("connection:\n  url: jdbc:x:y\n  usernme: a\n"))
        .hasMessage("exporter.yaml:3: connection.usernme: unknown key 'usernme' (did you mean 'username'?); "
            + "known keys: url, username, password, password_file, pool_size, connect_timeout, max_rows, properties");
    assertThatThrownBy(() -> read("colect:\n  query_timeout: 1s\n"))
        .hasMessageStartingWith("exporter.yaml:1: colect: unknown key 'colect' (did you mean 'collect'?)");
  }

  @Test
  void wrongTypesAndRangesAreRefused() {
    assertThatThrownBy(() -> read("collect:\n  max_concurrency: lots\n"))
        .hasMessage("exporter.yaml:2: collect.max_concurrency: expected a whole number, found 'lots'");
    assertThatThrownBy(() -> read("collect:\n  max_concurrency: 0\n"))
        .hasMessageContaining("must be between 1 and 64");
    assertThatThrownBy(() -> read("connection:\n  url: mysql://x\n"))
        .hasMessageContaining("connection.url: a JDBC URL starts with jdbc:");
  }

  /** A broken section does not hide the next one: the user fixes the whole file in one round. */
  @Test
  void everySectionsProblemIsReportedAtOnce() {
    assertThatThrownBy(() -> read("""
        namespace: 1bad
        web:
          telemetry_path: metrics
        collect:
          max_concurrency: lots
          ping_timeout: soon
        labels: {"team-name": x}
        connection:
          url: mysql://x
        colect: {}
        """)).isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.lines()).containsExactly(
            "exporter.yaml:1: namespace: '1bad' cannot start a metric name",
            "exporter.yaml:3: web.telemetry_path: must start with /",
            "exporter.yaml:5: collect.max_concurrency: expected a whole number, found 'lots'",
            "exporter.yaml:6: collect.ping_timeout: " + durationProblem("soon"),
            "exporter.yaml:7: labels: 'team-name' is not a valid label name",
            "exporter.yaml:9: connection.url: a JDBC URL starts with jdbc: (e.g. jdbc:mariadb://127.0.0.1:3306/)",
            "exporter.yaml:10: colect: unknown key 'colect' (did you mean 'collect'?); known keys: namespace, web, "
                + "collect, labels, custom_metrics, multi_target, connection"));
  }

  private static String durationProblem(String text) {
    try {
      Durations.parse(text);
      throw new AssertionError(text + " parsed");
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  @Test
  void anUnsetVariableIsAnErrorNotAnEmptyPassword() {
    assertThatThrownBy(() -> read("connection:\n  password: ${NOT_SET}\n"))
        .hasMessageContaining("exporter.yaml:2: connection.password: environment variable NOT_SET is not set");
  }
}
