package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server error of 2 MB reaches the err label, the log and the landing page bounded, and its data cut off. */
class ErrorTextTest {

  @TempDir
  Path dir;

  @Test
  void aTwoMegabyteErrorIsCutEverywhereItIsShown() throws Exception {
    Path file = dir.resolve("errors.yaml");
    // The error text carries "data": a marker followed by 2 MiB that must not be shown.
    Files.writeString(file, """
        metrics:
          - context: huge
            collector: huge_error
            request: |
              #!lua flags=no-writes
              return redis.error_reply('ERR secret-data ' .. string.rep('v', 2 * 1024 * 1024) .. ' tail-marker')
            metricsdesc:
              value: "never"
          - context: fine
            collector: fine
            request: DBSIZE
            metricsdesc:
              value: "Keys."
        """);
    try (ExporterProcess exporter = ExporterProcess.ours(Map.of(), "--redis.addr=" + TestRedis.ADDR,
        "--custom.metrics=" + file)) {
      Exposition e = Exposition.parse(exporter.metrics());
      assertThat(e.value("redis_exporter_scrape_errors_total", "collector", "huge_error")).as(e.toString()).contains(1.0);
      assertThat(e.value("redis_fine_value")).isPresent();
      String err = e.samples("redis_exporter_last_scrape_error").get(0).labels().get("err");
      assertThat(err).startsWith("huge_error: ERR secret-data vvvv").contains("... (cut: ").doesNotContain("tail-marker");
      assertThat(err.length()).isLessThan(300);

      String page = Http.get(exporter.url("/")).body();
      assertThat(page).contains("ERR secret-data").contains("... (cut: ").doesNotContain("tail-marker");
      assertThat(page.length()).isLessThan(50_000);
      String log = exporter.log();
      assertThat(log).contains("ERR secret-data").doesNotContain("tail-marker");
      assertThat(log.lines().mapToInt(String::length).max().orElse(0)).isLessThan(1_000);
    }
  }

  @Test
  void boundedTextEscapesControlCharactersAndMarksTheCut() {
    assertThat(ServerErrors.bounded("ERR a\nb\u0000c\u2028")).isEqualTo("ERR a b\\u0000c\\u2028");
    String cut = ServerErrors.bounded("ERR " + "x".repeat(5000));
    assertThat(cut).startsWith("ERR xxx").endsWith("... (cut: 5004 characters)");
    assertThat(cut.length()).isLessThanOrEqualTo(ServerErrors.MAX + 40);
    assertThat(ServerErrors.bounded("short")).isEqualTo("short");
  }
}
