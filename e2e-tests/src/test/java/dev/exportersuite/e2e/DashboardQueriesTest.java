package dev.exportersuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every PromQL text in every shipped dashboard, run against the live Prometheus of {@link LiveStack} that scraped
 * the real exporters: each must parse, and each that names one of the suite's metrics must return data.
 *
 * <p>LIMITATION: for a module whose server cannot run here (Oracle, see {@link WithoutServer}) only its self-metrics
 * have series. Its dashboard's expressions must still run without error, name only families the module defines
 * (default metrics and team file, from --check-config) or exposes, and return data when they name only families
 * that have series without a database (oracledb_up, the scrape counters); panels on database metrics return
 * nothing here and are not shown to work against a real Oracle.
 */
@ExtendWith(LiveStack.Extension.class)
class DashboardQueriesTest {

  private static final Pattern LABEL_VALUES =
      Pattern.compile("^\\s*label_values\\(\\s*(?:(.+?)\\s*,\\s*)?([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)\\s*$");

  static Stream<Dashboards.Query> panelQueries() {
    return Dashboards.queries().stream();
  }

  static Stream<Dashboards.Variable> variables() {
    return Dashboards.variables().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("panelQueries")
  void panelQueryParsesAndReturnsData(Dashboards.Query q, LiveStack stack) throws Exception {
    List<Dashboards.Variable> vars = Dashboards.variables().stream()
        .filter(v -> v.dashboard().equals(q.dashboard())).toList();
    String promql = Dashboards.expand(q.expr(), vars);
    assertThat(promql).as("%s: unexpanded variable in %s", q, promql).doesNotContain("$");
    PromApi.Answer a = stack.prometheus().query(promql);
    assertThat(a.ok()).as("%s does not run: %s\n%s", q, promql, a.body()).isTrue();
    Set<String> ours = LiveStack.suiteMetricNames(q.expr());
    Repo.Module m = Repo.moduleOfDashboard(q.dashboard()).orElse(null);
    if (m != null && !m.serverInTests()) {
      Set<String> withSeries = WithoutServer.familiesWithSeries(stack, m);
      List<Pattern> defined = CheckConfig.definedFamilies(m);
      for (String name : ours) {
        assertThat(WithoutServer.isDefined(name, m, defined, withSeries))
            .as("%s names %s, which %s neither defines nor exposes: %s", q, name, m.name(), promql).isTrue();
      }
      if (!ours.isEmpty() && withSeries.containsAll(ours)) {
        assertThat(a.result()).as("%s returned no data for %s: %s", q, ours, promql).isNotEmpty();
      }
      return;
    }
    if (!ours.isEmpty()) {
      assertThat(a.result()).as("%s returned no data for %s: %s", q, ours, promql).isNotEmpty();
    }
  }

  /**
   * Every name the Kafka dashboard uses is a family that kafka-exporter's --check-config lists (its default metrics
   * and the shipped team file) or a self-metric its README documents: the dashboard asks only for names the exporter
   * makes, whatever data this run's broker holds.
   */
  @Test
  void kafkaDashboardNamesOnlyFamiliesTheExporterDefines() throws Exception {
    Repo.Module kafka = Repo.module("kafka-exporter");
    List<Pattern> listed = CheckConfig.definedFamilies(kafka);
    Set<String> selfMetrics = documentedSelfMetrics(kafka);
    assertThat(selfMetrics).as("kafka-exporter/README.md, Self-metrics").contains("kafka_up",
        "kafka_exporter_last_scrape_duration_seconds");
    List<Dashboards.Query> queries = Dashboards.queries().stream()
        .filter(q -> q.dashboard().equals(kafka.name() + ".json")).toList();
    assertThat(queries).isNotEmpty();
    for (Dashboards.Query q : queries) {
      for (String name : LiveStack.suiteMetricNames(q.expr())) {
        assertThat(CheckConfig.lists(name, listed) || selfMetrics.contains(name))
            .as("%s names %s, which kafka-exporter --check-config does not list and its README does not document "
                + "as a self-metric", q, name).isTrue();
      }
    }
  }

  /** The names in the first column of the table under "## Self-metrics" of the module's README. */
  static Set<String> documentedSelfMetrics(Repo.Module m) {
    String readme = Repo.read(Repo.path(m.name()).resolve("README.md"));
    int start = readme.indexOf("\n## Self-metrics\n");
    assertThat(start).as("%s/README.md has a Self-metrics section", m.name()).isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    Matcher row = Pattern.compile("(?m)^\\| `(" + Pattern.quote(m.namespace()) + "_[a-z0-9_]+)")
        .matcher(readme.substring(start, end < 0 ? readme.length() : end));
    Set<String> out = new java.util.LinkedHashSet<>();
    while (row.find()) {
      out.add(row.group(1));
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variables")
  void variableQueryListsValues(Dashboards.Variable v, LiveStack stack) throws Exception {
    Matcher m = LABEL_VALUES.matcher(v.query());
    assertThat(m.matches()).as("%s: variable %s is not label_values(...): %s", v.dashboard(), v.name(), v.query())
        .isTrue();
    String selector = m.group(1) == null ? "{" + m.group(2) + "!=\"\"}" : m.group(1);
    PromApi.Answer a = stack.prometheus().labelValues(m.group(2), selector);
    assertThat(a.ok()).as("%s: %s\n%s", v.dashboard(), v.query(), a.body()).isTrue();
    Repo.Module module = Repo.moduleOfDashboard(v.dashboard()).orElse(null);
    if (module != null && !module.serverInTests()) {
      Set<String> named = LiveStack.suiteMetricNames(selector);
      if (named.isEmpty() || !WithoutServer.familiesWithSeries(stack, module).containsAll(named)) {
        // LIMITATION: a variable over database metrics (team) lists nothing without the server; what can be checked
        // is that every enabled entry of the team file carries the label it lists.
        for (Object o : Repo.list(Repo.readMap(module.configDir().resolve("metrics.yaml")).get("metrics"))) {
          java.util.Map<String, Object> entry = Repo.map(o);
          if (!Boolean.FALSE.equals(entry.get("enabled"))) {
            assertThat(Repo.list(entry.get("labels"))).as("%s: %s/metrics.yaml entry %s has the label %s",
                v.dashboard(), module.configDir(), entry.get("context"), m.group(2)).contains(m.group(2));
          }
        }
        return;
      }
    }
    assertThat(Repo.list(a.data())).as("%s: variable %s lists nothing: %s", v.dashboard(), v.name(), v.query())
        .isNotEmpty();
  }
}
