package dev.exportersuite.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.PrometheusNaming;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The same answers as the client's own checks, which {@link ClassicNames} stands in for. */
class ClassicNamesTest {

  private static final String ALPHABET = "aZ_:09.-é日\uD83D\uDE00 ";

  @Test
  void agreesWithTheClientOnRandomNames() {
    ClassicNames names = new ClassicNames();
    Random r = new Random(7);
    int classic = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(i < 10_000 ? 6 : 300);
      for (int j = 0; j < n; j++) {
        sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
      }
      String s = sb.toString();
      assertThat(names.isMetricName(s)).as(s).isEqualTo(PrometheusNaming.isValidLegacyMetricName(s));
      assertThat(names.isLabelName(s)).as(s).isEqualTo(PrometheusNaming.isValidLegacyLabelName(s));
      classic += names.isMetricName(s) ? 1 : 0;
    }
    assertThat(classic).as("some names were classic").isGreaterThan(100);
  }
}
