package dev.exportersuite.core.snapshots;

import static dev.exportersuite.core.snapshots.SelfMetric.LAST_SCRAPE_ERROR;
import static dev.exportersuite.core.snapshots.SelfMetric.SCRAPES_TOTAL;
import static dev.exportersuite.core.snapshots.SelfMetric.UP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The builder's defaults and the spec's refusals. */
class SelfMetricsSpecTest {

  @Test
  void standardDeclaresEveryMetricUnderItsDefaultName() {
    SelfMetricsSpec s = SelfMetricsSpec.standard();

    // Every one but the ping time, which only redis_exporter's --ping-on-connect adds.
    assertThat(s.metrics().keySet()).isEqualTo(EnumSet.complementOf(EnumSet.of(
        SelfMetric.LAST_SCRAPE_PING_TIME_SECONDS)));
    s.metrics().forEach((m, e) -> {
      assertThat(e.name()).isEqualTo(m.defaultName());
      assertThat(e.absolute()).isFalse();
      assertThat(e.help()).isEqualTo(m.defaultHelp());
    });
    assertThat(s.collectorLabel()).isEqualTo("collector");
    assertThat(s.errorLabel()).isEmpty();
    assertThat(s.constLabels()).isFalse();
  }

  @Test
  void namesResolveAgainstTheNamespaceUnlessAbsolute() {
    SelfMetricsSpec s = SelfMetricsSpec.builder().add(UP, "alive").addAbsolute(SCRAPES_TOTAL, "kafka_scrapes_total")
        .build();

    assertThat(s.metrics().get(UP).resolve("kafka")).isEqualTo("kafka_alive");
    assertThat(s.metrics().get(UP).resolve("")).isEqualTo("alive");
    assertThat(s.metrics().get(SCRAPES_TOTAL).resolve("other")).isEqualTo("kafka_scrapes_total");
  }

  @Test
  void aLaterDeclarationReplacesAnEarlierOneAndHelpCanBeReworded() {
    SelfMetricsSpec s = SelfMetricsSpec.builder().all().add(UP, "alive").help(UP, "Whether it is up.").build();

    assertThat(s.metrics()).hasSize(SelfMetric.values().length - 1);
    assertThat(s.metrics().get(UP)).isEqualTo(new SelfMetricsSpec.Entry("alive", false, "Whether it is up."));
  }

  @Test
  void everyProblemIsNamedAtOnce() {
    assertThatThrownBy(() -> SelfMetricsSpec.builder()
        .add(UP, "bad-name")
        .add(SCRAPES_TOTAL, "exporter_scrapes")
        .add(SelfMetric.LAST_SCRAPE_DURATION_SECONDS, "same")
        .add(SelfMetric.SCRAPE_DURATION_SECONDS, "same")
        .collectorLabel("__collector")
        .errorLabel("err-text")
        .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UP: 'bad-name' is not a valid metric name")
        .hasMessageContaining("SCRAPES_TOTAL: counter name 'exporter_scrapes' must end in _total")
        .hasMessageContaining("LAST_SCRAPE_DURATION_SECONDS and SCRAPE_DURATION_SECONDS have the same name 'same'")
        .hasMessageContaining("collector label '__collector' is not a valid label name")
        .hasMessageContaining("error label 'err-text' is not a valid label name")
        .hasMessageContaining("error label 'err-text' needs LAST_SCRAPE_ERROR");
  }

  @Test
  void helpForAnUndeclaredMetricIsRefused() {
    assertThatThrownBy(() -> SelfMetricsSpec.builder().help(UP, "x").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("help for UP, which is not declared");
  }

  @Test
  void theConstructorChecksToo() {
    assertThatThrownBy(() -> new SelfMetricsSpec(Map.of(), "collector", Optional.of("err"), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs LAST_SCRAPE_ERROR");
    SelfMetricsSpec empty = new SelfMetricsSpec(Map.of(), "collector", Optional.empty(), false);
    assertThat(empty.metrics()).isEmpty();
    assertThat(SelfMetricsSpec.builder().add(LAST_SCRAPE_ERROR).errorLabel("err").build().errorLabel())
        .contains("err");
  }

  @Test
  void theSpecCannotBeChangedAfterwards() {
    SelfMetricsSpec s = SelfMetricsSpec.standard();
    assertThatThrownBy(() -> s.metrics().remove(UP)).isInstanceOf(UnsupportedOperationException.class);
  }
}
