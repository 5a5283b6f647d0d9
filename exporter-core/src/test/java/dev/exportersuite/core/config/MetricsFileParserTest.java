package dev.exportersuite.core.config;

import dev.exportersuite.core.testing.RunningExporter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricsFileParserTest {

  private static final Path DIR = Path.of("src/test/resources/metrics");
  private final MetricsFiles<String> files = new MetricsFiles<>("oracledb", RunningExporter.TEXT);

  @Test
  void readsEveryKeyOfTheFormat() throws Exception {
    List<MetricDefinition<String>> defs = files.loadPath(DIR.resolve("good/full.yaml"));
    assertThat(defs).hasSize(4);

    MetricDefinition<String> sessions = defs.get(0);
    assertThat(sessions.collector()).isEqualTo("sessions");
    assertThat(sessions.metrics().labels()).containsExactly("status", "type");
    // column names are lower-cased, as Oracle's exporter does; metricstype names them in any case
    assertThat(sessions.metrics().help()).containsOnlyKeys("value", "total");
    assertThat(sessions.metrics().typeOf("Total")).isEqualTo(MetricType.COUNTER);
    assertThat(sessions.metrics().typeOf("value")).isEqualTo(MetricType.GAUGE);
    assertThat(sessions.timing().queryTimeout()).contains(Duration.ofSeconds(2));
    assertThat(sessions.timing().scrapeInterval()).contains(Duration.ofMinutes(1));
    assertThat(sessions.ignoreZeroResult()).isTrue();
    assertThat(sessions.source().file()).endsWith("full.yaml");
    assertThat(sessions.source().line()).isEqualTo(3);

    MetricDefinition<String> waits = defs.get(1);
    assertThat(waits.naming().fieldToAppend()).contains("wait_class");
    // a bare number is seconds, as in oracledb_exporter's TOML files
    assertThat(waits.timing().queryTimeout()).contains(Duration.ofSeconds(5));

    MetricDefinition<String> latency = defs.get(2);
    assertThat(latency.metrics().buckets().get("seconds"))
        .containsEntry("le_1", 0.1).containsEntry("le_2", 1.0).containsEntry("le_inf", Double.POSITIVE_INFINITY);

    MetricDefinition<String> status = defs.get(3);
    assertThat(status.collector()).isEqualTo("global_status");
    assertThat(status.enabled()).isFalse();
    assertThat(status.values().skipNonNumeric()).isTrue();
    assertThat(status.values().valueMap()).containsEntry("on", 1.0).containsEntry("off", 0.0);
    assertThat(status.naming().rules()).hasSize(3);
    assertThat(status.naming().rules().get(0).labels()).containsEntry("command", "$1");
    assertThat(status.naming().rules().get(0).type()).contains(MetricType.COUNTER);
    assertThat(status.naming().rules().get(1).drop()).isTrue();
    assertThat(status.naming().rules().get(2).scale()).isEqualTo(0.001);
  }

  /** Each broken file is refused with its file, line, key path and a message a person can act on. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "invalid-yaml.yaml      | 4 | invalid YAML: expected <block end>, but found '<scalar>' (while parsing a block mapping started at line 2)",
      "unknown-key.yaml       | 4 | metrics[0].metricdesc: unknown key 'metricdesc' (did you mean 'metricsdesc'?)",
      "missing-request.yaml   | 5 | metrics[1].request: required key 'request' is missing",
      "wrong-type.yaml        | 5 | metrics[0].ignorezeroresult: expected true or false, found 'maybe'",
      "labels-not-list.yaml   | 5 | metrics[0].labels: expected a single value, found a mapping",
      "invalid-name.yaml      | 5 | metrics[0].metricsdesc: 'cpu-usage%' cannot be part of a metric name: use letters, digits and _",
      "unknown-type.yaml      | 5 | metrics[0].metricstype: unknown metric type 'summary'; use gauge, counter, histogram or untyped",
      "histogram-without-buckets.yaml | 5 | metrics[0].metricstype: histogram 'value' needs metricsbuckets.value",
      "bad-duration.yaml      | 5 | metrics[0].querytimeout: 'soon' is not a duration; write e.g. 500ms, 2s, 1m30s",
      "no-metrics.yaml        | 1 | metric: unknown key 'metric' (did you mean 'metrics'?)",
  })
  void refusesBrokenFilesWithFileLineAndPath(String file, int line, String message) {
    Path path = DIR.resolve("bad").resolve(file);
    assertThatThrownBy(() -> files.loadPath(path))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> {
          ConfigException c = (ConfigException) e;
          assertThat(c.file()).isEqualTo(path.toString());
          assertThat(c.line()).isEqualTo(line);
          assertThat(c.getMessage()).startsWith(path + ":" + line + ": ").contains(message);
        });
  }

  @Test
  void refusesTheSameMetricInTwoFilesNamingBoth() throws Exception {
    List<MetricDefinition<String>> all = new ArrayList<>(files.loadPath(DIR.resolve("bad/dup-a.yaml")));
    all.addAll(files.loadPath(DIR.resolve("bad/dup-b.yaml")));
    assertThatThrownBy(() -> files.checkUnique(all))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("metric 'oracledb_sessions_value' is defined twice")
        .hasMessageContaining("dup-a.yaml:2")
        .hasMessageContaining("dup-b.yaml:5")
        .hasMessageStartingWith(DIR.resolve("bad/dup-b.yaml") + ":5: metricsdesc.value");
  }

  @Test
  void aCounterAndAGaugeThatWouldExposeTheSameNameClash() throws Exception {
    Path a = write("metrics:\n  - context: x\n    request: q\n    metricsdesc: { hits: a }\n"
        + "    metricstype: { hits: counter }\n");
    Path b = write("metrics:\n  - context: x\n    request: q\n    metricsdesc: { hits_total: b }\n");
    List<MetricDefinition<String>> all = new ArrayList<>(files.loadPath(a));
    all.addAll(files.loadPath(b));
    assertThatThrownBy(() -> files.checkUnique(all)).hasMessageContaining("defined twice");
  }

  @Test
  void aDirectoryLoadsItsYamlFilesInNameOrder() throws Exception {
    List<MetricDefinition<String>> defs = files.loadPath(DIR.resolve("dir"));
    assertThat(defs).extracting(MetricDefinition::context).containsExactly("orders", "payments");
  }

  @Test
  void aMissingFileIsNamed() {
    assertThatThrownBy(() -> files.loadPath(DIR.resolve("nope.yaml")))
        .hasMessage(DIR.resolve("nope.yaml") + ": file not found");
  }

  @Test
  void fieldToAppendNeedsExactlyOneValueColumn() throws Exception {
    Path p = write("metrics:\n  - context: w\n    request: q\n    fieldtoappend: k\n"
        + "    metricsdesc: { a: x, b: y }\n");
    assertThatThrownBy(() -> files.loadPath(p)).hasMessageContaining("keep exactly one value column");
  }

  /** Found by MetricsFileFuzzTest: an entry without context was a NullPointerException, not a config error. */
  @Test
  void anEntryWithoutContextIsRefusedWithItsLine() throws Exception {
    Path p = write("metrics:\n  - context: a\n    request: q\n    metricsdesc: { v: x }\n"
        + "  - request: q\n    metricsdesc: { v: y }\n");
    assertThatThrownBy(() -> files.loadPath(p))
        .isInstanceOf(ConfigException.class)
        .hasMessage(p + ":5: metrics[1].context: required key 'context' is missing");
  }

  /** 110000d once passed --check-config and then made every scrape an HTTP 500 (a long overflow). */
  @Test
  void timeoutsAndIntervalsOutOfRangeAreRefusedAtLoadWithTheirLine() throws Exception {
    Path p = write("""
        metrics:
          - context: a
            request: q
            metricsdesc: { v: x }
            querytimeout: 110000d
          - context: b
            request: q
            metricsdesc: { v: x }
            querytimeout: 2h
            scrapeinterval: 48h
          - context: c
            request: q
            metricsdesc: { v: x }
            querytimeout: 99999999999999999999999
        """);
    assertThatThrownBy(() -> files.loadPath(p)).satisfies(e -> assertThat(e.getMessage())
        .contains(":5: metrics[0].querytimeout: '110000d' is longer than 365d")
        .contains(":9: metrics[1].querytimeout: must be more than 0 and at most 1h (got 2h)")
        .contains(":10: metrics[1].scrapeinterval: must be 0 to 24h (got 48h)")
        .contains(":14: metrics[2].querytimeout: '99999999999999999999999' is longer than 365d"));
  }

  /** Pathological input is refused with the limit it broke, at once, not after minutes of CPU. */
  @Test
  void oversizedRequestsRegexesAndFilesAreRefusedWithTheirLimit() throws Exception {
    Path p = write("metrics:\n  - context: w\n    request: '" + "x".repeat(70_000) + "'\n    metricsdesc: { v: x }\n"
        + "    rows:\n      - match: {v: '" + "a".repeat(5000) + "'}\n"
        + "  - context: n\n    request: q\n    fieldtoappend: k\n    metricsdesc: { v: x }\n"
        + "    namerules:\n      - match: '" + "(a|b)*".repeat(1000) + "'\n");
    assertThatThrownBy(() -> files.loadPath(p)).satisfies(e -> assertThat(e.getMessage())
        .contains(":3: metrics[0].request: the request has 70000 characters; at most 65536")
        .contains(":6: metrics[0].rows[0].match.v: a regular expression of 5000 characters; at most 4096")
        .contains(":12: metrics[1].namerules[0].match: a regular expression of 6000 characters; at most 4096"));
    Path big = write("# " + "x".repeat(5 << 20) + "\nmetrics: []\n");
    assertThatThrownBy(() -> files.loadPath(big)).hasMessageContaining("a config or metrics file may have at most "
        + "4194304 (4 MiB)");
  }

  @Test
  void aBadRegexInNameRulesIsRefusedAtLoad() throws Exception {
    Path p = write("metrics:\n  - context: w\n    request: q\n    fieldtoappend: k\n"
        + "    metricsdesc: { v: x }\n    namerules:\n      - match: 'com_(.*'\n");
    assertThatThrownBy(() -> files.loadPath(p))
        .hasMessageContaining(":7: metrics[0].namerules[0].match: not a valid regular expression");
  }

  @Test
  void anEmptyContextIsAllowedForNamesDirectlyUnderTheNamespace() throws Exception {
    Path p = write("metrics:\n  - context: \"\"\n    request: q\n    metricsdesc: { connected_clients: x }\n");
    MetricDefinition<String> d = files.loadPath(p).get(0);
    assertThat(MetricNames.join("redis", d.context(), "connected_clients")).isEqualTo("redis_connected_clients");
    assertThat(d.collector()).isEqualTo("default");
  }

  /** As in Oracle's exporter: no databases key, or no value, runs everywhere; [] runs nowhere; a list, there. */
  @Test
  void theDatabasesKeySaysWhereAnEntryRuns() throws Exception {
    Path p = write("metrics:\n"
        + "  - {context: a, request: q, metricsdesc: {v: x}}\n"
        + "  - {context: b, request: q, metricsdesc: {v: x}, databases: }\n"
        + "  - {context: c, request: q, metricsdesc: {v: x}, databases: []}\n"
        + "  - {context: d, request: q, metricsdesc: {v: x}, databases: [db2, db3]}\n");
    List<MetricDefinition<String>> d = files.loadPath(p);
    assertThat(d).extracting(x -> x.runsOn("db2")).containsExactly(true, true, false, true);
    assertThat(d).extracting(x -> x.runsOn("db1")).containsExactly(true, true, false, false);
  }

  private static Path write(String yaml) throws Exception {
    Path p = java.nio.file.Files.createTempFile("metrics", ".yaml");
    java.nio.file.Files.writeString(p, yaml);
    p.toFile().deleteOnExit();
    return p;
  }
}
