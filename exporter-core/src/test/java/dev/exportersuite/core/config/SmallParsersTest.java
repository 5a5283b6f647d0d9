package dev.exportersuite.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmallParsersTest {

  @Test
  void durationsAreWrittenAsInPrometheus() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(Durations.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("10")).isEqualTo(Duration.ofSeconds(10));
    assertThatThrownBy(() -> Durations.parse("2 s")).hasMessageContaining("is not a duration");
    assertThatThrownBy(() -> Durations.parse("2x")).hasMessageContaining("is not a duration");
  }

  @Test
  void environmentReferencesAreExpandedAndUnsetOnesRefused() {
    EnvExpander env = new EnvExpander(Map.of("DB_HOST", "db.local", "EMPTY", ""));
    assertThat(env.apply("jdbc:mysql://${DB_HOST}:3306/")).isEqualTo("jdbc:mysql://db.local:3306/");
    assertThat(env.apply("${MISSING:-fallback}")).isEqualTo("fallback");
    assertThat(env.apply("${EMPTY:-fallback}")).isEqualTo("fallback");
    assertThat(env.apply("pa$$word")).isEqualTo("pa$word");
    assertThatThrownBy(() -> env.apply("${MISSING}")).hasMessageContaining("environment variable MISSING is not set");
  }

  @Test
  void cleanedNamesMatchOracledbExporter() {
    assertThat(MetricNames.clean("User I/O")).isEqualTo("user_io");
    assertThat(MetricNames.clean("CPU (sec)")).isEqualTo("cpu_sec");
    assertThat(MetricNames.clean("a.b-c")).isEqualTo("a_b_c");
  }
}
