package dev.exportersuite.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The text rewrite whatever pieces the writer hands it: a line may start in one write and end in another. */
class GoLabelValuesTest {

  private static final String IN = """
      # HELP g A gauge.
      # TYPE g gauge
      g{le="1.0"} 1.0
      # HELP h A histogram.
      # TYPE h histogram
      h_bucket{le="0.5"} 1
      h_bucket{le="20.0"} 2
      h_bucket{handle="5.0",le="30.0"} 2
      h_bucket{le="+Inf"} 3
      # TYPE s summary
      s{quantile="0.99"} 7.0
      x{a="b"} 2.0
      """;

  /**
   * Only the histogram's le and the summary's quantile change; a gauge's label called le keeps its text, and so
   * does a histogram's label whose name ends in le.
   */
  private static final String OUT = IN.replace("h_bucket{le=\"20.0\"}", "h_bucket{le=\"20\"}")
      .replace("le=\"30.0\"", "le=\"30\"");

  @Test
  void everyWayOfCuttingTheTextGivesTheSameResult() throws Exception {
    byte[] in = IN.getBytes(StandardCharsets.UTF_8);
    for (int chunk : new int[] {1, 2, 3, 7, 16, 64, in.length}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GoLabelValues g = new GoLabelValues(out)) {
        for (int off = 0; off < in.length; off += chunk) {
          g.write(in, off, Math.min(chunk, in.length - off));
        }
      }
      assertThat(out.toString(StandardCharsets.UTF_8)).as("chunks of " + chunk).isEqualTo(OUT);
    }
  }
}
