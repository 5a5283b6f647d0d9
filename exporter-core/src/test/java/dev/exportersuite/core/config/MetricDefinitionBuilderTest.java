package dev.exportersuite.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A definition built in code is checked as a metrics file is, and told every problem at once. */
class MetricDefinitionBuilderTest {

  private static MetricDefinition.Builder<String> valid() {
    return MetricDefinition.<String>builder().request("q").context("sessions").metric("value", "Sessions.")
        .source(SourceLocation.of("--flag"));
  }

  @Test
  void aValidDefinitionGetsItsDefaults() {
    MetricDefinition<String> d = valid().metric("Total", "All.").type("VALUE", MetricType.COUNTER).queryTimeout(Duration.ofSeconds(2)).build();
    assertThat(d.collector()).isEqualTo("sessions");
    assertThat(d.enabled()).isTrue();
    assertThat(d.metrics().typeOf("value")).isEqualTo(MetricType.COUNTER);
    assertThat(d.metrics().help()).as("lower-cased, in order").containsOnlyKeys("value", "total");
    assertThat(d.timing().queryTimeout()).contains(Duration.ofSeconds(2));
    assertThat(d.source()).hasToString("--flag");
    assertThat(MetricDefinition.<String>builder().request("q").metric("v", "V.").source(SourceLocation.of("f"))
        .build().collector()).as("no context").isEqualTo("default");
  }

  @Test
  void everyProblemIsReportedAtOnceWithTheKeyItConcerns() {
    assertThatThrownBy(() -> MetricDefinition.<String>builder().context("9bad").metric("cpu-usage%", "x")
        .labels(java.util.List.of("__reserved")).type("nope", MetricType.GAUGE).build())
        .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems())
            .extracting(InvalidDefinitionException.Problem::key)
            .containsExactly("request", "source", "context", "metricsdesc", "labels", "metricstype"));
  }

  @Test
  void histogramsNeedBucketsAndBucketsNeedHistograms() {
    assertThatThrownBy(() -> valid().type("value", MetricType.HISTOGRAM).build())
        .hasMessageContaining("metricstype: histogram 'value' needs metricsbuckets.value");
    assertThatThrownBy(() -> valid().buckets("value", Map.of("le_1", 1.0)).build())
        .hasMessageContaining("metricsbuckets: 'value': buckets are only for columns typed histogram");
  }

  @Test
  void fieldToAppendRulesAreChecked() {
    assertThatThrownBy(() -> valid().metric("other", "x").fieldToAppend("name").build())
        .hasMessageContaining("keep exactly one value column");
    assertThatThrownBy(() -> valid().nameRule(new NameRule(Pattern.compile(".*"), "", Map.of(),
        java.util.Optional.empty(), java.util.Optional.empty(), 1, true, SourceLocation.of("f"))).build())
        .hasMessageContaining("namerules: namerules rewrite names taken from fieldtoappend");
  }

  @Test
  void switchingChangesOnlyEnabled() {
    MetricDefinition<String> d = valid().build();
    assertThat(d.withEnabled(false).enabled()).isFalse();
    assertThat(d.withEnabled(false).withEnabled(true)).isEqualTo(d);
  }
}
