package dev.exportersuite.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.Row;
import dev.exportersuite.core.endpoint.HostPort;
import dev.exportersuite.core.endpoint.TargetAllowList;
import dev.exportersuite.core.testing.RunningExporter;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A configured regular expression that backtracks exponentially (((a+)+)+b over a run of a's) is stopped after
 * {@link Regexes#MAX_MATCH_TIME}: it costs its own definition's metrics (or a probe target), with a message naming
 * the pattern, not a scrape thread held for good. Each case would run for hours without the bound.
 */
class BacktrackingPatternTest {

  private static final String EVIL = "((a+)+)+b"; // Java's engine memoizes (a+)+b, not this
  private static final String RUN_OF_AS = "a".repeat(40) + "c";
  private static final Duration HANG = Duration.ofSeconds(30);

  @Test
  void aMatchIsStoppedAndSaysWhichPattern() {
    Matcher m = Regexes.matcher(Pattern.compile(EVIL), RUN_OF_AS);
    assertTimeoutPreemptively(HANG, () -> assertThatThrownBy(m::matches)
        .isInstanceOf(Regexes.RegexTimeoutException.class)
        .hasMessageContaining("'((a+)+)+b'").hasMessageContaining("1000 ms").hasMessageNotContaining(RUN_OF_AS));
  }

  @Test
  void anOrdinaryMatchAndItsGroupsReadAsBefore() {
    Matcher m = Regexes.matcher(Pattern.compile("cmdstat_(?<cmd>.+)"), "cmdstat_config|get");
    assertThat(m.matches()).isTrue();
    assertThat(m.group("cmd")).isEqualTo("config|get");
    assertThat(Regexes.matcher(Pattern.compile("b"), "abc").find()).isTrue();
  }

  /** One row whose name is a run of a's, and one ordinary row for the other definition. */
  static final class Rows implements RequestExecutor<String> {
    @Override
    public void ping(Duration timeout) {}

    @Override
    public List<Row> fetch(String request, Duration timeout) {
      return List.of(Row.of("name", RUN_OF_AS, "value", 1));
    }

    @Override
    public void close() {}
  }

  @Test
  void aBacktrackingMatchStepOrNameruleCostsItsOwnDefinitionOnly() throws Exception {
    try (RunningExporter<String> exporter = new RunningExporter<>("t", new Rows(), RunningExporter.TEXT, """
        metrics:
          - context: stepped
            collector: stepped
            request: a
            rows:
              - match: {name: '((a+)+)+b'}
            metricsdesc: {value: Never written.}
          - context: named
            collector: named
            request: b
            fieldtoappend: name
            metricsdesc: {value: Never written.}
            namerules:
              - {match: '((a+)+)+b', name: x}
          - context: fine
            collector: fine
            request: c
            metricsdesc: {value: Written.}
        """)) {
      String text = assertTimeoutPreemptively(HANG, exporter::scrape);
      assertThat(text).contains("t_fine_value 1.0")
          .contains("t_exporter_scrape_errors_total{collector=\"stepped\"} 1.0")
          .contains("t_exporter_scrape_errors_total{collector=\"named\"} 1.0")
          .contains("t_exporter_scrape_errors_total{collector=\"fine\"} 0.0")
          .doesNotContain("t_stepped_value");
      assertThat(Http.landing(exporter)).contains("backtracks too much");
    }
  }

  @Test
  void anAllowListPatternOfManyStarsRefusesALongNameInsteadOfHanging() {
    TargetAllowList list = TargetAllowList.parse(List.of("*a*a*a*a*a*a*a*a*a*a*b"));
    HostPort longName = HostPort.parse("a".repeat(60) + ".c", 3306);
    assertThat(assertTimeoutPreemptively(HANG, () -> list.allows(longName))).isFalse();
    assertThat(list.allows(HostPort.parse("aaaaaaaaaab", 3306))).isTrue();
  }

  /** The landing page as curl gets it. */
  private static final class Http {
    static String landing(RunningExporter<String> exporter) throws Exception {
      return dev.exportersuite.core.testing.Http.get(exporter.url("/")).body();
    }
  }
}
