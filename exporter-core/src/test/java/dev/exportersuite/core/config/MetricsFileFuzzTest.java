package dev.exportersuite.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.exportersuite.core.jdbc.SqlRequest;
import dev.exportersuite.core.testing.HangGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Any bytes as a YAML metrics file, read the way the exporters read a user's file: the result is definitions or a
 * {@link ConfigException} naming this file and a line within it. Any other exception fails the test, and so does
 * an input that runs for {@link HangGuard#BOUND}.
 *
 * <p>Coverage-guided (Jazzer) for the time {@code maxDuration} gives in {@code mvn verify}; the inputs that found
 * new coverage or broke the reader are kept in {@code MetricsFileFuzzTestInputs/} and replayed first.
 */
class MetricsFileFuzzTest {

  private static final Path FILE = tempFile();
  private final MetricsFiles<SqlRequest> files = new MetricsFiles<>("fuzz", SqlRequest.parser());

  @FuzzTest(maxDuration = "15s")
  void loadsOrNamesFileAndLine(byte[] bytes) throws Exception {
    Files.write(FILE, bytes);
    try {
      List<MetricDefinition<SqlRequest>> definitions = HangGuard.call(HangGuard.BOUND, () -> {
        List<MetricDefinition<SqlRequest>> read = files.loadPath(FILE);
        files.checkUnique(read);
        return read;
      });
      assertThat(definitions).allSatisfy(d -> assertThat(d.source().file()).isEqualTo(FILE.toString()));
    } catch (ConfigException e) {
      int lines = lineBreaks(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)) + 2;
      assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
        assertThat(p.file()).isEqualTo(FILE.toString());
        assertThat(p.line()).isBetween(0, lines);
        assertThat(p.problem()).isNotBlank();
      });
    }
  }

  /** Line breaks as YAML counts them. */
  private static int lineBreaks(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        n++;
      }
    }
    return n;
  }

  private static Path tempFile() {
    try {
      Path dir = Files.createTempDirectory("metrics-fuzz");
      dir.toFile().deleteOnExit();
      Path file = dir.resolve("metrics.yaml");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
