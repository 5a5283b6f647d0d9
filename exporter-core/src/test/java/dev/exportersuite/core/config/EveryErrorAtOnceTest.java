package dev.exportersuite.core.config;

import dev.exportersuite.core.testing.RunningExporter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken metrics file names every problem in one run, each with its file, line and key path. */
class EveryErrorAtOnceTest {

  private static final Path SEVERAL = Path.of("src/test/resources/metrics/bad/several-errors.yaml");
  private final MetricsFiles<String> files = new MetricsFiles<>("oracledb", RunningExporter.TEXT);

  @Test
  void everyBrokenEntryOfAFileIsReportedInLineOrderAndTheGoodOnesAreNot() {
    ConfigException e = catchThrowableOfType(() -> files.loadPath(SEVERAL), ConfigException.class);

    assertThat(e.lines()).containsExactly(
        SEVERAL + ":7: metrics[1].metricdesc: unknown key 'metricdesc' (did you mean 'metricsdesc'?)",
        SEVERAL + ":10: metrics[2].labels: 'user-name' is not a valid label name: use letters, digits and _, "
            + "not starting with __",
        SEVERAL + ":12: metrics[2].ignorezeroresults: unknown key 'ignorezeroresults' (did you mean "
            + "'ignorezeroresult'?); known keys: " + String.join(", ", MetricsFileParser.ENTRY_KEYS),
        SEVERAL + ":16: metrics[3].metricstype: histogram 'seconds' needs metricsbuckets.seconds (bucket column "
            + "-> upper bound) and a 'count' column in the request");
    assertThat(e.getMessage()).isEqualTo(String.join("\n", e.lines()))
        .doesNotContain("metrics[0]").doesNotContain("metrics[4]");
    assertThat(e.problems()).extracting(ConfigException.Problem::line).isSorted();
    // the first problem still answers file(), line() and path(), as callers of one error expect
    assertThat(e.file()).isEqualTo(SEVERAL.toString());
    assertThat(e.line()).isEqualTo(7);
    assertThat(e.path()).isEqualTo("metrics[1].metricdesc");
  }

  @Test
  void everyFileOfADirectoryIsReadAndEachOnesErrorReported(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.yaml");
    Path b = dir.resolve("b.yaml");
    Files.writeString(a, """
        metrics:
          - context: a
            request: SELECT 1 AS value
            metricsdesc: { value: A. }
            querytimeout: soon
        """);
    Files.writeString(b, """
        metrics:
          - context: b
            metricsdesc: { value: B. }
        """);

    ConfigException e = catchThrowableOfType(() -> files.loadPath(dir), ConfigException.class);

    assertThat(e.lines()).hasSize(2);
    assertThat(e.lines().get(0)).startsWith(a + ":5: metrics[0].querytimeout: 'soon' is not a duration");
    assertThat(e.lines().get(1)).isEqualTo(b + ":2: metrics[0].request: required key 'request' is missing");
  }

  @Test
  void problemsAreGroupedByFileInTheOrderMetAndSortedByLineWithin() {
    ConfigErrors errors = new ConfigErrors();
    errors.add(new ConfigException("b.yaml", 9, "x", "third"));
    errors.add(new ConfigException("a.yaml", 4, "y", "fifth"));
    errors.add(new ConfigException("b.yaml", 2, "z", "first"));
    errors.add(new ConfigException("b.yaml", 9, "x", "the same place again"));
    errors.add(new ConfigException("b.yaml", 5, "", "second"));

    ConfigException e = catchThrowableOfType(errors::throwIfAny, ConfigException.class);

    assertThat(e.lines()).containsExactly("b.yaml:2: z: first", "b.yaml:5: second", "b.yaml:9: x: third",
        "a.yaml:4: y: fifth");
  }

  @Test
  void noProblemsThrowsNothing() throws Exception {
    ConfigErrors errors = new ConfigErrors();
    errors.check(() -> {});
    assertThat(errors.read(() -> "value")).contains("value");
    assertThat(errors.isEmpty()).isTrue();
    errors.throwIfAny();
  }

  @Test
  void beyondTheLimitOnlyTheFirstAreShownAndALastLineCountsTheRest(@TempDir Path dir) throws Exception {
    int more = 3;
    int count = ConfigException.SHOWN + more;
    StringBuilder yaml = new StringBuilder("metrics:\n");
    for (int i = 0; i < count; i++) {
      yaml.append("  - context: c").append(i).append("\n    request: SELECT 1\n    metricsdesc: {value: x}\n")
          .append("    labels: [bad-").append(i).append("]\n");
    }
    Path file = dir.resolve("many.yaml");
    Files.writeString(file, yaml);

    ConfigException e = catchThrowableOfType(() -> files.loadPath(file), ConfigException.class);

    assertThat(e.problems()).hasSize(count);
    List<String> lines = e.lines();
    assertThat(lines).hasSize(ConfigException.SHOWN + 1);
    for (int i = 0; i < ConfigException.SHOWN; i++) {
      // entry i starts at line 2 + 4i; its labels are three lines further down
      assertThat(lines.get(i)).startsWith(file + ":" + (5 + 4 * i) + ": metrics[" + i + "].labels: 'bad-" + i + "'");
    }
    assertThat(lines.get(ConfigException.SHOWN))
        .isEqualTo(more + " more errors not shown; fix the ones above and run again");
    assertThat(e.getMessage()).doesNotContain("bad-" + ConfigException.SHOWN + "'");
  }

  @Test
  void everyMetricDefinedTwiceIsReported() throws Exception {
    Path bad = Path.of("src/test/resources/metrics/bad");
    Path a = bad.resolve("dup-a.yaml");
    Path b = bad.resolve("dup-b.yaml");
    List<MetricDefinition<String>> defs = new ArrayList<>();
    for (Path file : List.of(a, b, a)) {
      defs.addAll(files.loadPath(file));
    }

    ConfigException e = catchThrowableOfType(() -> files.checkUnique(defs), ConfigException.class);

    assertThat(e.lines()).containsExactly(
        b + ":5: metricsdesc.value: metric 'oracledb_sessions_value' is defined twice: in " + a + ":2 and in " + b
            + ":5; rename one context or column, or remove one of the files",
        a + ":2: metricsdesc.value: metric 'oracledb_sessions_value' is defined twice: in " + a + ":2 and in " + a
            + ":2; rename one context or column, or remove one of the files");
  }
}
