package dev.exportersuite.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exportersuite.core.testing.RunningExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Oracle exporters' TOML metrics files, in the shapes their public examples use (written for this test):
 * read like YAML, keys case-insensitive, errors with their line.
 */
class TomlMetricsFileTest {

  @TempDir
  Path dir;

  private final MetricsFiles<String> files = new MetricsFiles<>("oracledb", RunningExporter.TEXT);

  private static final String SESSIONS = """
      [[metric]]
      context = "sessions"
      labels = [ "status", "type" ]
      MetricsDesc = { value = "Gauge metric with count of sessions by status and type." }
      request = "SELECT status, type, COUNT(*) AS value FROM v$session GROUP BY status, type"

      [[metric]]
      Context = "activity"
      metricsdesc = { value = "Generic counter metric from v$sysstat view in Oracle." }
      fieldtoappend = "name"
      request = '''
      SELECT name, value FROM v$sysstat
      WHERE name IN ('parse count (total)', 'execute count', 'user commits', 'user rollbacks')
      '''
      ignorezeroresult = true
      querytimeout = 5
      """;

  @Test
  void aTomlFileReadsLikeTheYamlOne() throws Exception {
    Path p = Files.writeString(dir.resolve("default-metrics.toml"), SESSIONS);
    List<MetricDefinition<String>> defs = files.loadPath(p);
    assertThat(defs).extracting(MetricDefinition::context).containsExactly("sessions", "activity");
    assertThat(defs.get(0).metrics().labels()).containsExactly("status", "type");
    assertThat(defs.get(0).source()).isEqualTo(new SourceLocation(p.toString(), 1));
    MetricDefinition<String> activity = defs.get(1);
    assertThat(activity.naming().fieldToAppend()).contains("name");
    assertThat(activity.request()).startsWith("SELECT name, value FROM v$sysstat\nWHERE");
    assertThat(activity.ignoreZeroResult()).isTrue();
    assertThat(activity.timing().queryTimeout()).contains(Duration.ofSeconds(5));
  }

  @Test
  void aDirectoryLoadsItsTomlAndYamlFilesInNameOrder() throws Exception {
    Files.writeString(dir.resolve("a.toml"), SESSIONS);
    Files.writeString(dir.resolve("b.yaml"), "metrics:\n  - context: team\n    request: q\n"
        + "    metricsdesc: {value: x}\n");
    Files.writeString(dir.resolve("notes.txt"), "not a metrics file");
    assertThat(files.loadPath(dir)).extracting(MetricDefinition::context)
        .containsExactly("sessions", "activity", "team");
  }

  @Test
  void mistakesNameTheirLine() throws Exception {
    Path p = Files.writeString(dir.resolve("bad.toml"), """
        [[metric]]
        context = "ok"
        request = "SELECT 1 AS value FROM dual"
        metricsdesc = { value = "x" }

        [[metric]]
        context = "bad"
        request = "SELECT 1 AS value FROM dual"
        metricdesc = { value = "x" }
        """);
    assertThatThrownBy(() -> files.loadPath(p)).isInstanceOfSatisfying(ConfigException.class, e ->
        assertThat(e.lines()).containsExactly(p + ":9: metrics[1].metricdesc: unknown key 'metricdesc' (did you "
            + "mean 'metricsdesc'?)"));
  }

  @Test
  void invalidTomlIsRefusedWithItsLine() throws Exception {
    Path p = Files.writeString(dir.resolve("broken.toml"), "[[metric]]\ncontext = \"a\"\nrequest = \"unclosed\n");
    assertThatThrownBy(() -> files.loadPath(p)).hasMessageStartingWith(p + ":3: invalid TOML: ");
  }

  /** Found by TomlMetricsFileFuzzTest: tomlj throws this error instead of reporting it, and it escaped as such. */
  @Test
  void aBadEscapeInAQuotedKeyIsRefusedWithItsLine() throws Exception {
    Path p = Files.writeString(dir.resolve("escape.toml"), "[[metric]]\n[[\"a\\E\"]]\n");
    assertThatThrownBy(() -> files.loadPath(p)).isInstanceOf(ConfigException.class)
        .hasMessage(p + ":2: invalid TOML: Invalid escape sequence '\\E'");
  }

  @Test
  void keysThatDifferOnlyInCaseAreOneKeyGivenTwice() throws Exception {
    Path p = Files.writeString(dir.resolve("twice.toml"), "[[metric]]\ncontext = \"a\"\nContext = \"b\"\n");
    assertThatThrownBy(() -> files.loadPath(p)).hasMessageContaining(":3: context: the key is given twice");
  }
}
